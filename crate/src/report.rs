//! The result of reading one report, and the entry points that produce it.
//!
//! All offsets (`start`, `end`) are half-open and count Unicode scalar values (Rust `char`s)
//! in [`Report::text`], the decoded document text. The Wasm layer converts them to UTF-16.
//!
//! The types also deserialize, so the page can hand back the reports it holds (for the Excel
//! export); what a report kept by an older page may lack (derived figures, time scopes, the
//! province, candidates and text, which the page leaves out) defaults to empty.

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;

/// One report, read.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    /// The file name (or "pasted text") the report came from.
    pub source: String,
    /// The encoding the bytes were decoded from, e.g. "UTF-8", "GB18030", "Big5", "UTF-16LE".
    pub encoding: String,
    /// "text" or "html".
    pub format: String,
    /// The main region the report is about, when it can be told.
    pub region: Option<RegionInfo>,
    /// Headline values: at most one per indicator id, in catalog order.
    pub indicators: Vec<Headline>,
    /// Every candidate figure considered, with why it won or lost.
    #[serde(default)]
    pub candidates: Vec<Candidate>,
    /// Data-quality warnings.
    #[serde(default)]
    pub warnings: Vec<Warning>,
    /// Figures computed from the headlines (persons per household, recomputed incidence…).
    #[serde(default)]
    pub derived: Vec<crate::derived::Derived>,
    /// The decoded document text all offsets refer to (set when read from bytes; the CLI
    /// prints it only with --text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RegionInfo {
    /// Full current name, e.g. "石柱土家族自治县".
    pub name: String,
    /// Six-digit GB/T 2260 code as a string.
    pub adcode: String,
    /// The province-level name the region belongs to (itself for a province).
    #[serde(default)]
    pub province: String,
    /// The first mention of the region in the text.
    pub start: usize,
    pub end: usize,
}

/// The time a figure refers to, as the text states it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct TimeScope {
    /// The time words as written, e.g. "截至2019年底", "2015年以来累计", "2020年…预计".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The latest year named, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Stated as a cumulative total (累计, 以来, 全部, 共计…).
    pub cumulative: bool,
    /// A forecast (预计).
    pub forecast: bool,
}

/// A headline value for one indicator.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Headline {
    pub id: String,
    pub label_zh: String,
    pub label_en: String,
    /// The value in the indicator's canonical unit (83000 for 8.3万户).
    pub value: f64,
    /// Upper bound when the text states a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    /// Canonical unit id: person, household, village, percent, yuan, km, person_time, team, post.
    pub unit: String,
    /// The figure as written, e.g. "8.3万户".
    pub text: String,
    /// Approximation or bound as written: 余, 多, 近, 约, 超, 以上, 左右…
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// The evidence sentence.
    pub sentence: String,
    /// Span of `text` in the document text.
    pub start: usize,
    pub end: usize,
    /// Span of `sentence` in the document text.
    pub sentence_start: usize,
    pub sentence_end: usize,
    #[serde(default)]
    pub time: TimeScope,
    /// Index into [`Report::candidates`] of the winning candidate.
    pub candidate: usize,
}

/// A figure that could measure an indicator, with the verdict of the headline rules.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Candidate {
    pub id: String,
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    pub unit: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    pub start: usize,
    pub end: usize,
    pub sentence_start: usize,
    pub sentence_end: usize,
    #[serde(default)]
    pub time: TimeScope,
    /// The classification score (higher is a surer match of the indicator's wording).
    pub score: f64,
    /// "headline" or "lost".
    pub status: String,
    /// Why it won or lost, in a sentence a user can read.
    pub reason: String,
    /// The same in Chinese.
    #[serde(default)]
    pub reason_zh: String,
}

/// A data-quality problem found in the text.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Warning {
    /// missing_number, corrupt_text, censored_text, duplicate_paragraph, conflicting_values.
    pub kind: String,
    pub start: usize,
    pub end: usize,
    pub message: String,
    /// The same in Chinese.
    #[serde(default)]
    pub message_zh: String,
    /// Extra spans, e.g. the other value of a conflict or the first copy of a paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<(usize, usize)>,
}

/// A sentence for the user in English and Chinese (the page shows the interface's language).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Said {
    pub en: String,
    pub zh: String,
}

impl Said {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Said {
        Said { en: en.into(), zh: zh.into() }
    }
}

impl Report {
    /// Keeps each indicator's headline candidate and at most `max_lost` of its other
    /// candidates (the best scored, in text order), and renumbers the headlines' indices.
    /// The page shows a report's candidates only to explain one figure; a 20 MiB report has
    /// some 175,000, which took seconds of the page's main thread to receive and store.
    pub fn keep_candidates(&mut self, max_lost: usize) {
        let mut keep = vec![false; self.candidates.len()];
        for h in &self.indicators {
            if let Some(k) = keep.get_mut(h.candidate) {
                *k = true;
            }
        }
        let mut lost: Vec<usize> = (0..self.candidates.len()).filter(|&i| !keep[i]).collect();
        if lost.len() <= max_lost {
            return;
        }
        // Best score first, then text order; the first `max_lost` of each indicator stay.
        crate::sort::sort_by(&mut lost, |&a, &b| {
            self.candidates[b].score.total_cmp(&self.candidates[a].score).then(a.cmp(&b))
        });
        let mut per_id: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for i in lost {
            let n = per_id.entry(self.candidates[i].id.as_str()).or_default();
            if *n < max_lost {
                *n += 1;
                keep[i] = true;
            }
        }
        let mut new_index = vec![usize::MAX; self.candidates.len()];
        let mut next = 0;
        for (i, &k) in keep.iter().enumerate() {
            if k {
                new_index[i] = next;
                next += 1;
            }
        }
        let mut i = 0;
        self.candidates.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        for h in &mut self.indicators {
            h.candidate = new_index.get(h.candidate).copied().unwrap_or(h.candidate);
        }
    }
}

/// Why a file could not be read at all. Problems inside a readable text are [`Warning`]s.
#[derive(Debug, Clone, PartialEq)]
pub enum InputError {
    /// Zero bytes, or only white space.
    Empty,
    /// The bytes are not text (an image, an archive, random bytes).
    Binary {
        /// What the file is, as a noun phrase: "a PNG image", "binary data".
        what: String,
        /// What to do instead, as a sentence, for documents that hold text (PDF, Word…).
        advice: Option<String>,
    },
    /// Over the size cap, in bytes.
    TooLarge { size: usize, limit: usize },
    /// Text, but no Chinese in it.
    NoChinese,
}

/// A megabyte as file managers count it, so that the message matches what the user sees.
const MB: f64 = 1024.0 * 1024.0;

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::Empty => write!(f, "the file is empty (or holds only white space)"),
            InputError::Binary { what, advice: None } => {
                write!(f, "this is {what}, not a text report")
            }
            InputError::Binary { what, advice: Some(advice) } => {
                write!(f, "this is {what}, not a text report. {advice}.")
            }
            InputError::TooLarge { size, limit } => write!(
                f,
                "the file is {:.1} MB; the limit is {:.0} MB per report",
                *size as f64 / MB,
                *limit as f64 / MB
            ),
            InputError::NoChinese => {
                write!(f, "the text contains no Chinese characters")
            }
        }
    }
}

impl std::error::Error for InputError {}

/// Reads a report from its raw bytes (any supported encoding, text or HTML).
pub fn analyze(bytes: &[u8], source: &str, catalog: &Catalog) -> Result<Report, InputError> {
    crate::extract::engine_for(catalog).analyze(bytes, source)
}

/// Reads a report that is already text (pasted into the page, say).
pub fn analyze_text(text: &str, source: &str, catalog: &Catalog) -> Result<Report, InputError> {
    crate::extract::engine_for(catalog).analyze_text(text, source)
}

#[cfg(test)]
mod tests {
    use crate::Engine;

    #[test]
    fn keep_candidates_keeps_every_headline_and_the_best_others() {
        let text = "兰考县累计减少贫困人口3.2万人。".to_string()
            + &"某年减少贫困人口1200人，贫困发生率降至1.5%。".repeat(40);
        let full = Engine::builtin().analyze_text(&text, "t").expect("a report");
        let headlines = |r: &super::Report| -> Vec<(String, usize, f64)> {
            r.indicators
                .iter()
                .map(|h| (h.id.clone(), r.candidates[h.candidate].start, h.value))
                .collect()
        };
        let mut cut = full.clone();
        cut.keep_candidates(3);
        assert!(full.candidates.len() > cut.candidates.len(), "{}", full.candidates.len());
        assert_eq!(headlines(&cut), headlines(&full));
        for h in &cut.indicators {
            assert_eq!(cut.candidates[h.candidate].status, "headline");
            let others =
                cut.candidates.iter().filter(|c| c.id == h.id && c.status != "headline").count();
            assert!(others <= 3, "{}: {others}", h.id);
        }
        assert!(cut.candidates.windows(2).all(|p| p[0].start <= p[1].start), "text order kept");
    }
}
