//! Sentences, clauses and paragraphs of normalised text, as half-open char spans.
//!
//! A sentence ends at 。!?; or a line break; a clause also ends at a comma, a colon or a
//! double dash. Cue words count within a figure's clause; time words within its sentence.

/// Half-open char span.
pub type Span = (usize, usize);

fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | '\n' | '…')
}

fn ends_clause(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    // A comma between digits is a thousands separator (12,582人), not a pause.
    let digit_at =
        |k: Option<usize>| k.and_then(|k| chars.get(k)).is_some_and(char::is_ascii_digit);
    if c == ',' && digit_at(i.checked_sub(1)) && digit_at(Some(i + 1)) {
        return false;
    }
    ends_sentence(c)
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

/// Sentences, without their closing mark.
pub fn sentences(chars: &[char]) -> Vec<Span> {
    split(chars, |i| ends_sentence(chars[i]))
}

/// Clauses: pieces of sentences between commas, colons and double dashes. Quotes and
/// brackets do not cut: a quoted name such as “四好路” belongs to its clause.
pub fn clauses(chars: &[char]) -> Vec<Span> {
    split(chars, |i| ends_clause(chars, i))
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
}
