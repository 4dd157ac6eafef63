//! Figures derived from a report's own headlines, and checks that the report agrees with
//! itself: lifted + remaining = registered, and a stated poverty incidence that matches its
//! populations. A disagreement is a `conflicting_values` warning carrying both evidence spans.

use serde::{Deserialize, Serialize};

use crate::report::{Headline, Said, Warning};

/// A figure computed from headlines, never read from the text.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Derived {
    pub id: String,
    pub label_zh: String,
    pub label_en: String,
    pub value: f64,
    pub unit: String,
    /// How it was computed, in words.
    pub formula: String,
    /// The same in Chinese.
    #[serde(default)]
    pub formula_zh: String,
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
    formula: Said,
    inputs: &[&str],
) -> Derived {
    Derived {
        id: id.into(),
        label_zh: zh.into(),
        label_en: en.into(),
        value: (value * 100.0).round() / 100.0,
        unit: unit.into(),
        formula: formula.en,
        formula_zh: formula.zh,
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
                    Said::new("persons ÷ households", "人数 ÷ 户数"),
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
            Said::new(
                "starting incidence × remaining ÷ registered poor population",
                "起始贫困发生率 × 剩余贫困人口 ÷ 建档立卡贫困人口",
            ),
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
                Said::new("people lifted ÷ total population × 10,000", "脱贫人口 ÷ 总人口 × 10000"),
                &["poor_population_lifted", "total_population"],
            ));
        }
    }
    out
}

/// The latest incidence the populations imply: the starting incidence scaled by the share
/// of the registered poor still remaining (both are shares of the same rural population).
/// The year the registered poor were identified (精准识别, on 2013's figures).
const IDENTIFICATION_YEAR: i32 = 2014;

fn recomputed_incidence(hs: &[Headline]) -> Option<f64> {
    let before = get(hs, "poverty_incidence_rate_before")?;
    let remaining = get(hs, "remaining_poor_population")?.value;
    let registered = get(hs, "registered_poor_population")?;
    // The starting rate is the registered population's share only at the identification
    // (2013's figures, registered in 2014) or the register's own date: a change stated from
    // a later year (由2016年底的11.9%降至7.3%) starts from fewer poor.
    if let Some(a) = before.time.year {
        if a > IDENTIFICATION_YEAR && Some(a) != registered.time.year {
            return None;
        }
    }
    (registered.value > 0.0).then(|| before.value * remaining / registered.value)
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

    /// `h` with its figure at `start..start + 4` in the text.
    fn at(start: usize, mut headline: Headline) -> Headline {
        headline.start = start;
        headline.end = start + 4;
        headline
    }

    #[test]
    fn incidence_is_recomputed_from_the_populations() {
        // 井冈山: 13.8% × 1417 / 16934 = 1.1547…%, rounded to two decimals.
        let hs = [
            h("registered_poor_population", 16934.0, "16934人"),
            h("remaining_poor_population", 1417.0, "1417人"),
            h("poverty_incidence_rate_before", 13.8, "13.8%"),
        ];
        let d = derive(&hs);
        let r = d.iter().find(|d| d.id == "poverty_incidence_recomputed").expect("recomputed");
        assert_eq!(r.value, 1.15);
        assert_eq!(r.unit, "percent");
        assert_eq!(
            r.inputs,
            [
                "poverty_incidence_rate_before",
                "remaining_poor_population",
                "registered_poor_population"
            ]
        );
        assert!(r.formula_zh.contains("剩余贫困人口"), "{}", r.formula_zh);
        // Without the starting incidence there is nothing to scale.
        assert!(derive(&hs[..2]).iter().all(|d| d.id != "poverty_incidence_recomputed"));
    }

    #[test]
    fn household_ratios_and_lifted_per_ten_thousand() {
        let hs = [
            h("registered_poor_population", 108121.0, ""),
            h("registered_poor_households", 44415.0, ""),
            h("poor_population_lifted", 107196.0, ""),
            h("total_population", 230000.0, ""),
        ];
        let d = derive(&hs);
        let get = |id: &str| d.iter().find(|d| d.id == id).map(|d| d.value);
        assert_eq!(get("persons_per_household_registered"), Some(2.43));
        // 107196 / 230000 × 10000 = 4660.69…
        assert_eq!(get("lifted_per_10000_residents"), Some(4660.7));
        // No households lifted stated: no ratio for them.
        assert_eq!(get("persons_per_household_lifted"), None);
        // A zero denominator gives no figure rather than infinity.
        let zero = [h("relocated_population", 100.0, ""), h("relocated_households", 0.0, "")];
        assert!(derive(&zero).is_empty());
    }

    #[test]
    fn lifted_plus_remaining_not_registered_is_flagged_with_both_spans() {
        let hs = [
            at(10, h("poor_households_lifted", 17541.0, "17541户")),
            at(30, h("remaining_poor_households", 300.0, "300户")),
            at(50, h("registered_poor_households", 20000.0, "20000户")),
        ];
        let w = check(&hs);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].kind, "conflicting_values");
        // The registered figure, and the lifted one it disagrees with.
        assert_eq!((w[0].start, w[0].end), (50, 54));
        assert_eq!(w[0].related, [(10, 14)]);
        assert!(w[0].message.contains("17841"), "{}", w[0].message);
        assert!(w[0].message_zh.contains("17841") && w[0].message_zh.contains("20000户"));
    }

    #[test]
    fn sums_within_rounding_are_not_flagged() {
        // 4.03万 + 0.05万 = 4.08万 against a register of 4.1万: 0.5% apart, as 万 rounds.
        let close = [
            h("poor_population_lifted", 40300.0, "4.03万人"),
            h("remaining_poor_population", 500.0, "500人"),
            h("registered_poor_population", 41000.0, "4.1万人"),
        ];
        assert!(check(&close).is_empty());
        // 3% apart is not rounding.
        let far = [
            h("poor_population_lifted", 39300.0, "3.93万人"),
            h("remaining_poor_population", 500.0, "500人"),
            h("registered_poor_population", 41000.0, "4.1万人"),
        ];
        assert_eq!(check(&far).len(), 1);
    }

    #[test]
    fn a_start_rate_of_a_later_year_than_the_register_recomputes_nothing() {
        // 由2016年底的11.9%降至7.3%, with the 2017 register: 11.9% is not the register's share.
        let dated = |mut x: Headline, year| {
            x.time.year = Some(year);
            x
        };
        let hs = [
            dated(h("registered_poor_population", 168502.0, "168502人"), 2017),
            h("remaining_poor_population", 49538.0, "49538人"),
            dated(h("poverty_incidence_rate_before", 11.9, "11.9%"), 2016),
            h("poverty_incidence_rate", 7.3, "7.3%"),
        ];
        assert!(check(&hs).is_empty());
        assert!(!derive(&hs).iter().any(|d| d.id == "poverty_incidence_recomputed"));
        // The identification's rate (end of 2013) beside the 2014 register still recomputes.
        let hs = [
            dated(h("registered_poor_population", 16934.0, "16934人"), 2014),
            h("remaining_poor_population", 1417.0, "1417人"),
            dated(h("poverty_incidence_rate_before", 13.8, "13.8%"), 2013),
        ];
        assert!(derive(&hs).iter().any(|d| d.id == "poverty_incidence_recomputed"));
    }

    #[test]
    fn stated_incidence_far_from_the_populations_is_flagged() {
        // The sum agrees (40284 + 495 = 40779) but 32.4% × 495 / 40779 = 0.39%, not 3%.
        let hs = [
            h("poor_population_lifted", 40284.0, "40284人"),
            h("remaining_poor_population", 495.0, "495人"),
            h("registered_poor_population", 40779.0, "40779人"),
            at(80, h("poverty_incidence_rate_before", 32.4, "32.4%")),
            at(120, h("poverty_incidence_rate", 3.0, "3%")),
        ];
        let w = check(&hs);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!((w[0].start, w[0].related[0]), (120, (80, 84)));
        assert!(w[0].message.contains("0.39%"), "{}", w[0].message);
        assert!(w[0].message_zh.contains("0.39%"), "{}", w[0].message_zh);
    }

    #[test]
    fn stated_incidence_within_rounding_and_tolerance_is_not_flagged() {
        // Recomputed 0.39%; "0.5%" stands for 0.45–0.55 and is within the tolerance.
        for stated in [(0.5, "0.5%"), (0.7, "0.7%"), (0.39, "0.39%")] {
            let hs = [
                h("remaining_poor_population", 495.0, "495人"),
                h("registered_poor_population", 40779.0, "40779人"),
                h("poverty_incidence_rate_before", 32.4, "32.4%"),
                h("poverty_incidence_rate", stated.0, stated.1),
            ];
            assert!(check(&hs).is_empty(), "{stated:?}: {:?}", check(&hs));
        }
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
