//! Arabic numbers: digit runs with thousands separators, decimals, exponents (2e5,
//! 2.5^-1) and the k/M suffixes. Chinese multipliers after them (22.7万) are the
//! [`super::atom`] parser's business.

use super::chars::{arabic, at, before, is_letter, is_space};
use super::dec::{sat, Dec, Val};

/// One Arabic number as written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Arabic {
    pub start: usize,
    pub end: usize,
    pub val: Val,
    /// No decimal part, exponent or k/M.
    pub integer: bool,
    /// Digits before the decimal point, separators not counted.
    pub int_digits: usize,
    /// Written with a leading zero ("0832"): an area code or an id, not a quantity to range.
    pub leading_zero: bool,
    /// Written with thousands separators (1,234).
    pub grouped: bool,
}

/// Reads the Arabic number starting at `i`, if any.
pub fn parse_arabic(chars: &[char], i: usize) -> Option<Arabic> {
    let mut j = i;
    let mut m = Dec::ZERO;
    let mut int_digits = 0;
    let mut first = None;
    let mut grouped = false;
    let prev = before(chars, i);
    // "2222.2222.22222": after "digit." the number continues a dotted chain (a date or a
    // version), so it takes no decimal part of its own.
    let in_dot_chain = prev == '.' && arabic(before(chars, i - usize::from(i > 0))).is_some();
    if at(chars, i) == '.' {
        // ".5" reads as 0.5, but not in "...9" or after a digit.
        if prev == '.' || arabic(prev).is_some() || arabic(at(chars, i + 1)).is_none() {
            return None;
        }
    } else {
        while let Some(d) = arabic(at(chars, j)) {
            first.get_or_insert(d);
            m.push_digit(d, true);
            int_digits += 1;
            j += 1;
        }
        if int_digits == 0 {
            return None;
        }
        // Thousands separators: a comma followed by exactly three digits, and the group
        // before the first comma at most three digits long, not led by a zero (降至0,134个贫困村
        // is 0 and 134).
        while at(chars, j) == ','
            && (grouped || (int_digits <= 3 && first != Some(0)))
            && group_of_three(chars, j + 1)
        {
            for k in 1..=3 {
                m.push_digit(arabic(at(chars, j + k)).unwrap_or(0), true);
            }
            int_digits += 3;
            j += 4;
            grouped = true;
        }
    }
    let mut integer = true;
    if at(chars, j) == '.' && arabic(at(chars, j + 1)).is_some() && !in_dot_chain {
        let mut k = j + 1;
        let mut frac = m;
        while let Some(d) = arabic(at(chars, k)) {
            frac.push_digit(d, false);
            k += 1;
        }
        // A second ".digit" makes this a dotted chain: 2019.12.31 reads as three numbers.
        if at(chars, k) == '.' && arabic(at(chars, k + 1)).is_some() {
            if int_digits == 0 {
                return None;
            }
        } else {
            m = frac;
            j = k;
            integer = false;
        }
    }
    Some(finish(chars, i, j, m, int_digits, first, integer, grouped))
}

fn group_of_three(chars: &[char], i: usize) -> bool {
    (0..3).all(|k| arabic(at(chars, i + k)).is_some()) && arabic(at(chars, i + 3)).is_none()
}

/// Exponent, power and k/M suffix after the digits.
fn finish(
    chars: &[char],
    start: usize,
    mut j: usize,
    m: Dec,
    int_digits: usize,
    first: Option<u8>,
    mut integer: bool,
    grouped: bool,
) -> Arabic {
    let mut val = Val::D(m);
    if let Some((k, exp)) = exponent(chars, j) {
        val = val.scale(exp);
        j = k;
        integer = false;
    } else if let Some((k, p)) = power(chars, j) {
        val = Val::F(sat(val.f64().powi(p)));
        j = k;
        integer = false;
    }
    let gap = usize::from(is_space(at(chars, j)));
    let suffix = at(chars, j + gap);
    let scale = match suffix {
        'k' | 'K' => 3,
        'M' => 6,
        _ => 0,
    };
    // "5km" and "3 Kg" are units, not thousands.
    if scale > 0 && !is_letter(at(chars, j + gap + 1)) {
        val = val.scale(scale);
        j += gap + 1;
        integer = false;
    }
    Arabic {
        start,
        end: j,
        val,
        integer,
        int_digits,
        leading_zero: first == Some(0) && int_digits > 1,
        grouped,
    }
}

/// "e5", "E-1", "e+14" after a mantissa.
fn exponent(chars: &[char], j: usize) -> Option<(usize, i32)> {
    if !matches!(at(chars, j), 'e' | 'E') {
        return None;
    }
    let mut k = j + 1;
    let neg = match at(chars, k) {
        '-' => {
            k += 1;
            true
        }
        '+' => {
            k += 1;
            false
        }
        _ => false,
    };
    let (k, n) = small_int(chars, k)?;
    if is_letter(at(chars, k)) {
        return None;
    }
    Some((k, if neg { -n } else { n }))
}

/// "^5", "^-1", "^--23" (signs cancel) after a base.
fn power(chars: &[char], j: usize) -> Option<(usize, i32)> {
    if at(chars, j) != '^' {
        return None;
    }
    let mut k = j + 1;
    let mut neg = false;
    while matches!(at(chars, k), '-' | '+') {
        neg ^= at(chars, k) == '-';
        k += 1;
    }
    let (k, n) = small_int(chars, k)?;
    Some((k, if neg { -n } else { n }))
}

/// A run of digits as an exponent, saturating at ±400 (beyond f64 range anyway).
fn small_int(chars: &[char], mut k: usize) -> Option<(usize, i32)> {
    let s = k;
    let mut n: i32 = 0;
    while let Some(d) = arabic(at(chars, k)) {
        n = (n * 10 + i32::from(d)).min(400);
        k += 1;
    }
    (k > s).then_some((k, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(usize, f64)> {
        let c: Vec<char> = s.chars().collect();
        parse_arabic(&c, 0).map(|a| (a.end, a.val.f64()))
    }

    #[test]
    fn separators_need_groups_of_three() {
        assert_eq!(read("12,345,678人"), Some((10, 12345678.0)));
        assert_eq!(read("1,2345"), Some((1, 1.0)));
        // A leading zero leads no thousands group: 降至0,134个贫困村.
        assert_eq!(read("0,134"), Some((1, 0.0)));
        assert_eq!(read("1, 234"), Some((1, 1.0)));
        assert_eq!(read("１，２３４"), Some((5, 1234.0)));
    }

    #[test]
    fn decimals_exponents_and_suffixes() {
        assert_eq!(read("1471.5万"), Some((6, 1471.5)));
        assert_eq!(read(".5"), Some((2, 0.5)));
        assert_eq!(read("2e5"), Some((3, 200000.0)));
        assert_eq!(read("2^-1"), Some((4, 0.5)));
        assert_eq!(read("40k"), Some((3, 40000.0)));
        assert_eq!(read("5km"), Some((1, 5.0)));
        assert_eq!(read("2019.12.31"), Some((4, 2019.0)));
    }

    #[test]
    fn long_runs_do_not_overflow() {
        let s = "9".repeat(5000);
        assert_eq!(read(&s).map(|r| r.0), Some(5000));
        let s = format!("1e{}", "9".repeat(50));
        assert!(read(&s).is_some());
    }
}
