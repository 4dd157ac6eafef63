//! The number reader: finds every number expression in text and resolves its value.
//!
//! Reads Arabic digits (half- and full-width), decimals, thousands separators, exponents,
//! Chinese numerals (三千二百一十五, 两万, 壹佰贰拾, 二〇一九), the multipliers 万/亿/兆 and
//! 千/百 mixed with digits (22.7万, 1.2亿, 1亿2千万, 3千), approximations and bounds kept as a
//! qualifier (约, 近, 超过, 余, 多, 几, 以上, 左右…), ranges (3-10万, 9.2—9.3, 三至五),
//! fractions (三分之一, 3/5) and percentages (1.73%, 百分之三十, 三成, 八五折, 3‰, 个百分点).
//! Units and counters after the number are not its business: the extractor reads them.
//!
//! One left-to-right pass: at each char that can start a number, [`term::parse_term`] reads
//! the longest expression there and the scan resumes after it. Words in which a numeral is
//! not a quantity (一切, 四川, 陆地, 十三五, 三五个) are skipped; see [`words`].
//!
//! Module map: `chars` (character classes), `dec` (exact decimal values), `arabic` (digit
//! runs), `atom` and `units` (numerals and units → one value), `term` (one expression: sign,
//! qualifiers, core), `fraction` (分之, slashes, digit runs), `percent` (%, 个百分点, 成, 折),
//! `range` (ranges, dates, the final match), `words` (word lists).

mod arabic;
mod atom;
pub(crate) mod chars;
mod dec;
mod fraction;
mod percent;
mod range;
mod term;
mod units;
mod words;

pub use words::{PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS};

use chars::{arabic as arabic_digit, cn, fold, Cn};
use term::{parse_term, Parsed};

/// A number expression found in the text. Offsets are char indices, half-open.
///
/// The span covers the whole expression as written, including qualifier words next to it
/// (约3000, 4万多, 50%以上), the percent marker (百分之三十, 12个百分点) and both ends of a
/// range. Units and counters after it (元, 人, 户) are outside the span.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMatch {
    pub start: usize,
    pub end: usize,
    /// The value, multipliers applied (8.3万 → 83000; 1.73% → 1.73; 三成 → 30). For a
    /// range, the lower end. Approximation words do not change it (500余万 → 5000000).
    pub value: f64,
    /// The upper bound of a range (3-10万 → value 30000, upper 100000).
    pub upper: Option<f64>,
    /// A percentage (%, ％, ‰, 百分之…, 千分之…, 个百分点, 成, 折); `value` is in percent points.
    pub percent: bool,
    /// The approximation or bound words as written, in text order, joined by a space when
    /// there are several (余, 多, 几, 近, 约, 超过, 以上, 左右…; "约 多" for 约3000多).
    pub qualifier: Option<String>,
    /// Written (at least partly) in Chinese numeral characters (三千二百, 两万, 三成, 二〇一九)
    /// rather than digits; 万/亿 and 千/百 after digits (22.7万, 3千) do not count. Single
    /// Chinese numerals are often parts of idioms (一户一策, 两不愁三保障): be careful.
    pub chinese_numeral: bool,
    /// Clearly a year, month or day: 2019年, 12月, 31日 (after 月), 2019-12-31.
    pub date: bool,
}

/// Finds all number expressions, left to right, non-overlapping.
pub fn scan(chars: &[char]) -> Vec<NumberMatch> {
    let mut out = Vec::new();
    let mut date_until = 0;
    let mut i = 0;
    while i < chars.len() {
        if !may_start(fold(chars[i])) {
            i += 1;
            continue;
        }
        if let Some(end) = words::url_end(chars, i) {
            i = end;
            continue;
        }
        match parse_term(chars, i) {
            Parsed::Nothing => i += 1,
            Parsed::Skip(k) => i = k.max(i + 1),
            Parsed::Term(t) => {
                let m = range::finish(chars, &t, &mut date_until);
                i = m.end.max(i + 1);
                out.push(m);
            }
        }
    }
    out
}

/// Convenience over [`scan`] for a `&str`.
pub fn scan_str(text: &str) -> Vec<NumberMatch> {
    let chars: Vec<char> = text.chars().collect();
    scan(&chars)
}

/// Chars at which a number expression (or a URL to skip) can begin.
#[inline]
fn may_start(c: char) -> bool {
    arabic_digit(c).is_some()
        || matches!(cn(c), Some(Cn::Digit(_) | Cn::Small(_) | Cn::Big(_)))
        || words::starts_prefix(c)
        || matches!(c, '.' | '-' | '负' | '負' | '半' | '对' | '對' | 'h' | 'w')
}

#[cfg(test)]
mod tests;
