//! Character classes for the number reader: digits, numeral characters, units, spaces.
//!
//! Every lookup folds full-width ASCII first, so ０-９, ．, ，, ％, － and Ｋ read like
//! their half-width forms. Out-of-range indices read as `'\0'`, which belongs to no class,
//! so callers can peek past the end without bounds checks.

/// Full-width ASCII (U+FF01..U+FF5E) to half-width; every other char unchanged.
#[inline]
pub fn fold(c: char) -> char {
    let u = c as u32;
    if (0xFF01..=0xFF5E).contains(&u) {
        char::from_u32(u - 0xFEE0).unwrap_or(c)
    } else {
        c
    }
}

/// The folded char at `i`, or `'\0'` past either end.
#[inline]
pub fn at(chars: &[char], i: usize) -> char {
    chars.get(i).map_or('\0', |&c| fold(c))
}

/// The folded char before `i`, or `'\0'` at the start.
#[inline]
pub fn before(chars: &[char], i: usize) -> char {
    if i == 0 {
        '\0'
    } else {
        at(chars, i - 1)
    }
}

/// An Arabic digit (after folding).
#[inline]
pub fn arabic(c: char) -> Option<u8> {
    c.to_digit(10).filter(|_| c.is_ascii_digit()).map(|d| d as u8)
}

/// Spaces the peer specs put between numeral parts. Line breaks and tabs are not
/// included: a number never continues onto the next line.
#[inline]
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{a0}')
}

/// At most this many spaces may separate two parts of one number ("一百五十    个百分点").
pub const MAX_GAP: usize = 4;

/// Skips up to [`MAX_GAP`] spaces from `i`; returns the index after them.
#[inline]
pub fn skip_gap(chars: &[char], i: usize) -> usize {
    let mut j = i;
    while j < chars.len() && j - i < MAX_GAP && is_space(at(chars, j)) {
        j += 1;
    }
    j
}

/// A Chinese numeral character, classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cn {
    /// 〇 零 一 … 九, 两, and the financial forms 壹 … 玖.
    Digit(u8),
    /// 十 百 千 (拾 佰 仟): the exponent, 1..=3.
    Small(u8),
    /// 万 亿 兆 (萬 億): the exponent, 4, 8 or 12.
    Big(u8),
    /// 点 (點), the decimal point.
    Point,
    /// 几 (幾): an unknown digit, "二十几万".
    Ji,
    /// 多 余 (餘): "more than", inside ("十多万") or after ("四百多") a number.
    Approx,
}

/// Classifies a Chinese numeral character (Simplified and Traditional).
#[inline]
pub fn cn(c: char) -> Option<Cn> {
    Some(match c {
        '〇' | '零' => Cn::Digit(0),
        '一' | '壹' | '弌' => Cn::Digit(1),
        '二' | '贰' | '貳' | '貮' | '两' | '兩' | '倆' | '俩' | '弍' => Cn::Digit(2),
        '三' | '叁' | '參' | '叄' | '弎' => Cn::Digit(3),
        '四' | '肆' => Cn::Digit(4),
        '五' | '伍' => Cn::Digit(5),
        '六' | '陆' | '陸' => Cn::Digit(6),
        '七' | '柒' => Cn::Digit(7),
        '八' | '捌' => Cn::Digit(8),
        '九' | '玖' => Cn::Digit(9),
        '十' | '拾' => Cn::Small(1),
        '百' | '佰' => Cn::Small(2),
        '千' | '仟' => Cn::Small(3),
        '万' | '萬' => Cn::Big(4),
        '亿' | '億' => Cn::Big(8),
        '兆' => Cn::Big(12),
        '点' | '點' => Cn::Point,
        '几' | '幾' => Cn::Ji,
        '多' | '余' | '餘' => Cn::Approx,
        _ => return None,
    })
}

/// A Chinese digit, or None.
#[inline]
pub fn cn_digit(c: char) -> Option<u8> {
    match cn(c) {
        Some(Cn::Digit(d)) => Some(d),
        _ => None,
    }
}

/// 两 counts things but never spells a decimal or a digit string: "两百点两" is 200 and 2.
#[inline]
pub fn is_liang(c: char) -> bool {
    matches!(c, '两' | '兩' | '倆' | '俩')
}

/// 零 and 〇.
#[inline]
pub fn is_zero(c: char) -> bool {
    matches!(c, '〇' | '零')
}

/// Financial (anti-forgery) numerals that are also ordinary characters: 陆地, 队伍, 收拾,
/// 放肆, 參加. Alone they count only when nothing Chinese touches them.
#[inline]
pub fn is_financial(c: char) -> bool {
    matches!(
        c,
        '壹' | '贰'
            | '貳'
            | '貮'
            | '叁'
            | '參'
            | '叄'
            | '肆'
            | '伍'
            | '陆'
            | '陸'
            | '柒'
            | '捌'
            | '玖'
            | '拾'
            | '佰'
            | '仟'
    )
}

/// A CJK ideograph (the basic block and extension A), the chars that make words.
#[inline]
pub fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF)
}

/// An ASCII letter (after folding).
#[inline]
pub fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
}

/// Whether `word` is spelled at `i` (chars compared after folding).
#[inline]
pub fn word_at(chars: &[char], i: usize, word: &str) -> bool {
    (i..).zip(word.chars()).all(|(j, w)| at(chars, j) == w)
}

/// Matches `word` at `i` allowing gaps of spaces between its chars ("百 分 之", "个百分 点");
/// returns the index after the last char.
pub fn spaced_word_at(chars: &[char], i: usize, word: &[char]) -> Option<usize> {
    let mut j = i;
    for (k, &w) in word.iter().enumerate() {
        if k > 0 {
            j = skip_gap(chars, j);
        }
        if at(chars, j) != w {
            return None;
        }
        j += 1;
    }
    Some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width() {
        assert_eq!(fold('６'), '6');
        assert_eq!(fold('％'), '%');
        assert_eq!(fold('，'), ',');
        assert_eq!(fold('万'), '万');
        assert_eq!(arabic(fold('９')), Some(9));
        assert_eq!(arabic('٣'), None);
    }

    #[test]
    fn peeking_past_the_end_is_harmless() {
        let c: Vec<char> = "一".chars().collect();
        assert_eq!(at(&c, 5), '\0');
        assert_eq!(before(&c, 0), '\0');
        assert_eq!(skip_gap(&c, 9), 9);
    }
}
