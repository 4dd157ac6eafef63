//! Name forms of a division: the short name people write (石柱 for 石柱土家族自治县), the
//! suffixed forms (石柱县, 黔南州), and which short names are too common to stand alone.

/// Suffixes stripped to get a short name, longest first. Each is tried in turn and the first
/// that leaves at least two characters wins, so 金林区 falls through 林区 to 区 (金林).
const SUFFIXES: &[&str] = &[
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "行政委员会",
    "地区",
    "林区",
    "特区",
    "新区",
    "省",
    "市",
    "县",
    "区",
    "旗",
    "盟",
];

/// Ethnic groups named inside autonomous divisions' names, of two or more characters; they
/// are stripped with or without a trailing 族 (巴音郭楞蒙古自治州 → 巴音郭楞).
const ETHNIC_LONG: &[&str] = &[
    "土家",
    "布依",
    "维吾尔",
    "哈萨克",
    "柯尔克孜",
    "蒙古",
    "达斡尔",
    "鄂温克",
    "鄂伦春",
    "塔吉克",
    "锡伯",
    "朝鲜",
    "哈尼",
    "傈僳",
    "纳西",
    "拉祜",
    "景颇",
    "仫佬",
    "毛南",
    "仡佬",
    "撒拉",
    "保安",
    "东乡",
    "裕固",
    "普米",
    "德昂",
    "独龙",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
    "布朗",
    "阿昌",
    "各",
];

/// One-character ethnic names, stripped only together with 族 (苗族, 回族): alone they are too
/// likely to be part of the place name itself.
const ETHNIC_SHORT: &[char] = &[
    '苗', '回', '藏', '彝', '壮', '侗', '瑶', '白', '傣', '黎', '佤', '畲', '水', '满', '羌', '土',
    '京', '怒',
];

/// Short names that are also everyday words or generic place words (和平, 合作, 振兴, 金山银山,
/// 路桥 …). They count only when written with a suffix (和平区, 合作市), never bare.
pub(crate) const COMMON_SHORT_NAMES: &[&str] = &[
    "和平", "通道", "中山", "长安", "朝阳", "白云", "新华", "新城", "城中", "城关", "城东", "城西",
    "城北", "东城", "西城", "市中", "铁西", "铁东", "桥西", "桥东", "河东", "河西", "青山", "南山",
    "东山", "宝山", "向阳", "鼓楼", "西湖", "江北", "新兴", "龙华", "平安", "安定", "合作", "东方",
    "新星", "白杨", "双河", "新建", "红旗", "光明", "振兴", "富裕", "友谊", "友好", "前进", "东风",
    "爱民", "工农", "解放", "中原", "上街", "山城", "商城", "太平", "丰满", "平房", "梨树", "方正",
    "龙潭", "金山", "钟楼", "东海", "滨江", "南湖", "北湖", "江山", "路桥", "无为", "清河", "河口",
    "江城", "安宁", "民权", "临江", "龙凤", "大观", "太湖", "滨湖", "开化", "元宝", "建华", "北关",
    "南关", "卫东", "红山", "和顺", "安居", "乐业", "吉利", "兴业", "共和", "互助", "凤凰", "洞口",
    "芙蓉", "天心", "荷塘", "石鼓", "武陵", "桃源", "石门", "永兴", "嘉禾", "新市", "榆树", "磐石",
    "龙井", "海南", "河南", "河北", "江南", "资源", "富民", "惠民", "延长", "长寿", "南岸", "南部",
    "大方", "前锋", "名山", "石棉", "白玉", "东坡", "朝天", "大英", "祥云", "威信", "古城", "西山",
    "三江", "七星", "港口", "凌云", "万全", "兴隆", "运河", "小店", "平定", "长子", "故城", "仁和",
    "老城", "城厢", "市北", "市南", "康乐", "民乐", "高台", "清水", "同仁", "同德", "惠农", "同心",
    "天山", "温泉", "比如", "回民", "公安",
    // 全州 is first the marker "the whole prefecture"; 全州县 is named in full.
    "全州",
];

/// Everyday phrases with a division's name inside (易地扶贫搬迁安置 holds 迁安, 长治久安 holds
/// 长治). They are indexed too: the leftmost-longest search then takes the phrase, and the
/// name inside it is never reported.
pub(crate) const MASK_PHRASES: &[&str] = &[
    "迁安置",
    "成安置",
    "新安置",
    "长治久安",
    "建平台",
    "新乡贤",
    "大城市",
    "四平八稳",
    "三明治",
    "弥勒佛",
    "幸福安康",
    "平安康",
    "永安置",
];

/// The provinces whose bare short name is also a common word; they stay usable as provinces
/// (海南, 河南, 河北 …) despite being listed above, because a province short name is rarely
/// anything else in these reports.
const PROVINCE_OVERRIDES: &[&str] = &["海南", "河南", "河北"];

/// The short name of a division, or `None` when stripping leaves fewer than two characters
/// (城区, 沛县): such names have no usable bare form.
pub(crate) fn short_name(full: &str) -> Option<String> {
    for suffix in SUFFIXES {
        let Some(base) = full.strip_suffix(suffix) else { continue };
        let base = if suffix.starts_with("自治") { strip_ethnic(base) } else { base.to_string() };
        if base.chars().count() >= 2 {
            return Some(base);
        }
    }
    None
}

/// Removes the ethnic groups an autonomous division's name ends with (石柱土家族 → 石柱,
/// 积石山保安族东乡族撒拉族 → 积石山). When nothing would be left (鄂温克族, 东乡族) the
/// group name itself is the short name, without its 族.
fn strip_ethnic(base: &str) -> String {
    let mut rest = base.to_string();
    loop {
        let before = rest.len();
        for group in ETHNIC_LONG {
            // `{group}族` or `{group}` (no format! here: this runs ~14,000 times while the
            // region tables are built, and formatting was a fifth of their cold start).
            let with_zu = rest.strip_suffix('族').and_then(|r| r.strip_suffix(group));
            if let Some(r) = with_zu.or_else(|| rest.strip_suffix(group)) {
                if r.chars().count() >= 2 {
                    rest = r.to_string();
                    break;
                }
            }
        }
        if rest.len() == before {
            for group in ETHNIC_SHORT {
                if let Some(r) = rest.strip_suffix('族').and_then(|r| r.strip_suffix(*group)) {
                    if r.chars().count() >= 2 {
                        rest = r.to_string();
                        break;
                    }
                }
            }
        }
        if rest.len() == before {
            break;
        }
    }
    if rest == base {
        if let Some(r) = base.strip_suffix('族') {
            return r.to_string();
        }
    }
    rest
}

/// Forms that carry a generic suffix instead of the official one and are common in reports:
/// 石柱县 for 石柱土家族自治县, 黔南州 for 黔南布依族苗族自治州, 莫力达瓦旗 for its 自治旗;
/// and the abbreviation of a banner named by its side or position (see [`abbreviation`]).
pub(crate) fn suffixed_forms(full: &str, short: &str) -> Vec<String> {
    let generic = if full.ends_with("自治县") {
        "县"
    } else if full.ends_with("自治州") {
        "州"
    } else if full.ends_with("自治旗") {
        "旗"
    } else {
        return abbreviation(full).into_iter().collect();
    };
    let mut forms = vec![format!("{short}{generic}")];
    forms.extend(abbreviation(full));
    forms
}

/// The official abbreviation of a division whose name is a base name and its side (左翼,
/// 右翼, 左, 右) or position (前, 中, 后), as the banners of Inner Mongolia are named: the
/// first char of each part and the suffix, so 科尔沁左翼后旗 → 科左后旗, 察哈尔右翼中旗 →
/// 察右中旗, 土默特左旗 → 土左旗, 乌拉特前旗 → 乌前旗, and 喀喇沁左翼蒙古族自治县 → 喀左县
/// (a 左翼/右翼 county). The base must have two chars at least, so that the first char
/// abbreviates a name, not a word.
pub(crate) fn abbreviation(full: &str) -> Option<String> {
    let (rest, suffix) = if let Some(rest) = full.strip_suffix('旗') {
        if rest.ends_with("自治") {
            return None;
        }
        (rest, '旗')
    } else if full.ends_with("自治县") {
        // Only a 左翼/右翼 county (喀喇沁左翼蒙古族自治县): the side then ends its base.
        let wing = full.find("左翼").or_else(|| full.find("右翼"))?;
        (&full[..wing + "左翼".len()], '县')
    } else {
        return None;
    };
    let (rest, position) = match rest.chars().next_back() {
        Some(c @ ('前' | '中' | '后')) => (&rest[..rest.len() - c.len_utf8()], Some(c)),
        _ => (rest, None),
    };
    let rest = rest.strip_suffix('翼').filter(|r| r.ends_with(['左', '右'])).unwrap_or(rest);
    let (base, side) = match rest.chars().next_back() {
        Some(c @ ('左' | '右')) => (&rest[..rest.len() - c.len_utf8()], Some(c)),
        _ => (rest, None),
    };
    if (side.is_none() && position.is_none()) || base.chars().count() < 2 {
        return None;
    }
    let mut form: String = base.chars().take(1).collect();
    form.extend(side);
    form.extend(position);
    form.push(suffix);
    Some(form)
}

/// Whether a bare short name may count on its own.
pub(crate) fn bare_short_allowed(short: &str, is_province: bool) -> bool {
    if is_province && PROVINCE_OVERRIDES.contains(&short) {
        return true;
    }
    static COMMON: std::sync::OnceLock<std::collections::HashSet<&str>> =
        std::sync::OnceLock::new();
    !COMMON.get_or_init(|| COMMON_SHORT_NAMES.iter().copied().collect()).contains(short)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_strip_official_suffixes() {
        let cases = [
            ("石柱土家族自治县", Some("石柱")),
            ("开州区", Some("开州")),
            ("绵阳市", Some("绵阳")),
            ("汾西县", Some("汾西")),
            ("黔南布依族苗族自治州", Some("黔南")),
            ("积石山保安族东乡族撒拉族自治县", Some("积石山")),
            ("巴音郭楞蒙古自治州", Some("巴音郭楞")),
            ("莫力达瓦达斡尔族自治旗", Some("莫力达瓦")),
            ("鄂温克族自治旗", Some("鄂温克")),
            ("东乡族自治县", Some("东乡")),
            ("内蒙古自治区", Some("内蒙古")),
            ("广西壮族自治区", Some("广西")),
            ("新疆维吾尔自治区", Some("新疆")),
            ("香港特别行政区", Some("香港")),
            ("四川省", Some("四川")),
            ("神农架林区", Some("神农架")),
            ("金林区", Some("金林")),
            ("浦东新区", Some("浦东")),
            ("清新区", Some("清新")),
            ("六枝特区", Some("六枝")),
            ("锡林郭勒盟", Some("锡林郭勒")),
            ("阿克苏地区", Some("阿克苏")),
            ("大通回族土族自治县", Some("大通")),
            ("双江拉祜族佤族布朗族傣族自治县", Some("双江")),
            ("城区", None),
            ("沛县", None),
        ];
        for (full, short) in cases {
            assert_eq!(short_name(full).as_deref(), short, "{full}");
        }
    }

    #[test]
    fn autonomous_divisions_get_generic_suffixed_forms() {
        assert_eq!(suffixed_forms("石柱土家族自治县", "石柱"), ["石柱县"]);
        assert_eq!(suffixed_forms("恩施土家族苗族自治州", "恩施"), ["恩施州"]);
        assert!(suffixed_forms("绵阳市", "绵阳").is_empty());
    }

    #[test]
    fn side_and_position_names_are_abbreviated_by_first_chars() {
        let cases = [
            ("甲乙丙左翼后旗", Some("甲左后旗")),
            ("甲乙右翼中旗", Some("甲右中旗")),
            ("甲乙丙左旗", Some("甲左旗")),
            ("甲乙前旗", Some("甲前旗")),
            ("甲乙丙左翼蒙古族自治县", Some("甲左县")),
            // No side or position, a one-char base, an autonomous banner, a county: none.
            ("甲乙丙旗", None),
            ("甲后旗", None),
            ("甲乙前鄂温克族自治旗", None),
            ("甲乙前县", None),
            ("甲乙土家族自治县", None),
        ];
        for (full, form) in cases {
            assert_eq!(abbreviation(full).as_deref(), form, "{full}");
        }
        assert_eq!(
            suffixed_forms("甲乙丙左翼蒙古族自治县", "甲乙丙左翼"),
            ["甲乙丙左翼县", "甲左县"]
        );
        assert_eq!(suffixed_forms("甲乙右翼中旗", "甲乙右翼中"), ["甲右中旗"]);
    }

    #[test]
    fn common_words_need_their_suffix() {
        assert!(!bare_short_allowed("合作", false));
        assert!(!bare_short_allowed("和平", false));
        assert!(bare_short_allowed("石柱", false));
        assert!(bare_short_allowed("河南", true));
        assert!(!bare_short_allowed("河南", false));
    }
}
