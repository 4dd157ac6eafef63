//! Whose figure is it, and when: township/village/company scope versus the main region,
//! parts of totals (其中, 带动), and the time scope (截至2019年底, 2015年以来累计, 预计).
//!
//! Scope is read from markers standing before the figure in its sentence: the last marker
//! wins, so "中益乡盐井村…该村84户" is village scope and "全县累计…" is the main region's.

use crate::normalize::is_han;
use crate::region::FastSet;
use crate::report::TimeScope;
use crate::segment::{starting_in, Span, SpanSet};
use crate::words::{self, WordSets};

/// Words that put what follows in the main region's scope.
const MAIN_MARKERS: &[&str] = &[
    "全县",
    "全区",
    "全市",
    "全州",
    "全旗",
    "全盟",
    "全域",
    "该县",
    "该区",
    "该市",
    "本县",
    "本区",
    "本市",
    "我县",
    "我区",
    "我市",
    "县域",
    "区域内",
    "市域",
    "全县域",
];

/// Words that put what follows in a smaller unit's scope.
const SUB_MARKERS: &[&str] = &[
    // A named school (长阳一中开设的清江班…资助…860人次).
    "一中",
    "二中",
    "三中",
    "实验中学",
    "实验小学",
    "民族中学",
    "职业中学",
    "职教中心",
    "该乡",
    "该镇",
    "该村",
    // 86个贫困村的贫困发生率由…降至0.11%: the poor villages' own rate, not the county's.
    "贫困村的贫困发生率",
    "全乡",
    "全镇",
    "全村",
    "本村",
    "同村",
    "本乡",
    "本镇",
    "村里",
    "乡里",
    "镇里",
    "该街道",
    "该社区",
    "该公司",
    "公司",
    "合作社",
    "该企业",
    "当地村民",
    "全组",
    "该组",
    "该小区",
    "小区",
    "安置点内",
    "一家",
    "村民",
    "他家",
    "她家",
    "全家",
    "家庭人均",
    "该户",
    "户主",
    // 某户5口人…人均纯收入3900元: a worked example's household, 某村 an unnamed village.
    "某户",
    "某村",
    // The nation's or the province's figures quoted for comparison.
    "全国农村",
    "中国农村",
    "我国农村",
    "全国贫困",
    "全省农村",
    "全省贫困",
    // 从全省看,陕西贫困发生率由…: a county's or a city's report quoting its province.
    "从全省看",
    // 全省将集中力量攻克剩余的19.9万贫困人口: the province's own figure, in a county's or a
    // city's report (the main region is never a province).
    "全省",
    "我省",
    "本省",
    "全国",
    "我国",
    "从全国看",
    "全省范围",
    // The organisation that reports (a procuratorate's, a congress's, a company's or a bank's
    // own work report): its own staff, teams and help are its figures, not the region's.
    "本院",
    "我院",
    "全院",
    "院党组",
    "院机关",
    "常委会机关",
    "本机关",
    "局机关",
    "干警",
    "本集团",
    "集团",
    "本公司",
    "我公司",
    "我行",
];

/// Verbs that name the means a figure's subject works through (依托县职教中心…培训…).
const MEANS: &[&str] = &["依托", "通过", "借助", "利用", "依靠"];

/// Words that make a figure a part of a larger total.
const PART_MARKERS: &[&str] = &[
    "其中",
    // 46个贫困村(含深度贫困村11个)全部出列: a bracketed note of what the total includes.
    "(含",
    "(包括",
    "带动",
    "辐射带动",
    "直接带动",
    "间接带动",
    // 认定就业帮扶车间68个,吸纳脱贫人口就近就业2,046人: what some employers took in.
    "吸纳",
    "县内",
    "县外",
    "省内",
    "省外",
    "市内",
    "市外",
    "区内",
    "区外",
    // 全县有劳动能力的贫困户2236户8074人全部实现稳定脱贫: a group of the poor by their means.
    "有劳动能力的",
    "无劳动能力的",
];

/// Words that make a figure a plan or target, not an achievement (预计 for the current year
/// is a forecast and counts; 力争到2025年 does not).
const TARGET_MARKERS: &[&str] = &[
    "力争",
    "争取",
    "计划",
    "目标是",
    "目标为",
    "预期目标",
    // ● 2021年目标:脱贫人口人均纯收入≥11,500元: a slide's or list's line of next year's goal.
    "年目标",
    "年度目标",
    "拟",
    "规划到",
    // 规划确定搬迁1,500人,实际搬迁1,386人: the plan's figure beside the one done.
    "规划确定",
    "规划搬迁",
    // “十三五”期间全县规划易地扶贫搬迁5916户27583人: the period's plan, beside those moved in.
    "规划易地",
    "规划实施",
    // 按照“十四五”规划,到2025年…稳定在6.5万人以上.
    "规划,到",
    // 县委、县政府提出确保脱贫人口人均纯收入达到1.8万元.
    "提出确保",
    "提出要",
    "将达到",
    "要达到",
    "确保到",
    // A speech's tasks for the year (今年,全县要确保减贫…; 要完成易地扶贫搬迁入住…).
    "要确保",
    "要完成",
    "要实现",
    // 今年我们还要再培训一万人次左右: more still to come.
    "还要再",
    "要再",
    // 2020年商都县将集中力量攻克剩余贫困人口,确保…贫困发生率降至零: the year's resolve.
    "将集中力量",
    "将全力",
    // 2024年,全县将确保脱贫劳动力转移就业稳定在2.4万人以上.
    "将确保",
];

/// Heads of a list of the year's tasks, when a colon follows them.
const TASK_LISTS: &[&str] =
    &["目标任务是:", "目标任务:", "主要任务是:", "重点任务是:", "工作目标是:", "工作目标:"];

/// Words that date a figure to the report's own present (到今年, 目前, 如今).
/// (至此: by this point of the story, …全部脱贫 after the year's last batch.)
const PRESENT_MARKERS: &[&str] =
    &["今年", "目前", "当前", "如今", "现在", "至今", "截至目前", "至此"];

/// Words that make a figure cumulative.
const CUMULATIVE: &[&str] = &[
    "累计",
    "以来",
    "全部",
    "共计",
    "总计",
    "合计",
    "先后",
    "累积",
    "至今",
    "历年",
    "共有",
    // A period of years (“十三五”期间, 脱贫攻坚期间, 2016—2020年期间, 过渡期内), not any 期间:
    // “夏秋攻势”期间 or 活动期间 is a few months of one year.
    "五”期间",
    "五\"期间",
    "五期间",
    "攻坚期间",
    "攻坚战期间",
    "年期间",
    "过渡期内",
    "过渡期间",
    "截至",
];

/// Places whose name part is a common noun, not a name: 贫困村, 行政村, 乡镇…
const GENERIC_PLACE_PREFIXES: &[&str] = &[
    // 在安置点开发小区保洁…等公益性岗位: the verb, no estate's name.
    "开发",
    "集中",
    "分散",
    "大型",
    "县城",
    "当地",
    "贫困",
    "行政",
    "自然",
    "出列",
    "建制",
    "试点",
    "示范",
    "重点",
    "搬迁",
    "安置",
    "美丽",
    "中心",
    "非贫",
    "深度",
    "民族",
    "边远",
    "空壳",
    "薄弱",
    "特色",
    "传统",
    "旅游",
    "集体",
    "所有",
    "相关",
    "其他",
    "周边",
    "偏远",
    "当地",
    "城乡",
    "农村",
    "乡村",
    "乡镇",
    "村镇",
    "城镇",
    "山区",
    "贫困乡",
    // 135个脱贫村: the villages lifted out of poverty (the 2021- word for 贫困村), no name.
    "脱贫",
    "监测",
    "结对",
    "宜居",
    // 嘎查村 / 嘎查: Inner Mongolia's word for village, not a name.
    "嘎查",
    "苏木",
    // Verbs before a village noun (新建改建嘎查村通硬化路): what was done, not a name.
    "新建",
    "改建",
    "扩建",
    "建成",
    "覆盖",
    "开发",
];

/// Chars that cannot begin the name part of a place (的村, 各乡…).
/// (引进了东乡…: 了 ends a verb, it does not start a name.)
const NOT_NAME_START: &str = "的个各每该其这那此和与及等了着被把让";

/// Chars that cannot end the name part of a place (个村, 的村, 各乡…).
const NOT_NAME_END: &str = "个的各每全该本同和与及等其余多一二两三四五六七八九十百千万这那此其到在入进出驻是为乡镇村县区农城下返回家故老异他外还集古重制整心扶对帮";

/// Markers found in a document, by position.
pub struct Markers {
    /// (start, end, is_main) sorted by start.
    scope: Vec<(usize, usize, bool)>,
    /// The places that may be items of a list before 分别 ([`respective_item`]): the scope
    /// markers and the other regions named as partners or list items, sorted by start.
    listable: Vec<(usize, usize, bool)>,
    /// Where 分别 stands, in text order.
    respective: Vec<usize>,
    target: Vec<(usize, usize)>,
    /// Sections under a plan heading (三、2021年工作安排), with the heading's words.
    plans: Vec<(usize, usize, String)>,
    /// Sections under a heading of problems or their rectification (三、审计处理及整改情况).
    problems: Vec<(usize, usize, String)>,
    /// Sections under a heading naming the reporting organisation (6.3 本集团的帮扶举措).
    own_work: Vec<(usize, usize, String)>,
    part: Vec<(usize, usize)>,
    cumulative: Vec<(usize, usize)>,
    /// The per-figure tests' short word lists, found once (see [`Cue`]).
    pub cues: words::Cues,
}

/// The short word lists the per-figure tests read, each found once per document
/// ([`Markers::cues`]) rather than in each figure's clause or sentence: lists of
/// [`word_lists`], after the five marker lists.
#[derive(Clone, Copy)]
pub enum Cue {
    Present = 5,
    Done,
    Forecast,
    Problem,
    SinglePeriod,
    LastBatch,
}

/// The marker lists, then the [`Cue`] lists in its order: words the catalog's search finds in
/// the same pass as its own (`rules::Compiled::find`), for [`Markers::find`].
pub fn word_lists() -> &'static words::WordLists {
    use std::sync::OnceLock;
    static LISTS: OnceLock<words::WordLists> = OnceLock::new();
    LISTS.get_or_init(|| {
        words::WordLists::new(&[
            MAIN_MARKERS,
            SUB_MARKERS,
            PART_MARKERS,
            CUMULATIVE,
            TARGET_MARKERS,
            PRESENT_MARKERS,
            DONE_WORDS,
            &["预计", "预期"],
            crate::extract::PROBLEM_WORDS,
            crate::extract::SINGLE_PERIOD,
            crate::extract::LAST_BATCH,
        ])
    })
}

/// Named townships, villages, streets and settlements (中益乡, 盐井村, 南宾街道) in the text.
pub fn named_places(chars: &[char]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for i in 2..chars.len() {
        let suffix_len = match chars[i] {
            '乡' | '镇' | '村' => 1,
            '街' if chars.get(i + 1) == Some(&'道') => 2,
            // Inner Mongolia's townships and villages; resettlement sites and estates.
            '苏' if chars.get(i + 1) == Some(&'木') => 2,
            '嘎' if chars.get(i + 1) == Some(&'查') => 2,
            '安' if chars.get(i + 1) == Some(&'置')
                && matches!(chars.get(i + 2), Some('点' | '区')) =>
            {
                3
            }
            '小' if chars.get(i + 1) == Some(&'区') => 2,
            _ => continue,
        };
        // The char after a 乡/镇/村 must not continue a word (乡村, 村级, 镇政府 are fine
        // as they still name the place; 村民/村集体 after a name are fine too).
        let name_end = i;
        let mut name_start = i;
        while name_start > 0 && i - name_start < 3 && is_han(chars[name_start - 1]) {
            name_start -= 1;
        }
        // Prefer two-char names; a three-char run is kept only for 族乡 (羊关藏族乡).
        if i - name_start == 3 && !(chars[i] == '乡' && chars[i - 1] == '族') {
            name_start += 1;
        }
        if i - name_start < 2 {
            continue;
        }
        let last = chars[name_end - 1];
        // 乡镇, 乡村, 村镇 after the "name" make it a common noun (实现乡镇街道…).
        let next = chars.get(i + suffix_len).copied();
        if next.is_some_and(|n| {
            (chars[i] == '乡' && "镇村族".contains(n)) || (chars[i] == '村' && "镇民".contains(n))
        }) {
            continue;
        }
        // 旧县镇, 古县乡: a township named after an old county seat (not 市县乡, 县乡村).
        let old_seat = last == '县'
            && name_end - name_start == 2
            && matches!(chars[i], '镇' | '乡')
            && "旧古老".contains(chars[name_start])
            && !next.is_some_and(|n| "村镇乡".contains(n));
        // 南村镇 opening a clause: a town named after a village (inside running text X村镇 is
        // more often villages and towns).
        let opens = name_start == 0
            || matches!(chars[name_start - 1], '。' | ',' | ';' | ':' | '\n' | ' ' | '、');
        let village_town = last == '村' && chars[i] == '镇' && name_end - name_start == 2 && opens;
        if (NOT_NAME_END.contains(last) && !old_seat && !village_town)
            || NOT_NAME_START.contains(chars[name_start])
        {
            continue;
        }
        // 通村 in road words (新改建通村通组道路, 修通村公路) reaches villages; it names none.
        if chars[i] == '村' && last == '通' && next.is_some_and(|n| "通组公道硬路客".contains(n))
        {
            continue;
        }
        let name: String = chars[name_start..name_end].iter().collect();
        if GENERIC_PLACE_PREFIXES.iter().any(|g| name.ends_with(g) || g.ends_with(&name)) {
            continue;
        }
        out.push((name_start, i + suffix_len, name));
    }
    out
}

/// The level char of a region's full name: 县 for 石柱土家族自治县, 州 for 湘西土家族苗族自治州,
/// 区 for a district or 地区, 市 for a city of either level, 旗, 盟.
fn region_level(full: &str) -> Option<char> {
    full.chars().last().filter(|c| "县区市州旗盟".contains(*c))
}

/// The level a main marker names (全县 → 县, 市域 → 市); `None` for 全域, 区域内.
fn marker_level(marker: &[char]) -> Option<char> {
    match marker {
        ['全' | '该' | '本' | '我', c, ..] | [c, '域'] => Some(*c),
        _ => None,
    }
    .filter(|c| "县区市州旗盟".contains(*c))
}

/// Words of a heading over plans rather than results.
const PLAN_HEADINGS: &[&str] = &[
    "工作安排",
    "工作打算",
    "工作计划",
    "下一步工作",
    "下步工作",
    "目标任务",
    "工作思路",
    "主要任务",
    // 【2024年打算】 【下一步】: the bracketed headings of bulletins and WeChat posts.
    "打算",
    "下一步",
    "展望",
    // 三、意见和建议 of a 人大 inspection report: what the government is asked to do.
    "意见和建议",
    "意见建议",
    "对策建议",
    "几点建议",
];
/// Words that make such a heading also a review (2020年工作完成情况及2021年工作安排).
const REVIEW_HEADINGS: &[&str] = &["完成", "情况", "成效", "回顾", "总结", "成绩"];
/// Words of a heading over problems found or their rectification: figures there count what
/// went wrong or was put right, not the region's achievements.
const PROBLEM_HEADINGS: &[&str] =
    &["整改", "存在的问题", "存在问题", "问题和不足", "问题与不足", "审计发现", "发现的问题"];

/// Words of a heading over the reporting organisation's own work (6.3 本集团的帮扶举措): a
/// company's, a bank's or a court's report on what it did for the region.
const OWN_WORK_HEADINGS: &[&str] =
    &["本集团", "集团的", "本公司", "我公司", "公司的", "本院", "我院", "我行", "本行的"];

/// Lines numbered like 6.3 or 2.1.4 followed by a space, up to 40 chars: where each starts,
/// and its text.
fn decimal_headings(chars: &[char]) -> Vec<(usize, &[char])> {
    line_headings(chars, |body| {
        let number = body.iter().take_while(|c| c.is_ascii_digit() || **c == '.').count();
        let numbered = number >= 3
            && body[0].is_ascii_digit()
            && body[..number].contains(&'.')
            && body[number - 1].is_ascii_digit()
            && body.get(number).is_some_and(|c| c.is_whitespace())
            && body.len() <= 40;
        numbered.then(|| &body[number..])
    })
}

/// The lines of `chars` that `heading` takes for a heading (it gets each line without its
/// indentation and gives the heading's text): where each line starts, and that text.
fn line_headings<'a>(
    chars: &'a [char],
    heading: impl Fn(&'a [char]) -> Option<&'a [char]>,
) -> Vec<(usize, &'a [char])> {
    let mut headings = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let end = chars[start..].iter().position(|&c| c == '\n').map_or(chars.len(), |p| start + p);
        let line = &chars[start..end];
        let body = line.iter().position(|c| !c.is_whitespace()).map_or(&line[..0], |p| &line[p..]);
        if let Some(text) = heading(body) {
            headings.push((start, text));
        }
        start = end + 1;
    }
    headings
}

/// Words that say a clause's figure is done, not planned.
/// (实际: 规划确定搬迁1,500人,实际搬迁1,386人, what was done beside the plan.)
const DONE_WORDS: &[&str] = &["已", "了", "完成", "实现", "累计", "建成", "共计", "实际"];

/// Heading lines numbered 一、 二、 … (三、2021年工作安排) or opening with a bracketed heading
/// (【2024年打算】力争…): where each starts, and the heading's text (the bracket's content:
/// the words after it are the section's own).
fn section_headings(chars: &[char]) -> Vec<(usize, &[char])> {
    line_headings(chars, |body| {
        let numbered = body.len() >= 3
            && body.len() <= 40
            && "一二三四五六七八九十".contains(body[0])
            && body.iter().take(3).any(|&c| c == '、');
        let bracketed = (body.first() == Some(&'【'))
            .then(|| body.iter().take(24).position(|&c| c == '】'))
            .flatten()
            .filter(|&p| p > 1);
        if numbered {
            Some(body)
        } else {
            bracketed.map(|close| &body[1..close])
        }
    })
}

/// Sections under a heading with one of `words` (and none of `unless`): from the heading up to
/// the next numbered heading (四、…) or the end. Figures under a plan heading are plans,
/// however their own sentence is worded (全年新改建农村公路220公里).
fn sections(
    headings: &[(usize, &[char])],
    text_len: usize,
    words: &[&str],
    unless: &[&str],
) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for (k, &(at, body)) in headings.iter().enumerate() {
        let word = crate::words::first_of(body, words).map(|k| words[k]);
        let review = crate::words::contains_any(body, unless);
        if let Some(word) = word.filter(|_| !review) {
            let end = headings.get(k + 1).map_or(text_len, |h| h.0);
            out.push((at, end, word.to_string()));
        }
    }
    out
}

impl Markers {
    /// Finds the markers in normalised text. `main_names` are the main region's names
    /// (full and short) so its own mentions count as main-scope markers. `listed`: every
    /// occurrence of [`word_lists`]' words, sorted by start, then end.
    pub fn find(
        chars: &[char],
        main_names: &[String],
        other_regions: &[(usize, usize)],
        listed: &[(usize, usize, u32)],
    ) -> Markers {
        let [main_hits, sub_hits, part, cumulative, target]: [Vec<(usize, usize)>; 5] =
            word_lists().standard(listed, 5).try_into().expect("five lists");
        let mut scope: Vec<(usize, usize, bool)> = Vec::new();
        // 全县 in a prefecture's report is one of its counties, and 全州 in a county's report
        // is the prefecture around it: a marker naming another level is not the region's —
        // when the text also names the region's own level. A text that only ever says 全县
        // of a region now called 区 or 市 (东乡县 became 东乡区 in 2016) means the region.
        let level = main_names
            .first()
            .and_then(|full| region_level(full))
            .filter(|&own| main_hits.iter().any(|&(s, e)| marker_level(&chars[s..e]) == Some(own)));
        scope.extend(main_hits.iter().map(|&(s, e)| {
            let own = match (level, marker_level(&chars[s..e])) {
                (Some(region), Some(marker)) => region == marker,
                _ => true,
            };
            (s, e, own)
        }));
        // 贫困家庭人均可支配收入 is the poor households' income, region-wide; 老王家庭人均 is
        // one household's.
        // 30户以上村民组通硬化路: 村民组 is a kind of place the roads reach, no villager.
        let region_wide = |s: usize, e: usize| {
            (chars[s..e] == ['家', '庭', '人', '均']
                && ["贫困", "脱贫", "农村", "农民"]
                    .iter()
                    .any(|w| crate::words::ends_with(&chars[s.saturating_sub(2)..s], w)))
                || (chars[s..e] == ['村', '民'] && matches!(chars.get(e), Some('组' | '小')))
                // 开发小区保洁、保安…等公益性岗位: a kind of work in the estates, no estate.
                || (chars[s..e] == ['小', '区']
                    && ["保洁", "保安", "物业", "楼栋", "管理员", "服务员"]
                        .iter()
                        .any(|w| crate::words::starts_with(&chars[e..], w)))
        };
        scope.extend(
            sub_hits.iter().filter(|&&(s, e)| !region_wide(s, e)).map(|&(s, e)| (s, e, false)),
        );
        // 石柱县冷水镇 names the town, not the county: a main-region name directly
        // followed by a place of its own is not a main marker.
        let [name_hits]: [Vec<(usize, usize)>; 1] =
            WordSets::new(&[main_names]).find(chars).try_into().expect("one list");
        // 招聘三都籍贫困劳动力: a name before 籍 says where people come from, not whose figure.
        let origin = |e: usize| chars.get(e) == Some(&'籍');
        // 上海长宁区 beside 长宁县: the main region's short name inside a namesake's longer one
        // is that other region.
        // (Other regions are sorted by start; a name can only lie in one of the last few that
        // start at or before it: a binary search, not a scan per name.)
        let in_other = |s: usize, e: usize| {
            let k = other_regions.partition_point(|&(os, _)| os <= s);
            other_regions[k.saturating_sub(4)..k]
                .iter()
                .any(|&(os, oe)| os <= s && e <= oe && oe - os > e - s)
        };
        scope.extend(
            name_hits
                .iter()
                .filter(|&&(s, e)| !origin(e) && !in_other(s, e))
                .map(|&(s, e)| (s, e, true)),
        );
        // Another region named as a place or partner (在西宁开办…, 与隆德县…) is not the
        // subject of what follows; one that opens a clause or sentence is.
        // (A run of names, 与广东深圳市龙华区, starts at its first: `other_region_mentions`.)
        scope.extend(
            other_regions
                .iter()
                .filter(|&&(s, e)| {
                    !origin(e)
                        && !s
                            .checked_sub(1)
                            .is_some_and(|p| "在到赴往从和与及向对给帮援、".contains(chars[p]))
                })
                .map(|&(s, e)| (s, e, false)),
        );
        // Named places, and their bare stems where the text uses them alone (关面通过…).
        // A place inside the main region's own name (积石山保安族东乡族撒拉族自治县) is not one.
        let main_spans = SpanSet::new(scope.iter().filter(|m| m.2).map(|m| (m.0, m.1)));
        let places: Vec<_> = named_places(chars)
            .into_iter()
            // Overlap (p.0 < e && p.1 > s), asked of the set in O(log n).
            .filter(|p| p.1 == 0 || !main_spans.touches(p.0 + 1, p.1 - 1))
            .collect();
        let mut stems: FastSet<String> = FastSet::default();
        for (s, e, name) in &places {
            scope.push((*s, *e, false));
            // Townships are often called by their bare name (关面通过…); villages rarely.
            let township = matches!(chars[*e - 1], '乡' | '镇' | '道' | '木');
            if township && !main_names.iter().any(|m| m.contains(name.as_str())) {
                stems.insert(name.clone());
            }
        }
        if !stems.is_empty() {
            let list: Vec<&String> = stems.iter().collect();
            for hits in WordSets::new(&[&list[..]]).find(chars) {
                scope.extend(hits.iter().map(|&(s, e)| (s, e, false)));
            }
        }
        crate::sort::sort_by_key(&mut scope, |&(s, e, main)| (s, e, main));
        scope.dedup_by_key(|m| m.0);
        // 瑞金全市…: a 全县/全市 right after another unit's name is that unit's whole; and
        // so is one a little later in the same sentence, when that unit is another division
        // of the marker's level and nothing of the main region comes between (据了解,邻近的
        // 隆化县今年已实现…清零,全县累计脱贫…).
        let other = SpanSet::new(other_regions.iter().copied());
        for k in 1..scope.len() {
            let (prev, cur) = (scope[k - 1], scope[k]);
            if !cur.2 || prev.2 || chars.get(cur.0) != Some(&'全') {
                continue;
            }
            let adjacent = prev.1 == cur.0;
            let anaphora = || {
                let between = &chars[prev.1..cur.0];
                let named: String = chars[prev.0..prev.1].iter().collect();
                other.covers(prev.0, prev.1)
                    && between.len() <= 40
                    && !between.iter().any(|c| matches!(c, '。' | '!' | '?' | ';' | '\n'))
                    && region_level(&named).is_some()
                    && region_level(&named) == marker_level(&chars[cur.0..cur.1])
            };
            if adjacent || anaphora() {
                scope[k].2 = false;
            }
        }
        // 云梯社区是全县最大的安置点,安置…: 全县 ranks the place; it is not whose figure.
        // Nor is the 全市 a county is first in (在全市率先退出贫困县序列,…认可度达98.76%).
        // Nor 南村镇是全县易地扶贫搬迁任务最重的乡镇: a superlative naming a place of it.
        let ranks_a_place = |after: &[char]| {
            let clause = &after[..after
                .iter()
                .take(30)
                .position(|c| matches!(c, ',' | '。' | ';' | '!' | '?' | '\n'))
                .unwrap_or(after.len().min(30))];
            clause.contains(&'最')
                && ["乡镇", "的镇", "的乡", "的村", "安置点", "安置区", "社区", "之一"]
                    .iter()
                    .any(|w| crate::words::ends_with(clause, w))
        };
        scope.retain(|&(s, e, _)| {
            let after = &chars[e.min(chars.len())..];
            !(chars[s] == '全'
                && (after.first() == Some(&'最')
                    || ["第一", "唯一", "首个", "首家", "规模最", "率先", "领先", "前列", "排名"]
                        .iter()
                        .any(|w| crate::words::starts_with(after, w))
                    || ranks_a_place(after)))
        });
        let headings = section_headings(chars);
        let mut plans = sections(&headings, chars.len(), PLAN_HEADINGS, REVIEW_HEADINGS);
        // 三、2021年工作打算 … 回顾五年来的攻坚历程,全县…84个贫困村全部退出: a closing paragraph
        // that looks back ends the plans.
        for plan in plans.iter_mut() {
            let body = &chars[plan.0..plan.1];
            let review = (1..body.len()).find(|&k| {
                body[k - 1] == '\n' && {
                    let line = &body[k..];
                    let line = &line[line.iter().take_while(|c| c.is_whitespace()).count()..];
                    crate::words::starts_with(line, "回顾")
                        || crate::words::starts_with(line, "总之")
                }
            });
            if let Some(k) = review {
                plan.1 = plan.0 + k;
            }
        }
        // 三、巩固整改成果: the results a rectification brought, not the problems it found.
        let problems = sections(&headings, chars.len(), PROBLEM_HEADINGS, &["成果", "成效"]);
        // A report's decimal headings (6.3 …) end such a section too, so they are only added
        // here: plan and problem sections keep their bounds.
        let mut all_headings = headings;
        all_headings.extend(decimal_headings(chars));
        crate::sort::sort_by_key(&mut all_headings, |h| h.0);
        let own_work = sections(&all_headings, chars.len(), OWN_WORK_HEADINGS, &[]);
        // A target word that ends a quoted name (“雨露计划”, 《…规划》) names a programme, and
        // so does one in a list of measures (开展雨露计划、技能培训等各类培训…).
        let mut target = target;
        target.retain(|&(_, e)| {
            !matches!(chars.get(e), Some('”' | '》' | '"' | '」' | '’' | '、' | '等'))
        });
        // 全县外出务工…: 县外 there is the end of 全县 and the start of 外出, no part.
        let mut part = part;
        // 商都县外出务工…: nor is 县外 the end of a name and the start of 外出.
        part.retain(|&(s, e)| {
            let unit_end = matches!(chars[s], '县' | '市' | '区' | '省');
            !(unit_end && ((s > 0 && chars[s - 1] == '全') || chars.get(e) == Some(&'出')))
        });
        let cues = word_lists().cues(listed);
        let mut listable = scope.clone();
        listable.extend(other_regions.iter().map(|&(s, e)| (s, e, false)));
        crate::sort::sort_by_key(&mut listable, |&(s, e, main)| (s, std::cmp::Reverse(e), !main));
        listable.dedup_by_key(|m| m.0);
        let respective = (0..chars.len().saturating_sub(1))
            .filter(|&k| chars[k] == '分' && chars[k + 1] == '别')
            .collect();
        Markers {
            scope,
            listable,
            respective,
            target,
            plans,
            problems,
            own_work,
            part,
            cumulative,
            cues,
        }
    }

    /// The sub-unit marker that owns a figure at `pos` in `sentence`, if the last scope
    /// marker before it names a township, village, company or settlement.
    pub fn sub_scope(&self, chars: &[char], sentence: Span, pos: usize) -> Option<String> {
        let in_sentence = starting_in(&self.scope, |m| m.0, sentence.0, pos);
        // 旬阳、平利、岚皋三县分别退出142个、81个、69个: the figure is its own item's.
        let listable = starting_in(&self.listable, |m| m.0, sentence.0, pos);
        // Where 分别 stands last before the figure in its sentence (found once per document).
        let k = self.respective.partition_point(|&r| r + 2 <= pos);
        let resp = k.checked_sub(1).map(|k| self.respective[k]).filter(|&r| r >= sentence.0);
        if let Some(&(s, e, main)) = resp.and_then(|r| respective_item(chars, listable, r, pos)) {
            return (!main).then(|| chars[s..e].iter().collect());
        }
        // 雷山县与广东省东莞市建立劳务协作机制,累计转移就业…: a place named as the partner of
        // the subject (after 与/同/和, right after it or after its own province) is not whose
        // figure it is.
        let after_with = |s: usize| {
            let head = &chars[s.saturating_sub(7)..s];
            let Some(w) = head.iter().rposition(|c| matches!(c, '与' | '同' | '和' | '跟'))
            else {
                return false;
            };
            let between = &head[w + 1..];
            between.is_empty()
                || (between.iter().all(|&c| crate::normalize::is_han(c))
                    && matches!(between.last(), Some('省' | '市' | '州' | '区')))
        };
        // 依托县职教中心和各乡镇农民培训学校,…培训贫困劳动力1620人次: a school or company the
        // subject works through (依托, 通过, 借助) is its means, not whose figure it is.
        let means = |s: usize| {
            let head = &chars[s.saturating_sub(6)..s];
            MEANS.iter().any(|w| {
                (0..=2.min(head.len())).any(|gap| {
                    let end = head.len() - gap;
                    words::ends_with(&head[..end], w)
                        && head[end..]
                            .iter()
                            .all(|&c| matches!(c, '县' | '市' | '区' | '本' | '全'))
                })
            })
        };
        let mut partners: Vec<(usize, usize)> = Vec::new();
        for &(s, e, main) in in_sentence {
            let partner = after_with(s) || means(s) || partners.iter().any(|&(_, pe)| pe == s);
            if partner && !main {
                partners.push((s, e));
            }
        }
        let Some(last) = in_sentence
            .iter()
            .filter(|&&(s, e, _)| e <= pos && !partners.contains(&(s, e)))
            // A longer marker ending at the same place (石柱县冷水镇) is decided by the later one.
            .max_by_key(|&&(s, e, _)| (e, s))
        else {
            return self.opening_sub_scope(chars, sentence.0);
        };
        // A list of places (平坝镇、清池镇、后山镇建成…) is where a region-wide programme
        // ran, not one unit's own figure.
        let listed = last.0.checked_sub(1).is_some_and(|p| chars[p] == '、')
            || chars.get(last.1).is_some_and(|&c| c == '、' || c == '等');
        if last.2 || listed {
            None
        } else {
            Some(chars[last.0..last.1].iter().collect())
        }
    }

    /// The sub-unit marker that opens the full sentence (up to 。, past semicolons) a part at
    /// `start` belongs to, when that part follows a semicolon and names no unit of its own:
    /// 全镇实施易地扶贫搬迁312户1357人…;改造危房604户 are both the town's.
    fn opening_sub_scope(&self, chars: &[char], start: usize) -> Option<String> {
        if start == 0 || chars[start - 1] != ';' {
            return None;
        }
        let head = crate::segment::full_sentence_start(chars, start);
        // The marker must open the sentence (全镇…, 该乡…), before its first comma.
        let first = starting_in(&self.scope, |m| m.0, head, start).first().copied()?;
        let opens = first.0 <= head + 2
            && !chars[head..first.0].iter().any(|c| matches!(c, ',' | ';' | ':'));
        (opens && !first.2).then(|| chars[first.0..first.1].iter().collect())
    }

    /// Whether a main-region marker (全县, the region's name) stands before `pos` in the sentence.
    pub fn main_marker(&self, sentence: Span, pos: usize) -> bool {
        starting_in(&self.scope, |m| m.0, sentence.0, pos)
            .iter()
            .any(|&(s, e, main)| main && s >= sentence.0 && e <= pos)
    }

    /// The heading of the section `pos` is in when it names the reporting organisation
    /// (本集团的帮扶举措及成效): its figures are the organisation's own work.
    pub fn own_work_section(&self, pos: usize) -> Option<String> {
        self.own_work.iter().find(|p| p.0 <= pos && pos < p.1).map(|p| p.2.clone())
    }

    /// The heading of the problems or rectification section `pos` is in (审计处理及整改情况).
    pub fn problem_section(&self, pos: usize) -> Option<String> {
        self.problems.iter().find(|p| p.0 <= pos && pos < p.1).map(|p| p.2.clone())
    }

    /// The heading of the plan section `pos` is in, or the last target word before `pos`: in
    /// its clause (力争…达到2万元), or in an earlier clause of the sentence that this clause goes
    /// on listing (计划再改造农村危房580户,新改建农村公路300公里以上) unless its own words say
    /// it is done (已, 完成, 累计…).
    pub fn target(
        &self,
        chars: &[char],
        sentence: Span,
        clause: Span,
        pos: usize,
    ) -> Option<String> {
        if let Some((_, _, heading)) = self.plans.iter().find(|p| p.0 <= pos && pos < p.1) {
            return Some(heading.clone());
        }
        let done = self.cues.contains_any(Cue::Done as usize, (clause.0.min(pos), pos));
        let from = if done { clause.0 } else { sentence.0.min(clause.0) };
        starting_in(&self.target, |m| m.0, from, pos)
            .iter()
            .rev()
            .find(|&&(_, e)| e <= pos)
            .or_else(|| {
                // 主要预期目标是:…增长8%左右;…;完成农村危房改造任务300户: a target that opens
                // a list with a colon governs its items up to the full stop.
                // Even where the clause says 完成 (done words end a target's reach otherwise).
                let head = clause.0.min(pos);
                let stop = crate::segment::full_sentence_start(chars, head);
                starting_in(&self.target, |m| m.0, stop, head).iter().rev().find(|&&(_, e)| {
                    let e = e + usize::from(matches!(chars.get(e), Some('是' | '为')));
                    chars.get(e) == Some(&':')
                })
            })
            .map(|&(s, e)| chars[s..e].iter().collect())
            .or_else(|| {
                // 今年的目标任务是:确保…;新增转移就业3万人以上;开展职业技能培训2.5万人次: the
                // year's tasks listed after a colon (目标任务 alone is no plan: 目标任务全面完成).
                let head = clause.0.min(pos);
                let stop = crate::segment::full_sentence_start(chars, head);
                let span = &chars[stop..head];
                // (Most sentences have no colon: no list to look for.)
                if !span.contains(&':') {
                    return None;
                }
                TASK_LISTS
                    .iter()
                    .find(|w| crate::words::contains(span, w))
                    .map(|w| w.trim_end_matches(':').to_string())
            })
    }

    /// A part marker before `pos` in the clause, one opening the sentence (其中,…), or one
    /// that opens a list with a colon earlier in the sentence (…1986户,其中:建档立卡贫困户…).
    pub fn part(
        &self,
        chars: &[char],
        sentence: Span,
        clause: Span,
        pos: usize,
    ) -> Option<(usize, String)> {
        starting_in(&self.part, |m| m.0, sentence.0.min(clause.0), pos)
            .iter()
            .rev()
            .find(|&&(s, e)| {
                // (含…) covers only the figures inside its brackets: 易地扶贫搬迁(含生态搬迁)
                // 735户 is the whole.
                let closed = chars[s] == '(' && chars[e.min(pos)..pos].contains(&')');
                !closed
                    && ((s >= clause.0 && e <= pos)
                        || (s == sentence.0 && chars.get(e) == Some(&',') && e <= pos)
                        || (chars.get(e) == Some(&':') && e < pos))
            })
            .map(|&(s, e)| (s, chars[s..e].iter().collect()))
    }

    /// Whether the figure is stated as cumulative: a word before it in its sentence, or
    /// 全部/累计 after it in its clause (120个贫困村全部退出).
    pub fn cumulative(&self, sentence: Span, clause: Span, start: usize, end: usize) -> bool {
        starting_in(&self.cumulative, |m| m.0, sentence.0.min(end), start.max(clause.1))
            .iter()
            .any(|&(s, e)| (s >= sentence.0 && e <= start) || (s >= end && e <= clause.1))
    }
}

/// The place of a list of places before 分别 that the figure at `pos` answers: 旬阳、平利、
/// 岚皋三县建档立卡贫困人口分别累计脱贫35826户107214人、21367户63259人…,贫困村分别退出142个、
/// 81个、69个 — the n-th figure of a list after 分别 (counted at 、, 和, 与 and 及 between
/// figures) is the n-th place's. `markers` are the scope markers of the sentence before `pos`;
/// the list is their last run joined by 、 (or 和, 与, 及), two places at least. None when the
/// figure follows no 分别, or its list has no such place.
fn respective_item<'m>(
    chars: &[char],
    markers: &'m [(usize, usize, bool)],
    resp: usize,
    pos: usize,
) -> Option<&'m (usize, usize, bool)> {
    // (Within 200 chars: a figure looks this far back only, however long its sentence.)
    if resp < markers.first()?.0 || resp + 200 < pos {
        return None;
    }
    let run = list_run_before(chars, pos, pos - resp - 2);
    let index = chars[pos - run..pos].iter().filter(|&&c| is_list_separator(c)).count();
    let before: Vec<&(usize, usize, bool)> =
        markers.iter().filter(|m| m.1 <= resp && m.0 + 200 >= resp).collect();
    let last = before.len().checked_sub(1)?;
    let mut from = last;
    while from > 0 {
        let (prev, cur) = (before[from - 1], before[from]);
        // A short name's division suffix (山阳 of 山阳县) may stand before the separator.
        let end = prev.1 + usize::from(matches!(chars[prev.1], '县' | '区' | '市' | '旗'));
        let joined = cur.0 == end + 1 && is_list_separator(chars[end]);
        if !joined {
            break;
        }
        from -= 1;
    }
    let list = &before[from..];
    (list.len() >= 2).then(|| list.get(index).copied()).flatten()
}

fn is_list_separator(c: char) -> bool {
    matches!(c, '、' | '和' | '与' | '及')
}

/// The chars, within `window` before `pos`, of the figures of a list that come before the
/// one at `pos` (98.12%、97.86%、 before 98.47%; 35826户107214人、21367户 before 63259人):
/// figures, units and list separators back to the first other char, when a separator is
/// among them; 0 for the list's first figure.
pub(crate) fn list_run_before(chars: &[char], pos: usize, window: usize) -> usize {
    let figure_char = |c: char| {
        c.is_ascii_digit() || ".%万亿千百十余多户人个元公里次支名家座处所套间亩吨平方米".contains(c)
    };
    let from = pos.saturating_sub(window);
    let mut k = pos;
    let mut listed = false;
    while k > from {
        let c = chars[k - 1];
        if is_list_separator(c) {
            listed = true;
        } else if !figure_char(c) {
            break;
        }
        k -= 1;
    }
    // The run starts at a figure, not at a separator.
    while k < pos && is_list_separator(chars[k]) {
        k += 1;
    }
    if listed {
        pos - k
    } else {
        0
    }
}

/// The time scope of a figure at `pos`: the last year named before it in its sentence,
/// with the words around it (截至…底, …以来), and a forecast (预计).
///
/// `present_year` is the latest year the document names: a figure dated 今年 or 目前 gets
/// it, so "到今年…降为零" ranks after "2014年…高达45.34%".
pub fn time_scope(
    chars: &[char],
    cues: &words::Cues,
    sentence: Span,
    pos: usize,
    cumulative: bool,
    present_year: Option<i32>,
) -> TimeScope {
    let mut scope = TimeScope { cumulative, ..TimeScope::default() };
    let seg = &chars[sentence.0..pos.max(sentence.0)];
    let span = (sentence.0, pos.max(sentence.0));
    scope.forecast = cues.contains_any(Cue::Forecast as usize, span);
    if let Some(w) = cues.first_of(Cue::Present as usize, span).map(|k| PRESENT_MARKERS[k]) {
        scope.year = present_year;
        scope.text = Some(w.to_string());
    }
    // The last four-digit year followed by 年.
    let mut found: Option<(usize, i32)> = None;
    let mut i = 0;
    while i + 4 < seg.len() {
        if seg[i..i + 4].iter().all(|c| c.is_ascii_digit())
            && seg[i + 4] == '年'
            && (i == 0 || !seg[i - 1].is_ascii_digit())
        {
            let y: i32 = seg[i..i + 4].iter().collect::<String>().parse().unwrap_or(0);
            // 由2014年的14.9%降至0.1%: a year after 由/从 dates the starting value, not
            // the figures after it.
            let starts_change = i > 0 && matches!(seg[i - 1], '由' | '从') && seg.len() > i + 12;
            if (1949..=2100).contains(&y) && !starts_change {
                found = Some((i, y));
            }
            i += 5;
        } else {
            i += 1;
        }
    }
    // 2019年、2020年分别为1630人和1872人: each figure has its own year of the list.
    let found = found.map(|(at, year)| respective_year(seg, at).unwrap_or((at, year)));
    // 由2016年的4120元增至2019年的11068元,今年预计可突破12600元: a present word in a later
    // clause than the last year dates the figure to the present, which is no earlier than that
    // year; and a forecast of it (预计) is of a year not over, later than one whose figure the
    // sentence states as reached.
    let present_after = found.and_then(|(at, _)| {
        let clause_after = seg[at..].iter().position(|&c| matches!(c, ',' | ';'))?;
        let from = sentence.0 + at + clause_after;
        cues.first_of(Cue::Present as usize, (from, span.1))
    });
    if let (Some((_, year)), Some(k)) = (found, present_after) {
        scope.year = present_year.max(Some(year + i32::from(scope.forecast)));
        scope.text = Some(PRESENT_MARKERS[k].to_string());
    } else if let Some((at, year)) = found {
        scope.year = Some(year);
        let mut a = at;
        for w in ["截至", "截止", "截止到", "至", "到", "自", "从", "于", "在"] {
            let wl = w.chars().count();
            if a >= wl && seg[a - wl..a].iter().copied().eq(w.chars()) {
                a -= wl;
                break;
            }
        }
        let mut b = at + 5;
        // 2019年12月底: the month belongs to the time words.
        let month_digits = seg[b..].iter().take_while(|c| c.is_ascii_digit()).count();
        if (1..=2).contains(&month_digits) && seg.get(b + month_digits) == Some(&'月') {
            b += month_digits + 1;
        }
        for w in ["年底", "年末", "底", "末", "以来", "来", "初", "上半年", "下半年", "期间"]
        {
            let wl = w.chars().count();
            if b + wl <= seg.len() && seg[b..b + wl].iter().copied().eq(w.chars()) {
                b += wl;
                break;
            }
        }
        scope.text = Some(seg[a..b].iter().collect());
    } else if let Some((year, text)) =
        (scope.text.is_none()).then(|| heading_date(chars, sentence.0)).flatten()
    {
        // 2021年,搬迁群众人均纯收入…提高到11650元;全市农村常住居民人均可支配收入1.39万元:
        // the year that opens the sentence dates its parts after a semicolon too.
        scope.year = Some(year);
        scope.text = Some(text);
    } else if let Some(p) = words::contains(seg, "十三五")
        .then(|| seg.iter().collect::<String>())
        .and_then(|text| text.find("十三五").map(|p| text[p..].to_string()))
    {
        let take: String = p.chars().take(7).collect();
        scope.text = Some(take.split([',', '，']).next().unwrap_or("").to_string());
    }
    scope
}

/// The year written at `chars[k..]` (`2019年`), if one is.
pub(crate) fn year_at(chars: &[char], k: usize) -> Option<i32> {
    let digits = chars.get(k..k + 4)?;
    let ok = digits.iter().all(char::is_ascii_digit) && chars.get(k + 4) == Some(&'年');
    ok.then(|| digits.iter().fold(0, |y, c| y * 10 + c.to_digit(10).unwrap_or(0) as i32))
}

/// The starts of a list of years whose last item starts at `last` (2019年、2020年;
/// 2014年底和2019年底), in text order; just `[last]` when no year is listed before it.
pub(crate) fn listed_years(chars: &[char], last: usize) -> Vec<usize> {
    let mut starts = vec![last];
    let mut k = last;
    while k >= 6 && is_list_separator(chars[k - 1]) {
        // The item before the separator: a year, with 底 or 末 after it or not.
        let end = k - 1 - usize::from(matches!(chars[k - 2], '底' | '末'));
        match end.checked_sub(5).filter(|&y| year_at(chars, y).is_some()) {
            Some(y) => {
                k = y;
                starts.push(k);
            }
            None => break,
        }
    }
    starts.reverse();
    starts
}

/// The year of a list of years before 分别 that the figure ending `seg` answers: the list's
/// last year starts at `last`, and the figures of the list after 分别 before this one
/// ([`list_run_before`]) say which item it is. Its start in `seg` and the year, or None when
/// `seg` has no such list.
fn respective_year(seg: &[char], last: usize) -> Option<(usize, i32)> {
    let mut after = last + 5;
    if matches!(seg.get(after), Some('底' | '末')) {
        after += 1;
    }
    // 2014年底和2019年底全旗贫困发生率分别为…: a few words may stand between the list and
    // 分别 (not a figure, nor the end of a clause).
    let gap = seg.get(after..)?.iter().take(12).position(|&c| {
        c == '分' || c.is_ascii_digit() || matches!(c, ',' | ';' | ':' | '。' | '\n')
    })?;
    after += gap;
    if !seg[after..].starts_with(&['分', '别']) {
        return None;
    }
    let starts = listed_years(seg, last);
    if starts.len() < 2 {
        return None;
    }
    // The figure must be an item of the list after 分别: nothing but words before the list's
    // run of figures (…分别为9.86%和0.21%,目前已降为0: the 0 is not an item).
    let tail = &seg[after + 2..];
    let run = list_run_before(tail, tail.len(), tail.len());
    if tail[..tail.len() - run].iter().any(|&c| c.is_ascii_digit() || matches!(c, ',' | ';' | '。'))
    {
        return None;
    }
    let given = tail[tail.len() - run..].iter().filter(|&&c| is_list_separator(c)).count();
    let at = *starts.get(given)?;
    Some((at, year_at(seg, at)?))
}

/// The year that opens the full sentence (up to 。, not a semicolon) a part starting at
/// `start` belongs to, when that part follows a semicolon: `2021年,` or `截至2020年底,` as
/// the sentence's whole first clause. The year and its words, or None.
fn heading_date(chars: &[char], start: usize) -> Option<(i32, String)> {
    if start == 0 || chars[start - 1] != ';' {
        return None;
    }
    // Back to the start of the full sentence: past semicolons, not past 。, a line break…
    let head = crate::segment::full_sentence_start(chars, start);
    let comma = (head..start).find(|&i| matches!(chars[i], ',' | ':'))?;
    let first = &chars[head..comma];
    // Only time words: a date such as 截至2020年底 or 2021年上半年, nothing else.
    if first.len() > 10
        || !first.iter().all(|c| c.is_ascii_digit() || "截至止到年底末月初上下半".contains(*c))
    {
        return None;
    }
    let at = (0..first.len().saturating_sub(4))
        .find(|&i| first[i..i + 4].iter().all(char::is_ascii_digit) && first[i + 4] == '年')?;
    let year: i32 = first[at..at + 4].iter().collect::<String>().parse().ok()?;
    (1949..=2100).contains(&year).then(|| (year, first.iter().collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cues of `chars`, found as the catalog's search would.
    fn test_cues(chars: &[char]) -> words::Cues {
        let lists = word_lists();
        lists.cues(&words::AllWords::new(lists.words()).find(chars))
    }

    fn places(s: &str) -> Vec<String> {
        let c: Vec<char> = s.chars().collect();
        named_places(&c).into_iter().map(|p| p.2).collect()
    }

    #[test]
    fn named_places_are_found_and_generic_ones_are_not() {
        assert_eq!(places("中益乡盐井村的驻村干部"), ["中益", "盐井"]);
        assert!(places("全县85个贫困村,120个行政村,6个乡镇63个自然村").is_empty());
        assert!(places("向135个脱贫村和32个其他村选派驻村工作队167支").is_empty());
        assert_eq!(places("在南宾街道城北社区"), ["南宾"]);
        assert_eq!(places("旧县镇2014年以来累计脱贫"), ["旧县"]);
        assert_eq!(places("。南村镇累计搬迁安置862户"), ["南村"]);
        assert!(places("推进各村镇建设").is_empty());
        assert!(places("县乡村三级书记").is_empty());
    }

    #[test]
    fn time_scope_reads_the_last_year() {
        let c: Vec<char> = "截至2019年底,全县累计减贫".chars().collect();
        let t = time_scope(&c, &test_cues(&c), (0, c.len()), c.len(), true, None);
        assert_eq!(t.year, Some(2019));
        assert_eq!(t.text.as_deref(), Some("截至2019年底"));
        let c: Vec<char> = "2020年,贫困群众人均可支配收入预计可达".chars().collect();
        let t = time_scope(&c, &test_cues(&c), (0, c.len()), c.len(), false, None);
        assert!(t.forecast);
        assert_eq!(t.text.as_deref(), Some("2020年"));
    }

    #[test]
    fn a_present_word_after_the_last_year_dates_the_figure_to_the_present() {
        let c: Vec<char> =
            "收入由2016年的4120元增至2019年的11068元,今年预计可突破12600元".chars().collect();
        let t = time_scope(&c, &test_cues(&c), (0, c.len()), c.len() - 6, false, Some(2019));
        // A forecast of this year, after 2019's level reached: a later year.
        assert_eq!(t.year, Some(2020));
        assert_eq!(t.text.as_deref(), Some("今年"));
        let c: Vec<char> = "截至2019年底累计减贫1.2万人,目前剩余贫困人口".chars().collect();
        let t = time_scope(&c, &test_cues(&c), (0, c.len()), c.len(), false, Some(2020));
        assert_eq!(t.year, Some(2020));
        // In the year's own clause it is that year's.
        let c: Vec<char> = "今年1至10月,2019年同期".chars().collect();
        let t = time_scope(&c, &test_cues(&c), (0, c.len()), c.len(), false, Some(2020));
        assert_eq!(t.year, Some(2019));
    }

    #[test]
    fn years_listed_before_fenbie_date_one_figure_each() {
        let c: Vec<char> = "2014年底和2019年底全旗贫困发生率分别为9.86%和0.21%".chars().collect();
        let at = |figure: &str| {
            let text: String = c.iter().collect();
            text[..text.find(figure).unwrap()].chars().count()
        };
        let year = |pos: usize| time_scope(&c, &test_cues(&c), (0, c.len()), pos, false, None).year;
        assert_eq!(year(at("9.86")), Some(2014));
        assert_eq!(year(at("0.21")), Some(2019));
        let c: Vec<char> = "2019年、2020年分别为1630人、1872人".chars().collect();
        let year = |pos: usize| time_scope(&c, &test_cues(&c), (0, c.len()), pos, false, None).year;
        assert_eq!(year(c.len() - 5), Some(2020));
        assert_eq!(year(c.len() - 11), Some(2019));
    }

    #[test]
    fn a_year_opening_the_sentence_dates_its_parts_after_a_semicolon() {
        let text = "2021年,搬迁群众人均纯收入提高到11650元;全市农村居民人均可支配收入1.39万元。";
        let c: Vec<char> = text.chars().collect();
        let semi = c.iter().position(|&ch| ch == ';').unwrap();
        let t = time_scope(&c, &test_cues(&c), (semi + 1, c.len()), c.len() - 1, false, None);
        assert_eq!(t.year, Some(2021));
        assert_eq!(t.text.as_deref(), Some("2021年"));
        // Not when the sentence opens with more than a date, nor across a full stop.
        let other: Vec<char> =
            "2021年全市搬迁群众收入提高到11650元;农村居民收入1.39万元。".chars().collect();
        let semi = other.iter().position(|&ch| ch == ';').unwrap();
        assert_eq!(
            time_scope(
                &other,
                &test_cues(&other),
                (semi + 1, other.len()),
                other.len() - 1,
                false,
                None
            )
            .year,
            None
        );
        let stop: Vec<char> = "2021年,收入11650元。农村居民收入1.39万元。".chars().collect();
        let dot = stop.iter().position(|&ch| ch == '。').unwrap();
        assert_eq!(
            time_scope(
                &stop,
                &test_cues(&stop),
                (dot + 1, stop.len()),
                stop.len() - 1,
                false,
                None
            )
            .year,
            None
        );
    }

    #[test]
    fn plan_sections_run_from_a_plan_heading_to_the_next_heading() {
        let text = "二、2020年工作回顾\n去年减贫1万人。\n三、2021年工作安排\n全年培训1万人次。\n四、保障措施\n略。";
        let chars: Vec<char> = text.chars().collect();
        let plans =
            sections(&section_headings(&chars), chars.len(), PLAN_HEADINGS, REVIEW_HEADINGS);
        assert_eq!(plans.len(), 1);
        let (s, e, word) = &plans[0];
        let section: String = chars[*s..*e].iter().collect();
        assert_eq!(section, "三、2021年工作安排\n全年培训1万人次。\n");
        assert_eq!(word, "工作安排");
        // A heading that reviews as well as plans is not a plan section.
        let mixed: Vec<char> =
            "一、2020年工作完成情况及2021年工作安排\n减贫1万人。".chars().collect();
        assert!(sections(&section_headings(&mixed), mixed.len(), PLAN_HEADINGS, REVIEW_HEADINGS)
            .is_empty());
        let fixes: Vec<char> = "三、审计处理及整改情况\n完成127户。\n四、建议".chars().collect();
        assert_eq!(
            sections(&section_headings(&fixes), fixes.len(), PROBLEM_HEADINGS, &[]).len(),
            1
        );
    }
}
