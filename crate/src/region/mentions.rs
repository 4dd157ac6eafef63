//! Finding divisions in a text: one leftmost-longest pass over the name index, then rules
//! that drop what is not a division (towns, rivers, common words) and an ordering of
//! ambiguous candidates by the other divisions the text mentions.

use serde::Serialize;

use super::index::{index, Form, Target};
use super::table::{Division, FastMap, FastSet, Level};

/// A division named in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Char offsets of the name in the text, half-open.
    pub start: usize,
    pub end: usize,
    /// The divisions the name may denote, most likely first (weighed by the other divisions
    /// the text mentions); several only when the name itself is ambiguous (长沙, 朝阳区).
    pub adcodes: Vec<&'static str>,
    /// Level of `adcodes[0]`.
    pub level: Level,
    /// The name carries its suffix: the official name (石柱土家族自治县) or a generic suffixed
    /// form (石柱县, 黔南州). `false` for a bare short name (石柱).
    pub full: bool,
    /// A full name, or a short name backed by the text: its full name, a parent or a child of
    /// `adcodes[0]` is mentioned too. An unsupported short name (a lone 新安 in a 绵阳 report)
    /// is more likely a homonym, such as a town's name.
    pub supported: bool,
    pub kind: MentionKind,
}

/// What the name stands for in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// The place itself.
    Place,
    /// Part of a news outlet's name (重庆日报, 绵阳电视台): says nothing about the subject.
    Media,
}

/// After a bare short name these make it the name of something smaller or of another kind:
/// a town (长沙镇), street, village, road, river (金沙江) or mountain.
const NOT_A_DIVISION_AFTER: &[&str] = &[
    "镇",
    "乡",
    "街道",
    "大街",
    "村",
    "社区",
    "居委会",
    "路",
    "大道",
    "江",
    "河",
    "湖",
    "山",
    "岭",
    "峰",
    "寺",
    "桥",
    "站",
    "港",
    "湾",
    "溪",
    "沟",
    "洞",
    "水库",
    "屯",
    "寨",
];

/// Words that start with one of the markers above but say nothing about a smaller place
/// (石柱乡村振兴, 金沙山区群众).
const MARKER_EXCEPTIONS: &[&str] =
    &["乡村", "乡镇", "村民", "村级", "山区", "湖区", "路子", "路径", "河道治理"];

/// Suffixes that let a common-word short name count (长安县 in an old text, 和平区).
const DIVISION_SUFFIX_CHARS: &[char] = &['县', '区', '市', '旗', '州', '盟'];

/// Characters after which a two-character full name (范县, 城区) may start a word.
const WORD_BOUNDARY_BEFORE: &[char] =
    &['在', '于', '到', '和', '与', '及', '对', '是', '的', '从', '向', '赴', '至'];

const MEDIA_AFTER: &[&str] = &[
    "日报",
    "晚报",
    "早报",
    "商报",
    "都市报",
    "电视台",
    "广播电视",
    "卫视",
    "融媒体",
    "新闻",
    "发布",
];

/// Every mention of a division in `text` (Simplified Chinese), in text order.
pub fn mentions(text: &str) -> Vec<Mention> {
    let raw = find(text);
    let resolved = resolve(text, raw);
    finish(text, resolved)
}

/// A match that passed the local rules, with its remaining targets.
struct Raw {
    start_byte: usize,
    end_byte: usize,
    targets: Vec<Target>,
}

fn find(text: &str) -> Vec<Raw> {
    let idx = index();
    let mut out: Vec<Raw> = Vec::new();
    for m in idx.find_iter(text) {
        let (start, end) = (m.start, m.end);
        let after = &text[end..];
        let before = text[..start].chars().next_back();
        let previous = out.last().filter(|p| p.end_byte == start);
        // 六盘山, 乌蒙山: a bare short name ending in 山 glued to the char before it is the
        // tail of a mountain's name (盘山, 蒙山), unless a division right before it places it
        // (辽宁盘山).
        let mountain_tail = text[start..end].ends_with('山')
            && previous.is_none()
            && before.is_some_and(|c| is_han(c) && !WORD_BOUNDARY_BEFORE.contains(&c));
        let targets: Vec<Target> = idx
            .targets(m.pattern)
            .filter(|t| !(mountain_tail && t.form == Form::Short))
            .filter(|t| keep_target(t, after, before, previous))
            .collect();
        if !targets.is_empty() {
            out.push(Raw { start_byte: start, end_byte: end, targets });
        }
    }
    out
}

/// The rules that look at the characters and the division right around the match.
fn keep_target(t: &Target, after: &str, before: Option<char>, previous: Option<&Raw>) -> bool {
    let inside_previous = previous.is_some_and(|p| {
        p.targets
            .iter()
            .any(|p| t.division.adcode != p.division.adcode && t.division.is_within(p.division))
    });
    if previous.is_some() && !inside_previous && !fits_after(t, previous.unwrap()) {
        return false;
    }
    match t.form {
        Form::Short => {
            let marker = NOT_A_DIVISION_AFTER.iter().any(|w| after.starts_with(w))
                && !MARKER_EXCEPTIONS.iter().any(|w| after.starts_with(w));
            let suffixed =
                after.starts_with(DIVISION_SUFFIX_CHARS) && !after[3..].starts_with('场');
            !marker && (!t.needs_suffix || suffixed) && !in_town_list(after)
        }
        // 开平市场 is a market in 开平, 绵阳市民 are still 绵阳's; only 市场 reads otherwise.
        Form::Full if t.division.name.ends_with('市') && after.starts_with('场') => false,
        // Two-character full names sit easily inside ordinary words (示范县, 提高县); the
        // generic districts (城区, 矿区, 郊区) are ordinary words themselves. Right after their
        // parent (甘肃省岷县, 阳泉市城区) they are names.
        Form::Full if t.tight && !inside_previous => {
            !t.division.name.ends_with('区')
                && before.is_none_or(|c| !is_han(c) || WORD_BOUNDARY_BEFORE.contains(&c))
        }
        _ => true,
    }
}

/// Whether a bare name is an item of a list of towns: 马路、太平、清池、平坝等西部5个乡镇.
/// The item is followed by 、 or 等, and the list, before the clause ends, closes with
/// 等 … N个乡镇 (or 镇, 乡, 街道, 村), or directly with 等乡镇.
fn in_town_list(after: &str) -> bool {
    if !(after.starts_with('、') || after.starts_with('等')) {
        return false;
    }
    let clause: String = after.chars().take(40).take_while(|&c| !CLAUSE_END.contains(&c)).collect();
    let Some(deng) = clause.find('等') else { return false };
    let tail = &clause[deng + '等'.len_utf8()..];
    let counted = ["个乡镇", "个镇", "个乡", "个街道", "个村"].iter().any(|w| tail.contains(w));
    let direct = ["乡镇", "镇", "乡", "街道", "村"].iter().any(|w| tail.starts_with(w))
        && !tail.starts_with("乡村");
    counted || direct
}

const CLAUSE_END: &[char] =
    &['\u{3002}', '\u{ff0c}', ',', '\u{ff1b}', ';', '\u{ff01}', '!', '\u{ff1f}', '?', '\n'];

/// A division written right after another one, and not inside it: a county name right after
/// a county is a town's (江油市新安, 开州区长沙); only a division of the same or a higher level
/// may follow a province or prefecture directly (川渝-style runs).
fn fits_after(t: &Target, previous: &Raw) -> bool {
    let previous_top =
        previous.targets.iter().map(|p| p.division.level).min().unwrap_or(Level::County);
    previous_top != Level::County && t.division.level <= previous_top
}

/// Bytes within which an anchor counts double for an ambiguous name.
const NEAR_BYTES: usize = 300;

/// Orders the targets of ambiguous matches by the unambiguous divisions around them: each
/// anchor adds its relatedness, twice when it is near. Anchors are counted per division, and
/// the near ones found by position, so a long text costs a pass, not a product of its mentions.
/// (Relatedness values are multiples of 0.5, so the sums are exact in any order.)
fn resolve(text: &str, mut raw: Vec<Raw>) -> Vec<Raw> {
    let anchors: Vec<(usize, &'static Division)> = raw
        .iter()
        .filter(|r| r.targets.len() == 1)
        .map(|r| (r.start_byte, r.targets[0].division))
        .collect();
    let mut per_division: Vec<(&'static Division, f64)> = Vec::new();
    let mut slot: FastMap<&'static str, usize> = FastMap::default();
    for &(_, a) in &anchors {
        let i = *slot.entry(a.adcode).or_insert_with(|| {
            per_division.push((a, 0.0));
            per_division.len() - 1
        });
        per_division[i].1 += 1.0;
    }
    for r in raw.iter_mut().filter(|r| r.targets.len() > 1) {
        // Raw matches never share a start, and an ambiguous one is no anchor.
        let from = anchors.partition_point(|&(pos, _)| pos + NEAR_BYTES <= r.start_byte);
        let near: Vec<&'static Division> = anchors[from..]
            .iter()
            .take_while(|&&(pos, _)| pos < r.start_byte + NEAR_BYTES)
            // Only in the same sentence: a sentence on a namesake (“我们在福建龙岩也有个永定区”)
            // says nothing of the one the sentence before or after names.
            .filter(|&&(pos, _)| {
                let (a, b) = (pos.min(r.start_byte), pos.max(r.start_byte));
                !text.get(a..b).is_some_and(|t| t.contains(['\n', '。', '!', '?', '！', '？']))
            })
            .map(|&(_, a)| a)
            .collect();
        let score = |t: &Target| -> f64 {
            let everywhere: f64 =
                per_division.iter().map(|&(a, count)| relatedness(t.division, a) * count).sum();
            let nearby: f64 = near.iter().map(|&a| relatedness(t.division, a)).sum();
            everywhere + nearby
        };
        let mut scored: Vec<(f64, usize, Target)> =
            r.targets.iter().enumerate().map(|(i, t)| (score(t), i, *t)).collect();
        // Higher score first; ties keep the index order (full forms, higher levels first).
        crate::sort::sort_by(&mut scored, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        r.targets = scored.into_iter().map(|(_, _, t)| t).collect();
    }
    raw
}

/// How strongly mentioning `other` suggests `candidate` is meant.
pub(crate) fn relatedness(candidate: &Division, other: &Division) -> f64 {
    if candidate.adcode == other.adcode {
        0.0
    } else if candidate.prefecture == Some(other.adcode)
        || other.prefecture == Some(candidate.adcode)
    {
        3.0
    } else if other.level == Level::Province && candidate.province == other.adcode {
        2.0
    } else if candidate.level == Level::Province && other.province == candidate.adcode {
        1.5
    } else if candidate.prefecture.is_some() && candidate.prefecture == other.prefecture {
        1.0
    } else if candidate.province == other.province {
        0.5
    } else {
        0.0
    }
}

fn finish(text: &str, raw: Vec<Raw>) -> Vec<Mention> {
    let mut chars = CharCursor::new(text);
    let spelled_out: FastSet<&str> = raw
        .iter()
        .filter(|r| r.targets[0].form != Form::Short)
        .map(|r| r.targets[0].division.adcode)
        .collect();
    let related = Related::of(raw.iter().map(|r| r.targets[0].division));
    raw.iter()
        .map(|r| {
            let first = &r.targets[0];
            let full = first.form != Form::Short;
            let d = first.division;
            let supported = full || spelled_out.contains(&d.adcode) || related.has_kin(d);
            let after = &text[r.end_byte..];
            let kind = if MEDIA_AFTER.iter().any(|w| after.starts_with(w)) {
                MentionKind::Media
            } else {
                MentionKind::Place
            };
            let (start, end) = (chars.of(r.start_byte), chars.of(r.end_byte));
            Mention {
                start,
                end,
                adcodes: r.targets.iter().map(|t| t.division.adcode).collect(),
                level: d.level,
                full,
                supported,
                kind,
            }
        })
        .collect()
}

/// The divisions a text mentions, as sets that answer "is a parent or a child of this one
/// mentioned too" in constant time.
struct Related {
    /// Every division mentioned.
    present: FastSet<&'static str>,
    /// Prefectures with a county mentioned.
    prefectures_of_present: FastSet<&'static str>,
    /// Provinces with a division mentioned below them.
    provinces_of_present: FastSet<&'static str>,
}

impl Related {
    fn of(divisions: impl Iterator<Item = &'static Division>) -> Related {
        let mut related = Related {
            present: FastSet::default(),
            prefectures_of_present: FastSet::default(),
            provinces_of_present: FastSet::default(),
        };
        for o in divisions {
            related.present.insert(o.adcode);
            if let Some(p) = o.prefecture.filter(|&p| p != o.adcode) {
                related.prefectures_of_present.insert(p);
            }
            if o.province != o.adcode {
                related.provinces_of_present.insert(o.province);
            }
        }
        related
    }

    /// Whether another mentioned division `o` has `d.is_within(o) || o.is_within(d)`: a
    /// mentioned parent (its prefecture, or its province) or a mentioned child.
    fn has_kin(&self, d: &Division) -> bool {
        let parent_prefecture =
            d.prefecture.is_some_and(|p| p != d.adcode && self.present.contains(p));
        // A province's code (xx0000) is only ever a province's.
        let parent_province = d.province != d.adcode && self.present.contains(d.province);
        let child = self.prefectures_of_present.contains(d.adcode)
            || (d.level == Level::Province && self.provinces_of_present.contains(d.adcode));
        parent_prefecture || parent_province || child
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}')
}

/// Byte offset → char offset for increasing offsets at char boundaries: counts chars from
/// the previous offset, so a whole pass costs one walk over the text.
struct CharCursor<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCursor<'a> {
    fn new(text: &'a str) -> Self {
        CharCursor { text, byte: 0, chars: 0 }
    }

    fn of(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            *self = CharCursor::new(self.text);
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(String, &'static str)> {
        let chars: Vec<char> = text.chars().collect();
        mentions(text)
            .into_iter()
            .map(|m| (chars[m.start..m.end].iter().collect(), m.adcodes[0]))
            .collect()
    }

    #[test]
    fn offsets_are_char_indices_half_open() {
        let m = &mentions("在石柱县")[0];
        assert_eq!((m.start, m.end, m.full), (1, 4, true));
        assert_eq!(m.adcodes, ["500240"]);
        assert_eq!(m.level, Level::County);
    }

    #[test]
    fn full_and_short_forms() {
        let found = mentions("石柱土家族自治县。石柱。");
        assert_eq!(found.len(), 2);
        assert!(found[0].full && !found[1].full);
        assert!(found[1].supported, "the full name backs the short one");
    }

    #[test]
    fn towns_streets_and_rivers_are_not_divisions() {
        assert_eq!(spans("开州区长沙镇福城村"), [("开州区".to_string(), "500154")]);
        assert!(spans("永安镇、新安镇、平坝镇、长沙街道、中山路、金沙江").is_empty());
        assert!(spans("马路、太平、清池、石场、平坝等西部5个乡镇").is_empty());
    }

    #[test]
    fn a_county_right_after_a_county_is_a_town() {
        assert_eq!(spans("江油市新安农业公园"), [("江油市".to_string(), "510781")]);
    }

    #[test]
    fn common_words_need_a_suffix() {
        assert!(spans("和平发展,合作社,乡村振兴,绿水青山就是金山银山").is_empty());
        let heping = mentions("和平区");
        assert_eq!(heping[0].adcodes.len(), 2, "天津's and 沈阳's");
    }

    #[test]
    fn masked_phrases_hide_names_inside_them() {
        assert!(spans("易地扶贫搬迁安置点,社会长治久安").is_empty());
    }

    #[test]
    fn two_character_names_only_at_a_word_start() {
        assert!(spans("综合示范县,提高县域经济").is_empty());
        assert_eq!(spans("岷县、甘肃省岷县").len(), 3);
        assert!(spans("城区人口").is_empty());
        assert_eq!(spans("阳泉市城区")[1], ("城区".to_string(), "140302"));
    }

    #[test]
    fn a_namesake_in_the_next_sentence_does_not_pull_a_name_its_way() {
        // 张家界's 永定区 throughout; a sentence on 龙岩's namesake places only its own mention.
        let text = "张家界日报讯 永定区是张家界市的中心城区。游客到了张家界才发现,这里也有一个永定区。我们在福建龙岩也有个永定区。两个永定区签订协议。";
        let codes: Vec<&str> =
            mentions(text).iter().filter(|m| m.adcodes.len() == 2).map(|m| m.adcodes[0]).collect();
        assert_eq!(codes, ["430802", "430802", "350803", "430802"]);
    }

    #[test]
    fn ambiguous_names_follow_the_other_regions() {
        let found = mentions("长宁隶属四川省宜宾市");
        assert_eq!(found[0].adcodes, ["511524", "310105"]);
        let found = mentions("上海市长宁区和长宁");
        assert_eq!(found.last().unwrap().adcodes[0], "310105");
        let found = mentions("长沙");
        assert_eq!(found[0].adcodes, ["430100", "430121"], "a bare name prefers the higher level");
    }

    #[test]
    fn newspapers_are_media() {
        let found = mentions("来源:重庆日报");
        assert_eq!(found[0].kind, MentionKind::Media);
        assert_eq!(mentions("重庆市")[0].kind, MentionKind::Place);
    }

    #[test]
    fn unsupported_short_names_are_flagged() {
        let found = mentions("绵阳市江油市新安镇。新安农业公园");
        let xinan = found.iter().find(|m| m.adcodes[0] == "410323").expect("新安 is found");
        assert!(!xinan.supported);
        assert!(found.iter().all(|m| m.adcodes[0] != "410323" || !m.full));
    }

    #[test]
    fn markets_are_not_cities() {
        assert!(spans("开平市场").iter().all(|(s, _)| s != "开平市"));
    }
}
