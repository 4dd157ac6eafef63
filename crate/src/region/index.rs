//! The name index: every form of every division, found in a text by a leftmost-longest
//! search.
//!
//! Built once from the table, whose short names the build script made (`crate/build.rs`, with
//! the fast2s spellings of a few names): the forms are grouped by their first two chars,
//! longest first inside a group, and the search finds a group by binary search on the two
//! chars. Made from scratch at run time, with fast2s and a sort of all the forms as strings,
//! the index cost 29 of the 31 million instructions of a first one-line report and 50-60 ms
//! of a cold WebAssembly start; this build sorts integers. (An Aho-Corasick automaton over the
//! names searched a little faster but took longer again to build.)

use std::sync::OnceLock;

use super::data;
use super::names;
use super::table::{table, Division, FastMap, Level};

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
    /// The patterns, by id.
    patterns: Vec<&'static str>,
    /// The patterns' targets (none for a mask phrase), pattern after pattern, and where each
    /// pattern's start, and one past the last.
    targets: Vec<Target>,
    target_starts: Vec<u32>,
    /// The groups' keys (two chars), ascending; where each group's ids start in `ids`, and one
    /// past the last; the ids, longest pattern first inside a group.
    keys: Vec<u32>,
    key_starts: Vec<u32>,
    ids: Vec<u32>,
    /// Bit `c` set for the first char of every pattern: most chars start none.
    first_chars: Vec<u64>,
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
                if self.starts_some_pattern(first) {
                    let group = chars.next().and_then(|second| self.group(first, second));
                    let patterns = &self.patterns;
                    let found = group.and_then(|ids| {
                        ids.iter().map(|&id| id as usize).find(|&id| rest.starts_with(patterns[id]))
                    });
                    if let Some(id) = found {
                        let start = at;
                        at += self.patterns[id].len();
                        return Some(Found { start, end: at, pattern: id });
                    }
                }
                at += step;
            }
            None
        })
    }

    /// The divisions pattern `id` may denote: full forms first, then suffixed, then short;
    /// then higher levels, then by code. None for a mask phrase.
    pub fn targets(&self, id: usize) -> impl Iterator<Item = Target> + '_ {
        let range = self.target_starts[id] as usize..self.target_starts[id + 1] as usize;
        self.targets[range].iter().copied()
    }

    fn starts_some_pattern(&self, c: char) -> bool {
        let bit = c as usize;
        bit < 1 << 16 && self.first_chars[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The ids of the patterns that start with `first` `second`, longest first.
    fn group(&self, first: char, second: char) -> Option<&[u32]> {
        let k = self.keys.binary_search(&key(first, second)?).ok()?;
        Some(&self.ids[self.key_starts[k] as usize..self.key_starts[k + 1] as usize])
    }
}

/// A group's key: its first two chars (the build script checks that they are in the BMP).
fn key(first: char, second: char) -> Option<u32> {
    let (a, b) = (first as u32, second as u32);
    (a < 1 << 16 && b < 1 << 16).then_some((a << 16) | b)
}

pub(crate) fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(load)
}

fn load() -> Index {
    let divisions = &table().divisions;
    // About two forms a division.
    let expected = 2 * divisions.len() + 256;
    let mut patterns: Vec<&'static str> = Vec::with_capacity(expected);
    let mut ids: FastMap<&'static str, u32> = FastMap::default();
    ids.reserve(expected);
    // (pattern id, form, level, division index) packed in one integer: sorted, they are each
    // pattern's targets in order (full, suffixed, short; higher levels first; by code, which
    // is the table's order), with no vector per pattern.
    let mut packed: Vec<u64> = Vec::with_capacity(expected + 256);
    let mut add = |pattern: &'static str, target: Option<(usize, Form, bool, bool)>| {
        let id = *ids.entry(pattern).or_insert_with(|| {
            patterns.push(pattern);
            (patterns.len() - 1) as u32
        });
        if let Some((division, form, needs_suffix, tight)) = target {
            let level = divisions[division].level as u64;
            packed.push(
                u64::from(id) << 32
                    | (form as u64) << 30
                    | level << 28
                    | (division as u64) << 2
                    | u64::from(needs_suffix) << 1
                    | u64::from(tight),
            );
        }
    };
    for (i, division) in divisions.iter().enumerate() {
        add(division.name, Some((i, Form::Full, false, division.name.chars().count() == 2)));
        let Some(short) = division.short_name else { continue };
        for form in names::suffixed_forms(division.name, short) {
            // A few hundred short strings, kept for the life of the process like the table.
            add(Box::leak(form.into_boxed_str()), Some((i, Form::Suffixed, false, false)));
        }
        let needs_suffix = !names::bare_short_allowed(short, division.level == Level::Province);
        add(short, Some((i, Form::Short, needs_suffix, false)));
    }
    for &(spelling, i, form, needs_suffix, tight) in data::SIMPLIFIED_SPELLINGS {
        let form = [Form::Full, Form::Suffixed, Form::Short][usize::from(form)];
        add(spelling, Some((i, form, needs_suffix, tight)));
    }
    for phrase in names::MASK_PHRASES {
        // No targets: the phrase wins the search and yields no mention.
        add(phrase, None);
    }
    assert!(divisions.len() < 1 << 26 && patterns.len() < 1 << 24);
    // Nearly in order already (ids are given in the order targets come): the stable sort
    // finds the runs.
    packed.sort();
    // The same division in the same form twice (a name and its identical fast2s spelling).
    packed.dedup_by_key(|p| *p >> 2);
    let mut targets = Vec::with_capacity(packed.len());
    let mut target_starts = vec![0u32; patterns.len() + 1];
    for &p in &packed {
        let id = (p >> 32) as usize;
        target_starts[id + 1] += 1;
        targets.push(Target {
            division: &divisions[((p >> 2) & ((1 << 26) - 1)) as usize],
            form: [Form::Full, Form::Suffixed, Form::Short][((p >> 30) & 3) as usize],
            needs_suffix: p & 2 != 0,
            tight: p & 1 != 0,
        });
    }
    for id in 0..patterns.len() {
        target_starts[id + 1] += target_starts[id];
    }

    // Grouped by key, longest first inside a group, then in the table's order: one integer
    // to sort by, key << 32 | (255 - byte length) << 24 | id (a comparison of tuples and
    // strings here was most of the index's build).
    assert!(patterns.len() < 1 << 24 && patterns.iter().all(|p| p.len() < 256));
    let mut order: Vec<u64> = patterns
        .iter()
        .enumerate()
        .map(|(id, p)| {
            let mut chars = p.chars();
            let k = chars.next().zip(chars.next()).and_then(|(a, b)| key(a, b)).unwrap_or(0);
            u64::from(k) << 32 | (255 - p.len() as u64) << 24 | id as u64
        })
        .collect();
    order.sort_unstable();
    let mut keys: Vec<u32> = Vec::new();
    let mut key_starts = Vec::new();
    let mut first_chars = vec![0u64; 1 << 10];
    for (at, &packed) in order.iter().enumerate() {
        let k = (packed >> 32) as u32;
        if keys.last() != Some(&k) {
            keys.push(k);
            key_starts.push(at as u32);
        }
        let bit = (k >> 16) as usize;
        first_chars[bit / 64] |= 1 << (bit % 64);
    }
    key_starts.push(order.len() as u32);
    let ids = order.into_iter().map(|packed| (packed & 0xFF_FFFF) as u32).collect();
    Index { patterns, targets, target_starts, keys, key_starts, ids, first_chars }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets_of(name: &str) -> Vec<(&'static str, Form)> {
        let idx = index();
        let m = idx.find_iter(name).next().expect("pattern matches");
        assert_eq!((m.start, m.end), (0, name.len()), "{name} matched as a whole");
        idx.targets(m.pattern).map(|t| (t.division.adcode, t.form)).collect()
    }

    #[test]
    fn every_form_is_indexed() {
        assert_eq!(targets_of("石柱土家族自治县"), [("500240", Form::Full)]);
        assert_eq!(targets_of("石柱县"), [("500240", Form::Suffixed)]);
        assert_eq!(targets_of("石柱"), [("500240", Form::Short)]);
        assert_eq!(targets_of("开州"), [("500154", Form::Short)]);
        assert_eq!(targets_of("干县"), [("610424", Form::Full)]);
        // A banner's abbreviation by the first char of each part of its name.
        assert_eq!(targets_of("察右前旗"), [("150926", Form::Suffixed)]);
        assert_eq!(targets_of("乌前旗"), [("150823", Form::Suffixed)]);
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
