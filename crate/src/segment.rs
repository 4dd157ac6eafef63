//! Sentences, clauses and paragraphs of normalised text, as half-open char spans.
//!
//! A sentence ends at 。!?; or a line break; a clause also ends at a comma, a colon or a
//! double dash. Cue words count within a figure's clause; time words within its sentence.

/// Half-open char span.
pub type Span = (usize, usize);

fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | '\n' | '…')
}

/// Whether the char at `i` ends a sentence: as [`ends_sentence`], except an ellipsis right
/// before a figure, a speaker's pause (搬了……三千多户, 培训了那个……六万多人次) in a transcript.
fn cuts_sentence(chars: &[char], i: usize) -> bool {
    ends_sentence(chars[i])
        && !(chars[i] == '…'
            && chars[i + 1..]
                .iter()
                .find(|&&c| c != '…')
                .is_some_and(|&c| c.is_ascii_digit() || crate::numbers::chars::cn(c).is_some()))
}

/// How far back [`full_sentence_start`] looks: a full sentence longer than this is cut.
const FULL_SENTENCE_REACH: usize = 400;

/// The start of the full sentence (up to 。, past semicolons) that the text at `start` is in:
/// what a year or a 全镇 opening it covers (2021年,…;…; 全镇实施…;改造危房604户).
pub fn full_sentence_start(chars: &[char], start: usize) -> usize {
    let mut head = start.min(chars.len());
    while head > 0
        && start - head < FULL_SENTENCE_REACH
        && (chars[head - 1] == ';' || !cuts_sentence(chars, head - 1))
    {
        head -= 1;
    }
    head
}

fn ends_clause(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    // A comma between digits is a thousands separator (12,582人), not a pause.
    let digit_at =
        |k: Option<usize>| k.and_then(|k| chars.get(k)).is_some_and(char::is_ascii_digit);
    if c == ',' && digit_at(i.checked_sub(1)) && digit_at(Some(i + 1)) {
        return false;
    }
    // A colon before a figure joins a label to its value (贫困村退出:214个), as in a list of
    // label / figure lines; elsewhere it opens what follows (主要成效:一是…).
    if c == ':' && digit_at(Some(i + 1)) {
        return false;
    }
    cuts_sentence(chars, i)
        || matches!(c, ',' | ':')
        || (c == '—' && (chars.get(i + 1) == Some(&'—') || i > 0 && chars[i - 1] == '—'))
}

fn split(chars: &[char], cut: impl Fn(usize) -> bool) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..chars.len() {
        if cut(i) {
            if i > start {
                out.push((start, i));
            }
            start = i + 1;
        }
    }
    if start < chars.len() {
        out.push((start, chars.len()));
    }
    out
}

/// The longest sentence and clause kept whole, in chars. Real reports stay far below (the
/// seeds' longest sentence is 239 chars, their longest clause 88); text that lost its
/// punctuation or line breaks can make one "sentence" of megabytes, and every figure looks
/// at its sentence and clause, so without a cap the work grows with the square of the text.
pub const MAX_SENTENCE: usize = 1000;
pub const MAX_CLAUSE: usize = 300;

/// Chars a cut must not fall between: parts of a number or of its unit.
fn holds_together(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '.' | '%' | '‰' | '-' | '~')
        || crate::numbers::chars::cn(c).is_some()
}

/// Cuts spans longer than `max` into pieces of at most `max` chars, each cut placed where it
/// does not split a number (up to 64 chars back; failing that, at `max`).
fn cap(chars: &[char], spans: Vec<Span>, max: usize) -> Vec<Span> {
    if spans.iter().all(|&(s, e)| e - s <= max) {
        return spans;
    }
    let mut out = Vec::with_capacity(spans.len());
    for (mut s, e) in spans {
        while e - s > max {
            let hard = s + max;
            let cut = (hard.saturating_sub(64).max(s + 1)..=hard)
                .rev()
                .find(|&i| !(holds_together(chars[i - 1]) && holds_together(chars[i])))
                .unwrap_or(hard);
            out.push((s, cut));
            s = cut;
        }
        out.push((s, e));
    }
    out
}

/// Sentences, without their closing mark (over-long ones cut, see [`MAX_SENTENCE`]).
pub fn sentences(chars: &[char]) -> Vec<Span> {
    cap(chars, split(chars, |i| cuts_sentence(chars, i)), MAX_SENTENCE)
}

/// Clauses: pieces of sentences between commas, colons and double dashes. Quotes and
/// brackets do not cut: a quoted name such as “四好路” belongs to its clause.
pub fn clauses(chars: &[char]) -> Vec<Span> {
    cap(chars, split(chars, |i| ends_clause(chars, i)), MAX_CLAUSE)
}

/// Paragraphs: lines, trimmed of surrounding white space, empty ones left out.
pub fn paragraphs(chars: &[char]) -> Vec<Span> {
    let mut out = Vec::new();
    for (s, e) in split(chars, |i| chars[i] == '\n') {
        let mut a = s;
        let mut b = e;
        while a < b && chars[a].is_whitespace() {
            a += 1;
        }
        while b > a && chars[b - 1].is_whitespace() {
            b -= 1;
        }
        if b > a {
            out.push((a, b));
        }
    }
    out
}

/// The span among sorted, disjoint `spans` that contains position `pos`.
pub fn containing(spans: &[Span], pos: usize) -> Option<Span> {
    let i = spans.partition_point(|&(_, e)| e <= pos);
    spans.get(i).copied().filter(|&(s, _)| s <= pos)
}

/// The clause around `pos` (falls back to an empty span at `pos`).
pub fn clause_of(clauses: &[Span], pos: usize) -> Span {
    containing(clauses, pos).unwrap_or((pos, pos))
}

/// A set of spans that answers "does any span cover / touch this one?" in O(log n), so
/// checks made once per figure stay linear in the document (a plain scan of all spans per
/// figure made a 8 MB report take minutes).
#[derive(Debug, Clone, Default)]
pub struct SpanSet {
    /// Starts, sorted.
    starts: Vec<usize>,
    /// `max_end[i]`: the largest end among the spans with the `i + 1` smallest starts.
    max_end: Vec<usize>,
}

impl SpanSet {
    pub fn new(spans: impl IntoIterator<Item = Span>) -> SpanSet {
        let mut spans: Vec<Span> = spans.into_iter().collect();
        spans.sort_unstable();
        let mut max_end = Vec::with_capacity(spans.len());
        let mut top = 0;
        for &(_, e) in &spans {
            top = top.max(e);
            max_end.push(top);
        }
        SpanSet { starts: spans.iter().map(|s| s.0).collect(), max_end }
    }

    /// The largest end among spans starting at or before `pos`.
    fn max_end_from_at_most(&self, pos: usize) -> Option<usize> {
        let k = self.starts.partition_point(|&s| s <= pos);
        k.checked_sub(1).map(|k| self.max_end[k])
    }

    /// Whether some span `(s, e)` has `s <= start && end <= e`.
    pub fn covers(&self, start: usize, end: usize) -> bool {
        self.max_end_from_at_most(start).is_some_and(|e| e >= end)
    }

    /// Whether some span `(s, e)` has `s <= end && e >= start` (overlaps or touches).
    pub fn touches(&self, start: usize, end: usize) -> bool {
        self.max_end_from_at_most(end).is_some_and(|e| e >= start)
    }
}

/// The part of `sorted` (by start) whose starts lie in `from..=to`.
pub fn starting_in<T>(sorted: &[T], start: impl Fn(&T) -> usize, from: usize, to: usize) -> &[T] {
    let a = sorted.partition_point(|x| start(x) < from);
    let b = sorted.partition_point(|x| start(x) <= to);
    &sorted[a..b.max(a)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str, f: fn(&[char]) -> Vec<Span>) -> Vec<String> {
        let c: Vec<char> = s.chars().collect();
        f(&c).into_iter().map(|(a, b)| c[a..b].iter().collect()).collect()
    }

    #[test]
    fn splits() {
        assert_eq!(texts("甲,乙。丙;丁", sentences), ["甲,乙", "丙", "丁"]);
        assert_eq!(texts("实施“四好路”545公里,新建", clauses), ["实施“四好路”545公里", "新建"]);
        assert_eq!(texts("a——b,c", clauses), ["a", "b", "c"]);
        assert_eq!(texts("搬迁5,168户12,582人,新建", clauses), ["搬迁5,168户12,582人", "新建"]);
        assert_eq!(texts("  一段 \n\n 二段", paragraphs), ["一段", "二段"]);
    }

    #[test]
    fn containing_finds_the_span() {
        let spans = [(0, 3), (4, 8)];
        assert_eq!(containing(&spans, 5), Some((4, 8)));
        assert_eq!(containing(&spans, 3), None);
    }

    #[test]
    fn over_long_sentences_and_clauses_are_cut_between_numbers() {
        let text = "全县减少贫困人口3.25万人".repeat(200);
        let c: Vec<char> = text.chars().collect();
        for (spans, max) in [(sentences(&c), MAX_SENTENCE), (clauses(&c), MAX_CLAUSE)] {
            assert!(spans.len() > 1);
            assert_eq!(spans.first().unwrap().0, 0);
            assert_eq!(spans.last().unwrap().1, c.len());
            for pair in spans.windows(2) {
                assert_eq!(pair[0].1, pair[1].0, "pieces are contiguous");
                let (before, after) = (c[pair[0].1 - 1], c[pair[1].0]);
                assert!(!(holds_together(before) && holds_together(after)), "{before}|{after}");
            }
            assert!(spans.iter().all(|&(s, e)| e - s <= max));
        }
        // A run of digits longer than the search window is still cut.
        let digits: Vec<char> = "9".repeat(3000).chars().collect();
        assert!(sentences(&digits).iter().all(|&(s, e)| e - s <= MAX_SENTENCE));
    }

    #[test]
    fn span_set_answers_like_a_scan() {
        let spans = [(10, 20), (0, 3), (12, 14), (30, 31)];
        let set = SpanSet::new(spans);
        for a in 0..35 {
            for b in a..36 {
                let covers = spans.iter().any(|&(s, e)| s <= a && b <= e);
                let touches = spans.iter().any(|&(s, e)| s <= b && e >= a);
                assert_eq!(set.covers(a, b), covers, "covers {a} {b}");
                assert_eq!(set.touches(a, b), touches, "touches {a} {b}");
            }
        }
        assert!(!SpanSet::new([]).touches(0, 0));
        let sorted = [(1, 2), (3, 4), (3, 5), (7, 8)];
        assert_eq!(starting_in(&sorted, |x| x.0, 3, 6), &[(3, 4), (3, 5)]);
        assert_eq!(starting_in(&sorted, |x| x.0, 9, 4), &[] as &[Span]);
    }
}
