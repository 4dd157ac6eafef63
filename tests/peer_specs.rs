//! Runs the number reader over the Recognizers-Text Chinese number and percent specs in
//! `shared/peer-specs/recognizers-text/Number/Chinese` (NumberModel.json, PercentModel.json).
//!
//! How a case is judged: the case passes when the list of (text, start, end, value) that
//! `numbers::scan` reports equals the list of expected results, in order. Texts are compared
//! after folding full-width ASCII to half-width and lower-casing ASCII (the peer writes "２．２"
//! as "2.2" and "21.2E0" as "21.2e0"); the peer's inclusive `End` is turned into a half-open
//! end; values are compared with a relative tolerance of 1e-9 (the peer prints 15 digits).
//! Every case counts, including those marked NotSupported for some port.
//!
//! - PercentModel: the matches with `percent == true`, as reported ("百分之五" → 5).
//! - NumberModel: every match, reduced to the bare number the peer's number model reports.
//!   Qualifier words at either edge of the span are trimmed (四百多 → 四百; the value already
//!   ignores them); percentages written 百分之X or X个百分点 become the number X inside them
//!   (the value is the same); other percentages (%, ‰, 成, 折, 千分之…) are percent-only in
//!   the peer's scheme and are left out. A range counts as one match and so fails.
//!
//! The cases still failing are listed, with a reason, in `tests/peer_specs_known_failures.txt`.
//! The test fails when the failures differ from that list in either direction, and when a
//! file's pass rate drops below 95%. `UPDATE_KNOWN_FAILURES=1 cargo test --test peer_specs`
//! rewrites the list, keeping the reasons already written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use zhibiao::numbers::{scan, NumberMatch, PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS};

const FILES: [&str; 2] = ["NumberModel.json", "PercentModel.json"];
const MIN_PASS_RATE: f64 = 0.95;

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Case {
    input: String,
    results: Vec<Expected>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Expected {
    text: String,
    start: usize,
    end: usize,
    resolution: Option<Resolution>,
}

#[derive(Deserialize)]
struct Resolution {
    value: Option<String>,
}

/// One reported or expected number: normalised text, half-open span, value.
#[derive(Debug, Clone)]
struct Item {
    text: String,
    start: usize,
    end: usize,
    value: f64,
}

impl PartialEq for Item {
    fn eq(&self, o: &Item) -> bool {
        let tol = 1e-9 * self.value.abs().max(o.value.abs()).max(1e-300);
        self.text == o.text
            && self.start == o.start
            && self.end == o.end
            && (self.value - o.value).abs() <= tol
    }
}

fn spec_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/peer-specs/recognizers-text/Number/Chinese")
}

fn known_failures_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/peer_specs_known_failures.txt")
}

fn norm(s: &str) -> String {
    s.chars()
        .map(|c| {
            let u = c as u32;
            let c = if (0xFF01..=0xFF5E).contains(&u) {
                char::from_u32(u - 0xFEE0).unwrap_or(c)
            } else {
                c
            };
            c.to_ascii_lowercase()
        })
        .collect()
}

fn item(chars: &[char], start: usize, end: usize, value: f64) -> Item {
    Item { text: norm(&chars[start..end].iter().collect::<String>()), start, end, value }
}

fn expected(case: &Case) -> Vec<Item> {
    case.results
        .iter()
        .map(|r| {
            let v = r.resolution.as_ref().and_then(|r| r.value.as_deref()).unwrap_or("NaN");
            let value = v.trim_end_matches('%').parse::<f64>().unwrap_or(f64::NAN);
            Item { text: norm(&r.text), start: r.start, end: r.end + 1, value }
        })
        .collect()
}

fn starts_with(chars: &[char], s: usize, e: usize, w: &str) -> bool {
    let w: Vec<char> = w.chars().collect();
    e - s >= w.len() && chars[s..s + w.len()] == w[..]
}

fn ends_with(chars: &[char], s: usize, e: usize, w: &str) -> bool {
    let w: Vec<char> = w.chars().collect();
    e - s >= w.len() && chars[e - w.len()..e] == w[..]
}

/// Skips `word` at `s` allowing spaces between its chars; the index after it.
fn skip_spaced(chars: &[char], mut s: usize, e: usize, word: &str) -> Option<usize> {
    for (k, w) in word.chars().enumerate() {
        if k > 0 {
            while s < e && chars[s] == ' ' {
                s += 1;
            }
        }
        if s >= e || chars[s] != w {
            return None;
        }
        s += 1;
    }
    Some(s)
}

/// Trims a marker spelled (with optional spaces) at the end of [s, e).
fn trim_spaced_end(chars: &[char], s: usize, mut e: usize, word: &str) -> Option<usize> {
    for (k, w) in word.chars().rev().enumerate() {
        if k > 0 {
            while e > s && chars[e - 1] == ' ' {
                e -= 1;
            }
        }
        if e <= s || chars[e - 1] != w {
            return None;
        }
        e -= 1;
    }
    Some(e)
}

/// The NumberModel view of a match: see the header comment.
fn as_peer_number(chars: &[char], m: &NumberMatch) -> Option<Item> {
    let (mut s, mut e) = (m.start, m.end);
    if m.percent {
        let head = ["百分之", "佰分之"].iter().find_map(|w| skip_spaced(chars, s, e, w));
        let tail = ["个百分点", "個百分點"].iter().find_map(|w| trim_spaced_end(chars, s, e, w));
        match (head, tail) {
            (Some(h), _) => s = h,
            (None, Some(t)) => e = t,
            (None, None) => return None,
        }
    }
    if let Some(w) = PREFIX_QUALIFIERS.iter().find(|w| starts_with(chars, s, e, w)) {
        s += w.chars().count();
    }
    if let Some(w) = SUFFIX_QUALIFIERS.iter().find(|w| ends_with(chars, s, e, w)) {
        e -= w.chars().count();
    }
    while s < e && chars[s] == ' ' {
        s += 1;
    }
    while e > s && chars[e - 1] == ' ' {
        e -= 1;
    }
    Some(item(chars, s, e, m.value))
}

fn actual(file: &str, input: &str) -> Vec<Item> {
    let chars: Vec<char> = input.chars().collect();
    let found = scan(&chars);
    if file == "PercentModel.json" {
        found.iter().filter(|m| m.percent).map(|m| item(&chars, m.start, m.end, m.value)).collect()
    } else {
        found.iter().filter_map(|m| as_peer_number(&chars, m)).collect()
    }
}

fn show(items: &[Item]) -> String {
    let parts: Vec<String> =
        items.iter().map(|i| format!("{}[{},{})={}", i.text, i.start, i.end, i.value)).collect();
    format!("[{}]", parts.join(", "))
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('\t', "\\t").replace('\n', "\\n").replace('\r', "\\r")
}

/// A case: file name and index, printed as `file#index`, sorted by index.
type Key = (String, usize);

fn parse_key(s: &str) -> Key {
    let (file, index) = s.split_once('#').unwrap_or((s, ""));
    (file.to_string(), index.parse().unwrap_or(usize::MAX))
}

fn key_str(k: &Key) -> String {
    format!("{}#{}", k.0, k.1)
}

/// The known-failures file: `file#index <TAB> input <TAB> reason` per line, `#` comments.
fn read_known() -> BTreeMap<Key, (String, String)> {
    let text = std::fs::read_to_string(known_failures_path()).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut f = l.splitn(3, '\t');
            let key = parse_key(f.next().unwrap_or(""));
            let input = f.next().unwrap_or("").to_string();
            let reason = f.next().unwrap_or("TODO: reason").to_string();
            (key, (input, reason))
        })
        .collect()
}

#[test]
fn recognizers_text_number_and_percent_specs() {
    let dir = spec_dir();
    assert!(
        dir.is_dir(),
        "peer specs not found at {}: the shared folder (shared/peer-specs/recognizers-text) must sit next to the repository",
        dir.display()
    );
    let known = read_known();
    let mut failing: BTreeMap<Key, (String, String)> = BTreeMap::new();
    let mut rates = Vec::new();
    for file in FILES {
        let path = dir.join(file);
        let raw = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let cases: Vec<Case> = serde_json::from_str(raw.trim_start_matches('\u{feff}'))
            .unwrap_or_else(|e| panic!("cannot parse {}: {e}", path.display()));
        let mut passed = 0;
        for (index, case) in cases.iter().enumerate() {
            let want = expected(case);
            let got = actual(file, &case.input);
            if got == want {
                passed += 1;
            } else {
                let key = (file.to_string(), index);
                let reason = known.get(&key).map_or_else(
                    || format!("TODO: reason (got {} want {})", show(&got), show(&want)),
                    |k| k.1.clone(),
                );
                failing.insert(key, (escape(&case.input), reason));
            }
        }
        let rate = passed as f64 / cases.len() as f64;
        println!("{file}: {passed}/{} passed ({:.1}%)", cases.len(), rate * 100.0);
        rates.push((file, rate));
    }

    if std::env::var_os("UPDATE_KNOWN_FAILURES").is_some() {
        let mut out = String::from(
            "# Recognizers-Text cases the number reader does not pass; see tests/peer_specs.rs.\n\
             # file#index<TAB>input<TAB>reason. Regenerate with UPDATE_KNOWN_FAILURES=1.\n",
        );
        for (key, (input, reason)) in &failing {
            out.push_str(&format!("{}\t{input}\t{reason}\n", key_str(key)));
        }
        std::fs::write(known_failures_path(), out).expect("write known failures");
    } else {
        let new: Vec<String> = failing
            .iter()
            .filter(|(k, _)| !known.contains_key(*k))
            .map(|(k, (input, reason))| format!("+ {}\t{input}\t{reason}", key_str(k)))
            .collect();
        let fixed: Vec<String> = known
            .iter()
            .filter(|(k, _)| !failing.contains_key(*k))
            .map(|(k, (input, _))| format!("- {}\t{input} (now passes)", key_str(k)))
            .collect();
        assert!(
            new.is_empty() && fixed.is_empty(),
            "peer spec failures differ from tests/peer_specs_known_failures.txt \
             (rerun with UPDATE_KNOWN_FAILURES=1 to accept):\n{}\n{}",
            new.join("\n"),
            fixed.join("\n")
        );
    }
    for (file, rate) in rates {
        assert!(rate >= MIN_PASS_RATE, "{file}: pass rate {:.1}% is below 95%", rate * 100.0);
    }
}
