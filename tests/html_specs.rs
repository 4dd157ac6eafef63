//! Runs the HTML-to-text spec files in `tests/spec/html/*.toml`.
//!
//! Each file holds `[[test]]` tables: a unique `name`, a one-line `comment` saying what the
//! case checks, the `html` input and the expected `text` from `zhibiao::html::to_text`, and
//! optionally `looks_like_html` (the expected detection verdict). Unknown fields and duplicate
//! names are errors. A new case needs no registration: the runner reads the whole folder.
//! `ZHIBIAO_CASE=word` runs only the cases whose name contains `word`.

#[path = "common/spec.rs"]
mod spec;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    comment: String,
    html: String,
    text: String,
    looks_like_html: Option<bool>,
}

spec::spec_case!(Case);

#[test]
fn html_specs() {
    let cases = spec::load::<Case>("html");
    let mut failures = Vec::new();
    let ran = cases.len();
    for (file, case) in &cases {
        let name = &case.name;
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
    assert!(
        failures.is_empty(),
        "{} of {ran} cases failed:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
    println!("{ran} HTML spec cases passed");
}
