//! Runs the normalisation spec files in `tests/spec/normalize/*.toml`: the normalised
//! text, and for each named piece of it, that the offset map leads back to the right input.
//! `ZHIBIAO_CASE=substring` runs only the matching cases.

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;
use zhibiao::normalize::normalize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    test: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    comment: String,
    input: String,
    output: String,
    #[serde(default)]
    spans: Vec<SpanCheck>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpanCheck {
    output: String,
    input: String,
}

fn char_find(hay: &str, needle: &str) -> Option<usize> {
    hay.find(needle).map(|b| hay[..b].chars().count())
}

#[test]
fn normalisation_specs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/spec/normalize");
    let filter = std::env::var("ZHIBIAO_CASE").ok();
    let mut names = HashSet::new();
    let mut failures = Vec::new();
    let mut ran = 0;
    let mut paths: Vec<_> =
        std::fs::read_dir(&dir).expect("spec folder").flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "toml")) {
        let text = std::fs::read_to_string(path).expect("spec file");
        let file: File =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in file.test {
            assert!(names.insert(case.name.clone()), "duplicate case name {}", case.name);
            assert!(!case.comment.is_empty(), "{}: a case says what it checks", case.name);
            if filter.as_ref().is_some_and(|f| !case.name.contains(f.as_str())) {
                continue;
            }
            ran += 1;
            let n = normalize(&case.input);
            let got: String = n.chars.iter().collect();
            if got != case.output {
                failures.push(format!("{}: output {got:?}, want {:?}", case.name, case.output));
                continue;
            }
            let input_chars: Vec<char> = case.input.chars().collect();
            for s in &case.spans {
                let Some(start) = char_find(&got, &s.output) else {
                    failures.push(format!("{}: {:?} not in the output", case.name, s.output));
                    continue;
                };
                let (a, b) = n.to_original(start, start + s.output.chars().count());
                let back: String = input_chars[a..b].iter().collect();
                if back != s.input {
                    failures.push(format!(
                        "{}: {:?} maps back to {back:?}, want {:?}",
                        case.name, s.output, s.input
                    ));
                }
            }
        }
    }
    assert!(ran > 0, "no normalisation case ran");
    assert!(failures.is_empty(), "normalisation specs failed:\n{}", failures.join("\n"));
}
