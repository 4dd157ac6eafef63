//! The name index: every form of every division, found in a text by a leftmost-longest
//! search.
//!
//! The forms are made by the build script (`crate/build.rs`, from `data/regions.tsv` and the
//! rules of `names.rs`) and embedded one per line, grouped by their first two chars and
//! longest first inside a group; at the first report the lines are sliced and the groups'
//! keys listed (a few hundred thousand instructions), and the search finds a group by binary
//! search on the two chars. Made at run time, the forms cost 29 of the 31 million
//! instructions of a first one-line report (sorting them alone 14 M) and 50-60 ms of a cold
//! WebAssembly start. (An Aho-Corasick automaton over the names searched a little faster but
//! took longer again to build.)

use std::sync::OnceLock;

use super::data;
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
    /// The patterns, by id.
    patterns: Vec<&'static str>,
    /// Where each pattern's targets start in `data::TARGETS`, and one past the last.
    target_starts: Vec<u32>,
    /// The groups' keys (two chars), ascending, and where each group's ids start, and one
    /// past the last.
    keys: Vec<u32>,
    key_starts: Vec<u32>,
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
                    if let Some(id) =
                        group.and_then(|mut ids| ids.find(|&id| rest.starts_with(patterns[id])))
                    {
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
    pub fn targets(&self, id: usize) -> impl Iterator<Item = Target> {
        let range = self.target_starts[id] as usize..self.target_starts[id + 1] as usize;
        let divisions = &table().divisions;
        data::TARGETS[range].iter().map(move |&packed| Target {
            division: &divisions[usize::from(packed >> 4)],
            form: match (packed >> 2) & 3 {
                0 => Form::Full,
                1 => Form::Suffixed,
                _ => Form::Short,
            },
            needs_suffix: packed & 2 != 0,
            tight: packed & 1 != 0,
        })
    }

    fn starts_some_pattern(&self, c: char) -> bool {
        let bit = c as usize;
        bit < 1 << 16 && self.first_chars[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The ids of the patterns that start with `first` `second`, longest first.
    fn group(&self, first: char, second: char) -> Option<std::ops::Range<usize>> {
        let k = self.keys.binary_search(&key(first, second)?).ok()?;
        Some(self.key_starts[k] as usize..self.key_starts[k + 1] as usize)
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
    // `=123` and `~123` stand for division 123's name and short name (see build.rs).
    let division = |line: &str| divisions.get(line[1..].parse::<usize>().ok()?);
    let patterns: Vec<&'static str> = data::PATTERNS
        .lines()
        .map(|line| match line.as_bytes().first() {
            Some(b'=') => division(line).map_or(line, |d| d.name),
            Some(b'~') => division(line).and_then(|d| d.short_name).unwrap_or(line),
            _ => line,
        })
        .collect();
    assert_eq!(patterns.len(), data::TARGET_COUNTS.len(), "the build script's index");
    let mut target_starts = Vec::with_capacity(patterns.len() + 1);
    let mut total = 0u32;
    target_starts.push(0);
    for &count in &data::TARGET_COUNTS {
        total += u32::from(count);
        target_starts.push(total);
    }
    let mut keys: Vec<u32> = Vec::new();
    let mut key_starts = Vec::new();
    let mut first_chars = vec![0u64; 1 << 10];
    for (id, pattern) in patterns.iter().enumerate() {
        let mut chars = pattern.chars();
        let (first, second) = (chars.next().unwrap_or('\0'), chars.next().unwrap_or('\0'));
        let k = key(first, second).unwrap_or(0);
        if keys.last() != Some(&k) {
            keys.push(k);
            key_starts.push(id as u32);
        }
        let bit = first as usize % (1 << 16);
        first_chars[bit / 64] |= 1 << (bit % 64);
    }
    key_starts.push(patterns.len() as u32);
    Index { patterns, target_starts, keys, key_starts, first_chars }
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
