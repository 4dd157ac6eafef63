//! The indicator catalog: a data file (`data/catalog.toml`) loaded at start-up, so that a
//! new indicator, cue word or domain is a data change. Users can load a catalog of the same
//! format to replace or extend the built-in one.

use serde::{Deserialize, Serialize};

/// The built-in catalog v1, as shipped in the crate.
pub const BUILTIN_TOML: &str = include_str!("../data/catalog.toml");

/// One indicator the extractor looks for.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct IndicatorDef {
    /// Stable id, e.g. "poor_population_lifted".
    pub id: String,
    pub label_zh: String,
    pub label_en: String,
    /// Canonical unit id: person, household, village, percent, yuan, km, person_time, team, post.
    pub unit: String,
    /// Words near the figure that say it measures this indicator.
    #[serde(default)]
    pub cues: Vec<String>,
}

/// The indicator catalog.
#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub version: u32,
    #[serde(rename = "indicator", default)]
    pub indicators: Vec<IndicatorDef>,
}

impl Catalog {
    /// The built-in catalog v1.
    pub fn builtin() -> Catalog {
        // The built-in file is checked by a test, so this cannot fail in a release.
        Catalog::from_toml(BUILTIN_TOML).unwrap_or_default()
    }

    /// Parses a catalog file.
    pub fn from_toml(text: &str) -> Result<Catalog, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// The definition of indicator `id`.
    pub fn get(&self, id: &str) -> Option<&IndicatorDef> {
        self.indicators.iter().find(|d| d.id == id)
    }
}
