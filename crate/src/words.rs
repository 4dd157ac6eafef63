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
    /// (last char, list, word) sorted by last char, then longest word first.
    words: Vec<(char, usize, Vec<char>)>,
    /// Bit `c % 512` set for every last char: most chars end no word and stop here.
    last_chars: [u64; 8],
    lists: usize,
}

impl WordSets {
    /// Lists of words; empty words are ignored.
    pub fn new<S: AsRef<str>>(lists: &[&[S]]) -> WordSets {
        let mut words = Vec::new();
        let mut last_chars = [0u64; 8];
        for (list, list_words) in lists.iter().enumerate() {
            for word in list_words.iter() {
                let chars: Vec<char> = word.as_ref().chars().collect();
                let Some(&last) = chars.last() else { continue };
                let bit = last as usize % 512;
                last_chars[bit / 64] |= 1 << (bit % 64);
                words.push((last, list, chars));
            }
        }
        words.sort_by(|a, b| a.0.cmp(&b.0).then(b.2.len().cmp(&a.2.len())));
        WordSets { words, last_chars, lists: lists.len() }
    }

    /// The matches of each list, as char spans sorted by start.
    pub fn find(&self, chars: &[char]) -> Vec<Vec<(usize, usize)>> {
        let mut found = vec![Vec::new(); self.lists];
        // Where each list's search resumes: its matches do not overlap.
        let mut resume = vec![0usize; self.lists];
        for (i, &c) in chars.iter().enumerate() {
            let bit = c as usize % 512;
            if self.last_chars[bit / 64] & (1 << (bit % 64)) == 0 {
                continue;
            }
            let end = i + 1;
            let from = self.words.partition_point(|w| w.0 < c);
            for (_, list, word) in self.words[from..].iter().take_while(|w| w.0 == c) {
                let Some(start) = end.checked_sub(word.len()) else { continue };
                if start >= resume[*list] && chars[start..end] == word[..] {
                    found[*list].push((start, end));
                    resume[*list] = end;
                }
            }
        }
        found
    }
}

/// One word list whose every occurrence is found, overlapping ones included: what an
/// Aho-Corasick overlapping search reports, for the catalog's few hundred cue words. Built in
/// a blink (the catalog's DFA took a sixth of the engine's start-up), and run on chars, so
/// no byte → char map of the text is needed.
#[derive(Debug, Clone)]
pub struct AllWords {
    /// (last char, word, id) sorted by last char.
    words: Vec<(char, Vec<char>, u32)>,
    /// Bit `c % 65536` set for every last char (exact for the Basic Multilingual Plane).
    last_chars: Vec<u64>,
}

impl AllWords {
    /// The words, each found with its index in `words`; empty words are never found.
    pub fn new<S: AsRef<str>>(words: &[S]) -> AllWords {
        let mut last_chars = vec![0u64; 1024];
        let mut list = Vec::new();
        for (id, word) in words.iter().enumerate() {
            let chars: Vec<char> = word.as_ref().chars().collect();
            let Some(&last) = chars.last() else { continue };
            let bit = last as usize % 65536;
            last_chars[bit / 64] |= 1 << (bit % 64);
            list.push((last, chars, id as u32));
        }
        list.sort_by_key(|w| w.0);
        AllWords { words: list, last_chars }
    }

    /// Every occurrence as (start, end, id), char offsets, sorted by start, then end.
    pub fn find(&self, chars: &[char]) -> Vec<(usize, usize, u32)> {
        let mut found = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            let bit = c as usize % 65536;
            if self.last_chars[bit / 64] & (1 << (bit % 64)) == 0 {
                continue;
            }
            let end = i + 1;
            let from = self.words.partition_point(|w| w.0 < c);
            for (_, word, id) in self.words[from..].iter().take_while(|w| w.0 == c) {
                if let Some(start) = end.checked_sub(word.len()) {
                    if chars[start..end] == word[..] {
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
            match words.iter().find(|w| starts_with(rest, w)) {
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
