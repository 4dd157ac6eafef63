//! Runs the number reader's spec files, `tests/spec/numbers/*.toml`.
//!
//! Each file holds `[[test]]` tables: `name` (unique across all files), a one-line `comment`
//! saying what the case checks, the `input`, and `matches`, the complete list of expected
//! matches in order. A match gives `text` (the input inside its span), `start` and `end`
//! (half-open char offsets) and `value`; `upper`, `percent`, `qualifier`, `chinese_numeral` and
//! `date` are optional and default to none / false, and are checked either way. Unknown
//! fields and duplicate names are errors. `ZHIBIAO_CASE=substring` runs only the cases whose
//! name contains the substring.

#[path = "common/spec.rs"]
mod spec;

use serde::Deserialize;
use zhibiao::numbers::{scan_str, NumberMatch};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    comment: String,
    input: String,
    matches: Vec<Expected>,
}

spec::spec_case!(Case);

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Expected {
    text: String,
    start: usize,
    end: usize,
    value: f64,
    upper: Option<f64>,
    #[serde(default)]
    percent: bool,
    qualifier: Option<String>,
    #[serde(default)]
    chinese_numeral: bool,
    #[serde(default)]
    date: bool,
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-300)
}

fn same(input: &[char], e: &Expected, m: &NumberMatch) -> bool {
    let text: String = input.get(m.start..m.end).map(|s| s.iter().collect()).unwrap_or_default();
    e.text == text
        && e.start == m.start
        && e.end == m.end
        && close(e.value, m.value)
        && match (e.upper, m.upper) {
            (Some(a), Some(b)) => close(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
        && e.percent == m.percent
        && e.qualifier == m.qualifier
        && e.chinese_numeral == m.chinese_numeral
        && e.date == m.date
}

fn show(input: &[char], m: &NumberMatch) -> String {
    let text: String = input.get(m.start..m.end).map(|s| s.iter().collect()).unwrap_or_default();
    let mut s =
        format!("{{ text = {text:?}, start = {}, end = {}, value = {}", m.start, m.end, m.value);
    if let Some(u) = m.upper {
        s += &format!(", upper = {u}");
    }
    if m.percent {
        s += ", percent = true";
    }
    if let Some(q) = &m.qualifier {
        s += &format!(", qualifier = {q:?}");
    }
    if m.chinese_numeral {
        s += ", chinese_numeral = true";
    }
    if m.date {
        s += ", date = true";
    }
    s + " }"
}

#[test]
fn number_spec_files() {
    let mut failures = Vec::new();
    let cases = spec::load::<Case>("numbers");
    for (file_name, case) in &cases {
        let input: Vec<char> = case.input.chars().collect();
        let got = scan_str(&case.input);
        let ok = got.len() == case.matches.len()
            && case.matches.iter().zip(&got).all(|(e, m)| same(&input, e, m));
        if !ok {
            let got: Vec<String> = got.iter().map(|m| format!("  {}", show(&input, m))).collect();
            failures.push(format!(
                "{file_name}: {} ({})\n input: {:?}\n expected: {:?}\n got:\n{}",
                case.name,
                case.comment,
                case.input,
                case.matches,
                got.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{} failing cases:\n\n{}", failures.len(), failures.join("\n\n"));
}
