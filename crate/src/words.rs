//! Short word lists found in normalised chars in one pass, without building an automaton.
//!
//! The scope markers (全县, 该村, 其中, 累计 …) and each report's own names are a few dozen
//! words of two to six chars. An Aho-Corasick automaton per list costs more to build (for the
//! per-report lists) and to run over bytes (with a byte → char map afterwards) than looking the
//! words up by their last char. [`WordSets::find`] reports exactly what a standard
//! (non-overlapping, report-as-soon-as-seen) Aho-Corasick search over each list would: scanning
//! left to right, the match that ends first, the longest of those ending there, then on from
//! its end.

/// Several word lists searched together; each list keeps its own non-overlapping matches.
pub struct WordSets {
    /// (last char, list, word) by last char (see [`LastChars`]), then longest word first.
    words: Vec<(char, usize, Vec<char>)>,
    last_chars: LastChars,
    lists: usize,
}

impl WordSets {
    /// Lists of words; empty words are ignored.
    pub fn new<S: AsRef<str>>(lists: &[&[S]]) -> WordSets {
        let mut words = Vec::new();
        for (list, list_words) in lists.iter().enumerate() {
            for word in list_words.iter() {
                let chars: Vec<char> = word.as_ref().chars().collect();
                let Some(&last) = chars.last() else { continue };
                words.push((last, list, chars));
            }
        }
        let mask = LastChars::mask(words.len());
        crate::sort::sort_by(&mut words, |a, b| {
            LastChars::order(mask, a.0, b.0).then(b.2.len().cmp(&a.2.len()))
        });
        let last_chars = LastChars::new(mask, words.iter().map(|w| w.0));
        WordSets { words, last_chars, lists: lists.len() }
    }

    /// The matches of each list, as char spans sorted by start.
    pub fn find(&self, chars: &[char]) -> Vec<Vec<(usize, usize)>> {
        let mut found = vec![Vec::new(); self.lists];
        // Where each list's search resumes: its matches do not overlap.
        let mut resume = vec![0usize; self.lists];
        for (i, &c) in chars.iter().enumerate() {
            let Some(bucket) = self.last_chars.bucket(c) else { continue };
            let end = i + 1;
            for (last, list, word) in &self.words[bucket] {
                let Some(start) = end.checked_sub(word.len()) else { continue };
                if *last == c && start >= resume[*list] && tail_matches(chars, start, end, word) {
                    found[*list].push((start, end));
                    resume[*list] = end;
                }
            }
        }
        found
    }
}

/// The last chars of a word list, each standing for a run of the list (its bucket), found
/// from a char in constant time: a bit per char, `c % 65536` for a list of more than 64
/// words (exact for the Basic Multilingual Plane), `c % 512` for a shorter one (a list made
/// per report is cheaper to set up so), so a bucket may hold words of other last chars; and
/// the number of bits set before each 64-bit word, so a char's bucket is its rank among the
/// bits set.
#[derive(Debug, Clone)]
struct LastChars {
    /// `bits.len() * 64 - 1`.
    mask: usize,
    bits: Vec<u64>,
    /// Bits set in `bits[..k]`.
    rank: Vec<u32>,
    /// Where each bucket starts in the list, and one past the last.
    starts: Vec<u32>,
}

impl LastChars {
    /// The mask of the bits for a list of `n` words.
    fn mask(n: usize) -> usize {
        if n > 64 {
            65535
        } else {
            511
        }
    }

    /// The order the list must be in: by bit, then by char.
    fn order(mask: usize, a: char, b: char) -> std::cmp::Ordering {
        (a as usize & mask, a).cmp(&(b as usize & mask, b))
    }

    /// From the last chars of the list, in [`LastChars::order`] for `mask`.
    fn new(mask: usize, lasts: impl Iterator<Item = char>) -> LastChars {
        let mut bits = vec![0u64; (mask + 1) / 64];
        let mut starts = Vec::new();
        let mut prev = None;
        let mut n = 0u32;
        for c in lasts {
            let bit = c as usize & mask;
            if prev != Some(bit) {
                bits[bit / 64] |= 1 << (bit % 64);
                starts.push(n);
                prev = Some(bit);
            }
            n += 1;
        }
        starts.push(n);
        let mut rank = Vec::with_capacity(bits.len());
        let mut set = 0;
        for w in &bits {
            rank.push(set);
            set += w.count_ones();
        }
        LastChars { mask, bits, rank, starts }
    }

    /// The run of the list whose last chars share `c`'s bit; None when no word can end in `c`.
    #[inline]
    fn bucket(&self, c: char) -> Option<std::ops::Range<usize>> {
        let bit = c as usize & self.mask;
        let w = self.bits[bit / 64];
        let mask = 1u64 << (bit % 64);
        if w & mask == 0 {
            return None;
        }
        let k = (self.rank[bit / 64] + (w & (mask - 1)).count_ones()) as usize;
        Some(self.starts[k] as usize..self.starts[k + 1] as usize)
    }
}

/// Whether `chars[start..end]` is `word`, whose last char is known to be `chars[end - 1]`:
/// the char before it is compared first, as most candidates differ there.
#[inline]
fn tail_matches(chars: &[char], start: usize, end: usize, word: &[char]) -> bool {
    let n = word.len();
    n < 2 || (chars[end - 2] == word[n - 2] && chars[start..end - 2] == word[..n - 2])
}

/// One word list whose every occurrence is found, overlapping ones included: what an
/// Aho-Corasick overlapping search reports, for the catalog's few hundred cue words. Built in
/// a blink (the catalog's DFA took a sixth of the engine's start-up), and run on chars, so
/// no byte → char map of the text is needed.
#[derive(Debug, Clone)]
pub struct AllWords {
    /// (last char, word, id) by last char (see [`LastChars`]).
    words: Vec<(char, Vec<char>, u32)>,
    last_chars: LastChars,
}

impl AllWords {
    /// The words, each found with its index in `words`; empty words are never found.
    pub fn new<S: AsRef<str>>(words: &[S]) -> AllWords {
        let mut list = Vec::new();
        for (id, word) in words.iter().enumerate() {
            let chars: Vec<char> = word.as_ref().chars().collect();
            let Some(&last) = chars.last() else { continue };
            list.push((last, chars, id as u32));
        }
        let mask = LastChars::mask(list.len());
        crate::sort::sort_by(&mut list, |a, b| LastChars::order(mask, a.0, b.0));
        let last_chars = LastChars::new(mask, list.iter().map(|w| w.0));
        AllWords { words: list, last_chars }
    }

    /// Every occurrence as (start, end, id), char offsets, sorted by start, then end.
    pub fn find(&self, chars: &[char]) -> Vec<(usize, usize, u32)> {
        let mut found = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            let Some(bucket) = self.last_chars.bucket(c) else { continue };
            let end = i + 1;
            for (last, word, id) in &self.words[bucket] {
                if let Some(start) = end.checked_sub(word.len()) {
                    if *last == c && tail_matches(chars, start, end, word) {
                        found.push((start, end, *id));
                    }
                }
            }
        }
        // Found by end; two words never share both ends (they would be the same word), so
        // this order is total.
        found.sort_unstable_by_key(|&(s, e, _)| (s, e));
        found
    }
}

/// A few fixed word lists, numbered as one list ([`WordLists::words`]) so that one
/// [`AllWords`] search (the catalog's, which takes them on) finds them all, in the same pass
/// over the text as the catalog's own words. From every occurrence it found,
/// [`WordLists::standard`] gives what [`WordSets::find`] gives (the scope markers), and
/// [`WordLists::cues`] the per-list occurrences that [`Cues::first_of`] asks about in a binary
/// search, not a scan of the span per question: the per-figure tests (is there a 已 before the
/// figure in its clause, a 今年 in its sentence…) ask a few thousand times a document about
/// spans of tens of chars.
#[derive(Debug, Clone)]
pub struct WordLists {
    words: Vec<&'static str>,
    /// The list and place in it of each word.
    of: Vec<(usize, usize)>,
    lists: usize,
}

impl WordLists {
    /// Lists of non-empty words.
    pub fn new(lists: &[&[&'static str]]) -> WordLists {
        let mut words = Vec::new();
        let mut of = Vec::new();
        for (list, list_words) in lists.iter().enumerate() {
            for (k, w) in list_words.iter().enumerate() {
                assert!(!w.is_empty(), "an empty listed word");
                words.push(*w);
                of.push((list, k));
            }
        }
        WordLists { words, of, lists: lists.len() }
    }

    /// Every list's words, one after another: a word's id is its place here.
    pub fn words(&self) -> &[&'static str] {
        &self.words
    }

    /// What [`WordSets::find`] says of the first `n` lists, from every occurrence of
    /// [`WordLists::words`] in the text, as [`AllWords::find`] gives them: the match that
    /// ends first, the longest of those ending there, then on from its end, per list.
    pub fn standard(&self, found: &[(usize, usize, u32)], n: usize) -> Vec<Vec<(usize, usize)>> {
        let mut by_end: Vec<(usize, usize, usize)> = found
            .iter()
            .map(|&(s, e, id)| (s, e, self.of[id as usize].0))
            .filter(|h| h.2 < n)
            .collect();
        by_end.sort_unstable_by_key(|&(s, e, _)| (e, s));
        let mut out = vec![Vec::new(); n];
        let mut resume = vec![0usize; n];
        for (s, e, list) in by_end {
            if s >= resume[list] {
                out[list].push((s, e));
                resume[list] = e;
            }
        }
        out
    }

    /// Where each list's words occur, from every occurrence of [`WordLists::words`] in the
    /// text, sorted by start, as [`AllWords::find`] gives them.
    pub fn cues(&self, found: &[(usize, usize, u32)]) -> Cues {
        let mut hits = vec![Vec::new(); self.lists];
        for &(s, e, id) in found {
            let (list, k) = self.of[id as usize];
            hits[list].push((s, e, k));
        }
        Cues { hits }
    }
}

/// The occurrences of [`WordLists`]' words in one text.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    /// Per list: (start, end, place of the word in its list), sorted by start.
    hits: Vec<Vec<(usize, usize, usize)>>,
}

impl Cues {
    /// The first word of list `list`, in list order, that occurs inside `span` (char offsets
    /// into the text found): what [`first_of`] says of that slice of the text.
    pub fn first_of(&self, list: usize, span: (usize, usize)) -> Option<usize> {
        let hits = &self.hits[list];
        let from = hits.partition_point(|h| h.0 < span.0);
        let mut best: Option<usize> = None;
        for &(_, e, k) in hits[from..].iter().take_while(|h| h.0 < span.1) {
            if e <= span.1 && best.is_none_or(|b| k < b) {
                best = Some(k);
                if k == 0 {
                    break;
                }
            }
        }
        best
    }

    /// Whether a word of list `list` occurs inside `span`.
    pub fn contains_any(&self, list: usize, span: (usize, usize)) -> bool {
        self.first_of(list, span).is_some()
    }
}

/// `chars` as a string, with room for three bytes a char made first: `collect` reserves one
/// byte a char and grows twice over Chinese text (two reallocations and copies a sentence).
pub fn string(chars: &[char]) -> String {
    let mut s = String::with_capacity(chars.len() * 3);
    s.extend(chars);
    s
}

/// Whether `chars` end with `word`.
pub fn ends_with(chars: &[char], word: &str) -> bool {
    let n = word.chars().count();
    chars.len() >= n && chars[chars.len() - n..].iter().copied().eq(word.chars())
}

/// Whether `chars` start with `word`.
pub fn starts_with(chars: &[char], word: &str) -> bool {
    let n = word.chars().count();
    chars.len() >= n && chars[..n].iter().copied().eq(word.chars())
}

/// Whether `chars` are made only of digits, the chars of `single` and the `words` (tried in
/// order at each place), each word found passed to `seen`: 2014年以来已按程序 of digits, 年,
/// 以来, 已 and 按程序.
pub fn made_of(
    chars: &[char],
    single: &str,
    words: &[&'static str],
    mut seen: impl FnMut(&'static str),
) -> bool {
    let mut rest = chars;
    while let Some(&c) = rest.first() {
        let skip = if c.is_ascii_digit() || single.contains(c) {
            1
        } else {
            // (A word's first char first: most tries fail there, before a word is counted.)
            match words.iter().find(|w| w.starts_with(c) && starts_with(rest, w)) {
                Some(w) => {
                    seen(w);
                    w.chars().count()
                }
                None => return false,
            }
        };
        rest = &rest[skip..];
    }
    true
}

/// Whether `word` occurs in `chars`.
pub fn contains(chars: &[char], word: &str) -> bool {
    let Some(first) = word.chars().next() else { return true };
    (0..chars.len()).any(|i| chars[i] == first && starts_with(&chars[i..], word))
}

/// The first of `words`, in list order, that occurs in `chars`: what
/// `words.iter().position(|w| contains(chars, w))` says, in one pass over `chars` instead of
/// one per word. Each char is first tested against a 512-bit filter of the words' first chars,
/// so a clause is read once whatever the list's length. Lists longer than 64 words are
/// searched word by word.
pub fn first_of(chars: &[char], words: &[&str]) -> Option<usize> {
    if words.len() > 64 {
        return words.iter().position(|w| contains(chars, w));
    }
    let mut firsts = [None; 64];
    let mut filter = [0u64; 8];
    for (k, w) in words.iter().enumerate() {
        let Some(c) = w.chars().next() else {
            // The empty word is in every text: nothing before it can come first.
            return words[..k].iter().position(|w| contains(chars, w)).or(Some(k));
        };
        firsts[k] = Some(c);
        let bit = c as usize % 512;
        filter[bit / 64] |= 1 << (bit % 64);
    }
    let mut present = 0u64;
    for i in 0..chars.len() {
        let c = chars[i];
        let bit = c as usize % 512;
        if filter[bit / 64] & (1 << (bit % 64)) == 0 {
            continue;
        }
        for (k, w) in words.iter().enumerate() {
            if firsts[k] == Some(c) && present & (1 << k) == 0 && starts_with(&chars[i..], w) {
                if k == 0 {
                    return Some(0);
                }
                present |= 1 << k;
            }
        }
    }
    (present != 0).then(|| present.trailing_zeros() as usize)
}

/// Whether any of `words` occurs in `chars` (see [`first_of`]).
pub fn contains_any(chars: &[char], words: &[&str]) -> bool {
    first_of(chars, words).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_of_digits_chars_and_words() {
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        let mut seen = Vec::new();
        assert!(made_of(&c("2014年以来已按程序"), "年已", &["按程序", "以来"], |w| seen.push(w)));
        assert_eq!(seen, ["以来", "按程序"]);
        assert!(made_of(&c(""), "", &[], |_| {}));
        assert!(!made_of(&c("贫困村"), "年", &["以来"], |_| {}));
    }

    fn find(lists: &[&[&str]], text: &str) -> Vec<Vec<(usize, usize)>> {
        WordSets::new(lists).find(&text.chars().collect::<Vec<_>>())
    }

    #[test]
    fn the_first_ending_match_wins_then_the_longest_ending_there() {
        // 兰考 ends before 兰考县 does, so a standard search reports 兰考.
        assert_eq!(find(&[&["兰考县", "兰考"]], "兰考县"), [vec![(0, 2)]]);
        // Two words ending together: the longer one.
        assert_eq!(find(&[&["县域", "全县域"]], "全县域"), [vec![(0, 3)]]);
        // Matches do not overlap within a list, but lists are independent.
        assert_eq!(find(&[&["全区"], &["区内"]], "全区内"), [vec![(0, 2)], vec![(1, 3)]]);
        assert_eq!(find(&[&["村村"]], "村村村村村"), [vec![(0, 2), (2, 4)]]);
    }

    #[test]
    fn slice_tests_match_the_str_ones() {
        let chars: Vec<char> = "截至2019年底预计".chars().collect();
        for w in ["截至", "预计", "年底", "2019", "", "截至2019年底预计", "预计!", "x"]
        {
            let s: String = chars.iter().collect();
            assert_eq!(ends_with(&chars, w), s.ends_with(w), "{w}");
            assert_eq!(starts_with(&chars, w), s.starts_with(w), "{w}");
            assert_eq!(contains(&chars, w), s.contains(w), "{w}");
        }
    }

    #[test]
    fn first_of_agrees_with_a_search_per_word() {
        let lists: &[&[&str]] = &[
            &["今年", "目前", "当前", "如今", "现在", "至今", "截至目前"],
            &["截至目前", "目前"],
            &["年", "今年"],
            &["x", "", "今年"],
            &["", "今年"],
            &["2019", "年底", "预计!"],
            &[],
        ];
        // Chars equal modulo 512 (the filter's width) must not be taken for one another.
        let aliased = char::from_u32('年' as u32 + 512).unwrap();
        for text in ["截至目前,今年", "今年目前", "", "截至2019年底预计", "现在至今如今"]
            .into_iter()
            .map(str::to_string)
            .chain([format!("{aliased}年"), format!("{aliased}")])
        {
            let chars: Vec<char> = text.chars().collect();
            for words in lists {
                let expected = words.iter().position(|w| contains(&chars, w));
                assert_eq!(first_of(&chars, words), expected, "{words:?} in {text}");
                assert_eq!(contains_any(&chars, words), expected.is_some());
            }
        }
    }

    #[test]
    fn cues_agree_with_first_of_on_every_span() {
        let lists: &[&[&str]] = &[
            &["今年", "目前", "当前", "如今", "现在", "至今", "截至目前"],
            &["已", "了", "完成", "累计"],
            &["村村", "村"],
        ];
        let listed = WordLists::new(lists);
        let finder = AllWords::new(listed.words());
        for text in ["截至目前,今年已完成了累计", "村村村", "今年目前", "", "现在至今如今已"]
        {
            let chars: Vec<char> = text.chars().collect();
            let found = listed.cues(&finder.find(&chars));
            for s in 0..=chars.len() {
                for e in s..=chars.len() {
                    for (l, words) in lists.iter().enumerate() {
                        let expected = first_of(&chars[s..e], words);
                        assert_eq!(
                            found.first_of(l, (s, e)),
                            expected,
                            "{words:?} {s}..{e} {text}"
                        );
                        assert_eq!(found.contains_any(l, (s, e)), expected.is_some());
                    }
                }
            }
        }
    }

    #[test]
    fn standard_matches_agree_with_word_sets() {
        let lists: &[&[&str]] = &[
            &["全县", "县域", "全县域", "该村", "全县"],
            &["村民", "其中", "中村", "村"],
            &["村村", "累计", "计划"],
            &["全区"],
        ];
        let listed = WordLists::new(lists);
        let finder = AllWords::new(listed.words());
        let text = "全县域内该村村民其中中村累计计划全县县域全县域累计划村村村村村全区";
        let chars: Vec<char> = text.chars().collect();
        let expected = WordSets::new(&lists[..3]).find(&chars);
        assert_eq!(listed.standard(&finder.find(&chars), 3), expected);
    }

    #[test]
    fn all_words_agree_with_aho_corasick_overlapping_search() {
        use aho_corasick::AhoCorasick;
        let words =
            ["全县", "县域", "全县域", "域", "该村", "村民", "村", "村村", "𠀀村", "贫困人口"];
        let text = "全县域内该村村民村村村𠀀村贫困人口贫困人口数,全县";
        let chars: Vec<char> = text.chars().collect();
        let b2c: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        let to_char = |b: usize| b2c.iter().position(|&x| x == b).unwrap_or(chars.len());
        let mut expected: Vec<(usize, usize, u32)> = AhoCorasick::new(words)
            .unwrap()
            .find_overlapping_iter(text)
            .map(|m| (to_char(m.start()), to_char(m.end()), m.pattern().as_u32()))
            .collect();
        expected.sort_by_key(|&(s, e, _)| (s, e));
        assert!(expected.len() > 10);
        assert_eq!(AllWords::new(&words).find(&chars), expected);
    }

    #[test]
    fn chars_sharing_a_bit_are_told_apart() {
        // U+10000 + 'x' shares the bit of 'x' modulo 65536 (the long lists' width),
        // and 年 + 512 shares 年's bit modulo 512 (the short lists' width).
        let wide = char::from_u32('村' as u32 + 0x10000).unwrap();
        let short = char::from_u32('年' as u32 + 512).unwrap();
        let mut many: Vec<String> = (0..70).map(|k| format!("词{k}")).collect();
        many.extend([format!("全{wide}"), "全村".to_string(), "村".to_string()]);
        let text: String = format!("全村全{wide}村{wide}");
        let chars: Vec<char> = text.chars().collect();
        let ids = |found: Vec<(usize, usize, u32)>| -> Vec<(usize, usize, &str)> {
            found.into_iter().map(|(s, e, id)| (s, e, many[id as usize].as_str())).collect()
        };
        let wide_word = format!("全{wide}");
        assert_eq!(
            ids(AllWords::new(&many).find(&chars)),
            [(0, 2, "全村"), (1, 2, "村"), (2, 4, wide_word.as_str()), (4, 5, "村")]
        );
        let text = format!("今年{short}今{short}");
        let words = [format!("今{short}"), "今年".to_string(), "年".to_string()];
        assert_eq!(
            find(&[&[words[0].as_str()], &[words[1].as_str(), words[2].as_str()]], &text),
            [vec![(3, 5)], vec![(0, 2)]]
        );
    }

    #[test]
    fn agrees_with_aho_corasick_standard_search() {
        use aho_corasick::AhoCorasick;
        let words = ["全县", "县域", "全县域", "该村", "村民", "其中", "中村", "累计", "计划"];
        let text = "全县域内该村村民其中中村累计计划全县县域全县域累计划";
        let chars: Vec<char> = text.chars().collect();
        let b2c: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        let to_char = |b: usize| b2c.iter().position(|&x| x == b).unwrap_or(chars.len());
        let expected: Vec<(usize, usize)> = AhoCorasick::new(words)
            .unwrap()
            .find_iter(text)
            .map(|m| (to_char(m.start()), to_char(m.end())))
            .collect();
        assert_eq!(WordSets::new(&[&words[..]]).find(&chars), [expected]);
    }
}
