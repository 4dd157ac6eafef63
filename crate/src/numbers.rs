//! The number reader: finds every number expression in text and resolves its value.
//!
//! Reads Arabic digits (half- and full-width), decimals, thousands separators, Chinese
//! numerals (三千二百一十五, 两万, 壹佰), the multipliers 万/亿 mixed with digits (22.7万,
//! 1.2亿, 4万多), approximations (余, 多, 近, 约, 超, 超过, 以上, 左右) kept as a qualifier,
//! ranges (9.2—9.3, 3-10万), and percentages (1.73%, 百分之三十). Units and counters after
//! the number are not its business: the extractor reads them.

/// A number expression found in the text. Offsets are char indices, half-open.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMatch {
    pub start: usize,
    pub end: usize,
    /// The value, multipliers applied (8.3万 → 83000; 1.73% → 1.73).
    pub value: f64,
    /// The upper bound of a range (3-10万 → value 30000, upper 100000).
    pub upper: Option<f64>,
    /// A percentage (%, ％, 百分之…, 成).
    pub percent: bool,
    /// The approximation or bound words as written (余, 多, 近, 约, 超过, 以上, 左右…).
    pub qualifier: Option<String>,
    /// Written (partly) in Chinese numerals (三千二百, 两万) rather than digits.
    pub chinese_numeral: bool,
}

/// Finds all number expressions, left to right, non-overlapping.
pub fn scan(chars: &[char]) -> Vec<NumberMatch> {
    // Placeholder: runs of ASCII digits only, until the number reader lands.
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let s = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let t: String = chars[s..i].iter().collect();
            if let Ok(mut v) = t.parse::<f64>() {
                let mut percent = false;
                match chars.get(i) {
                    Some('万') => {
                        v *= 1e4;
                        i += 1;
                    }
                    Some('亿') => {
                        v *= 1e8;
                        i += 1;
                    }
                    Some('%') => {
                        percent = true;
                        i += 1;
                    }
                    _ => {}
                }
                out.push(NumberMatch {
                    start: s,
                    end: i,
                    value: v,
                    upper: None,
                    percent,
                    qualifier: None,
                    chinese_numeral: false,
                });
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Convenience over [`scan`] for a `&str`.
pub fn scan_str(text: &str) -> Vec<NumberMatch> {
    let chars: Vec<char> = text.chars().collect();
    scan(&chars)
}
