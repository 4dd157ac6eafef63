//! Data-quality warnings: missing_number, corrupt_text, censored_text, duplicate_paragraph.
//! (conflicting_values is raised by headline choice, which is where conflicts show.)
//!
//! Each finder returns spans in the decoded text, never a guessed number.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::normalize::{is_han, Normalized};
use crate::region::FastMap;
use crate::report::{Said, Warning};
use crate::segment::{paragraphs, Span};

fn warning(kind: &str, span: Span, said: Said) -> Warning {
    Warning {
        kind: kind.to_string(),
        start: span.0,
        end: span.1,
        message: said.en,
        message_zh: said.zh,
        related: Vec::new(),
    }
}

/// The most warnings of one kind a report lists. A text masked or garbled all through would
/// otherwise carry one warning per damaged spot (a million for 8 MB of "贫**"), which is
/// no use to a reader and costs gigabytes to serialise and seconds to show.
pub const MAX_WARNINGS_PER_KIND: usize = 100;

/// Keeps the first [`MAX_WARNINGS_PER_KIND`] warnings of each kind (in order) and says on
/// the last one kept how many more of its kind the text has.
pub fn cap_per_kind(warnings: &mut Vec<Warning>) {
    let mut count: FastMap<&str, usize> = FastMap::default();
    for w in warnings.iter() {
        *count.entry(&w.kind).or_default() += 1;
    }
    if count.values().all(|&n| n <= MAX_WARNINGS_PER_KIND) {
        return;
    }
    let count: HashMap<String, usize> =
        count.into_iter().map(|(k, n)| (k.to_string(), n)).collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    warnings.retain_mut(|w| {
        let k = seen.entry(w.kind.clone()).or_default();
        *k += 1;
        if *k == MAX_WARNINGS_PER_KIND {
            let more = count[&w.kind] - MAX_WARNINGS_PER_KIND;
            if more > 0 {
                w.message.push_str(&format!(" (and {more} more warnings of this kind not listed)"));
                w.message_zh.push_str(&format!("(另有{more}条同类警告未列出)"));
            }
        }
        *k <= MAX_WARNINGS_PER_KIND
    });
}

/// Paragraphs of at least this many chars count as duplicates when repeated verbatim.
const DUPLICATE_MIN_CHARS: usize = 20;

/// A paragraph as a hash key. Its chars are folded into one word once, when it is made: a
/// `[char]` key is otherwise hashed char by char at every look-up and again when the map
/// grows (with SipHash, 4% of a report's time).
struct Body<'a> {
    hash: u64,
    chars: &'a [char],
}

impl<'a> Body<'a> {
    fn new(chars: &'a [char]) -> Body<'a> {
        let hash = chars.iter().fold(chars.len() as u64, |h, &c| {
            (h.rotate_left(5) ^ u64::from(c)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
        });
        Body { hash, chars }
    }
}

impl PartialEq for Body<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash && self.chars == other.chars
    }
}

impl Eq for Body<'_> {}

impl Hash for Body<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// Repeated paragraphs: returns the warnings and the normalised spans of the repeats, whose
/// figures must be counted once.
pub fn duplicate_paragraphs(n: &Normalized) -> (Vec<Warning>, Vec<Span>) {
    let mut first: FastMap<Body, Span> = FastMap::default();
    let mut warnings = Vec::new();
    let mut repeats = Vec::new();
    for (s, e) in paragraphs(&n.chars) {
        let body = &n.chars[s..e];
        // A rule of ━━━ or ——— between sections is layout, repeated on purpose: only a
        // paragraph with words can repeat another.
        if body.len() < DUPLICATE_MIN_CHARS
            || body.iter().filter(|&&c| is_word_char(c)).take(DUPLICATE_MIN_CHARS / 2).count()
                < DUPLICATE_MIN_CHARS / 2
        {
            continue;
        }
        let body = Body::new(body);
        match first.get(&body) {
            Some(_) if warnings.len() >= MAX_WARNINGS_PER_KIND => {
                // Past the cap the warning is only counted (see cap_per_kind).
                warnings.push(warning("duplicate_paragraph", n.to_original(s, e), Said::default()));
                repeats.push((s, e));
            }
            Some(&(fs, fe)) => {
                let mut w = warning(
                    "duplicate_paragraph",
                    n.to_original(s, e),
                    Said::new(
                        "this paragraph repeats an earlier one word for word; its figures are counted once",
                        "本段与前文某段逐字重复,其中数字只计一次",
                    ),
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

/// The corrupt-text warning for `span` of `original`, the `count`th of its kind: past the cap
/// only the span matters (it still keeps figures next to it out), so it carries no message.
fn corrupt_warning(original: &[char], span: (usize, usize), count: usize) -> Warning {
    if count >= MAX_WARNINGS_PER_KIND {
        return warning("corrupt_text", span, Said::default());
    }
    let shown: String = original[span.0..span.1].iter().collect();
    warning(
        "corrupt_text",
        span,
        Said::new(
            format!("mis-decoded characters “{shown}”: a figure next to them may have lost digits and is not used"),
            format!("乱码“{shown}”:紧邻的数字可能缺位,不予采用"),
        ),
    )
}

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
        // (…璁?.3万人次: a decimal point between the mark and the digits.)
        let point_digit =
            after == Some('.') && original.get(i + 1).is_some_and(char::is_ascii_digit);
        // (…勞動力2.?萬人次: the digit after the point lost.)
        let digit_point =
            before == Some('.') && s.checked_sub(2).is_some_and(|p| original[p].is_ascii_digit());
        let by_digit = before.is_some_and(|c| c.is_ascii_digit())
            || after.is_some_and(|c| c.is_ascii_digit())
            || point_digit
            || digit_point;
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
            out.push(corrupt_warning(original, (a, b), out.len()));
        }
    }
    // 锟斤拷 (and Big5's 嚙踝蕭): replacement chars already written out as UTF-8 and read back
    // as GBK (Big5), the classic scar of a text converted twice; digits inside are lost.
    const SCARS: [[char; 3]; 2] = [['锟', '斤', '拷'], ['嚙', '踝', '蕭']];
    let mut k = 0;
    while k + 3 <= original.len() {
        if !matches!(original[k], '锟' | '嚙') || !SCARS.iter().any(|w| original[k..k + 3] == *w)
        {
            k += 1;
            continue;
        }
        let s = k;
        while k + 3 <= original.len() && SCARS.iter().any(|w| original[k..k + 3] == *w) {
            k += 3;
        }
        out.push(corrupt_warning(original, (s, k), out.len()));
    }
    crate::sort::sort_by_key(&mut out, |w| w.start);
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

/// Whether `original[i]` masks a character: `*` and `＊` (*治责任), a word filter's `□` and
/// `×` (习□□, 县政×, 6××8户; a lone × between figures is a multiplication), and `口` between
/// two digits (1口86人: an OCR'd □; 口 counts people after a figure, never inside one).
fn is_mask(original: &[char], i: usize) -> bool {
    let near = |k: Option<usize>| k.and_then(|k| original.get(k)).copied();
    let (before, after) = (near(i.checked_sub(1)), near(Some(i + 1)));
    match original[i] {
        '*' | '＊' | '□' => true,
        '×' => {
            before == Some('×')
                || after == Some('×')
                || before.is_some_and(is_han)
                || after.is_some_and(is_han)
        }
        '口' => {
            before.is_some_and(|c| c.is_ascii_digit()) && after.is_some_and(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// Characters masked by a word filter (*治责任, *策, 习□□, 8.××万人).
pub fn censored_text(original: &[char]) -> Vec<Warning> {
    let mut out = Vec::new();
    // Markdown's bold marks (**9,216户**) mask nothing.
    let layout =
        if original.contains(&'*') { crate::normalize::markdown_marks(original) } else { None };
    let mut i = 0;
    while i < original.len() {
        if !is_mask(original, i) || layout.as_ref().is_some_and(|d| d[i]) {
            i += 1;
            continue;
        }
        let s = i;
        let mark = original[i];
        while i < original.len() && original[i] == mark {
            i += 1;
        }
        let before = s.checked_sub(1).map(|p| original[p]);
        let after = original.get(i).copied();
        let cjk = |c: char| is_han(c) || "、，。：".contains(c) || c.is_ascii_digit() || c == '.';
        if (before.is_some_and(cjk) || after.is_some_and(cjk)) && out.len() >= MAX_WARNINGS_PER_KIND
        {
            // Past the cap the warning is only counted (see cap_per_kind).
            out.push(warning("censored_text", (s, i), Said::default()));
        } else if before.is_some_and(cjk) || after.is_some_and(cjk) {
            let a = s.saturating_sub(2);
            let b = (i + 2).min(original.len());
            let shown: String = original[a..b].iter().collect();
            out.push(warning(
                "censored_text",
                (s, i),
                Said::new(
                    format!("{} character(s) masked with {mark} in “{shown}”", i - s),
                    format!("“{shown}”中有{}个字被{mark}屏蔽", i - s),
                ),
            ));
        }
    }
    out
}

/// Counters that follow a number; seen without one, the number was stripped.
const COUNTER_AFTER_VERB: &[&str] =
    &["人次", "万元", "亿元", "万人", "万户", "万亩", "个百分点", "公里", "千米"];

/// Verbs after which a bare 户 lost its number (带动户贫困户).
const HOUSEHOLD_VERBS: &[&str] = &["带动", "帮助", "覆盖", "惠及", "涉及", "扶持", "辐射"];

/// People nouns after which a bare 人 lost its number (劳动力人,).
const PEOPLE_NOUNS: &[&str] = &["劳动力", "群众", "人口", "人员", "学生", "农民"];

/// Chars that may stand before a counter without a number (这个, 每个, 各个…).
const COUNTER_OK_BEFORE: &str =
    "零一二三四五六七八九十百千万亿两几数多余每各这那哪某整半单逐首第上下个0123456789.";

/// Words 个 or 名 begins that are not counters (个人, 名单…).
const GE_WORDS: &str = "人体性别税案例户";
const MING_WORDS: &str = "单称义优牌列额片声气胜字录言贵校师医村誉利次";

/// Chars before 名 that make a word, not a stripped count (著名, 排名, 报名…).
const MING_WORD_BEFORE: &str = "著知有排签提报命点冠美盛出成更署实地姓书罪虚挂取起品莫同匿化除正学联大小乳聘别芳功俗译奇骂闻威罚假声慕段域";

/// Verbs after which a bare 人 followed by punctuation lost its number (安置人,).
const PERSON_VERBS: &[&str] = &[
    "安置", "就业", "培训", "转移", "吸纳", "帮助", "资助", "救助", "脱贫", "减贫", "搬迁", "务工",
];

/// Whether `c` is the first char of one of [`COUNTER_AFTER_VERB`].
fn starts_counter(c: char) -> bool {
    matches!(c, '人' | '万' | '亿' | '个' | '公' | '千')
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

/// Whether the clause before `end` (at most 24 chars back) says something was done (完成,
/// 实施, 实现) and holds no digit: a count there lost its number.
fn done_in_clause(chars: &[char], end: usize) -> bool {
    let from = end.saturating_sub(24);
    let start = chars[from..end].iter().rposition(|&c| is_punct(c)).map_or(from, |p| from + p + 1);
    let clause = &chars[start..end];
    !clause.iter().any(|c| c.is_ascii_digit())
        && ["完成", "实施", "实现"].iter().any(|w| crate::words::contains(clause, w))
}

/// Counters and units whose number was stripped (绵阳市个贫困村, 截至年底, 达%).
pub fn missing_numbers(n: &Normalized) -> Vec<Warning> {
    let c = &n.chars;
    let mut spans: Vec<(usize, usize, (&str, &str))> = Vec::new();
    // Where 截至年底 / 截至年末 was flagged (in text order): a year lost, or the report's own
    // year left unsaid.
    let mut year_ends: Vec<usize> = Vec::new();
    for i in 0..c.len() {
        let prev = i.checked_sub(1).map(|p| c[p]);
        let next = c.get(i + 1).copied();
        let prev_is_number = || prev.is_some_and(|p| COUNTER_OK_BEFORE.contains(p));
        match c[i] {
            '%' if !prev.is_some_and(|p| p.is_ascii_digit() || COUNTER_OK_BEFORE.contains(p)) => {
                spans.push((i, i + 1, ("a percentage without its number", "百分比缺少数字")));
            }
            '年' => {
                let at_start = prev.is_none_or(|p| is_punct(p) || p == '◎' || p == ' ')
                    || ends_with_word(c, i, "截至")
                    || ends_with_word(c, i, "截止");
                // 年底/年末 opening a sentence is "at the year's end", a normal phrase; a
                // comma or 以来 right after 年 at a clause start is a year that lost its digits.
                let after_by = ends_with_word(c, i, "截至") || ends_with_word(c, i, "截止");
                let year_follows = next.is_some_and(|x| x == ',')
                    || starts_with_word(c, i + 1, "以来")
                    || (after_by && next.is_some_and(|x| x == '底' || x == '末'));
                if at_start && year_follows {
                    if after_by && matches!(next, Some('底' | '末')) {
                        year_ends.push(i);
                    }
                    spans.push((i, i + 1, ("a year without its number", "年份缺少数字")));
                }
            }
            '个' if prev.is_some_and(|p| is_han(p) || is_punct(p))
                && !prev_is_number()
                && next.is_some_and(|x| (is_han(x) && !GE_WORDS.contains(x)) || is_punct(x)) =>
            {
                spans.push((i, i + 1, ("a count (个) without its number", "“个”前缺少数字")));
            }
            '名' if prev.is_some_and(|p| is_han(p) || p == '、')
                && !prev_is_number()
                && !prev.is_some_and(|p| MING_WORD_BEFORE.contains(p))
                && next.is_some_and(|x| is_punct(x) || (is_han(x) && !MING_WORDS.contains(x))) =>
            {
                spans.push((i, i + 1, ("a head count (名) without its number", "“名”前缺少数字")));
            }
            '人' if next.is_some_and(is_punct)
                && PERSON_VERBS.iter().any(|v| ends_with_word(c, i, v)) =>
            {
                spans.push((i, i + 1, ("a head count (人) without its number", "“人”前缺少数字")));
            }
            // 29561户人脱贫: the households kept their number, the persons lost theirs.
            '人' if prev == Some('户')
                && i >= 2
                && c[i - 2].is_ascii_digit()
                && !next.is_some_and(|x| x == '家' || x == '口') =>
            {
                spans.push((i, i + 1, ("a head count (人) without its number", "“人”前缺少数字")));
            }
            // 累计户人实现脱贫: households and persons both lost their numbers.
            // (贫困户人均…, 贫困户人口 are words, not lost numbers.)
            '户' if next == Some('人')
                && prev.is_some_and(|p| is_han(p) && !COUNTER_OK_BEFORE.contains(p))
                && !matches!(c.get(i + 2), Some('家' | '均' | '口')) =>
            {
                spans.push((
                    i,
                    i + 2,
                    ("households and persons (户…人) without their numbers", "“户…人”缺少数字"),
                ));
            }
            // 带动户贫困户: a verb directly before a bare 户.
            '户' if HOUSEHOLD_VERBS.iter().any(|v| ends_with_word(c, i, v))
                && next.is_some_and(|x| x != '籍' && x != '口' && x != '均' && x != '人') =>
            {
                spans.push((
                    i,
                    i + 1,
                    ("a household count (户) without its number", "“户”前缺少数字"),
                ));
            }
            // 全年完成农村危房改造户,: what was done to the households, then a bare 户 that
            // ends the clause, with a verb of completion before it (危房改造户 alone, as in
            // 走访危房改造户, names the households).
            '户' if next.is_some_and(|x| matches!(x, ',' | '。' | ';'))
                && ["改造", "搬迁", "安置"].iter().any(|v| ends_with_word(c, i, v))
                && done_in_clause(c, i) =>
            {
                spans.push((
                    i,
                    i + 1,
                    ("a household count (户) without its number", "“户”前缺少数字"),
                ));
            }
            // 安置贫困劳动力人,: a people noun, then a bare 人.
            '人' if next.is_some_and(is_punct)
                && PEOPLE_NOUNS.iter().any(|v| ends_with_word(c, i, v)) =>
            {
                spans.push((i, i + 1, ("a head count (人) without its number", "“人”前缺少数字")));
            }
            // 人均可支配收入达到元: money without its amount.
            '元' if prev.is_some_and(|p| "到为达至入".contains(p))
                && !ends_with_word(c, i, "单元") =>
            {
                spans.push((i, i + 1, ("an amount (元) without its number", "金额“元”前缺少数字")));
            }
            // 驻村工作队支、: teams counted without a number.
            '支' if prev == Some('队') && next.is_some_and(is_punct) => {
                spans.push((i, i + 1, ("a team count (支) without its number", "“支”前缺少数字")));
            }
            '余' | '多'
                if prev.is_some_and(|p| is_han(p) && !COUNTER_OK_BEFORE.contains(p))
                    && next.is_some_and(|x| "万亿个名人户元宗件次家".contains(x))
                    && c[i] == '余' =>
            {
                spans.push((
                    i,
                    i + 2,
                    ("an approximate figure (余…) without its number", "“余”前缺少数字"),
                ));
            }
            _ => {}
        }
        // Most chars start no counter word (a test keeps this list in step with them).
        if !starts_counter(c[i]) {
            continue;
        }
        for w in COUNTER_AFTER_VERB {
            // 人均年增收万元左右, 万元户: 万 alone is ten thousand.
            let wan_alone = c[i] == '万'
                && (ends_with_word(c, i, "增收")
                    || starts_with_word(c, i + w.chars().count(), "左右")
                    || starts_with_word(c, i + w.chars().count(), "户"));
            if starts_with_word(c, i, w)
                && !wan_alone
                && !ends_with_word(c, i, "平方")
                && prev
                    .is_some_and(|p| (is_han(p) || is_punct(p)) && !COUNTER_OK_BEFORE.contains(p))
            {
                spans.push((
                    i,
                    i + w.chars().count(),
                    ("a unit without its number", "单位前缺少数字"),
                ));
            }
        }
    }
    // A unit a caption names (单位:户、人、个; 单位均为万人) or a measure named by its unit
    // (技能培训人次同比下降) counts nothing.
    spans.retain(|&(s, e, _)| !names_a_unit(c, s, e));
    crate::sort::sort_by(&mut spans, |a, b| a.cmp(b));
    spans.dedup_by(|a, b| a.0 < b.1);
    // 截至年末 is also how a report says "at this year's end" (a 统计公报 names its year once,
    // in the title): a year lost there only when the sentence lost another number too (截至年底,
    // 绵阳市个贫困村). Spans are sorted: the neighbours are the nearest others.
    let sentence_end = |c: char| matches!(c, '。' | '!' | '?' | '\n');
    let same_sentence =
        |a: usize, b: usize| b - a <= 80 && !c[a..b].iter().any(|&x| sentence_end(x));
    let keep: Vec<bool> = (0..spans.len())
        .map(|k| {
            year_ends.binary_search(&spans[k].0).is_err()
                || (k > 0 && same_sentence(spans[k - 1].1, spans[k].0))
                || spans.get(k + 1).is_some_and(|n| same_sentence(spans[k].1, n.0))
        })
        .collect();
    let mut keep = keep.into_iter();
    spans.retain(|_| keep.next().unwrap_or(true));
    spans
        .into_iter()
        .map(|(s, e, what)| {
            let (a, b) = n.to_original(s, e);
            let ctx_s = s.saturating_sub(6);
            let ctx_e = (e + 6).min(c.len());
            let shown: String = c[ctx_s..ctx_e].iter().collect();
            let (en, zh) = what;
            warning(
                "missing_number",
                (a, b),
                Said::new(format!("{en}: “{shown}”"), format!("疑似数字被删:{zh}(“{shown}”)")),
            )
        })
        .collect()
}

/// Whether the unit at `s..e` is named, not counted: in a caption after 单位 (单位:万元,
/// 单位:户、人、个, 单位均为万人) within the clause, or as a measure a change is said of
/// (培训人次同比下降, 人次比上年增长).
fn names_a_unit(c: &[char], s: usize, e: usize) -> bool {
    let from = (s.saturating_sub(10)..s)
        .rev()
        .find(|&k| matches!(c[k], '\n' | '。' | ';' | ','))
        .map_or(s.saturating_sub(10), |k| k + 1);
    let caption = crate::words::contains(&c[from..s], "单位");
    let measure = ["同比", "比上年", "较上年"].iter().any(|w| starts_with_word(c, e, w));
    caption || measure
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
        assert_eq!(
            kinds("累计户人实现脱贫,带动户贫困户增收,安置贫困劳动力人,新建农村公路公里。"),
            4
        );
        assert_eq!(kinds("人均可支配收入达到元,截至年底全县"), 2);
        assert_eq!(kinds("全年完成农村危房改造户,实施易地扶贫搬迁户。"), 2);
        // 截至年末 with nothing else lost in its sentence is the report's own year's end.
        assert_eq!(kinds("截至年末,全县建档立卡贫困人口中尚有未脱贫人口1073人。"), 0);
        assert_eq!(kinds("截至年底,全县个贫困村全部出列。"), 2);
    }

    #[test]
    fn households_named_by_their_programme_are_not_flagged() {
        assert_eq!(kinds("重点帮扶易地扶贫搬迁户,走访危房改造户;完成危房改造12户,"), 0);
    }

    #[test]
    fn ordinary_words_are_not_flagged() {
        assert_eq!(
            kinds("一个孩子,每个村,个人收入,著名品牌,排名第一,报名参加,2019年底,今年以来"),
            0
        );
        assert_eq!(kinds("全县85个贫困村,年产值6000万元,年人均增收5400元。"), 0);
        assert_eq!(kinds("年底剩余贫困人口清零,年末全县户籍总人口,这户人家,新建公路12公里,每公里,8765平方公里。"), 0);
        // Units a caption names, a measure named by its unit, a field's name.
        assert_eq!(
            kinds("表2 完成情况(单位:户、人、个)\n乡镇\n构成(单位:万元)\n注:单位均为万人;"),
            0
        );
        assert_eq!(kinds("技能培训人次同比下降,主要是疫情影响。第一次字段名写错了"), 0);
        // A caption's unit is no excuse for a count in the next clause.
        assert_eq!(kinds("(单位:万元)全年培训建档立卡劳动力人次,"), 1);
    }

    #[test]
    fn corrupt_and_censored() {
        let t: Vec<char> = "總?cè)丝?4.56萬人,如何做到?\n我们".chars().collect();
        let w = corrupt_text(&t);
        assert_eq!(w.len(), 1);
        let lost: Vec<char> = "培训贫困劳动力2.?万人次。".chars().collect();
        assert_eq!(corrupt_text(&lost).len(), 1);
        let c: Vec<char> = "最大的*治责任、**5个".chars().collect();
        assert_eq!(censored_text(&c).len(), 2);
        // A word filter's □ and ×, and 口 among digits; not a multiplication, not 3口人.
        let masks: Vec<char> = "习□□总书记,县政×,6××8户,1口86人".chars().collect();
        assert_eq!(censored_text(&masks).len(), 4);
        let plain: Vec<char> = "规格3×4米,一家3口人,**重点**".chars().collect();
        assert!(censored_text(&plain).is_empty());
    }

    #[test]
    fn duplicate_paragraph_found_once() {
        let p = "围绕提品质,积极推进绿色有机农业标准化生产,建立健全农产品质量安全监管体系。";
        let text = format!("{p}\n其他段落内容。\n{p}\n");
        let (w, rep) = duplicate_paragraphs(&normalize(&text));
        assert_eq!(w.len(), 1);
        assert_eq!(rep.len(), 1);
        // Section rules repeated between sections are layout.
        let rule = "━".repeat(24);
        let text = format!("{p}\n{rule}\n其他段落内容。\n{rule}\n结尾。\n");
        assert!(duplicate_paragraphs(&normalize(&text)).0.is_empty());
    }

    #[test]
    fn warnings_are_capped_per_kind() {
        let mut ws: Vec<Warning> = (0..250)
            .map(|i| {
                warning(
                    if i % 5 == 0 { "corrupt_text" } else { "censored_text" },
                    (i, i + 1),
                    Said::new("m", "m"),
                )
            })
            .collect();
        cap_per_kind(&mut ws);
        let censored: Vec<&Warning> = ws.iter().filter(|w| w.kind == "censored_text").collect();
        assert_eq!(censored.len(), MAX_WARNINGS_PER_KIND);
        assert!(censored
            .last()
            .unwrap()
            .message
            .ends_with("(and 100 more warnings of this kind not listed)"));
        assert_eq!(ws.iter().filter(|w| w.kind == "corrupt_text").count(), 50);
        assert!(ws.windows(2).all(|p| p[0].start < p[1].start), "order kept");
    }
}
