//! The name index: every form of every division as one Aho-Corasick automaton, built once.

use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;
use std::sync::OnceLock;

use super::names;
use super::table::{table, Division};

/// How a name was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// The official name, e.g. 石柱土家族自治县, 绵阳市.
    Full,
    /// Short name plus a generic suffix, e.g. 石柱县, 黔南州.
    Suffixed,
    /// The bare short name, e.g. 石柱, 绵阳.
    Short,
}

/// One division a pattern may denote.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Target {
    pub division: &'static Division,
    pub form: Form,
    /// A bare common word (和平, 合作) that counts only when a suffix follows it.
    pub needs_suffix: bool,
    /// A two-character full name (城区, 沛县, 范县): it easily sits inside an ordinary word
    /// (示范县, 提高县), so it counts only at a word boundary or right after its parent.
    pub tight: bool,
}

pub(crate) struct Index {
    pub automaton: AhoCorasick,
    /// Targets of each pattern, by pattern id; empty for a mask phrase.
    pub targets: Vec<Vec<Target>>,
}

pub(crate) fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(build)
}

fn build() -> Index {
    let mut by_pattern: HashMap<String, Vec<Target>> = HashMap::new();
    let mut add = |pattern: &str, target: Target| {
        // The caller's text went through fast2s, which rewrites a few Simplified characters
        // (乾县 → 干县, 磐石 → 盘石): index that spelling too.
        for spelling in [pattern.to_string(), fast2s::convert(pattern)] {
            let slot = by_pattern.entry(spelling).or_default();
            if !slot
                .iter()
                .any(|t| std::ptr::eq(t.division, target.division) && t.form == target.form)
            {
                slot.push(target);
            }
        }
    };
    for division in &table().divisions {
        let tight = division.name.chars().count() == 2;
        add(division.name, Target { division, form: Form::Full, needs_suffix: false, tight });
        let Some(short) = division.short_name else { continue };
        for form in names::suffixed_forms(division.name, short) {
            add(
                &form,
                Target { division, form: Form::Suffixed, needs_suffix: false, tight: false },
            );
        }
        let is_province = division.level == super::Level::Province;
        let needs_suffix = !names::bare_short_allowed(short, is_province);
        add(short, Target { division, form: Form::Short, needs_suffix, tight: false });
    }
    for phrase in names::MASK_PHRASES {
        // An empty target list: the phrase wins the search and yields no mention.
        by_pattern.entry(phrase.to_string()).or_default();
    }
    let mut patterns: Vec<(String, Vec<Target>)> = by_pattern.into_iter().collect();
    // Sorting keeps pattern ids, and so tie order between targets, the same on every run.
    patterns.sort_by(|a, b| a.0.cmp(&b.0));
    for (_, targets) in &mut patterns {
        // Full forms before suffixed before short; then higher levels, then by code.
        targets.sort_by_key(|t| (t.form as u8, t.division.level, t.division.adcode));
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns.iter().map(|(p, _)| p.as_str()))
        .expect("region patterns build an automaton");
    Index { automaton, targets: patterns.into_iter().map(|(_, t)| t).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets_of(name: &str) -> Vec<(&'static str, Form)> {
        let idx = index();
        let m = idx.automaton.find(name).expect("pattern matches");
        assert_eq!(m.range(), 0..name.len(), "{name} matched as a whole");
        idx.targets[m.pattern().as_usize()].iter().map(|t| (t.division.adcode, t.form)).collect()
    }

    #[test]
    fn every_form_is_indexed() {
        assert_eq!(targets_of("石柱土家族自治县"), [("500240", Form::Full)]);
        assert_eq!(targets_of("石柱县"), [("500240", Form::Suffixed)]);
        assert_eq!(targets_of("石柱"), [("500240", Form::Short)]);
        assert_eq!(targets_of("开州"), [("500154", Form::Short)]);
        assert_eq!(targets_of("干县"), [("610424", Form::Full)]);
        let changsha = targets_of("长沙");
        assert_eq!(changsha.len(), 2);
        assert_eq!(changsha[0].0, "430100", "the city before the county");
    }
}
