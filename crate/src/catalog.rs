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
    /// Unit kinds of figures this indicator accepts (default: `unit` alone). Besides the
    /// canonical units: "count" (a bare 个 with another noun).
    #[serde(default)]
    pub counters: Vec<String>,
    /// On a person indicator: the indicator a 户 figure paired with it belongs to
    /// (17541户63101人脱贫 → poor_households_lifted).
    #[serde(default)]
    pub households: Option<String>,
    /// Inherit `rules`, `exclude` and `block` from this indicator (household twins).
    #[serde(default)]
    pub like: Option<String>,
    /// For figures inside a change (从32.4%下降到0.4%): "latest" takes the end value or a
    /// plain one, "from" only the starting value.
    #[serde(default)]
    pub role: Option<String>,
    /// When no figure states this indicator, the earliest dated figure of the named indicator
    /// (above its latest) stands for it: a start value stated in a sentence of its own.
    #[serde(default)]
    pub earliest_of: Option<String>,
    /// Smallest plausible headline value (1户1人 is an idiom, not a headline).
    #[serde(default)]
    pub min: Option<f64>,
    /// Words that, anywhere in the figure's clause, mean it is not this indicator.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Words that end a cue's reach: a cue on the far side of one does not count.
    #[serde(default)]
    pub block: Vec<String>,
    /// Ways the text says a figure measures this indicator; the best matching rule scores.
    #[serde(default, rename = "rule")]
    pub rules: Vec<Rule>,
}

/// One way of stating an indicator: every word list given must have a word in place.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// A word before the figure, in its clause, within `reach` chars.
    #[serde(default)]
    pub before: Vec<String>,
    /// A word after the figure, in its clause, within `reach` chars.
    #[serde(default)]
    pub after: Vec<String>,
    /// A word on either side, in the clause, within `reach` chars.
    #[serde(default)]
    pub near: Vec<String>,
    /// A word anywhere in the figure's sentence (a weaker, topical cue).
    #[serde(default)]
    pub sentence: Vec<String>,
    /// The unit kinds this rule applies to (default: all the indicator accepts).
    #[serde(default)]
    pub units: Vec<String>,
    /// How sure the rule is; the nearer the words, the higher the score.
    #[serde(default = "default_weight")]
    pub weight: f64,
    /// How far (chars) a before/after/near word may stand from the figure.
    #[serde(default = "default_reach")]
    pub reach: usize,
}

fn default_weight() -> f64 {
    1.0
}

fn default_reach() -> usize {
    16
}

impl IndicatorDef {
    /// The unit kinds accepted.
    pub fn accepted_units(&self) -> Vec<String> {
        if self.counters.is_empty() {
            vec![self.unit.clone()]
        } else {
            self.counters.clone()
        }
    }
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

    /// Parses a catalog file and resolves `like` references.
    pub fn from_toml(text: &str) -> Result<Catalog, String> {
        let mut cat: Catalog = toml::from_str(text).map_err(|e| e.to_string())?;
        cat.resolve_likes()?;
        Ok(cat)
    }

    /// Adds or replaces indicators from another catalog (a user's own).
    pub fn extend(&mut self, other: Catalog) {
        for def in other.indicators {
            match self.indicators.iter_mut().find(|d| d.id == def.id) {
                Some(slot) => *slot = def,
                None => self.indicators.push(def),
            }
        }
    }

    fn resolve_likes(&mut self) -> Result<(), String> {
        let mut seen = std::collections::HashSet::new();
        for d in &self.indicators {
            if !seen.insert(d.id.clone()) {
                return Err(format!("indicator {} is defined twice", d.id));
            }
        }
        let snapshot = self.indicators.clone();
        for d in &mut self.indicators {
            if let Some(like) = &d.like {
                let src = snapshot
                    .iter()
                    .find(|s| &s.id == like)
                    .ok_or_else(|| format!("{}: like = {like} names no indicator", d.id))?;
                if d.rules.is_empty() {
                    d.rules = src.rules.clone();
                }
                if d.exclude.is_empty() {
                    d.exclude = src.exclude.clone();
                }
                if d.block.is_empty() {
                    d.block = src.block.clone();
                }
                if d.role.is_none() {
                    d.role = src.role.clone();
                }
            }
            for u in d.accepted_units() {
                if crate::quantity::UnitKind::from_name(&u).is_none() {
                    return Err(format!("{}: unknown unit {u}", d.id));
                }
            }
        }
        Ok(())
    }

    /// The definition of indicator `id`.
    pub fn get(&self, id: &str) -> Option<&IndicatorDef> {
        self.indicators.iter().find(|d| d.id == id)
    }
}
