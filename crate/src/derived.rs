//! Figures derived from a report's own headlines, and checks that the report agrees with
//! itself: lifted + remaining = registered, and a stated poverty incidence that matches its
//! populations. A disagreement is a `conflicting_values` warning carrying both evidence spans.

use serde::Serialize;

use crate::report::{Headline, Said, Warning};

/// A figure computed from headlines, never read from the text.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Derived {
    pub id: String,
    pub label_zh: String,
    pub label_en: String,
    pub value: f64,
    pub unit: String,
    /// How it was computed, in words.
    pub formula: String,
    /// The headline ids it was computed from.
    pub inputs: Vec<String>,
}

/// Relative difference tolerated between lifted + remaining and registered: reports round
/// to 万 and registers are adjusted (动态调整) between counts.
const SUM_TOLERANCE: f64 = 0.015;

/// Difference tolerated between a stated and a recomputed incidence, beyond the rounding of
/// the stated figure: at least this many percentage points…
const INCIDENCE_TOLERANCE: f64 = 0.3;
/// …or this share of the stated figure. Registers and incidence bases are counted in
/// different years (井冈山: 2014 register, 2013 incidence), so only a clear contradiction counts.
const INCIDENCE_RELATIVE_TOLERANCE: f64 = 0.35;

fn get<'a>(hs: &'a [Headline], id: &str) -> Option<&'a Headline> {
    hs.iter().find(|h| h.id == id)
}

fn derived(
    id: &str,
    zh: &str,
    en: &str,
    value: f64,
    unit: &str,
    formula: &str,
    inputs: &[&str],
) -> Derived {
    Derived {
        id: id.into(),
        label_zh: zh.into(),
        label_en: en.into(),
        value: (value * 100.0).round() / 100.0,
        unit: unit.into(),
        formula: formula.into(),
        inputs: inputs.iter().map(|s| s.to_string()).collect(),
    }
}

/// The derived figures of a report.
pub fn derive(hs: &[Headline]) -> Vec<Derived> {
    let mut out = Vec::new();
    for (persons, households, id, zh, en) in [
        (
            "poor_population_lifted",
            "poor_households_lifted",
            "persons_per_household_lifted",
            "脱贫户户均人口",
            "Persons per household lifted",
        ),
        (
            "registered_poor_population",
            "registered_poor_households",
            "persons_per_household_registered",
            "建档立卡户户均人口",
            "Persons per registered household",
        ),
        (
            "relocated_population",
            "relocated_households",
            "persons_per_household_relocated",
            "搬迁户户均人口",
            "Persons per relocated household",
        ),
    ] {
        if let (Some(p), Some(h)) = (get(hs, persons), get(hs, households)) {
            if h.value > 0.0 {
                out.push(derived(
                    id,
                    zh,
                    en,
                    p.value / h.value,
                    "person",
                    "persons ÷ households",
                    &[persons, households],
                ));
            }
        }
    }
    if let Some(r) = recomputed_incidence(hs) {
        out.push(derived(
            "poverty_incidence_recomputed",
            "贫困发生率(推算)",
            "Poverty incidence (recomputed)",
            r,
            "percent",
            "starting incidence × remaining ÷ registered poor population",
            &[
                "poverty_incidence_rate_before",
                "remaining_poor_population",
                "registered_poor_population",
            ],
        ));
    }
    if let (Some(l), Some(t)) = (get(hs, "poor_population_lifted"), get(hs, "total_population")) {
        if t.value > 0.0 {
            out.push(derived(
                "lifted_per_10000_residents",
                "每万人脱贫人口",
                "Lifted per 10,000 residents",
                l.value / t.value * 10_000.0,
                "person",
                "people lifted ÷ total population × 10,000",
                &["poor_population_lifted", "total_population"],
            ));
        }
    }
    out
}

/// The latest incidence the populations imply: the starting incidence scaled by the share
/// of the registered poor still remaining (both are shares of the same rural population).
fn recomputed_incidence(hs: &[Headline]) -> Option<f64> {
    let before = get(hs, "poverty_incidence_rate_before")?.value;
    let remaining = get(hs, "remaining_poor_population")?.value;
    let registered = get(hs, "registered_poor_population")?.value;
    (registered > 0.0).then(|| before * remaining / registered)
}

fn conflict(a: &Headline, b: &Headline, said: Said) -> Warning {
    Warning {
        kind: "conflicting_values".into(),
        start: a.start,
        end: a.end,
        message: said.en,
        message_zh: said.zh,
        related: vec![(b.start, b.end)],
    }
}

/// Warnings where the report's own figures disagree.
pub fn check(hs: &[Headline]) -> Vec<Warning> {
    let mut out = Vec::new();
    for (lifted, remaining, registered) in [
        ("poor_population_lifted", "remaining_poor_population", "registered_poor_population"),
        ("poor_households_lifted", "remaining_poor_households", "registered_poor_households"),
    ] {
        let (Some(l), Some(r), Some(g)) =
            (get(hs, lifted), get(hs, remaining), get(hs, registered))
        else {
            continue;
        };
        let sum = l.value + r.value;
        if (sum - g.value).abs() > SUM_TOLERANCE * g.value {
            out.push(conflict(
                g,
                l,
                Said::new(
                    format!(
                        "{} ({}) + {} ({}) = {} but the report gives {} as {}",
                        l.label_en, l.text, r.label_en, r.text, sum, g.label_en, g.text
                    ),
                    format!(
                        "{}({})+{}({})={},但报告给出的{}是{}",
                        l.label_zh, l.text, r.label_zh, r.text, sum, g.label_zh, g.text
                    ),
                ),
            ));
        }
    }
    if let (Some(stated), Some(r)) = (get(hs, "poverty_incidence_rate"), recomputed_incidence(hs)) {
        // The stated figure's own rounding: 0.4% stands for 0.35–0.45.
        let decimals = stated
            .text
            .split('.')
            .nth(1)
            .map_or(0, |d| d.chars().take_while(char::is_ascii_digit).count());
        let rounding = 0.5 * 10f64.powi(-(decimals as i32));
        let tolerance = INCIDENCE_TOLERANCE.max(INCIDENCE_RELATIVE_TOLERANCE * stated.value);
        if (stated.value - r).abs() > rounding + tolerance {
            let before = get(hs, "poverty_incidence_rate_before").unwrap_or(stated);
            out.push(conflict(
                stated,
                before,
                Said::new(
                    format!(
                        "the report's populations put poverty incidence at {r:.2}%, not the stated {}",
                        stated.text
                    ),
                    format!("按报告中的人口数推算,贫困发生率约为{r:.2}%,与所述{}不符", stated.text),
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::TimeScope;

    fn h(id: &str, value: f64, text: &str) -> Headline {
        Headline {
            id: id.into(),
            label_zh: id.into(),
            label_en: id.into(),
            value,
            value_max: None,
            unit: String::new(),
            text: text.into(),
            qualifier: None,
            sentence: String::new(),
            start: 0,
            end: 0,
            sentence_start: 0,
            sentence_end: 0,
            time: TimeScope::default(),
            candidate: 0,
        }
    }

    #[test]
    fn consistent_report_has_no_conflict() {
        // 汾西: 40284 + 495 = 40779, and 32.4% × 495 / 40779 = 0.39% ≈ 0.4%.
        let hs = [
            h("poor_population_lifted", 40284.0, "40284人"),
            h("remaining_poor_population", 495.0, "495人"),
            h("registered_poor_population", 40779.0, "40779人"),
            h("poverty_incidence_rate_before", 32.4, "32.4%"),
            h("poverty_incidence_rate", 0.4, "0.4%"),
        ];
        assert!(check(&hs).is_empty());
        let d = derive(&hs);
        let r = d.iter().find(|d| d.id == "poverty_incidence_recomputed").unwrap();
        assert!((r.value - 0.39).abs() < 0.01);
    }

    #[test]
    fn sums_and_incidences_that_disagree_are_flagged() {
        let hs = [
            h("poor_population_lifted", 40284.0, "40284人"),
            h("remaining_poor_population", 4950.0, "4950人"),
            h("registered_poor_population", 40779.0, "40779人"),
            h("poverty_incidence_rate_before", 32.4, "32.4%"),
            h("poverty_incidence_rate", 0.4, "0.4%"),
        ];
        let w = check(&hs);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w.iter().all(|w| w.kind == "conflicting_values" && w.related.len() == 1));
    }

    #[test]
    fn persons_per_household() {
        let hs =
            [h("poor_population_lifted", 63101.0, ""), h("poor_households_lifted", 17541.0, "")];
        let d = derive(&hs);
        assert_eq!(d[0].id, "persons_per_household_lifted");
        assert!((d[0].value - 3.6).abs() < 0.01);
    }
}
