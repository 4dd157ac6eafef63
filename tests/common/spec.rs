//! The loader every spec-file test shares (`tests/spec/<folder>/*.toml`), in the style of
//! rust-lang/regex's testdata: each file holds `[[test]]` tables with a unique `name` and a
//! one-line `comment` saying what the case checks. Unknown fields and duplicate names are
//! errors, a new case needs no registration, and `ZHIBIAO_CASE=substring` runs only the
//! cases whose name contains the substring.

use std::collections::BTreeMap;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::Deserialize;

/// Implements [`SpecCase`] for a case struct with `name` and `comment` fields.
macro_rules! spec_case {
    ($case:ty) => {
        impl spec::SpecCase for $case {
            fn name(&self) -> &str {
                &self.name
            }
            fn comment(&self) -> &str {
                &self.comment
            }
        }
    };
}
pub(crate) use spec_case;

/// What the loader needs to know of a case.
pub trait SpecCase: DeserializeOwned {
    fn name(&self) -> &str;
    fn comment(&self) -> &str;
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound = "C: DeserializeOwned")]
struct SpecFile<C> {
    test: Vec<C>,
}

/// The cases of `tests/spec/<folder>`, as (file name, case), filtered by `ZHIBIAO_CASE`.
pub fn load<C: SpecCase>(folder: &str) -> Vec<(String, C)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/spec").join(folder);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no spec files in {}", dir.display());
    let filter = std::env::var("ZHIBIAO_CASE").unwrap_or_default();
    let mut first_seen: BTreeMap<String, String> = BTreeMap::new();
    let mut cases = Vec::new();
    for path in &paths {
        let file = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let raw = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{file}: {e}"));
        let parsed: SpecFile<C> = toml::from_str(&raw).unwrap_or_else(|e| panic!("{file}: {e}"));
        for case in parsed.test {
            let name = case.name().to_string();
            assert!(!name.trim().is_empty(), "{file}: a case has no name");
            assert!(
                !case.comment().trim().is_empty() && !case.comment().contains('\n'),
                "{file}: {name} needs a one-line comment"
            );
            if let Some(other) = first_seen.insert(name.clone(), file.clone()) {
                panic!("{file}: duplicate case name {name:?} (first in {other})");
            }
            if name.contains(&filter) {
                cases.push((file.clone(), case));
            }
        }
    }
    assert!(!cases.is_empty(), "no case in tests/spec/{folder} matched ZHIBIAO_CASE={filter:?}");
    cases
}
