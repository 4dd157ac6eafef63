//! Spec files for the main region (`tests/spec/regions/*.toml`) and the seed reports.
//!
//! Each case has a name, a one-line comment saying what it checks, an input text (with
//! `traditional = true` when it is Traditional and must be converted first) and the expected
//! adcode (or "none"). Unknown fields and duplicate names are errors; set
//! `REGION_SPEC_FILTER=substring` to run only the cases whose name contains it.

use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpecFile {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    comment: String,
    input: String,
    /// The input is Traditional Chinese: convert it to Simplified first, as the pipeline does.
    #[serde(default)]
    traditional: bool,
    /// Six-digit code, or "none" when no main region should be found.
    expect: String,
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn load_cases() -> Vec<(String, Case)> {
    let dir = repo_root().join("tests/spec/regions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut names = BTreeSet::new();
    let mut cases = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let file: SpecFile =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let file_name = path.file_name().unwrap().to_string_lossy().into_owned();
        for case in file.case {
            assert!(names.insert(case.name.clone()), "duplicate case name {:?}", case.name);
            assert!(!case.comment.trim().is_empty(), "case {:?} needs a comment", case.name);
            assert!(
                case.expect == "none"
                    || (case.expect.len() == 6 && case.expect.bytes().all(|b| b.is_ascii_digit())),
                "case {:?}: expect must be a six-digit code or \"none\"",
                case.name
            );
            cases.push((file_name.clone(), case));
        }
    }
    cases
}

#[test]
fn region_spec_files() {
    let filter = std::env::var("REGION_SPEC_FILTER").unwrap_or_default();
    let cases = load_cases();
    assert!(cases.len() >= 25, "expected at least 25 region cases, found {}", cases.len());
    let mut failures = Vec::new();
    let mut passed = 0;
    for (file, case) in cases.iter().filter(|(_, c)| c.name.contains(&filter)) {
        let input =
            if case.traditional { fast2s::convert(&case.input) } else { case.input.clone() };
        let got = zhibiao::region::main_region(&input);
        let got_code = got.as_ref().map_or("none", |r| r.adcode.as_str());
        if got_code == case.expect {
            passed += 1;
        } else {
            failures.push(format!(
                "{file} / {}: expected {}, got {} ({})\n  {}",
                case.name,
                case.expect,
                got_code,
                got.as_ref().map_or("", |r| r.name.as_str()),
                case.comment
            ));
        }
    }
    println!("region specs: {passed} passed, {} failed", failures.len());
    assert!(failures.is_empty(), "failing region cases:\n{}", failures.join("\n"));
}

/// Drops pinyin garble such as `汾(fén)西(xī)縣(xiàn)`: a parenthesised run of Latin letters
/// (with tone marks) right after a Han character. The real pipeline does this in `normalize`.
fn strip_pinyin(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let is_pinyin = |c: char| c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".contains(c);
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '(' && i > 0 && ('\u{4e00}'..='\u{9fff}').contains(&chars[i - 1]) {
            let run = chars[i + 1..].iter().take_while(|&&c| is_pinyin(c)).count();
            if run > 0 && chars.get(i + 1 + run) == Some(&')') {
                i += run + 2;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[test]
fn pinyin_garble_is_stripped() {
    assert_eq!(strip_pinyin("汾(fén)西(xī)縣(xiàn) (a) x(b)"), "汾西縣 (a) x(b)");
}

#[test]
fn seed_reports_main_region() {
    let shared = repo_root().join("../shared");
    let seeds = shared.join("seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .unwrap_or_else(|e| panic!("reading {}: {e}", seeds.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no seed reports in {}", seeds.display());
    let mut failures = Vec::new();
    for path in &paths {
        let stem = path.file_stem().unwrap().to_string_lossy();
        let gold_path = shared.join("gold/seeds").join(format!("{stem}.json"));
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
        let expected = gold["region"]["adcode"].as_str().unwrap_or("none").to_string();
        let raw = std::fs::read_to_string(path).unwrap();
        let text = fast2s::convert(&strip_pinyin(&raw));
        let got = zhibiao::region::main_region(&text);
        let got_code = got.as_ref().map_or("none", |r| r.adcode.as_str());
        if got_code != expected {
            failures.push(format!("{stem}: expected {expected}, got {got_code} ({got:?})"));
        }
    }
    assert!(failures.is_empty(), "seed regions:\n{}", failures.join("\n"));
}
