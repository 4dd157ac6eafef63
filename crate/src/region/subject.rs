//! The main region of a report: the county, district or city it is about.
//!
//! Each mention adds weight to the division it most likely denotes: one for a place name,
//! less for a short name the text does not back up, almost nothing for a newspaper's name,
//! less near 对口帮扶-style wording (the partner region), more in the title and the opening.
//! 全县 / 全区 / 全市 wording adds weight to divisions of the matching kind. A prefecture (or a
//! 直辖市) then also collects part of its counties' weight, so a city report that tours its
//! counties goes to the city, while a county report that places itself in its prefecture
//! (汾西县位于临汾市北部) keeps the county: the most specific region that dominates wins.

use super::mentions::{mentions, Mention, MentionKind};
use super::table::{lookup, Division, FastMap, Level};
use super::MainRegion;

/// Share of its counties' weight a prefecture collects.
const PREFECTURE_SHARE: f64 = 0.5;
/// Share of its districts' and counties' weight a 直辖市 collects: a municipality is rarely the
/// subject, and its districts' reports name it often.
const MUNICIPALITY_SHARE: f64 = 0.25;
/// Below this nothing is named often or prominently enough to be the subject.
const MIN_SCORE: f64 = 1.0;

/// Wording that introduces a partner region rather than the subject.
const PARTNER_WORDS: &[&str] = &[
    "对口帮扶",
    "对口支援",
    "对口协作",
    "东西部扶贫协作",
    "东西部协作",
    "扶贫协作",
    "结对帮扶",
    "援建",
    "帮扶城市",
    "协作城市",
];
/// Wording that places the subject inside a larger division.
const LOCATOR_WORDS: &[&str] = &["位于", "地处", "隶属", "属于", "地属", "处于", "隶属于"];
/// Chars on either side of partner wording whose mentions count less.
const PARTNER_WINDOW: usize = 20;
/// What a region named in the title adds; one that 关于 introduces in it, more (an issuing
/// prefecture's name heads, signs and addresses the notice about its county).
const TITLE_BONUS: f64 = 2.0;
const ABOUT_TITLE_BONUS: f64 = 4.0;
/// The opening, in chars, where mentions count a little more.
const OPENING: usize = 300;

/// Finds the county, district or city a report is about. `text` is Simplified Chinese.
pub fn main_region(text: &str) -> Option<MainRegion> {
    main_region_among(text, &mentions(text))
}

/// [`main_region`] for a text whose [`mentions`] are already found.
pub fn main_region_among(text: &str, found: &[Mention]) -> Option<MainRegion> {
    let chars: Vec<char> = text.chars().collect();
    let title = title(&chars);
    let partners = PartnerSpans::of(&chars);
    let level_words = LevelWords::count(&chars);

    let mut own: FastMap<&'static str, f64> = FastMap::default();
    let mut titled: Vec<&'static str> = Vec::new();
    let mut opening_bonus: FastMap<&'static str, usize> = FastMap::default();
    for (k, m) in found.iter().enumerate() {
        let code = m.adcodes[0];
        let mut weight = mention_weight(m);
        if m.kind == MentionKind::Place {
            // 其中,盘州市…: a unit introduced as a part of the whole is not the subject.
            let before = &chars[m.start.saturating_sub(4)..m.start];
            if is_locator(&chars, m.start)
                || crate::words::contains(before, "其中")
                || names_its_child(m, found.get(k + 1))
            {
                weight *= 0.5;
            }
            let model = is_model(&chars, m);
            let informant = is_informant(&chars, m);
            if partners.near(m.start, m.end) || model || informant {
                weight *= 0.3;
            }
            // An unsupported short name in the title (盘山 of 六盘山) is likelier a homonym
            // than the subject: it counts as a mention, not as the title's region; nor is a
            // model to learn from (学习借鉴平昌经验).
            if title.0 <= m.start
                && m.start < title.1
                && m.supported
                && !model
                && !titled.contains(&code)
            {
                titled.push(code);
                // 关于X…的公示 names its subject outright.
                weight += if title.2 { ABOUT_TITLE_BONUS } else { TITLE_BONUS };
            } else if m.start < OPENING && !informant {
                let n = opening_bonus.entry(code).or_default();
                if *n < 3 {
                    *n += 1;
                    weight += 0.5;
                }
            }
        }
        *own.entry(code).or_default() += weight;
    }
    // 该县 / 该市 speaks of the division of that kind named last before it: one more mention
    // of it (…临潭县正式退出贫困县序列。该县累计减贫…, in a flash whose source line names the
    // prefecture).
    for code in anaphora(&chars, found) {
        *own.entry(code).or_default() += 1.0;
    }
    // 全县 / 全市 wording backs the divisions of that kind, each on its own: a prefecture
    // collects its counties' mentions below, not the bonus every county got from 全县.
    // 该县 / 我县 speak of the region the title names when the title names one of that kind
    // (【…】习水县:… then 该县 eleven times, beside a neighbour's paragraph of its own).
    let kind = |name: &str| name.chars().last();
    let titled_kinds: Vec<Option<char>> =
        titled.iter().filter_map(|c| lookup(c)).map(|d| kind(d.name)).collect();
    let bonus = |code: &str| {
        lookup(code).map_or(0.0, |d| {
            if titled.contains(&d.adcode) {
                // Each is a mention of the titled region itself.
                2.0 * level_words.bonus(d.name)
            } else if titled_kinds.contains(&kind(d.name)) {
                0.0
            } else {
                level_words.bonus(d.name)
            }
        })
    };

    let mut best: Option<(f64, Division)> = None;
    for (&code, &mentioned) in &own {
        let d = lookup(code)?;
        let score = mentioned + bonus(code);
        let eligible = d.level != Level::Province || is_municipality(&d);
        if !eligible {
            continue;
        }
        let share = if d.level == Level::Province { MUNICIPALITY_SHARE } else { PREFECTURE_SHARE };
        let mut children: Vec<f64> = own
            .iter()
            .filter_map(|(&c, &s)| {
                lookup(c).filter(|o| o.adcode != d.adcode && o.is_within(&d)).map(|_| s)
            })
            .collect();
        // One county named beside its prefecture is a county report that locates itself;
        // only a report that names several of them is about the prefecture as a whole. And
        // a tour of the counties names them alike: one county far above the others (a county
        // page with its neighbours' headlines in a side box) adds no more than the next one.
        crate::sort::sort_by(&mut children, |a, b| b.total_cmp(a));
        if let [first, second, ..] = children.as_mut_slice() {
            *first = first.min(*second);
        }
        let total =
            if children.len() >= 2 { score + share * children.iter().sum::<f64>() } else { score };
        let better = match &best {
            None => true,
            // Ties go to the more specific division, then to the lower code for determinism.
            Some((b, bd)) => {
                total > *b || (total == *b && (d.level, bd.adcode) > (bd.level, d.adcode))
            }
        };
        if better {
            best = Some((total, d));
        }
    }
    let (score, mut d) = best?;
    if score < MIN_SCORE {
        return None;
    }
    // A prefecture that no title names, beside the one county-level unit of its own that the
    // title names and no other: a county report placing itself (在怀化市委…领导下, 比怀化市
    // 平均水平高), not the prefecture's.
    if d.level != Level::County && !titled.contains(&d.adcode) {
        let children: Vec<Division> = own
            .keys()
            .filter_map(|c| lookup(c))
            .filter(|o| o.adcode != d.adcode && o.is_within(&d))
            .collect();
        if let [only] = children.as_slice() {
            if titled.contains(&only.adcode) {
                d = *only;
            }
        }
    }
    // A prefecture's feature that lists its counties and then tells one county's story
    // (固原市：… in the title, its five counties in the lead, then 隆德县 and 全县 in every
    // paragraph): the one child named three times as often as any sibling (twice, when the
    // title names it and not the prefecture), in more than twice as many sentences with a
    // figure as the prefecture itself (by name or 全市, not counting 比全市平均水平, 全市第二 and
    // such, which only measure the county against it), is the subject. A prefecture's report
    // with one county as an example states its own figures.
    if d.level == Level::Prefecture {
        let mut children: Vec<(f64, Division)> = own
            .iter()
            .filter_map(|(&c, &s)| {
                lookup(c).filter(|o| o.is_within(&d) && o.adcode != d.adcode).map(|o| (s, o))
            })
            .collect();
        crate::sort::sort_by(&mut children, |a, b| {
            b.0.total_cmp(&a.0).then(a.1.adcode.cmp(b.1.adcode))
        });
        if let Some(&(top, child)) = children.first() {
            let next = children.get(1).map_or(0.0, |c| c.0);
            // The title naming the county (and not the prefecture) backs it.
            let titled_child = titled.contains(&child.adcode) && !titled.contains(&d.adcode);
            if top >= 3.0 * next || (titled_child && top >= 2.0 * next) {
                let stated = FigureSentences::of(&chars, found);
                let (by_child, by_itself) = (stated.naming(&child, false), stated.naming(&d, true));
                if by_child >= 3 && by_child > 2 * by_itself {
                    d = child;
                }
            }
        }
    }
    let first = found.iter().find(|m| m.adcodes[0] == d.adcode)?;
    Some(MainRegion {
        name: d.name.to_string(),
        adcode: d.adcode.to_string(),
        province: d.province_name.to_string(),
        start: first.start,
        end: first.end,
    })
}

fn mention_weight(m: &Mention) -> f64 {
    match m.kind {
        MentionKind::Media => 0.05,
        MentionKind::Place => {
            let base = if m.supported { 1.0 } else { 0.5 };
            if m.adcodes.len() > 1 {
                base * 0.7
            } else {
                base
            }
        }
    }
}

/// Whether the mention follows 位于 / 地处 / 隶属 …: it locates the subject, as in
/// 汾西县位于临汾市北部.
fn is_locator(chars: &[char], start: usize) -> bool {
    let before = &chars[start.saturating_sub(3)..start];
    LOCATOR_WORDS.iter().any(|w| crate::words::ends_with(before, w))
}

/// 学习借鉴平昌经验, 学习平昌县的经验做法: a region held up as a model to learn from is
/// another county's example, not the subject.
fn is_model(chars: &[char], m: &Mention) -> bool {
    let before = &chars[m.start.saturating_sub(2)..m.start];
    let after = &chars[m.end..(m.end + 3).min(chars.len())];
    ["学习", "借鉴"].iter().any(|w| crate::words::ends_with(before, w))
        || ["经验", "的经验"].iter().any(|w| crate::words::starts_with(after, w))
}

/// Words after an informant's name: 记者从甘南州扶贫办获悉.
const INFORMED_WORDS: &[&str] = &["获悉", "了解到", "得知", "获得消息"];
/// How far after the name (past its office: 扶贫办, 乡村振兴局) those words may stand.
const INFORMANT_REACH: usize = 12;

/// 记者从甘南州扶贫办获悉: the office a reporter heard the news from names its own division,
/// the source of the story and not its subject (a prefecture's office tells of its county).
fn is_informant(chars: &[char], m: &Mention) -> bool {
    if m.start == 0 || chars[m.start - 1] != '从' {
        return false;
    }
    let after = &chars[m.end..(m.end + INFORMANT_REACH).min(chars.len())];
    let cut =
        after.iter().position(|&c| matches!(c, ',' | '。' | ';' | '\n')).unwrap_or(after.len());
    crate::words::contains_any(&after[..cut], INFORMED_WORDS)
}

/// How far before 该县 the county it speaks of may be named, in chars.
const ANAPHORA_REACH: usize = 80;

/// The division each 该县 / 该区 / 该市 / 该旗 / 该州 speaks of: the last one of that kind named
/// (as a place) within [`ANAPHORA_REACH`] chars before it.
fn anaphora(chars: &[char], found: &[Mention]) -> Vec<&'static str> {
    let mut out = Vec::new();
    for i in 0..chars.len().saturating_sub(1) {
        if chars[i] != '该' || !LEVEL_KINDS.contains(&chars[i + 1]) {
            continue;
        }
        let kind = chars[i + 1];
        let upto = found.partition_point(|m| m.start < i);
        let named = found[..upto]
            .iter()
            .rev()
            .take_while(|m| m.end + ANAPHORA_REACH >= i)
            .filter(|m| m.kind == MentionKind::Place)
            .find_map(|m| lookup(m.adcodes[0]).filter(|d| division_kind(d.name) == Some(kind)));
        if let Some(d) = named {
            out.push(d.adcode);
        }
    }
    out
}

/// The kind char of a division's name (县, 区, 市, 旗, 盟; 州 for a 自治州).
fn division_kind(name: &str) -> Option<char> {
    if name.ends_with("自治州") {
        Some('州')
    } else {
        name.chars().last().filter(|c| LEVEL_KINDS.contains(c))
    }
}

/// 黔西南州望谟县: a division written right before one of its own units only locates it, as
/// 位于 does.
fn names_its_child(m: &Mention, next: Option<&Mention>) -> bool {
    let Some(next) = next.filter(|n| n.start == m.end && n.kind == MentionKind::Place) else {
        return false;
    };
    match (lookup(m.adcodes[0]), lookup(next.adcodes[0])) {
        (Some(outer), Some(inner)) => inner.adcode != outer.adcode && inner.is_within(&outer),
        _ => false,
    }
}

/// The title's char span: the first non-empty line when it is short enough to be one. An
/// official document's title names what it is about after 关于: the issuer before it
/// (永州市扶贫开发领导小组关于江华瑶族自治县…的公示, on one line or as a line above) is not
/// the title's subject.
fn title(chars: &[char]) -> (usize, usize, bool) {
    let line = |from: usize| {
        let start = from + chars[from..].iter().position(|c| !c.is_whitespace())?;
        let len = chars[start..].iter().position(|&c| c == '\n').unwrap_or(chars.len() - start);
        (len <= 60).then_some((start, start + len))
    };
    let Some((start, end)) = line(0) else { return (0, 0, false) };
    let about = |(s, e): (usize, usize)| {
        (s..e).find(|&k| chars[k..e].starts_with(&['关', '于'])).map(|k| (k, e, true))
    };
    if let Some(t) = about((start, end)) {
        return t;
    }
    // The issuer on the first line, 关于… on the next.
    match line(end).and_then(about) {
        Some(t) if Some(t.0) == line(end).map(|l| l.0) => t,
        _ => (start, end, false),
    }
}

/// Char spans of partner wording, sorted by start.
struct PartnerSpans {
    spans: Vec<(usize, usize)>,
    longest: usize,
}

impl PartnerSpans {
    fn of(chars: &[char]) -> PartnerSpans {
        let words: Vec<Vec<char>> = PARTNER_WORDS.iter().map(|w| w.chars().collect()).collect();
        let mut spans = Vec::new();
        // Each word's non-overlapping occurrences, left to right, as str::match_indices finds
        // them, all in one pass over the text (a pass per word was 5% of a report's time).
        let mut next_free = vec![0usize; words.len()];
        // Bit `c % 64` of every first char: most chars start no word.
        let firsts = words.iter().fold(0u64, |bits, w| bits | 1 << (w[0] as u32 % 64));
        for i in 0..chars.len() {
            let c = chars[i];
            if firsts & (1 << (c as u32 % 64)) == 0 {
                continue;
            }
            for (w, word) in words.iter().enumerate() {
                if word[0] == c && i >= next_free[w] && chars[i..].starts_with(word) {
                    spans.push((i, i + word.len()));
                    next_free[w] = i + word.len();
                }
            }
        }
        spans.sort_unstable();
        PartnerSpans { spans, longest: words.iter().map(Vec::len).max().unwrap_or(0) }
    }

    /// Whether a mention at `start..end` is within [`PARTNER_WINDOW`] chars of partner wording:
    /// some span with `start + PARTNER_WINDOW >= s` and `end <= e + PARTNER_WINDOW`.
    fn near(&self, start: usize, end: usize) -> bool {
        // Such a span starts at or after end - PARTNER_WINDOW - the longest word.
        let lowest = end.saturating_sub(PARTNER_WINDOW + self.longest);
        let from = self.spans.partition_point(|&(s, _)| s < lowest);
        self.spans[from..]
            .iter()
            .take_while(|&&(s, _)| s <= start + PARTNER_WINDOW)
            .any(|&(_, e)| end <= e + PARTNER_WINDOW)
    }
}

/// A mention in a figure sentence: (adcode, start, end).
type Named = (&'static str, usize, usize);

/// The sentences of a text that state a figure (an ASCII digit), with the divisions each
/// names and the level words (全县, 该市, 县里 …) it uses.
struct FigureSentences<'a> {
    chars: &'a [char],
    /// (start, end, mentions starting inside as (adcode, start, end)), figure sentences only.
    sentences: Vec<(usize, usize, Vec<Named>)>,
}

/// Words after a prefecture's name or 全市 that only measure a county against it (比全市平均水平
/// 低, 在全市各县中最大, 位居全市前列, 全市第二), and words before it that do so.
const FRAME_AFTER: &[&str] =
    &["平均", "各县", "各区", "前列", "第一", "第二", "第三", "最", "领先"];
const FRAME_BEFORE: &[&str] = &["比", "在", "居", "于", "高于", "低于"];

impl<'a> FigureSentences<'a> {
    fn of(chars: &'a [char], found: &[Mention]) -> FigureSentences<'a> {
        let sentences = crate::segment::sentences(chars)
            .into_iter()
            .filter(|&(s, e)| chars[s..e].iter().any(char::is_ascii_digit))
            .map(|(s, e)| {
                // `found` is in text order: the mentions starting inside, by bisection.
                let from = found.partition_point(|m| m.start < s);
                let named = found[from..]
                    .iter()
                    .take_while(|m| m.start < e)
                    .filter(|m| m.kind == MentionKind::Place)
                    .map(|m| (m.adcodes[0], m.start, m.end))
                    .collect();
                (s, e, named)
            })
            .collect();
        FigureSentences { chars, sentences }
    }

    /// Whether the words at `start..end` (a name or a level word) only frame a comparison.
    fn frames(&self, start: usize, end: usize) -> bool {
        let before = &self.chars[start.saturating_sub(2)..start];
        let after = &self.chars[end..(end + 2).min(self.chars.len())];
        FRAME_BEFORE.iter().any(|w| crate::words::ends_with(before, w))
            || FRAME_AFTER.iter().any(|w| crate::words::starts_with(after, w))
    }

    /// How many figure sentences name `d` or speak of it by its level word; with
    /// `own_figures`, not counting the mentions that only frame a comparison (比全市平均水平).
    fn naming(&self, d: &Division, own_figures: bool) -> usize {
        let kind = if d.name.ends_with("自治州") { Some('州') } else { d.name.chars().last() };
        let counts = |a: usize, b: usize| !own_figures || !self.frames(a, b);
        self.sentences
            .iter()
            .filter(|(s, e, named)| {
                named.iter().any(|&(c, a, b)| c == d.adcode && counts(a, b))
                    || kind.is_some_and(|k| {
                        (*s..e.saturating_sub(1)).any(|i| {
                            let w = &self.chars[i..i + 2];
                            ((matches!(w[0], '全' | '该' | '我' | '本') && w[1] == k)
                                || (w[0] == k && w[1] == '里'))
                                && counts(i, i + 2)
                        })
                    })
            })
            .count()
    }
}

/// Kinds of division a 全县 / 全区 / 全市 … word speaks of.
const LEVEL_KINDS: [char; 6] = ['县', '区', '市', '旗', '盟', '州'];

/// How often the text says 全X, 我X, 本X or 该X for each kind X of [`LEVEL_KINDS`], counted
/// in one pass (the words cannot overlap: no kind char is also a 全/我/本/该).
struct LevelWords {
    counts: [usize; LEVEL_KINDS.len()],
}

impl LevelWords {
    fn count(chars: &[char]) -> LevelWords {
        let mut counts = [0; LEVEL_KINDS.len()];
        for pair in chars.windows(2) {
            if matches!(pair[0], '全' | '我' | '本' | '该') {
                if let Some(k) = LEVEL_KINDS.iter().position(|&kind| kind == pair[1]) {
                    counts[k] += 1;
                }
            }
        }
        LevelWords { counts }
    }

    /// 全县 / 全区 / 全市 … counted for divisions whose name ends in that kind.
    fn bonus(&self, name: &str) -> f64 {
        let kind = if name.ends_with("自治州") {
            '州'
        } else {
            match name.chars().last() {
                Some(c @ ('县' | '区' | '市' | '旗' | '盟')) => c,
                _ => return 0.0,
            }
        };
        let count = LEVEL_KINDS.iter().position(|&k| k == kind).map_or(0, |k| self.counts[k]);
        0.5 * count.min(10) as f64
    }
}

fn is_municipality(d: &Division) -> bool {
    matches!(d.adcode, "110000" | "120000" | "310000" | "500000")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn returns_full_name_code_province_and_first_span() {
        let r = main_region("据报道,石柱坚持产业扶贫,石柱县全县脱贫。").unwrap();
        assert_eq!(r.name, "石柱土家族自治县");
        assert_eq!(r.adcode, "500240");
        assert_eq!(r.province, "重庆市");
        assert_eq!((r.start, r.end), (4, 6));
    }

    #[test]
    fn province_names_its_municipality_for_districts() {
        assert_eq!(main_region("开州区全区脱贫").unwrap().province, "重庆市");
        assert_eq!(main_region("金沙县全县脱贫").unwrap().province, "贵州省");
    }

    fn level_word_bonus(text: &str, name: &str) -> f64 {
        LevelWords::count(&text.chars().collect::<Vec<_>>()).bonus(name)
    }

    #[test]
    fn level_words_count_for_the_matching_kind() {
        assert_eq!(level_word_bonus("全县、全县、我县", "汾西县"), 1.5);
        assert_eq!(level_word_bonus("全县", "开州区"), 0.0);
        assert_eq!(level_word_bonus("全州", "恩施土家族苗族自治州"), 0.5);
        assert_eq!(level_word_bonus("全州", "某州"), 0.0, "a 州 that is no 自治州");
    }

    #[test]
    fn partner_wording_is_near_within_its_window() {
        let chars: Vec<char> = "上海市对口帮扶云南省,两地结对帮扶".chars().collect();
        let partners = PartnerSpans::of(&chars);
        assert_eq!(partners.spans, [(3, 7), (13, 17)]);
        assert!(partners.near(0, 3) && partners.near(7, 10));
        let far: Vec<char> = format!("对口帮扶{}", "很".repeat(30)).chars().collect();
        assert!(!PartnerSpans::of(&far).near(30, 33));
    }

    #[test]
    fn locators_and_titles() {
        let chars: Vec<char> = "汾西县位于临汾市北部".chars().collect();
        assert!(is_locator(&chars, 5));
        assert!(!is_locator(&chars, 0));
        let chars: Vec<char> = "\n标题\n正文".chars().collect();
        assert_eq!(title(&chars), (1, 3, false));
        // The issuer is not the title's subject: what 关于 introduces is.
        let chars: Vec<char> = "甲市领导小组\n关于乙县的公示\n正文".chars().collect();
        assert_eq!(title(&chars), (7, 14, true));
        let chars: Vec<char> = "甲市政府关于乙县的批复\n正文".chars().collect();
        assert_eq!(title(&chars), (4, 11, true));
    }

    #[test]
    fn nothing_to_find() {
        assert_eq!(main_region(""), None);
        assert_eq!(main_region("贫困人口全部脱贫"), None);
    }
}
