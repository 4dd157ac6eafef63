//! Choosing the headline value of each indicator among its candidates, by the spec's rules:
//! only the main region's own figures; cumulative over yearly; latest over older; a stated
//! total over its parts; never a summed or guessed number. Every candidate keeps the reason
//! it won or lost; conflicts the rules cannot order become `conflicting_values` warnings.

use std::cmp::Ordering;

use crate::report::{Said, TimeScope, Warning};
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
    /// A rate the figure says something came down or up to (贫困发生率由29.6%下降到零).
    pub level_reached: bool,
    /// The year the figure is of, for ranking: its own year, or for an undated rate reached
    /// the report's present year or the indicator's latest dated one, whichever is later
    /// (see `extract::date_reached_levels`).
    pub rank_year: Option<i32>,
    /// The month within that year the figure is of (截至10月底 → 10), for ranking two
    /// statements of one year; 12 when none is named (the year's end, or the year whole).
    pub rank_month: u8,
    /// Why it cannot be a headline at all (township scope, part, damaged…), if so.
    pub excluded: Option<Said>,
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
        .then(a.rank_year.unwrap_or(0).cmp(&b.rank_year.unwrap_or(0)))
        .then(a.rank_month.cmp(&b.rank_month))
        .then(a.level_reached.cmp(&b.level_reached))
        .then(a.main_marker.cmp(&b.main_marker))
        .then(a.value.partial_cmp(&b.value).unwrap_or(Ordering::Equal))
        // The earlier statement of equal figures wins (it is usually the lead paragraph).
        .then(b.span.0.cmp(&a.span.0))
}

pub(crate) fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= f64::max(0.005, 0.005 * b.abs())
}

/// Why `loser` ranks below `winner`, in words a user can read.
fn loss_reason(winner: &Cand, loser: &Cand, w: &str) -> Said {
    if same_value(winner.value, loser.value) {
        return Said::new(
            ["the same figure as the headline ", w, ", stated again"].concat(),
            ["与采用的", w, "相同,是重复表述"].concat(),
        );
    }
    if winner.weight >= STRONG && loser.weight < STRONG {
        return Said::new(
            "its wording matches the indicator less surely",
            "措辞与该指标的对应不够明确",
        );
    }
    if winner.time.cumulative && !loser.time.cumulative {
        return Said::new(
            ["a single period's figure; the cumulative total ", w, " wins"].concat(),
            ["只是某一时段的数字,采用累计数", w].concat(),
        );
    }
    if winner.rank_year.unwrap_or(0) > loser.rank_year.unwrap_or(0) {
        let y = winner.rank_year.unwrap_or(0).to_string();
        return Said::new(
            ["older than the headline ", w, " (", &y, ")"].concat(),
            ["早于采用的", w, "(", &y, "年)"].concat(),
        );
    }
    if winner.rank_year == loser.rank_year && winner.rank_month > loser.rank_month {
        let m = loser.rank_month.to_string();
        return Said::new(
            ["stated as of month ", &m, ", before the headline ", w].concat(),
            ["是", &m, "月的数字,早于采用的", w].concat(),
        );
    }
    if winner.level_reached && !loser.level_reached {
        return Said::new(
            ["the headline ", w, " is the level it came down or up to"].concat(),
            ["采用的", w, "是变化后达到的水平"].concat(),
        );
    }
    if winner.main_marker && !loser.main_marker {
        return Said::new(
            [w, " is stated for the whole region"].concat(),
            [w, "是全域的数字"].concat(),
        );
    }
    if winner.value > loser.value {
        return Said::new(
            ["smaller than the stated total ", w, "; likely a part of it"].concat(),
            ["小于总数", w, ",可能只是其中一部分"].concat(),
        );
    }
    Said::new("ranked below the headline by the rules", "按规则排在采用的数字之后")
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
    labels: &[&str],
) -> (Vec<Option<usize>>, Vec<Said>, Vec<Warning>) {
    let mut winners = vec![None; n_indicators];
    let mut reasons: Vec<Said> =
        cands.iter().map(|c| c.excluded.clone().unwrap_or_default()).collect();
    let mut warnings = Vec::new();
    for ind in 0..n_indicators {
        let mut eligible: Vec<usize> = (0..cands.len())
            .filter(|&i| cands[i].indicator == ind && cands[i].excluded.is_none())
            .collect();
        if eligible.is_empty() {
            continue;
        }
        crate::sort::sort_by(&mut eligible, |&a, &b| rank(&cands[b], &cands[a]));
        let w = eligible[0];
        winners[ind] = Some(w);
        let wc = &cands[w];
        // Strings joined, not format!ed: this runs for every indicator of every report.
        let cues = wc.cues.join("/");
        let (comma, comma_zh, when) = match wc.time.text.as_deref() {
            Some(t) => (", ", ",", t),
            None => ("", "", ""),
        };
        reasons[w] = Said::new(
            [
                "headline: ",
                &cues,
                if wc.time.cumulative { ", cumulative" } else { "" },
                comma,
                when,
            ]
            .concat(),
            [
                "采用:",
                &cues,
                if wc.time.cumulative { ",累计" } else { "" },
                comma_zh,
                &when.replace(", ", ","),
            ]
            .concat(),
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
                message_zh: format!(
                    "{}:报告同时给出{}和{},无法判断哪个是总数或最新数",
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
        // …unless the report dates it otherwise (a title's year for its undated levels).
        && !matches!((w.rank_year, l.rank_year), (Some(a), Some(b)) if a != b)
        && w.rank_month == l.rank_month
        && w.main_marker == l.main_marker
        && measure(w) == measure(l)
        && !same_value(w.value, l.value)
        // Figures far apart in size are a total and a part, not two versions of one total.
        && w.value.max(l.value) <= CONFLICT_RATIO * w.value.min(l.value)
}

/// Which of two measures of income a figure's cues name: 纯收入 (net, the old survey's) or
/// 可支配收入 (disposable), or of population: 常住 (resident) or 户籍 (registered); or none.
/// Two measures of one year are no conflict (农村居民人均可支配收入12460元 beside 贫困户人均纯收入
/// 10230元; 户籍总人口92.37万人 beside 常住人口66.8万人).
fn measure(c: &Cand) -> u8 {
    let named = |w: &str| c.cues.iter().any(|cue| cue.contains(w));
    if named("纯收入") {
        1
    } else if named("可支配") {
        2
    } else if named("常住") {
        // Resident and registered (户籍) population: two counts of one region, both stated.
        3
    } else if named("户籍") {
        4
    } else {
        0
    }
}

/// The largest ratio between two statements of one total that still reads as a conflict.
const CONFLICT_RATIO: f64 = 1.5;
