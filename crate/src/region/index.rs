//! The name index: every form of every division, found in a text by a leftmost-longest
//! search, built once.
//!
//! The index is a hash table keyed by a name's first two chars, each key holding its names
//! longest first. An Aho-Corasick automaton over the ten thousand names found them a little
//! faster but took about 20 ms to build natively and several times that in WebAssembly before
//! the first report could be read; the table builds in about a millisecond.

use std::sync::OnceLock;

use super::names;
use super::table::{table, Division, FastMap};

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
    /// Pattern ids by the first two chars of the pattern, longest pattern first.
    by_start: FastMap<u64, Vec<u32>>,
    /// Bit `c % 65536` set for the first char of every pattern: most chars start none.
    first_chars: Vec<u64>,
    patterns: Vec<String>,
    /// Targets of each pattern, by pattern id; empty for a mask phrase.
    pub targets: Vec<Vec<Target>>,
}

/// A name found in a text: byte offsets, half-open, and the pattern id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub pattern: usize,
}

impl Index {
    /// The names in `text`, leftmost-longest and non-overlapping: at the first position where
    /// a name starts, the longest name starting there; then on from its end.
    pub fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Found> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || {
            while at < text.len() {
                let rest = &text[at..];
                let mut chars = rest.chars();
                let first = chars.next()?;
                let step = first.len_utf8();
                let bit = first as usize % 65536;
                if self.first_chars[bit / 64] & (1 << (bit % 64)) != 0 {
                    if let Some(second) = chars.next() {
                        let key = pair_key(first, second);
                        let longest = self.by_start.get(&key).and_then(|ids| {
                            ids.iter().find(|&&id| rest.starts_with(&self.patterns[id as usize]))
                        });
                        if let Some(&id) = longest {
                            let start = at;
                            at += self.patterns[id as usize].len();
                            return Some(Found { start, end: at, pattern: id as usize });
                        }
                    }
                }
                at += step;
            }
            None
        })
    }
}

fn pair_key(first: char, second: char) -> u64 {
    (u64::from(first) << 32) | u64::from(second)
}

pub(crate) fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(build)
}

fn build() -> Index {
    let mut by_pattern: FastMap<String, Vec<Target>> = FastMap::default();
    let mut add = |pattern: &str, target: Target| {
        // The caller's text went through fast2s, which rewrites a few Simplified characters
        // (乾县 → 干县, 磐石 → 盘石): index that spelling too.
        let simplified = if crate::normalize::may_be_traditional(pattern) {
            fast2s::convert(pattern)
        } else {
            pattern.to_string()
        };
        for spelling in [pattern.to_string(), simplified] {
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
    let mut by_start: FastMap<u64, Vec<u32>> = FastMap::default();
    let mut first_chars = vec![0u64; 65536 / 64];
    for (id, (pattern, _)) in patterns.iter().enumerate() {
        let mut chars = pattern.chars();
        let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
            panic!("region name {pattern:?} is shorter than two chars");
        };
        by_start.entry(pair_key(first, second)).or_default().push(id as u32);
        let bit = first as usize % 65536;
        first_chars[bit / 64] |= 1 << (bit % 64);
    }
    for ids in by_start.values_mut() {
        ids.sort_by_key(|&id| std::cmp::Reverse(patterns[id as usize].0.len()));
    }
    let (patterns, targets) = patterns.into_iter().unzip();
    Index { by_start, first_chars, patterns, targets }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets_of(name: &str) -> Vec<(&'static str, Form)> {
        let idx = index();
        let m = idx.find_iter(name).next().expect("pattern matches");
        assert_eq!((m.start, m.end), (0, name.len()), "{name} matched as a whole");
        idx.targets[m.pattern].iter().map(|t| (t.division.adcode, t.form)).collect()
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

    #[test]
    fn search_is_leftmost_longest_like_aho_corasick() {
        use aho_corasick::{AhoCorasick, MatchKind};
        let idx = index();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&idx.patterns)
            .expect("automaton");
        let text = "重庆市石柱土家族自治县、石柱县和石柱，开州区长沙镇、长沙市长沙县；\
                    易地扶贫搬迁安置点，和平区，阳泉市城区，甘肃省岷县、乾县。abc北京";
        let expected: Vec<Found> = ac
            .find_iter(text)
            .map(|m| Found { start: m.start(), end: m.end(), pattern: m.pattern().as_usize() })
            .collect();
        assert_eq!(idx.find_iter(text).collect::<Vec<_>>(), expected);
        assert!(expected.len() >= 12);
    }
}
