//! Spec files for the main region (`tests/spec/regions/*.toml`) and the seed reports.
//!
//! Each case has a name, a one-line comment saying what it checks, an input text (with
//! `traditional = true` when it is Traditional and must be converted first) and the expected
//! adcode (or "none"). Unknown fields and duplicate names are errors; set
//! `ZHIBIAO_CASE=substring` to run only the cases whose name contains it.

#[path = "common/spec.rs"]
mod spec;

use serde::Deserialize;
use std::path::{Path, PathBuf};

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

spec::spec_case!(Case);

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn region_spec_files() {
    let cases = spec::load::<Case>("regions");
    let mut failures = Vec::new();
    for (file, case) in &cases {
        assert!(
            case.expect == "none"
                || (case.expect.len() == 6 && case.expect.bytes().all(|b| b.is_ascii_digit())),
            "case {:?}: expect must be a six-digit code or \"none\"",
            case.name
        );
        let input =
            if case.traditional { fast2s::convert(&case.input) } else { case.input.clone() };
        let got = zhibiao::region::main_region(&input);
        let got_code = got.as_ref().map_or("none", |r| r.adcode.as_str());
        if got_code != case.expect {
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
    assert!(failures.is_empty(), "failing region cases:\n{}", failures.join("\n"));
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
        // The real pipeline's normalisation: Simplified, without pinyin ruby garble.
        let text: String = zhibiao::normalize::normalize(&raw).chars.into_iter().collect();
        let got = zhibiao::region::main_region(&text);
        let got_code = got.as_ref().map_or("none", |r| r.adcode.as_str());
        if got_code != expected {
            failures.push(format!("{stem}: expected {expected}, got {got_code} ({got:?})"));
        }
    }
    assert!(failures.is_empty(), "seed regions:\n{}", failures.join("\n"));
}
