//! Word lists: where a numeral character is part of a word rather than a quantity (一切,
//! 四川, 陆地, 十分), where 成/折/打 after a number start another word (成为, 折合, 打造),
//! and the qualifier words themselves. Also skips URLs, whose %xx escapes are not percents.

use super::chars::{at, before, is_financial, is_ideograph, word_at};

/// Approximation and bound words written before a number, longest first.
pub const PREFIX_QUALIFIERS: &[&str] = &[
    "不少于",
    "不低于",
    "不超过",
    "不超過",
    "大约",
    "大約",
    "将近",
    "將近",
    "接近",
    "超过",
    "超過",
    "不足",
    "不到",
    "至少",
    "约",
    "約",
    "近",
    "超",
    "逾",
];

/// Whether `c` can begin a word of [`PREFIX_QUALIFIERS`] (a cheap filter before the list).
#[inline]
pub fn starts_prefix(c: char) -> bool {
    matches!(c, '不' | '大' | '将' | '將' | '接' | '超' | '至' | '约' | '約' | '近' | '逾')
}

/// Approximation and bound words written after a number (多 and 余 may also sit between
/// the number and 万/亿: 十多万, 500余万; 几 stands for an unknown digit: 二十几万).
pub const SUFFIX_QUALIFIERS: &[&str] =
    &["以上", "左右", "上下", "以下", "以内", "以內", "多", "余", "餘", "几", "幾"];

/// Idioms and names spelled with several numerals that are not quantities: they are
/// skipped whole. (Runs of bare digits such as 十三五, 三五个, 二三十 are skipped anyway.)
const IDIOMS: &[&str] = &[
    "一点一滴",
    "一點一滴",
    "一成不变",
    "一成不變",
    "一五一十",
    "三番五次",
    "五花八门",
    "五花八門",
    "七上八下",
    "乱七八糟",
    "亂七八糟",
    "一模一样",
    "一模一樣",
    "一心一意",
    "万众一心",
    "萬眾一心",
    "千方百计",
    "千方百計",
    "千家万户",
    "千家萬戶",
    "千千万万",
    "千千萬萬",
    "两点一线",
    "兩點一線",
    "三点一线",
    "三點一線",
    "四点一线",
    "四點一線",
];

#[inline]
fn starts_idiom(c: char) -> bool {
    matches!(c, '一' | '两' | '兩' | '三' | '四' | '五' | '七' | '乱' | '亂' | '千' | '万' | '萬')
}

/// If an idiom made of numerals starts at `i`, its length.
pub fn idiom_at(chars: &[char], i: usize) -> Option<usize> {
    if !starts_idiom(at(chars, i)) {
        return None;
    }
    IDIOMS.iter().find(|w| word_at(chars, i, w)).map(|w| w.chars().count())
}

/// Words in which a single numeral is not a quantity: the numeral, the word, and the
/// numeral's index in the word.
const NOT_QUANTITY: &[(char, &str, usize)] = &[
    ('一', "一切", 0),
    ('一', "一看", 0),
    ('一', "一些", 0),
    ('一', "一样", 0),
    ('一', "一樣", 0),
    ('一', "一起", 0),
    ('一', "一般", 0),
    ('一', "一直", 0),
    ('一', "一致", 0),
    ('一', "一定", 0),
    ('一', "一旦", 0),
    ('一', "一律", 0),
    ('一', "一同", 0),
    ('一', "一向", 0),
    ('一', "一再", 0),
    ('一', "一味", 0),
    ('一', "一体", 0),
    ('一', "一體", 0),
    ('一', "一举", 0),
    ('一', "一舉", 0),
    ('一', "统一", 1),
    ('一', "統一", 1),
    ('一', "唯一", 1),
    ('一', "万一", 1),
    ('一', "萬一", 1),
    ('一', "之一", 1),
    ('一', "进一步", 1),
    ('一', "進一步", 1),
    ('十', "十分", 0),
    ('十', "十足", 0),
    ('零', "零售", 0),
    ('零', "零星", 0),
    ('零', "零散", 0),
    ('零', "零件", 0),
    ('零', "零部件", 0),
    ('零', "零食", 0),
    ('零', "零花", 0),
    ('零', "零工", 0),
    ('零', "零钱", 0),
    ('零', "零錢", 0),
    ('零', "零碎", 0),
    ('零', "零用", 0),
    ('零', "零下", 0),
    ('四', "四川", 0),
    ('三', "三亚", 0),
    ('三', "三峡", 0),
    ('三', "三峽", 0),
    ('三', "三明", 0),
    ('三', "三门峡", 0),
    ('六', "六安", 0),
    ('六', "六盘水", 0),
    ('九', "九江", 0),
    ('十', "十堰", 0),
    ('五', "五指山", 0),
];

/// Whether the lone numeral at `i` (a one-char match) is part of a word, not a quantity.
pub fn lone_is_word(chars: &[char], i: usize) -> bool {
    let c = at(chars, i);
    // Financial numerals are everyday characters too (陆地, 队伍, 收拾, 放肆): alone they
    // count only with no ideograph after them and none before, bar a copula (是叁).
    if is_financial(c) {
        let prev = before(chars, i);
        let prev_ok = !is_ideograph(prev) || matches!(prev, '是' | '为' | '為');
        if is_ideograph(at(chars, i + 1)) || !prev_ok {
            return true;
        }
    }
    NOT_QUANTITY.iter().any(|&(n, w, k)| n == c && i >= k && word_at(chars, i - k, w))
}

/// 成 followed by these is a word (成为, 成立, 成本, 成都), not a tenth.
pub fn cheng_is_word(chars: &[char], i: usize) -> bool {
    matches!(
        at(chars, i + 1),
        '为' | '為'
            | '立'
            | '功'
            | '效'
            | '果'
            | '本'
            | '员'
            | '員'
            | '熟'
            | '长'
            | '長'
            | '就'
            | '都'
            | '绩'
            | '績'
            | '交'
            | '型'
            | '品'
            | '片'
            | '材'
            | '套'
            | '像'
            | '语'
            | '語'
            | '群'
            | '批'
            | '色'
    ) || word_at(chars, i + 1, "不变")
        || word_at(chars, i + 1, "不變")
}

/// 折 followed by these is a word (折合, 折算, 折旧), not a discount.
pub fn zhe_is_word(chars: &[char], i: usize) -> bool {
    matches!(
        at(chars, i + 1),
        '合' | '算'
            | '旧'
            | '舊'
            | '抵'
            | '价'
            | '價'
            | '扣'
            | '射'
            | '腾'
            | '騰'
            | '叠'
            | '疊'
            | '服'
            | '磨'
            | '损'
            | '損'
            | '现'
            | '現'
            | '返'
            | '回'
            | '线'
            | '線'
            | '断'
            | '斷'
            | '子'
            | '半'
            | '中'
    )
}

/// 打 followed by these is a verb (打造, 打赢, 打好), not a dozen.
pub fn da_is_word(chars: &[char], i: usize) -> bool {
    let next = at(chars, i + 1);
    matches!(
        next,
        '造' | '赢'
            | '贏'
            | '好'
            | '击'
            | '擊'
            | '通'
            | '破'
            | '开'
            | '開'
            | '牢'
            | '下'
            | '出'
            | '工'
            | '算'
            | '响'
            | '響'
            | '掉'
            | '败'
            | '敗'
            | '扫'
            | '掃'
            | '折'
            | '架'
            | '卡'
            | '压'
            | '壓'
            | '拼'
            | '分'
            | '球'
            | '电'
            | '電'
            | '针'
            | '針'
            | '入'
            | '成'
            | '进'
            | '進'
            | '到'
            | '过'
            | '過'
            | '了'
            | '着'
            | '著'
            | '的'
            | '上'
            | '起'
            | '动'
            | '動'
            | '包'
            | '井'
            | '印'
    )
}

/// 上下 followed by these is a word (上下游, 上下级), not "give or take".
pub fn shangxia_is_word(chars: &[char], i: usize) -> bool {
    matches!(at(chars, i + 2), '游' | '级' | '級' | '联' | '聯' | '贯' | '貫' | '班' | '文' | '功')
}

/// A prefix qualifier at `i` that is really part of another word: 节约, 附近, 赶超.
pub fn prefix_is_word(chars: &[char], i: usize, w: &str) -> bool {
    let prev = before(chars, i);
    match w {
        "约" | "約" => matches!(
            prev,
            '节' | '節'
                | '制'
                | '签'
                | '簽'
                | '合'
                | '预'
                | '預'
                | '集'
                | '条'
                | '條'
                | '特'
                | '相'
                | '履'
                | '违'
                | '違'
                | '公'
                | '契'
                | '盟'
                | '邀'
                | '简'
                | '簡'
                | '婉'
                | '隐'
                | '隱'
                | '大'
        ),
        "近" => matches!(
            prev,
            '附' | '最'
                | '靠'
                | '邻'
                | '鄰'
                | '亲'
                | '親'
                | '就'
                | '贴'
                | '貼'
                | '新'
                | '晚'
                | '将'
                | '將'
                | '接'
        ),
        "超" => matches!(prev, '赶' | '趕' | '高'),
        _ => false,
    }
}

/// "近3年", "近五个月": 近 before a span of time means "the last", not "nearly".
pub fn recent_span_after(chars: &[char], end: usize) -> bool {
    matches!(at(chars, end), '年' | '天' | '日' | '周' | '週' | '期' | '届' | '屆')
        || word_at(chars, end, "个月")
        || word_at(chars, end, "個月")
}

/// If a URL starts at `i`, the index after it: its digits and %xx escapes are not numbers.
pub fn url_end(chars: &[char], i: usize) -> Option<usize> {
    let c = at(chars, i);
    let starts = match c {
        'h' => word_at(chars, i, "http://") || word_at(chars, i, "https://"),
        'w' => word_at(chars, i, "www.") && !before(chars, i).is_ascii_alphanumeric(),
        _ => false,
    };
    if !starts {
        return None;
    }
    let mut j = i;
    while j < chars.len() && chars[j].is_ascii_graphic() {
        j += 1;
    }
    Some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lone(s: &str, i: usize) -> bool {
        let c: Vec<char> = s.chars().collect();
        lone_is_word(&c, i)
    }

    #[test]
    fn words_around_lone_numerals() {
        assert!(lone("我家在四川", 3));
        assert!(lone("一切", 0));
        assert!(lone("大陆", 1));
        assert!(!lone("写法是叁", 3));
        assert!(!lone("一户一策", 0));
        assert!(lone("进一步加强", 1));
    }

    #[test]
    fn first_char_filters_match_the_lists() {
        for w in PREFIX_QUALIFIERS {
            assert!(starts_prefix(w.chars().next().unwrap()), "{w}");
        }
        for w in IDIOMS {
            assert!(starts_idiom(w.chars().next().unwrap()), "{w}");
        }
    }

    #[test]
    fn urls_are_skipped_whole() {
        let c: Vec<char> = "见https://a.cn/q?x=30%25 文".chars().collect();
        assert_eq!(url_end(&c, 1), Some(23));
        assert_eq!(url_end(&c, 0), None);
    }
}
