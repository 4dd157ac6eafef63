//! Choosing the headline value of each indicator among its candidates, by the spec's rules:
//! only the main region's own figures; cumulative over yearly; latest over older; a stated
//! total over its parts; never a summed or guessed number. Every candidate keeps the reason
//! it won or lost; conflicts the rules cannot order become `conflicting_values` warnings.

use std::cmp::Ordering;

use crate::report::{TimeScope, Warning};
use crate::segment::Span;

/// A figure classified as an indicator, before the headline rules are applied.
#[derive(Debug, Clone)]
pub struct Cand {
    /// Index of the quantity in the document's quantity list.
    pub quantity: usize,
    /// Index of the indicator in the catalog.
    pub indicator: usize,
    pub value: f64,
    pub score: f64,
    /// The weight of the matched rule (its kind of wording, before distance).
    pub weight: f64,
    pub cues: Vec<String>,
    pub time: TimeScope,
    /// A main-region marker (全县, the region's name) stands before it in its sentence.
    pub main_marker: bool,
    /// Why it cannot be a headline at all (township scope, part, damaged…), if so.
    pub excluded: Option<String>,
    /// Normalised spans.
    pub span: Span,
    pub sentence: Span,
    /// Original (decoded-text) spans, for warnings.
    pub orig_span: Span,
}

/// Rules of at least this weight are a sure match of the indicator's wording.
const STRONG: f64 = 2.5;

/// Sort key: the better candidate compares greater.
fn rank(a: &Cand, b: &Cand) -> Ordering {
    let tier = |c: &Cand| c.weight >= STRONG;
    tier(a)
        .cmp(&tier(b))
        .then(a.time.cumulative.cmp(&b.time.cumulative))
        .then(a.time.year.unwrap_or(0).cmp(&b.time.year.unwrap_or(0)))
        .then(a.main_marker.cmp(&b.main_marker))
        .then(a.value.partial_cmp(&b.value).unwrap_or(Ordering::Equal))
        // The earlier statement of equal figures wins (it is usually the lead paragraph).
        .then(b.span.0.cmp(&a.span.0))
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= f64::max(0.005, 0.005 * b.abs())
}

/// Why `loser` ranks below `winner`, in words a user can read.
fn loss_reason(winner: &Cand, loser: &Cand, winner_text: &str) -> String {
    if same_value(winner.value, loser.value) {
        return format!("the same figure as the headline {winner_text}, stated again");
    }
    if winner.weight >= STRONG && loser.weight < STRONG {
        return "its wording matches the indicator less surely".into();
    }
    if winner.time.cumulative && !loser.time.cumulative {
        return format!("a single period's figure; the cumulative total {winner_text} wins");
    }
    if winner.time.year.unwrap_or(0) > loser.time.year.unwrap_or(0) {
        return format!(
            "older than the headline {winner_text} ({})",
            winner.time.year.unwrap_or(0)
        );
    }
    if winner.main_marker && !loser.main_marker {
        return format!("{winner_text} is stated for the whole region");
    }
    if winner.value > loser.value {
        return format!("smaller than the stated total {winner_text}; likely a part of it");
    }
    "ranked below the headline by the rules".into()
}

/// The best eligible candidate of indicator `ind`, by the headline rules.
pub fn best(cands: &[Cand], ind: usize) -> Option<usize> {
    (0..cands.len())
        .filter(|&i| cands[i].indicator == ind && cands[i].excluded.is_none())
        .max_by(|&a, &b| rank(&cands[a], &cands[b]))
}

/// Chooses the winner of each indicator. Returns, per candidate, whether it won and why;
/// and the conflict warnings. `texts[i]` is candidate i's figure as written.
pub fn choose(
    cands: &[Cand],
    n_indicators: usize,
    texts: &[String],
    labels: &[String],
) -> (Vec<Option<usize>>, Vec<String>, Vec<Warning>) {
    let mut winners = vec![None; n_indicators];
    let mut reasons: Vec<String> =
        cands.iter().map(|c| c.excluded.clone().unwrap_or_default()).collect();
    let mut warnings = Vec::new();
    for ind in 0..n_indicators {
        let mut eligible: Vec<usize> = (0..cands.len())
            .filter(|&i| cands[i].indicator == ind && cands[i].excluded.is_none())
            .collect();
        if eligible.is_empty() {
            continue;
        }
        eligible.sort_by(|&a, &b| rank(&cands[b], &cands[a]));
        let w = eligible[0];
        winners[ind] = Some(w);
        let wc = &cands[w];
        reasons[w] = format!(
            "headline: {}{}{}",
            wc.cues.join("/"),
            if wc.time.cumulative { ", cumulative" } else { "" },
            wc.time.text.as_deref().map(|t| format!(", {t}")).unwrap_or_default()
        );
        for &l in &eligible[1..] {
            reasons[l] = loss_reason(wc, &cands[l], &texts[w]);
        }
        if let Some(&l) = eligible.iter().skip(1).find(|&&l| conflicts(wc, &cands[l])) {
            let lc = &cands[l];
            warnings.push(Warning {
                kind: "conflicting_values".into(),
                start: wc.orig_span.0,
                end: wc.orig_span.1,
                message: format!(
                    "{}: the report states both {} and {} with nothing to tell which is the total or the latest",
                    labels[ind], texts[w], texts[l]
                ),
                related: vec![lc.orig_span],
            });
        }
    }
    (winners, reasons, warnings)
}

/// Two strong statements of one indicator, in different sentences, with the same time
/// scope and scope marker, whose values differ: the rules cannot order them.
fn conflicts(w: &Cand, l: &Cand) -> bool {
    w.weight >= STRONG
        && l.weight >= STRONG
        && w.sentence != l.sentence
        && w.time.cumulative == l.time.cumulative
        // A sentence that names no year shares its paragraph's.
        && (w.time.year == l.time.year || w.time.year.is_none() || l.time.year.is_none())
        && w.main_marker == l.main_marker
        && !same_value(w.value, l.value)
        // Figures far apart in size are a total and a part, not two versions of one total.
        && w.value.max(l.value) <= CONFLICT_RATIO * w.value.min(l.value)
}

/// The largest ratio between two statements of one total that still reads as a conflict.
const CONFLICT_RATIO: f64 = 1.5;
