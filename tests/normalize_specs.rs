//! Runs the normalisation spec files in `tests/spec/normalize/*.toml`: the normalised
//! text, and for each named piece of it, that the offset map leads back to the right input.
//! `ZHIBIAO_CASE=substring` runs only the matching cases.

#[path = "common/spec.rs"]
mod spec;

use serde::Deserialize;
use zhibiao::normalize::normalize;

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

spec::spec_case!(Case);

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
    let mut failures = Vec::new();
    for (_, case) in spec::load::<Case>("normalize") {
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
    assert!(failures.is_empty(), "normalisation specs failed:\n{}", failures.join("\n"));
}
