//! Runs the literate judgement cases in `tests/cases/*.md` (syntax in tests/cases/README.md).
//!
//! Each case's `text` block is read as a report and every line of its `expect` block is
//! checked. Failing assertions must be exactly those listed in
//! `tests/cases/known_failures.txt`, so a newly fixed case or a new failure is noticed;
//! `UPDATE_KNOWN_FAILURES=1` rewrites the list (then give each new entry its reason).
//! `ZHIBIAO_CASE=substring` runs only the cases whose name contains it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use zhibiao::{analyze_text, Catalog, Report};

struct Case {
    file: String,
    name: String,
    text: String,
    expect: Vec<String>,
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases")
}

/// Splits a case file into cases; malformed files fail loudly rather than skip.
fn parse(file: &str, body: &str) -> Vec<Case> {
    let mut out: Vec<Case> = Vec::new();
    let mut block: Option<(String, Vec<String>)> = None;
    for line in body.lines() {
        if let Some((kind, lines)) = block.as_mut() {
            if line.starts_with("```") {
                let case = out.last_mut().unwrap_or_else(|| panic!("{file}: block before a case"));
                match kind.as_str() {
                    "text" => case.text = lines.join("\n"),
                    "expect" => case.expect = lines.clone(),
                    other => panic!("{file}: {}: unknown block `{other}`", case.name),
                }
                block = None;
            } else {
                lines.push(line.to_string());
            }
            continue;
        }
        if let Some(name) = line.strip_prefix("## ") {
            assert!(!out.iter().any(|c| c.name == name), "{file}: two cases are named `{name}`");
            out.push(Case {
                file: file.into(),
                name: name.into(),
                text: String::new(),
                expect: vec![],
            });
        } else if let Some(kind) = line.strip_prefix("```") {
            block = Some((kind.trim().to_string(), Vec::new()));
        }
    }
    for c in &out {
        assert!(!c.text.is_empty(), "{file}: {}: no text block", c.name);
        assert!(!c.expect.is_empty(), "{file}: {}: no expect block", c.name);
    }
    out
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= f64::max(0.005, 0.005 * b.abs())
}

/// Checks one assertion; `Err` says what was found instead.
fn check(report: &Report, line: &str) -> Result<(), String> {
    let tokens: Vec<&str> = line.split(' ').collect();
    let value_of = |id: &str| report.indicators.iter().find(|h| h.id == id).map(|h| h.value);
    match tokens.as_slice() {
        ["region", "=", "none"] => match &report.region {
            None => Ok(()),
            Some(r) => Err(format!("got region {} {}", r.adcode, r.name)),
        },
        ["region", "=", code] => match &report.region {
            Some(r) if r.adcode == *code => Ok(()),
            other => Err(format!("got region {:?}", other.as_ref().map(|r| (&r.adcode, &r.name)))),
        },
        ["warning", kind, op, n] => {
            let n: usize = n.parse().map_err(|_| format!("bad count in `{line}`"))?;
            let got = report.warnings.iter().filter(|w| w.kind == *kind).count();
            let ok = match *op {
                ">=" => got >= n,
                "<=" => got <= n,
                "=" => got == n,
                _ => return Err(format!("bad operator in `{line}`")),
            };
            if ok {
                Ok(())
            } else {
                Err(format!("got {got} {kind} warnings"))
            }
        }
        [id, "absent"] => match value_of(id) {
            None => Ok(()),
            Some(v) => Err(format!("got {id} = {v}")),
        },
        [id, "=", v] => {
            let want: f64 = v.parse().map_err(|_| format!("bad number in `{line}`"))?;
            match value_of(id) {
                Some(got) if close(got, want) => Ok(()),
                got => Err(format!("got {id} = {got:?}")),
            }
        }
        _ => Err(format!("unreadable assertion `{line}`")),
    }
}

#[test]
fn judgement_cases_match_known_failures() {
    let dir = cases_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md") && !p.ends_with("README.md"))
        .collect();
    files.sort();
    let filter = std::env::var("ZHIBIAO_CASE").ok();
    let catalog = Catalog::builtin();
    let mut failures: BTreeMap<String, String> = BTreeMap::new();
    let mut total = 0;
    for path in &files {
        let file = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let body = std::fs::read_to_string(path).expect("case file is UTF-8");
        for case in parse(&file, &body) {
            if filter.as_ref().is_some_and(|f| !case.name.contains(f.as_str())) {
                continue;
            }
            let report = analyze_text(&case.text, &case.name, &catalog)
                .unwrap_or_else(|e| panic!("{}: {}: {e}", case.file, case.name));
            for line in &case.expect {
                total += 1;
                if let Err(got) = check(&report, line) {
                    failures.insert(format!("{}: {}: {line}", case.file, case.name), got);
                }
            }
        }
    }
    assert!(total > 0, "no judgement case ran");
    if filter.is_some() {
        for (k, v) in &failures {
            eprintln!("FAIL {k} — {v}");
        }
        return;
    }
    let known_path = dir.join("known_failures.txt");
    let known_text = std::fs::read_to_string(&known_path).unwrap_or_default();
    let known: BTreeMap<String, String> = known_text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| match l.rsplit_once(" — ") {
            Some((k, reason)) => (k.to_string(), reason.to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect();
    if std::env::var("UPDATE_KNOWN_FAILURES").is_ok() {
        let mut out = String::from(
            "# Judgement-case assertions that fail today, each with why (see tests/judgement_cases.rs).\n",
        );
        for (k, got) in &failures {
            let reason = known.get(k).cloned().unwrap_or_else(|| format!("TODO: {got}"));
            out.push_str(&format!("{k} — {reason}\n"));
        }
        std::fs::write(&known_path, out).expect("write known failures");
        return;
    }
    let new: Vec<String> = failures
        .iter()
        .filter(|(k, _)| !known.contains_key(*k))
        .map(|(k, v)| format!("  new failure: {k} — {v}"))
        .collect();
    let fixed: Vec<String> = known
        .keys()
        .filter(|k| !failures.contains_key(*k))
        .map(|k| format!("  now passes: {k}"))
        .collect();
    assert!(
        new.is_empty() && fixed.is_empty(),
        "judgement cases differ from tests/cases/known_failures.txt \
         (UPDATE_KNOWN_FAILURES=1 rewrites it):\n{}\n{}",
        new.join("\n"),
        fixed.join("\n")
    );
}
