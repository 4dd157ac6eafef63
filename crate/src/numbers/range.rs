//! Joins two numbers into a range (3-10万, 9.2—9.3, 三至五, 10%-20%), marks numbers that
//! are parts of dates (2019年, 12月, 31日, 2019.12.31), and turns terms into matches.

use super::chars::{arabic, at, before, is_space};
use super::dec::Val;
use super::term::{parse_term, Kind, Parsed, Term};
use super::NumberMatch;

/// The match for the term `t`, joined with a following upper bound when one is written.
/// `date_until` carries a date chain (2019-12-31) over to the numbers after the year.
pub fn finish(chars: &[char], t: &Term, date_until: &mut usize) -> NumberMatch {
    let date = is_date(chars, t, date_until);
    match try_range(chars, t) {
        Some((lower, t2)) => {
            // 2016-2020年: the 年 after the upper end dates both years.
            let upper_date = is_date(chars, &t2, date_until);
            let mut m = to_match(chars, t, lower, upper_date && (date || is_year(t)));
            m.end = t2.end;
            m.upper = Some(t2.val.f64());
            m.percent |= t2.percent;
            m.chinese_numeral |= t2.chinese;
            let quals = [qualifier(chars, t), qualifier(chars, &t2)];
            m.qualifier = match quals {
                [Some(a), Some(b)] => Some(format!("{a} {b}")),
                [a, b] => a.or(b),
            };
            m
        }
        None => to_match(chars, t, t.val, date),
    }
}

fn to_match(chars: &[char], t: &Term, val: Val, date: bool) -> NumberMatch {
    NumberMatch {
        start: t.start,
        end: t.end,
        value: val.f64(),
        upper: None,
        percent: t.percent,
        qualifier: qualifier(chars, t),
        chinese_numeral: t.chinese,
        date,
    }
}

/// The qualifier words of a term as written, in text order, joined by spaces.
fn qualifier(chars: &[char], t: &Term) -> Option<String> {
    let spans = [
        (t.prefix_end > t.start).then_some((t.start, t.prefix_end)),
        t.approx_at.map(|p| (p, p + 1)),
        t.suffix,
    ];
    let mut out: Option<String> = None;
    for (s, e) in spans.into_iter().flatten() {
        let s_ref = out.get_or_insert_with(String::new);
        if !s_ref.is_empty() {
            s_ref.push(' ');
        }
        s_ref.extend(&chars[s.min(chars.len())..e.min(chars.len())]);
    }
    out
}

/// The connector between two range ends, and whether it is a hyphen (which also writes
/// dates, phone numbers and codes).
fn connector(chars: &[char], i: usize) -> Option<(usize, bool)> {
    match at(chars, i) {
        '-' => Some((i + 1, true)),
        '–' | '―' | '~' | '〜' | '至' | '到' => Some((i + 1, false)),
        '—' => Some((if at(chars, i + 1) == '—' { i + 2 } else { i + 1 }, false)),
        _ => None,
    }
}

/// The lower value (with the upper end's multiplier and percent applied when it has
/// none of its own) and the upper term, if `t1` starts a range.
fn try_range(chars: &[char], t1: &Term) -> Option<(Val, Term)> {
    if t1.suffix.is_some() || (t1.kind == Kind::Fraction && !t1.percent) {
        return None;
    }
    let r = t1.end + usize::from(is_space(at(chars, t1.end)));
    let (s, hyphen) = connector(chars, r)?;
    let s = s + usize::from(is_space(at(chars, s)));
    let Parsed::Term(t2) = parse_term(chars, s) else {
        return None;
    };
    if t2.prefix_end > t2.start || (t2.kind == Kind::Fraction && !t2.percent) {
        return None;
    }
    if t1.percent && !t2.percent {
        return None;
    }
    if hyphen {
        let chained_before = t1.start >= 2
            && before(chars, t1.start) == '-'
            && arabic(before(chars, t1.start - 1)).is_some();
        let chained_after = at(chars, t2.end) == '-' && arabic(at(chars, t2.end + 1)).is_some();
        let code = [t1, &t2].iter().any(|t| {
            t.atom.arabic.is_some_and(|a| a.leading_zero || (a.int_digits >= 7 && !a.grouped))
        });
        if chained_before || chained_after || code {
            return None;
        }
    }
    let hi = t2.val.f64();
    let mut lower = t1.val;
    if t2.percent && !t1.percent {
        lower = lower.scale(t2.pct_scale);
    }
    // 3-10万: the upper end's multiplier belongs to a lower end written without one.
    if !t1.atom.has_big && !t1.percent {
        let small = if t1.atom.has_unit { 0 } else { t2.atom.small_tail };
        let k = t2.atom.big_tail + small;
        let scaled = lower.scale(k);
        if k > 0 && scaled.f64() <= hi {
            lower = scaled;
        }
    }
    (lower.f64() <= hi).then_some((lower, t2))
}

/// Whether `t` is clearly a year, month or day.
fn is_date(chars: &[char], t: &Term, date_until: &mut usize) -> bool {
    if t.start < *date_until {
        return true;
    }
    let v = t.val.f64();
    if t.percent || t.kind == Kind::Fraction || v.fract() != 0.0 || v < 0.0 {
        return false;
    }
    let year = is_year(t);
    if year {
        if let Some(end) = date_chain(chars, t.end) {
            *date_until = end;
            return true;
        }
    }
    match at(chars, t.end) {
        '年' => year,
        '月' => (1.0..=12.0).contains(&v),
        '日' | '号' | '號' => (1.0..=31.0).contains(&v) && before(chars, t.start) == '月',
        _ => false,
    }
}

/// Four digits between 1900 and 2100.
fn is_year(t: &Term) -> bool {
    let four_digits = match t.kind {
        Kind::DigitString => t.end - t.start == 4,
        _ => t.atom.arabic.is_some_and(|a| a.integer && a.int_digits == 4),
    };
    four_digits && t.prefix_end == t.start && (1900.0..=2100.0).contains(&t.val.f64())
}

/// After a year, ".12.31", "-12-31" or "/12/31": the end of the day number.
fn date_chain(chars: &[char], i: usize) -> Option<usize> {
    let sep = at(chars, i);
    if !matches!(sep, '.' | '-' | '/') {
        return None;
    }
    let (j, month) = two_digits(chars, i + 1)?;
    if at(chars, j) != sep || !(1..=12).contains(&month) {
        return None;
    }
    let (k, day) = two_digits(chars, j + 1)?;
    (1..=31).contains(&day).then_some(k)
}

fn two_digits(chars: &[char], i: usize) -> Option<(usize, u32)> {
    let a = arabic(at(chars, i))?;
    match arabic(at(chars, i + 1)) {
        Some(b) if arabic(at(chars, i + 2)).is_none() => Some((i + 2, u32::from(a * 10 + b))),
        Some(_) => None,
        None => Some((i + 1, u32::from(a))),
    }
}
