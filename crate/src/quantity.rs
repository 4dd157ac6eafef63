//! Quantities: a number from [`crate::numbers`] plus the counter or unit that follows it
//! (户, 人, 人次, 个村, 支, 元/万元/亿元, 公里…), resolved to a canonical unit kind.
//!
//! This is the resolver half of the extractor/resolver split: the number reader finds
//! "22.7万", this module decides it counts people because 建档立卡贫困人口 follows.

use crate::numbers::NumberMatch;

/// What a quantity counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitKind {
    Person,
    Household,
    Village,
    Percent,
    Yuan,
    Km,
    PersonTime,
    Team,
    Post,
    /// A bare 个 whose noun is not one of the above.
    Count,
    /// A unit no indicator uses (亩, 吨, 年, 次…); such figures are never indicators.
    Other,
    /// No unit at all (plan names, codes, numbers in running text).
    None,
}

impl UnitKind {
    /// The catalog's name for the kind.
    pub fn name(self) -> &'static str {
        match self {
            UnitKind::Person => "person",
            UnitKind::Household => "household",
            UnitKind::Village => "village",
            UnitKind::Percent => "percent",
            UnitKind::Yuan => "yuan",
            UnitKind::Km => "km",
            UnitKind::PersonTime => "person_time",
            UnitKind::Team => "team",
            UnitKind::Post => "post",
            UnitKind::Count => "count",
            UnitKind::Other => "other",
            UnitKind::None => "none",
        }
    }

    /// Parses a catalog unit name.
    pub fn from_name(s: &str) -> Option<UnitKind> {
        Some(match s {
            "person" => UnitKind::Person,
            "household" => UnitKind::Household,
            "village" => UnitKind::Village,
            "percent" => UnitKind::Percent,
            "yuan" => UnitKind::Yuan,
            "km" => UnitKind::Km,
            "person_time" => UnitKind::PersonTime,
            "team" => UnitKind::Team,
            "post" => UnitKind::Post,
            "count" => UnitKind::Count,
            _ => return None,
        })
    }
}

/// A number with its unit, in normalised-text char offsets.
#[derive(Debug, Clone)]
pub struct Quantity {
    /// Span of number and unit ("8.3万户").
    pub start: usize,
    pub end: usize,
    /// Span of the number alone.
    pub num_start: usize,
    pub num_end: usize,
    /// Value in the unit's base (persons, yuan, km…).
    pub value: f64,
    pub upper: Option<f64>,
    pub qualifier: Option<String>,
    pub unit: UnitKind,
    /// The unit was read from a following noun (22.7万建档立卡贫困人口), not a counter.
    pub implied: bool,
    pub chinese_numeral: bool,
}

/// Counters read right after a number, longest first within each leading char.
const COUNTERS: &[(&str, UnitKind)] = &[
    ("人次", UnitKind::PersonTime),
    ("户次", UnitKind::Other),
    ("人", UnitKind::Person),
    ("名", UnitKind::Person),
    ("位", UnitKind::Person),
    ("口", UnitKind::Person),
    ("户", UnitKind::Household),
    ("支", UnitKind::Team),
    ("公里", UnitKind::Km),
    ("千米", UnitKind::Km),
    ("km", UnitKind::Km),
    ("KM", UnitKind::Km),
    ("元", UnitKind::Yuan),
    ("块钱", UnitKind::Yuan),
    ("村", UnitKind::Village),
];

/// Nouns after 个 that make it count villages, posts or teams.
const GE_NOUNS: &[(&str, UnitKind)] = &[
    ("贫困村", UnitKind::Village),
    ("深度贫困村", UnitKind::Village),
    ("重点贫困村", UnitKind::Village),
    ("行政村", UnitKind::Village),
    ("建制村", UnitKind::Village),
    ("出列村", UnitKind::Village),
    // 157个省定扶贫工作重点村, 42个省级扶贫开发重点村: the poor villages by their list's name.
    ("扶贫开发工作重点村", UnitKind::Village),
    ("扶贫工作重点村", UnitKind::Village),
    ("扶贫开发重点村", UnitKind::Village),
    ("扶贫重点村", UnitKind::Village),
    ("贫困嘎查村", UnitKind::Village),
    ("贫困嘎查", UnitKind::Village),
    ("嘎查村", UnitKind::Village),
    ("嘎查", UnitKind::Village),
    ("村", UnitKind::Village),
    ("公益性岗位", UnitKind::Post),
    ("公益岗位", UnitKind::Post),
    ("岗位", UnitKind::Post),
    ("驻村工作队", UnitKind::Team),
    ("工作队", UnitKind::Team),
];

/// The unit of a bare 个 whose noun is left out because the sentence just named the set it
/// counts from: 111个贫困村中已有103个脱贫出列 counts villages. Looks back from `start` within
/// its sentence for 个 + noun + 中/里, or 个 + noun right before the number but for 已有/其中.
fn elided_noun(chars: &[char], start: usize) -> UnitKind {
    let from = start.saturating_sub(24);
    let sentence_start = chars[from..start]
        .iter()
        .rposition(|&c| matches!(c, '。' | '!' | '?' | ';' | '\n'))
        .map_or(from, |p| from + p + 1);
    for k in (sentence_start..start).rev() {
        if chars[k] != '个' {
            continue;
        }
        for &(w, kind) in GE_NOUNS {
            let end = k + 1 + len(w);
            if !starts_with(chars, k + 1, w) {
                continue;
            }
            // 111个贫困村中已有103个; 85个贫困村已有83个出列, 85个贫困村,其中83个.
            let gap = &chars[end.min(start)..start];
            let from_the_set = matches!(chars.get(end), Some('中' | '里'))
                || (!gap.is_empty()
                    && gap.len() <= 4
                    && gap.iter().all(|c| matches!(c, '已' | '有' | ',' | '其' | '中')));
            if from_the_set {
                return kind;
            }
        }
    }
    UnitKind::Count
}

/// The noun a bare 个 counts when its clause names it first, with no other figure between:
/// 贫困村全部退出:214个, 出列贫困村73个. A one-char noun (村) is too common a word for it.
fn noun_before(chars: &[char], start: usize) -> Option<UnitKind> {
    let from = start.saturating_sub(24);
    for k in (from..start).rev() {
        let c = chars[k];
        if c.is_ascii_digit() || matches!(c, ',' | '。' | ';' | '!' | '?' | '\n') {
            return None;
        }
        let found = GE_NOUNS.iter().find(|(w, _)| {
            let l = len(w);
            l > 1 && k + 1 >= l && starts_with(chars, k + 1 - l, w)
        });
        if let Some(&(_, kind)) = found {
            return Some(kind);
        }
    }
    None
}

/// Whether the number at `start` follows a sign of arithmetic: ×, ÷, 乘以, 除以.
fn is_operand(chars: &[char], start: usize) -> bool {
    let mut k = start;
    while k > 0 && chars[k - 1] == ' ' {
        k -= 1;
    }
    matches!(k.checked_sub(1).map(|p| chars[p]), Some('×' | '÷'))
        || ["乘以", "除以"].iter().any(|w| k >= 2 && starts_with(chars, k - 2, w))
}

/// Words that open a predicate right after a bare 个 (贫困村237个全部退出, 重点村85个已出列):
/// what became of the counted noun, not a noun of its own.
const PREDICATE_HEADS: &[&str] = &[
    "全部", "均已", "均", "已经", "已", "都", "先后", "陆续", "如期", "顺利", "整体", "实现",
    "脱贫", "出列", "退出", "摘帽", "销号",
];

/// Grades written between 个 and a village noun (126个省扶贫工作重点村: the list's owner alone,
/// after the longer grades).
const VILLAGE_GRADES: &[&str] = &[
    "国家级",
    "省级",
    "市级",
    "县级",
    "国定",
    "省定",
    "市定",
    "县定",
    "深度",
    "重点",
    "建档立卡",
    "省",
    "市",
];

/// Head nouns that give a bare number its unit (22.7万建档立卡贫困人口).
const IMPLIED_NOUNS: &[(&str, UnitKind)] = &[
    ("贫困人口", UnitKind::Person),
    ("人口", UnitKind::Person),
    ("群众", UnitKind::Person),
    ("人员", UnitKind::Person),
    ("劳动力", UnitKind::Person),
    ("学生", UnitKind::Person),
    ("农民", UnitKind::Person),
    ("农牧民", UnitKind::Person),
    ("牧民", UnitKind::Person),
    ("居民", UnitKind::Person),
    ("贫困户", UnitKind::Household),
    ("农户", UnitKind::Household),
];

/// Units no indicator measures; reading them stops a bare 万 from taking a noun's unit.
const OTHER_UNITS: &str =
    "年月日号天岁次场期亩吨米座处条家所套栋台项件宗批种类个只头斤元辆间张份本篇部";

fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    word.chars().enumerate().all(|(k, w)| chars.get(at + k) == Some(&w))
}

fn len(word: &str) -> usize {
    word.chars().count()
}

/// Multiplier a unit may start with when the number reader left it (万元 after a digit).
fn multiplier(c: char) -> Option<f64> {
    match c {
        '万' => Some(1e4),
        '亿' => Some(1e8),
        '千' => Some(1e3),
        '百' => Some(1e2),
        _ => None,
    }
}

/// Reads the unit after `n` and returns the quantity.
pub fn resolve(chars: &[char], n: &NumberMatch) -> Quantity {
    let mut q = Quantity {
        start: n.start,
        end: n.end,
        num_start: n.start,
        num_end: n.end,
        value: n.value,
        upper: n.upper,
        qualifier: n.qualifier.clone(),
        unit: UnitKind::None,
        implied: false,
        chinese_numeral: n.chinese_numeral,
    };
    // An operand of a formula (贫困发生率=未脱贫人数÷农业户籍人口×100%) states nothing.
    if is_operand(chars, n.start) {
        q.unit = UnitKind::Other;
        return q;
    }
    if n.percent {
        q.unit = UnitKind::Percent;
        return q;
    }
    let mut i = n.end;
    while i < chars.len() && chars[i] == ' ' {
        i += 1;
    }
    // A multiplier the number reader did not take (it may stop before 万元).
    if let Some(m) = chars.get(i).copied().and_then(multiplier) {
        if chars.get(i + 1).is_some_and(|&c| c == '元' || c == '人' || c == '户') {
            q.value *= m;
            q.upper = q.upper.map(|u| u * m);
            i += 1;
        }
    }
    // Approximation words between number and unit (4万余人, 600多个).
    for w in ["余", "多"] {
        if starts_with(chars, i, w) {
            q.qualifier.get_or_insert_with(|| w.to_string());
            i += len(w);
        }
    }
    if starts_with(chars, i, "个") {
        let after = i + 1;
        // The grade of a village list may stand between 个 and the noun (120个省级贫困村,
        // 37个省定深度贫困村).
        let mut noun = after;
        for _ in 0..2 {
            if let Some(g) = VILLAGE_GRADES.iter().find(|g| starts_with(chars, noun, g)) {
                noun += len(g);
            }
        }
        let kind = GE_NOUNS
            .iter()
            .find(|(w, _)| starts_with(chars, noun, w))
            .or_else(|| GE_NOUNS.iter().find(|(w, _)| starts_with(chars, after, w)))
            .map_or_else(|| elided_noun(chars, n.start), |&(_, k)| k);
        // A 个 that ends its phrase (…退出:214个) counts the noun its clause named first; so
        // does one its predicate follows (贫困村237个全部退出: no noun of its own after 个).
        let bare = !chars.get(after).is_some_and(|&c| crate::normalize::is_han(c))
            || PREDICATE_HEADS.iter().any(|w| starts_with(chars, after, w));
        let kind = match kind {
            UnitKind::Count if bare => noun_before(chars, n.start).unwrap_or(kind),
            _ => kind,
        };
        q.unit = kind;
        q.end = after;
        return q;
    }
    if let Some(&(w, kind)) = COUNTERS.iter().find(|(w, _)| starts_with(chars, i, w)) {
        // 村 alone is a counter only when no name follows (87村 yes, 3村民 no).
        if w == "村" && chars.get(i + 1).is_some_and(|&c| c == '民' || c == '级' || c == '集') {
            return q;
        }
        q.unit = kind;
        q.end = i + len(w);
        return q;
    }
    if chars.get(i).is_some_and(|&c| OTHER_UNITS.contains(c)) || starts_with(chars, i, "平方") {
        q.unit = UnitKind::Other;
        q.end = i + 1;
        return q;
    }
    // No counter: a head noun within a few chars may give the unit.
    let mut j = i;
    while j < chars.len() && j < i + 10 {
        let c = chars[j];
        if !crate::normalize::is_han(c) || OTHER_UNITS.contains(c) && c != '家' {
            break;
        }
        if let Some(&(w, kind)) = IMPLIED_NOUNS.iter().find(|(w, _)| starts_with(chars, j, w)) {
            q.unit = kind;
            q.implied = true;
            q.end = j + len(w);
            return q;
        }
        j += 1;
    }
    // …or a people noun just before it (户籍人口231.6万, 总人口约50万, 人口30余万).
    if n.value >= 1.0 && people_noun_before(chars, n.start) {
        q.unit = UnitKind::Person;
        q.implied = true;
        return q;
    }
    // 贫困发生率降为零: a zero after a verb of change in a rate's clause is 0%.
    if n.value == 0.0 && rate_zero(chars, n.start) {
        q.unit = UnitKind::Percent;
    }
    q
}

/// Nouns that name a count of people, directly before a bare number.
const PEOPLE_BEFORE: &[&str] = &["人口", "人数", "群众", "人员", "劳动力"];

fn people_noun_before(chars: &[char], start: usize) -> bool {
    let mut end = start;
    // Words that may stand between noun and number: 约, 有, 为, 达…
    for _ in 0..2 {
        if end > 0 && "约有为达近超逾共计是".contains(chars[end - 1]) {
            end -= 1;
        }
    }
    PEOPLE_BEFORE.iter().any(|w| {
        let l = len(w);
        end >= l && starts_with(chars, end - l, w)
    })
}

fn rate_zero(chars: &[char], start: usize) -> bool {
    let head: String = chars[start.saturating_sub(48)..start].iter().collect();
    let sentence = head.rsplit(['。', ';', '\n']).next().unwrap_or("");
    let mut clauses = sentence.rsplit(',');
    let clause = clauses.next().unwrap_or("").trim_end();
    // 降到了零: the verb's 了.
    let clause = clause.strip_suffix('了').unwrap_or(clause);
    // 贫困发生率从2014年底的23.8%逐年下降,2020年底降为0: the rate is the clause before's,
    // still falling.
    // 贫困发生率,从二〇一四年的百分之十二点六,降到了零: the rate named a clause further back,
    // a start in the clause before.
    let mut rate_before = || {
        let start = |c: &str| c.contains('%') || c.contains("百分之") || c.contains("下降");
        let here = start(clause);
        let Some(c) = clauses.next() else { return false };
        // A topic clause after a colon (介绍:贫困发生率,从…) is the words after it.
        let topic = |t: &str| {
            let t = t.rsplit(':').next().unwrap_or(t);
            t.contains("发生率") && t.chars().count() <= 12
        };
        (c.contains("发生率") && start(c))
            || (here && topic(c))
            || (start(c) && clauses.next().is_some_and(topic))
    };
    // A bracketed note on the way ((按当年乡村户籍人口计算)) is no distance.
    let mut depth = 0usize;
    let plain = clause.chars().rev().filter(|&c| {
        match c {
            ')' => depth += 1,
            '(' => depth = depth.saturating_sub(1),
            _ => return depth == 0,
        }
        false
    });
    ["→", "降为", "降至", "降到", "下降为", "下降到", "下降至"].iter().any(|w| clause.ends_with(w))
        && (plain.take(24).any(|c| c == '率') || rate_before())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(s: &str) -> Quantity {
        let c: Vec<char> = s.chars().collect();
        let n = crate::numbers::scan(&c).into_iter().next().expect("a number");
        resolve(&c, &n)
    }

    #[test]
    fn a_bare_zero_a_rate_fell_to_is_a_percentage() {
        let units = |t: &str| -> Vec<UnitKind> {
            let chars: Vec<char> = t.chars().collect();
            crate::numbers::scan(&chars).iter().map(|m| resolve(&chars, m).unit).collect()
        };
        assert_eq!(units("贫困发生率降到了0"), [UnitKind::Percent]);
        // The rate is named in the clause before, still falling.
        let falling = units("贫困发生率从2014年底的23.8%逐年下降,2020年底降为0");
        assert_eq!(falling.last(), Some(&UnitKind::Percent));
        // Not a count that fell to none after another sentence's rate.
        let other = units("贫困发生率为1.2%。危房降为0");
        assert_ne!(other.last(), Some(&UnitKind::Percent));
    }

    #[test]
    fn counters() {
        assert_eq!(first("63101人脱贫").unit, UnitKind::Person);
        assert_eq!(first("17541户").unit, UnitKind::Household);
        assert_eq!(first("7.33万人次").unit, UnitKind::PersonTime);
        assert_eq!(first("85个贫困村").unit, UnitKind::Village);
        assert_eq!(first("120个省级贫困村").unit, UnitKind::Village);
        assert_eq!(first("37个省定深度贫困村").unit, UnitKind::Village);
        assert_eq!(first("157个省定扶贫工作重点村").unit, UnitKind::Village);
        assert_eq!(first("126个省扶贫工作重点村").unit, UnitKind::Village);
        assert_eq!(first("12个重点项目").unit, UnitKind::Count);
        let all = |t: &str| -> Vec<UnitKind> {
            let chars: Vec<char> = t.chars().collect();
            crate::numbers::scan(&chars).iter().map(|m| resolve(&chars, m).unit).collect()
        };
        assert_eq!(all("111个贫困村中已有103个出列"), [UnitKind::Village, UnitKind::Village]);
        assert_eq!(all("85个贫困村已有83个出列"), [UnitKind::Village, UnitKind::Village]);
        assert_eq!(all("85个贫困村,其中83个"), [UnitKind::Village, UnitKind::Village]);
        assert_eq!(all("85个贫困村建成83个卫生室"), [UnitKind::Village, UnitKind::Count]);
        assert_eq!(all("111个贫困村。已有103个项目"), [UnitKind::Village, UnitKind::Count]);
        assert_eq!(all("贫困村全部退出:214个"), [UnitKind::Village]);
        assert_eq!(all("出列贫困村73个,脱贫"), [UnitKind::Village]);
        assert_eq!(all("贫困村237个全部退出"), [UnitKind::Village]);
        assert_eq!(all("省扶贫工作重点村146个已摘帽"), [UnitKind::Village]);
        assert_eq!(all("贫困村237个项目"), [UnitKind::Count]);
        assert_eq!(all("贫困村建成83个卫生室"), [UnitKind::Count]);
        assert_eq!(all("贫困村3户,另有5个"), [UnitKind::Household, UnitKind::Count]);
        assert_eq!(all("发生率=人数÷人口×100%"), [UnitKind::Other]);
        assert_eq!(all("人数除以 10000"), [UnitKind::Other]);
        assert_eq!(first("2092个,").unit, UnitKind::Count);
        assert_eq!(first("465支驻村工作队").unit, UnitKind::Team);
        assert_eq!(first("3891公里").unit, UnitKind::Km);
        assert_eq!(first("12515元").unit, UnitKind::Yuan);
        assert_eq!(first("30亩").unit, UnitKind::Other);
    }

    #[test]
    fn implied_unit_from_head_noun() {
        let q = first("22万建档立卡贫困人口全部退出");
        assert_eq!(q.unit, UnitKind::Person);
        assert!(q.implied);
        assert_eq!(first("2019年底").unit, UnitKind::Other);
        let c: Vec<char> = "全县户籍人口231.6万、常住人口159.3万,".chars().collect();
        let n = crate::numbers::scan(&c);
        assert_eq!(resolve(&c, &n[0]).unit, UnitKind::Person);
        assert_eq!(resolve(&c, &n[1]).unit, UnitKind::Person);
    }
}
