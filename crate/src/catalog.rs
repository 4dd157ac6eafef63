//! The indicator catalog: a data file (`data/catalog.toml`) loaded at start-up, so that a
//! new indicator, cue word or domain is a data change. Users can load a catalog of the same
//! format to replace or extend the built-in one.

use serde::{Deserialize, Serialize};

/// The built-in catalog v1, as shipped in the crate.
pub const BUILTIN_TOML: &str = include_str!("../data/catalog.toml");

/// The built-in catalog as serde reads it from `BUILTIN_TOML`, before `like` is resolved.
fn builtin_raw() -> Catalog {
    fn s(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }
    include!(concat!(env!("OUT_DIR"), "/builtin_catalog.rs"))
}

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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counters: Vec<String>,
    /// On a person indicator: the indicator a 户 figure paired with it belongs to
    /// (17541户63101人脱贫 → poor_households_lifted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub households: Option<String>,
    /// Inherit `rules`, `exclude` and `block` from this indicator (household twins).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub like: Option<String>,
    /// For figures inside a change (从32.4%下降到0.4%): "latest" takes the end value or a
    /// plain one, "from" only the starting value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// When no figure states this indicator, the earliest dated figure of the named indicator
    /// (above its latest) stands for it: a start value stated in a sentence of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest_of: Option<String>,
    /// Smallest plausible headline value (1户1人 is an idiom, not a headline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Words that, anywhere in the figure's clause, mean it is not this indicator.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
    /// Words that end a cue's reach: a cue on the far side of one does not count.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub block: Vec<String>,
    /// Ways the text says a figure measures this indicator; the best matching rule scores.
    #[serde(default, rename = "rule", skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
}

/// One way of stating an indicator: every word list given must have a word in place.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// A word before the figure, in its clause, within `reach` chars.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub before: Vec<String>,
    /// A word after the figure, in its clause, within `reach` chars.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<String>,
    /// A word on either side, in the clause, within `reach` chars.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub near: Vec<String>,
    /// A word anywhere in the figure's sentence (a weaker, topical cue).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sentence: Vec<String>,
    /// The unit kinds this rule applies to (default: all the indicator accepts).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
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
        // The built-in file as build.rs wrote it in Rust, so no TOML is parsed at start-up
        // (see build.rs); `like` and the checks as for any file. A test checks that this is
        // the catalog that parsing BUILTIN_TOML gives, so it cannot fail in a release.
        let mut cat = builtin_raw();
        match cat.resolve_likes().and_then(|()| cat.check()) {
            Ok(()) => cat,
            Err(_) => Catalog::default(),
        }
    }

    /// Parses a catalog file, resolves `like` references and checks it (see [`Catalog::parse`]).
    pub fn from_toml(text: &str) -> Result<Catalog, String> {
        Catalog::parse(text).map_err(|e| e.message)
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

    fn resolve_likes(&mut self) -> Result<(), CatalogError> {
        let mut seen = std::collections::HashSet::new();
        for d in &self.indicators {
            if !seen.insert(d.id.clone()) {
                return Err(CatalogError::new(
                    format!("indicator {} is defined twice", d.id),
                    format!("指标 {} 定义了两次", d.id),
                ));
            }
        }
        let snapshot = self.indicators.clone();
        for d in &mut self.indicators {
            if let Some(like) = &d.like {
                let src = snapshot.iter().find(|s| &s.id == like).ok_or_else(|| {
                    CatalogError::new(
                        format!("{}: like = {like} names no indicator", d.id),
                        format!("{}：like = {like} 指向的指标不存在", d.id),
                    )
                })?;
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
        }
        Ok(())
    }

    /// The definition of indicator `id`.
    pub fn get(&self, id: &str) -> Option<&IndicatorDef> {
        self.indicators.iter().find(|d| d.id == id)
    }
}

// ---- Checks, TOML output, and a user's own indicators from the page's form ----

/// The units an indicator's `unit` may name (its headlines are in this unit): the canonical
/// units, and "count" (a bare 个 with another noun: 茶园12个).
pub const UNITS: &[&str] = &[
    "person",
    "household",
    "village",
    "percent",
    "yuan",
    "km",
    "person_time",
    "team",
    "post",
    "count",
];

/// Why a catalog file or an indicator form was refused, in English and Chinese.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CatalogError {
    pub message: String,
    pub message_zh: String,
    /// The form field at fault (`id`, `label_zh`, `unit`, `cues`, `scope`, `exclude`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
}

impl CatalogError {
    fn new(message: String, message_zh: String) -> CatalogError {
        CatalogError { message, message_zh, field: None }
    }

    /// A form whose fields are not all text (a page bug, said rather than hidden).
    pub fn from_form(detail: &str) -> CatalogError {
        CatalogError::new(
            format!("the indicator form could not be read: {detail}"),
            format!("无法读取指标表单：{detail}"),
        )
    }

    /// A catalog the page handed the engine that is not one (a page bug, said rather than
    /// hidden; the catalog module checks every file first).
    pub fn from_page(detail: &str) -> CatalogError {
        CatalogError::new(
            format!("the catalog could not be read: {detail}"),
            format!("无法读取指标目录：{detail}"),
        )
    }

    /// A catalog file that is valid but defines no indicator (nothing to import).
    pub fn empty_file() -> CatalogError {
        CatalogError::new(
            "the file defines no indicator ([[indicator]])".into(),
            "文件里没有定义任何指标（[[indicator]]）".into(),
        )
    }

    fn at(mut self, field: &'static str) -> CatalogError {
        self.field = Some(field);
        self
    }
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CatalogError {}

/// Whether `id` is a valid indicator id: ASCII snake_case (`microcredit_loans`), a letter
/// first, at most 64 chars. Ids are keys of the JSON output, CSV headers and column names.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && id.len() <= 64
}

/// Chars no catalog word may hold: matching runs per clause and sentence, and a word with a
/// space or a clause's punctuation in it would never be found (or would cross a clause).
fn bad_word_char(c: char) -> bool {
    c.is_whitespace() || "。.!！?？;；,，:：、…—\"'“”‘’()（）[]【】".contains(c)
}

impl Catalog {
    /// Parses a catalog file (the format of `data/catalog.toml`), resolves `like` references
    /// and checks what the format alone cannot: ids, units, words, that each indicator has a
    /// cue word.
    pub fn parse(text: &str) -> Result<Catalog, CatalogError> {
        let mut cat: Catalog = toml::from_str(text).map_err(|e| {
            let detail = e.to_string();
            CatalogError::new(
                format!("not a valid catalog file: {}", detail.trim_end()),
                format!("不是有效的指标目录文件：{}", detail.trim_end()),
            )
        })?;
        cat.resolve_likes()?;
        cat.check()?;
        Ok(cat)
    }

    fn check(&self) -> Result<(), CatalogError> {
        for d in &self.indicators {
            check_indicator(d)?;
        }
        Ok(())
    }

    /// The catalog as TOML text that [`Catalog::parse`] (and `zhibiao --catalog`) reads back
    /// as the same catalog.
    pub fn to_toml(&self) -> Result<String, CatalogError> {
        let body = toml::to_string(self).map_err(|e| {
            CatalogError::new(
                format!("the catalog could not be written: {e}"),
                format!("指标目录无法写出：{e}"),
            )
        })?;
        Ok(format!("{USER_CATALOG_HEADER}{body}"))
    }

    /// This (user) catalog with `def` added, or put in place of the indicator `editing`.
    /// An id of the built-in catalog is refused unless `replace_builtin` says the user means
    /// to replace that indicator; an id this catalog already has is refused unless it is the
    /// one being edited. The result is checked as the CLI would read it.
    pub fn with_indicator(
        &self,
        def: IndicatorDef,
        editing: Option<&str>,
        builtin: &Catalog,
        replace_builtin: bool,
    ) -> Result<Catalog, CatalogError> {
        let id = def.id.clone();
        if builtin.get(&id).is_some() && !replace_builtin {
            return Err(CatalogError::new(
                format!("{id} is a built-in indicator: tick “replace the built-in indicator” to replace it, or choose another id"),
                format!("“{id}”是内置指标的编号：勾选“替换同名内置指标”才能替换它，否则请换一个编号"),
            )
            .at("id"));
        }
        if editing != Some(id.as_str()) && self.get(&id).is_some() {
            return Err(CatalogError::new(
                format!("you already have an indicator {id}: edit that one, or choose another id"),
                format!("已有编号为“{id}”的自定义指标：请编辑它，或换一个编号"),
            )
            .at("id"));
        }
        let mut out = self.clone();
        out.version = out.version.max(1);
        match editing.and_then(|e| out.indicators.iter().position(|d| d.id == e)) {
            Some(slot) => out.indicators[slot] = def,
            None => out.indicators.push(def),
        }
        Catalog::parse(&out.to_toml()?)
    }

    /// This catalog without indicator `id`.
    pub fn without(&self, id: &str) -> Catalog {
        let mut out = self.clone();
        out.indicators.retain(|d| d.id != id);
        out
    }
}

/// The comment at the top of a catalog file the page writes.
const USER_CATALOG_HEADER: &str =
    "# zhibiao indicator catalog: your own indicators, in the format of the built-in\n\
# crate/data/catalog.toml. Use it with `zhibiao --catalog FILE`, or import it in the page\n\
# (指标 / Indicators). An indicator with a built-in id replaces that built-in indicator.\n";

fn check_indicator(d: &IndicatorDef) -> Result<(), CatalogError> {
    let id = &d.id;
    if !is_valid_id(id) {
        return Err(CatalogError::new(
            format!("“{id}” is not a valid id: use lower-case ASCII letters, digits and _, starting with a letter (e.g. microcredit_loans)"),
            format!("“{id}”不是有效的编号：只能用小写英文字母、数字和下划线，并以字母开头（例如 microcredit_loans）"),
        )
        .at("id"));
    }
    if !UNITS.contains(&d.unit.as_str()) {
        return Err(unknown_unit(id, &d.unit));
    }
    let rule_units = d.rules.iter().flat_map(|r| r.units.iter());
    for u in d.accepted_units().iter().chain(rule_units) {
        if crate::quantity::UnitKind::from_name(u).is_none() {
            return Err(unknown_unit(id, u));
        }
    }
    if let Some(role) = d.role.as_deref().filter(|r| !matches!(*r, "latest" | "from")) {
        return Err(CatalogError::new(
            format!("{id}: role = {role:?} is neither \"latest\" nor \"from\""),
            format!("{id}：role = {role:?} 只能是 \"latest\" 或 \"from\""),
        ));
    }
    let has_cue = d
        .rules
        .iter()
        .any(|r| [&r.before, &r.after, &r.near, &r.sentence].iter().any(|l| !l.is_empty()));
    if !has_cue {
        return Err(CatalogError::new(
            format!("{id}: no cue words: give at least one word that stands near its figures"),
            format!("{id}：没有提示词：至少要给一个出现在数字附近的词"),
        )
        .at("cues"));
    }
    let lists = d.rules.iter().flat_map(|r| [&r.before, &r.after, &r.near, &r.sentence]);
    for (list, field) in lists
        .map(|l| (l, "cues"))
        .chain([(&d.exclude, "exclude"), (&d.block, "cues")])
        .chain(d.rules.iter().map(|r| (&r.sentence, "scope")))
    {
        if let Some(w) = list.iter().find(|w| w.is_empty() || w.chars().any(bad_word_char)) {
            return Err(CatalogError::new(
                format!("{id}: the word “{w}” is empty or holds a space or punctuation: give words one by one"),
                format!("{id}：词“{w}”为空或含有空格、标点：请逐个列出词语"),
            )
            .at(field));
        }
    }
    Ok(())
}

fn unknown_unit(id: &str, unit: &str) -> CatalogError {
    let known = UNITS.join(", ");
    CatalogError::new(
        format!("{id}: unknown unit “{unit}” (use one of {known})"),
        format!("{id}：未知单位“{unit}”（可用：{known}）"),
    )
    .at("unit")
}

/// How sure a rule made from the form is: as sure as the built-in catalog's surest rules, so
/// when a built-in indicator also claims a figure, the nearer cue word decides.
pub const FORM_WEIGHT: f64 = 3.0;
/// How far (chars) a form's cue word may stand from the figure: the format's default.
pub const FORM_REACH: usize = 16;

/// An indicator as the page's form gives it. Word fields hold several words separated by
/// spaces, commas, 、 or semicolons. It becomes one `[[indicator]]` with one rule:
///
/// - `cues` → `near`: one of them stands in the figure's clause, within [`FORM_REACH`] chars
///   before or after it (光伏收益约3000元);
/// - `scope` → `sentence` of the same rule: one of them must also stand somewhere in the
///   figure's sentence (贫困户…), so the rule needs both;
/// - `exclude` → the indicator's `exclude`: one of them anywhere in the clause rules it out.
///
/// Words are converted to Simplified, half-width text, as the engine reads the report.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct IndicatorForm {
    pub id: String,
    pub label_zh: String,
    /// Optional: the id stands in when empty.
    pub label_en: String,
    /// One of [`UNITS`].
    pub unit: String,
    pub cues: String,
    pub scope: String,
    pub exclude: String,
}

/// Words of a form field: split at spaces, commas, 、 and semicolons, normalised as the
/// engine normalises report text, without repeats.
pub fn form_words(field: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in field.split(|c: char| c.is_whitespace() || ",，、;；".contains(c)) {
        let w: String = crate::normalize::normalize(w).chars.iter().collect();
        let w = w.trim().to_string();
        if !w.is_empty() && !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

impl IndicatorForm {
    /// The catalog entry the form describes, checked.
    pub fn to_def(&self) -> Result<IndicatorDef, CatalogError> {
        let id = self.id.trim().to_string();
        let label_zh = self.label_zh.trim().to_string();
        if label_zh.is_empty() {
            return Err(CatalogError::new(
                "give the indicator a Chinese name (label_zh)".into(),
                "请填写指标的中文名称".into(),
            )
            .at("label_zh"));
        }
        let label_en = match self.label_en.trim() {
            "" => id.clone(),
            label => label.to_string(),
        };
        let cues = form_words(&self.cues);
        if cues.is_empty() && is_valid_id(&id) {
            return Err(CatalogError::new(
                format!("{id}: no cue words: give at least one word that stands near its figures"),
                format!("{id}：没有提示词：至少要给一个出现在数字附近的词"),
            )
            .at("cues"));
        }
        let def = IndicatorDef {
            id,
            label_zh,
            label_en,
            unit: self.unit.trim().to_string(),
            counters: Vec::new(),
            households: None,
            like: None,
            role: None,
            earliest_of: None,
            min: None,
            exclude: form_words(&self.exclude),
            block: Vec::new(),
            rules: vec![Rule {
                near: cues,
                sentence: form_words(&self.scope),
                weight: FORM_WEIGHT,
                reach: FORM_REACH,
                ..Rule::default()
            }],
        };
        check_indicator(&def)?;
        Ok(def)
    }

    /// The form that gives `def` back, when the form can say everything it holds (one `near`
    /// rule with an optional `sentence`, made as [`IndicatorForm::to_def`] makes it).
    pub fn from_def(def: &IndicatorDef) -> Option<IndicatorForm> {
        let [rule] = def.rules.as_slice() else { return None };
        let plain = def.counters.is_empty()
            && def.households.is_none()
            && def.like.is_none()
            && def.role.is_none()
            && def.earliest_of.is_none()
            && def.min.is_none()
            && def.block.is_empty()
            && rule.before.is_empty()
            && rule.after.is_empty()
            && rule.units.is_empty()
            && !rule.near.is_empty()
            && rule.weight == FORM_WEIGHT
            && rule.reach == FORM_REACH;
        plain.then(|| IndicatorForm {
            id: def.id.clone(),
            label_zh: def.label_zh.clone(),
            label_en: def.label_en.clone(),
            unit: def.unit.clone(),
            cues: rule.near.join("、"),
            scope: rule.sentence.join("、"),
            exclude: def.exclude.join("、"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> IndicatorForm {
        IndicatorForm {
            id: "microcredit".into(),
            label_zh: "小额信贷".into(),
            label_en: "Microcredit".into(),
            unit: "yuan".into(),
            cues: "小额信贷，扶贫小额信贷".into(),
            scope: "發放 累计".into(),
            exclude: "".into(),
        }
    }

    #[test]
    fn the_builtin_catalog_passes_its_own_checks_and_round_trips_through_toml() {
        let builtin = Catalog::parse(BUILTIN_TOML).expect("the built-in catalog is valid");
        assert!(builtin.indicators.len() >= 20);
        let again = Catalog::parse(&builtin.to_toml().unwrap()).expect("written TOML reads back");
        assert_eq!(again, builtin);
    }

    #[test]
    fn the_builtin_catalog_built_in_rust_is_the_parsed_file() {
        // build.rs writes data/catalog.toml as Rust; serde's reading of the file is the truth.
        let parsed: Catalog = toml::from_str(BUILTIN_TOML).unwrap();
        assert_eq!(builtin_raw(), parsed);
        assert_eq!(Catalog::builtin(), Catalog::parse(BUILTIN_TOML).unwrap());
    }

    #[test]
    fn a_form_becomes_one_near_rule_with_its_scope_words_in_the_sentence() {
        let def = form().to_def().unwrap();
        assert_eq!(def.rules.len(), 1);
        assert_eq!(def.rules[0].near, ["小额信贷", "扶贫小额信贷"]);
        // Traditional input is matched as the engine reads text: Simplified.
        assert_eq!(def.rules[0].sentence, ["发放", "累计"]);
        assert!(def.exclude.is_empty());
        assert_eq!(IndicatorForm::from_def(&def).unwrap().cues, "小额信贷、扶贫小额信贷");
        let user =
            Catalog::default().with_indicator(def, None, &Catalog::builtin(), false).unwrap();
        let text = user.to_toml().unwrap();
        assert!(text.contains("[[indicator.rule]]") && text.contains("near = ["), "{text}");
        assert!(!text.contains("counters") && !text.contains("user"), "{text}");
        assert_eq!(Catalog::parse(&text).unwrap(), user);
    }

    #[test]
    fn bad_forms_and_files_say_what_is_wrong_and_where() {
        let err = |f: IndicatorForm| f.to_def().unwrap_err();
        assert_eq!(err(IndicatorForm { id: "Micro credit".into(), ..form() }).field, Some("id"));
        assert_eq!(err(IndicatorForm { unit: "dollars".into(), ..form() }).field, Some("unit"));
        assert_eq!(err(IndicatorForm { cues: " 、 ".into(), ..form() }).field, Some("cues"));
        assert_eq!(err(IndicatorForm { cues: "小额。信贷".into(), ..form() }).field, Some("cues"));
        assert_eq!(err(IndicatorForm { label_zh: " ".into(), ..form() }).field, Some("label_zh"));

        let builtin = Catalog::builtin();
        let clash = IndicatorForm { id: "poor_population_lifted".into(), ..form() };
        let def = clash.to_def().unwrap();
        let refused = Catalog::default().with_indicator(def.clone(), None, &builtin, false);
        assert_eq!(refused.unwrap_err().field, Some("id"));
        let replaced = Catalog::default().with_indicator(def, None, &builtin, true).unwrap();
        assert_eq!(replaced.indicators[0].id, "poor_population_lifted");

        let once = Catalog::default()
            .with_indicator(form().to_def().unwrap(), None, &builtin, false)
            .unwrap();
        let twice = once.with_indicator(form().to_def().unwrap(), None, &builtin, false);
        assert!(twice.unwrap_err().message.contains("already"));
        let renamed = IndicatorForm { id: "microcredit_loans".into(), ..form() };
        let edited = once
            .with_indicator(renamed.to_def().unwrap(), Some("microcredit"), &builtin, false)
            .unwrap();
        let ids: Vec<&str> = edited.indicators.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["microcredit_loans"]);
        assert!(edited.without("microcredit_loans").indicators.is_empty());

        let file = |body: &str| Catalog::parse(&format!("version = 1\n{body}")).unwrap_err();
        let head = "[[indicator]]\nid = \"x\"\nlabel_zh = \"x\"\nlabel_en = \"x\"\n";
        assert!(Catalog::parse("version = ").unwrap_err().message.contains("not a valid catalog"));
        assert!(file(&format!("{head}unit = \"m2\"\n")).message.contains("unknown unit"));
        assert!(file(&format!("{head}unit = \"km\"\n")).message.contains("no cue words"));
        let rule = "[[indicator.rule]]\nnear = [\"y\"]\n";
        let twice = format!("{head}unit = \"km\"\n{rule}{head}unit = \"km\"\n{rule}");
        assert!(file(&twice).message.contains("defined twice"));
        let bad_id = head.replace("\"x\"\nlabel_zh", "\"X-1\"\nlabel_zh");
        assert!(file(&format!("{bad_id}unit = \"km\"\n{rule}")).message.contains("not a valid id"));
        assert!(Catalog::parse(&format!("version = 1\n{head}unit = \"km\"\n{rule}")).is_ok());
    }
}
