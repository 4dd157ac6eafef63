//! Runs the HTML-to-text spec files in `tests/spec/html/*.toml`.
//!
//! Each file holds `[[test]]` tables: a unique `name`, a one-line `comment` saying what the
//! case checks, the `html` input and the expected `text` from `zhibiao::html::to_text`, and
//! optionally `looks_like_html` (the expected detection verdict). Unknown fields and duplicate
//! names are errors. A new case needs no registration: the runner reads the whole folder.
//! `ZHIBIAO_SPEC=word` runs only the cases whose name contains `word`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpecFile {
    test: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    comment: String,
    html: String,
    text: String,
    looks_like_html: Option<bool>,
}

fn spec_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/spec/html")
}

fn load() -> BTreeMap<String, (PathBuf, Case)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(spec_dir())
        .expect("tests/spec/html exists")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut cases: BTreeMap<String, (PathBuf, Case)> = BTreeMap::new();
    for path in files {
        let source = std::fs::read_to_string(&path).expect("readable spec file");
        let file: SpecFile =
            toml::from_str(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in file.test {
            assert!(!case.name.trim().is_empty(), "{}: a case has no name", path.display());
            assert!(
                !case.comment.trim().is_empty() && !case.comment.contains('\n'),
                "{}: case {} needs a one-line comment",
                path.display(),
                case.name
            );
            if let Some((first, _)) = cases.get(&case.name) {
                panic!(
                    "duplicate case name {:?} in {} (first in {})",
                    case.name,
                    path.display(),
                    first.display()
                );
            }
            cases.insert(case.name.clone(), (path.clone(), case));
        }
    }
    cases
}

#[test]
fn html_specs() {
    let filter = std::env::var("ZHIBIAO_SPEC").unwrap_or_default();
    let cases = load();
    let mut failures = Vec::new();
    let mut ran = 0;
    for (name, (path, case)) in &cases {
        if !name.contains(&filter) {
            continue;
        }
        ran += 1;
        let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
        let got = zhibiao::html::to_text(&case.html);
        if got != case.text {
            failures.push(format!(
                "{file} / {name} ({})\n--- expected\n{}\n--- got\n{}\n",
                case.comment, case.text, got
            ));
        }
        if let Some(expected) = case.looks_like_html {
            let detected = zhibiao::html::looks_like_html(&case.html);
            if detected != expected {
                failures.push(format!(
                    "{file} / {name}: looks_like_html is {detected}, expected {expected}\n"
                ));
            }
        }
    }
    assert!(ran > 0, "no spec case matched ZHIBIAO_SPEC={filter:?}");
    assert!(
        failures.is_empty(),
        "{} of {ran} cases failed:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
    println!("{ran} HTML spec cases passed");
}
