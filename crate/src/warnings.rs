//! Data-quality warnings: missing_number, corrupt_text, censored_text, duplicate_paragraph.
//! (conflicting_values is raised by headline choice, which is where conflicts show.)
//!
//! Each finder returns spans in the decoded text, never a guessed number.

use std::collections::HashMap;

use crate::normalize::{is_han, Normalized};
use crate::report::Warning;
use crate::segment::{paragraphs, Span};

fn warning(kind: &str, span: Span, message: String) -> Warning {
    Warning { kind: kind.to_string(), start: span.0, end: span.1, message, related: Vec::new() }
}

/// Paragraphs of at least this many chars count as duplicates when repeated verbatim.
const DUPLICATE_MIN_CHARS: usize = 20;

/// Repeated paragraphs: returns the warnings and the normalised spans of the repeats, whose
/// figures must be counted once.
pub fn duplicate_paragraphs(n: &Normalized) -> (Vec<Warning>, Vec<Span>) {
    let mut first: HashMap<&[char], Span> = HashMap::new();
    let mut warnings = Vec::new();
    let mut repeats = Vec::new();
    for (s, e) in paragraphs(&n.chars) {
        let body = &n.chars[s..e];
        if body.len() < DUPLICATE_MIN_CHARS {
            continue;
        }
        match first.get(body) {
            Some(&(fs, fe)) => {
                let mut w = warning(
                    "duplicate_paragraph",
                    n.to_original(s, e),
                    "this paragraph repeats an earlier one word for word; its figures are counted once".into(),
                );
                w.related.push(n.to_original(fs, fe));
                warnings.push(w);
                repeats.push((s, e));
            }
            None => {
                first.insert(body, (s, e));
            }
        }
    }
    (warnings, repeats)
}

fn is_word_char(c: char) -> bool {
    is_han(c) || c.is_alphanumeric()
}

/// Sentence-final particles after which an ASCII '?' is a real question mark.
const QUESTION_PARTICLES: &str = "吗呢么吧啊呀嘛何谁哪啥";

/// Mis-decoded text: U+FFFD anywhere, or runs of ASCII '?' inside words or next to digits
/// (總?cè)丝?4.56萬人). Works on the decoded text, where '?' is still ASCII.
pub fn corrupt_text(original: &[char]) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < original.len() {
        let c = original[i];
        if c != '?' && c != '\u{FFFD}' {
            i += 1;
            continue;
        }
        let s = i;
        while i < original.len() && (original[i] == '?' || original[i] == '\u{FFFD}') {
            i += 1;
        }
        let run = &original[s..i];
        let before = s.checked_sub(1).map(|p| original[p]);
        let after = original.get(i).copied();
        let replacement = run.contains(&'\u{FFFD}');
        let by_digit =
            before.is_some_and(|c| c.is_ascii_digit()) || after.is_some_and(|c| c.is_ascii_digit());
        let inside_word = before.is_some_and(is_word_char)
            && after.is_some_and(is_word_char)
            && !before.is_some_and(|c| QUESTION_PARTICLES.contains(c));
        let doubled = run.len() >= 2 && after.is_some_and(is_word_char);
        if replacement || by_digit || inside_word || doubled {
            // Widen the span to the garbled word around the marks (?cè)丝?), so a figure
            // touching it is known to be damaged.
            let mut a = s;
            while a > 0 && s - a < 4 && original[a - 1].is_ascii_alphabetic() {
                a -= 1;
            }
            let mut b = i;
            while b < original.len() && b - i < 6 && is_garble_char(original[b]) {
                b += 1;
            }
            // Marks a couple of chars apart (?cè)丝?) are one damaged word.
            if let Some(prev) = out.last_mut().filter(|w: &&mut Warning| w.end + 2 >= a) {
                prev.end = b;
                continue;
            }
            let shown: String = original[a..b].iter().collect();
            out.push(warning(
                "corrupt_text",
                (a, b),
                format!("mis-decoded characters “{shown}”: a figure next to them may have lost digits and is not used"),
            ));
        }
    }
    out
}

/// Chars that appear inside mis-decoded pinyin garble: latin letters with tone marks,
/// brackets, '?'.
fn is_garble_char(c: char) -> bool {
    c.is_ascii_alphabetic()
        || c == '('
        || c == ')'
        || c == '?'
        || (!c.is_ascii() && c.is_alphabetic() && !is_han(c))
}

/// Characters masked with '*' (*治责任, *策).
pub fn censored_text(original: &[char]) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < original.len() {
        if original[i] != '*' && original[i] != '＊' {
            i += 1;
            continue;
        }
        let s = i;
        while i < original.len() && (original[i] == '*' || original[i] == '＊') {
            i += 1;
        }
        let before = s.checked_sub(1).map(|p| original[p]);
        let after = original.get(i).copied();
        let cjk = |c: char| is_han(c) || "、，。：".contains(c);
        if before.is_some_and(cjk) || after.is_some_and(cjk) {
            let a = s.saturating_sub(2);
            let b = (i + 2).min(original.len());
            let shown: String = original[a..b].iter().collect();
            out.push(warning(
                "censored_text",
                (s, i),
                format!("{} character(s) masked with * in “{shown}”", i - s),
            ));
        }
    }
    out
}

/// Counters that follow a number; seen without one, the number was stripped.
const COUNTER_AFTER_VERB: &[&str] = &["人次", "万元", "亿元", "万人", "万户", "万亩", "个百分点"];

/// Chars that may stand before a counter without a number (这个, 每个, 各个…).
const COUNTER_OK_BEFORE: &str =
    "零一二三四五六七八九十百千万亿两几数多余每各这那哪某整半单逐首第上下个0123456789.";

/// Words 个 or 名 begins that are not counters (个人, 名单…).
const GE_WORDS: &str = "人体性别税案例户";
const MING_WORDS: &str = "单称义优牌列额片声气胜字录言贵校师医村誉利次";

/// Chars before 名 that make a word, not a stripped count (著名, 排名, 报名…).
const MING_WORD_BEFORE: &str = "著知有排签提报命点冠美盛出成更署实地姓书罪虚挂取起品莫同匿化除正学联大小乳聘别芳功俗译奇骂闻威罚假声慕";

/// Verbs after which a bare 人 followed by punctuation lost its number (安置人,).
const PERSON_VERBS: &[&str] = &[
    "安置", "就业", "培训", "转移", "吸纳", "帮助", "资助", "救助", "脱贫", "减贫", "搬迁", "务工",
];

/// Whether `c` is the first char of one of [`COUNTER_AFTER_VERB`].
fn starts_counter(c: char) -> bool {
    matches!(c, '人' | '万' | '亿' | '个')
}

fn is_punct(c: char) -> bool {
    matches!(c, ',' | '。' | ';' | ':' | '、' | '!' | '?' | ')' | '”' | '\n')
}

fn ends_with_word(chars: &[char], end: usize, w: &str) -> bool {
    let wl = w.chars().count();
    end >= wl && chars[end - wl..end].iter().copied().eq(w.chars())
}

fn starts_with_word(chars: &[char], at: usize, w: &str) -> bool {
    let wl = w.chars().count();
    at + wl <= chars.len() && chars[at..at + wl].iter().copied().eq(w.chars())
}

/// Counters and units whose number was stripped (绵阳市个贫困村, 截至年底, 达%).
pub fn missing_numbers(n: &Normalized) -> Vec<Warning> {
    let c = &n.chars;
    let mut spans: Vec<(usize, usize, &str)> = Vec::new();
    for i in 0..c.len() {
        let prev = i.checked_sub(1).map(|p| c[p]);
        let next = c.get(i + 1).copied();
        let prev_is_number = || prev.is_some_and(|p| COUNTER_OK_BEFORE.contains(p));
        match c[i] {
            '%' if !prev.is_some_and(|p| p.is_ascii_digit() || COUNTER_OK_BEFORE.contains(p)) => {
                spans.push((i, i + 1, "a percentage without its number"));
            }
            '年' => {
                let at_start = prev.is_none_or(|p| is_punct(p) || p == '◎' || p == ' ')
                    || ends_with_word(c, i, "截至")
                    || ends_with_word(c, i, "截止");
                let year_follows = next.is_some_and(|x| matches!(x, '底' | '末' | '初' | ','))
                    || starts_with_word(c, i + 1, "以来");
                if at_start && year_follows {
                    spans.push((i, i + 1, "a year without its number"));
                }
            }
            '个' if prev.is_some_and(|p| is_han(p) || is_punct(p))
                && !prev_is_number()
                && next.is_some_and(|x| (is_han(x) && !GE_WORDS.contains(x)) || is_punct(x)) =>
            {
                spans.push((i, i + 1, "a count (个) without its number"));
            }
            '名' if prev.is_some_and(|p| is_han(p) || p == '、')
                && !prev_is_number()
                && !prev.is_some_and(|p| MING_WORD_BEFORE.contains(p))
                && next.is_some_and(|x| is_punct(x) || (is_han(x) && !MING_WORDS.contains(x))) =>
            {
                spans.push((i, i + 1, "a head count (名) without its number"));
            }
            '人' if next.is_some_and(is_punct)
                && PERSON_VERBS.iter().any(|v| ends_with_word(c, i, v)) =>
            {
                spans.push((i, i + 1, "a head count (人) without its number"));
            }
            // 29561户人脱贫: the households kept their number, the persons lost theirs.
            '人' if prev == Some('户')
                && i >= 2
                && c[i - 2].is_ascii_digit()
                && !next.is_some_and(|x| x == '家' || x == '口') =>
            {
                spans.push((i, i + 1, "a head count (人) without its number"));
            }
            // 驻村工作队支、: teams counted without a number.
            '支' if prev == Some('队') && next.is_some_and(is_punct) => {
                spans.push((i, i + 1, "a team count (支) without its number"));
            }
            '余' | '多'
                if prev.is_some_and(|p| is_han(p) && !COUNTER_OK_BEFORE.contains(p))
                    && next.is_some_and(|x| "万亿个名人户元宗件次家".contains(x))
                    && c[i] == '余' =>
            {
                spans.push((i, i + 2, "an approximate figure (余…) without its number"));
            }
            _ => {}
        }
        // Most chars start no counter word (a test keeps this list in step with them).
        if !starts_counter(c[i]) {
            continue;
        }
        for w in COUNTER_AFTER_VERB {
            if starts_with_word(c, i, w)
                && prev
                    .is_some_and(|p| (is_han(p) || is_punct(p)) && !COUNTER_OK_BEFORE.contains(p))
            {
                spans.push((i, i + w.chars().count(), "a unit without its number"));
            }
        }
    }
    spans.sort();
    spans.dedup_by(|a, b| a.0 < b.1);
    spans
        .into_iter()
        .map(|(s, e, what)| {
            let (a, b) = n.to_original(s, e);
            let ctx_s = s.saturating_sub(6);
            let ctx_e = (e + 6).min(c.len());
            let shown: String = c[ctx_s..ctx_e].iter().collect();
            warning("missing_number", (a, b), format!("{what}: “{shown}”"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn kinds(text: &str) -> usize {
        missing_numbers(&normalize(text)).len()
    }

    #[test]
    fn counter_words_start_with_a_listed_char() {
        for w in COUNTER_AFTER_VERB {
            assert!(starts_counter(w.chars().next().unwrap()), "{w}");
        }
    }

    #[test]
    fn stripped_numbers_are_flagged() {
        assert_eq!(kinds("截至年底,绵阳市个贫困村、8.3万户全部退出"), 2);
        assert_eq!(kinds("培训建档立卡劳动力人次,公益性岗位安置人,就业率达%。"), 3);
        assert_eq!(kinds("累计选派名第一书记、名工作队员"), 2);
    }

    #[test]
    fn ordinary_words_are_not_flagged() {
        assert_eq!(
            kinds("一个孩子,每个村,个人收入,著名品牌,排名第一,报名参加,2019年底,今年以来"),
            0
        );
        assert_eq!(kinds("全县85个贫困村,年产值6000万元,年人均增收5400元。"), 0);
    }

    #[test]
    fn corrupt_and_censored() {
        let t: Vec<char> = "總?cè)丝?4.56萬人,如何做到?\n我们".chars().collect();
        let w = corrupt_text(&t);
        assert_eq!(w.len(), 1);
        let c: Vec<char> = "最大的*治责任、**5个".chars().collect();
        assert_eq!(censored_text(&c).len(), 2);
    }

    #[test]
    fn duplicate_paragraph_found_once() {
        let p = "围绕提品质,积极推进绿色有机农业标准化生产,建立健全农产品质量安全监管体系。";
        let text = format!("{p}\n其他段落内容。\n{p}\n");
        let (w, rep) = duplicate_paragraphs(&normalize(&text));
        assert_eq!(w.len(), 1);
        assert_eq!(rep.len(), 1);
    }
}
