//! Percent markers after a number (%, ‰, 个百分点, 成, 折), the word forms 一半, 半成, 打对折,
//! and the dozen 打.

use super::atom::Atom;
use super::chars::{arabic, at, before, cn, cn_digit, is_liang, skip_gap, spaced_word_at};
use super::dec::{Dec, Val};
use super::term::{term, Kind, Term};
use super::words::{cheng_is_word, da_is_word, zhe_is_word};

const PERCENT_WORDS: [[char; 4]; 2] = [['个', '百', '分', '点'], ['個', '百', '分', '點']];
const POINT_WORDS: [[char; 3]; 2] = [['百', '分', '点'], ['百', '分', '點']];

/// Two single digits then 折: "三八折", "九 九 折", "7 2 折" (38%, 99%, 72%).
pub fn pair_zhe(chars: &[char], a: &Atom) -> Option<Term> {
    let x = a.single_digit?;
    let r = skip_gap(chars, a.end);
    let c = at(chars, r);
    let y = match a.arabic {
        Some(_) => arabic(c).filter(|_| arabic(at(chars, r + 1)).is_none())?,
        None => cn_digit(c).filter(|_| !is_liang(c))?,
    };
    let z = skip_gap(chars, r + 1);
    if x == 0 || at(chars, z) != '折' || zhe_is_word(chars, z) {
        return None;
    }
    let mut t = term(*a, Kind::Plain);
    t.end = z + 1;
    t.val = Val::D(Dec::int(u64::from(x * 10 + y)));
    t.percent = true;
    Some(t)
}

/// 打对折 (50%), 半成 (5%), 半折 (50%), 一半 (50%).
pub fn half_forms(chars: &[char], i: usize) -> Option<Term> {
    let c = at(chars, i);
    let next = at(chars, i + 1);
    let (val, scale) = match (c, next) {
        ('对' | '對', '折') if before(chars, i) == '打' => (50, 0),
        ('半', '成') if !cheng_is_word(chars, i + 1) => (5, 1),
        ('半', '折') if !zhe_is_word(chars, i + 1) => (50, 0),
        ('一' | '壹', '半') => (50, 0),
        _ => return None,
    };
    let mut t = term(Atom::blank(i), Kind::Plain);
    t.end = i + 2;
    t.chinese = true;
    t.val = Val::D(Dec::int(val));
    t.percent = true;
    t.pct_scale = scale;
    Some(t)
}

/// 五十打: dozens, for Chinese numerals not followed by a verb (打造, 打赢).
pub fn dozen(chars: &[char], t: &mut Term) {
    if t.atom.chinese && at(chars, t.end) == '打' && !da_is_word(chars, t.end) {
        t.val = t.val.times(12);
        t.end += 1;
    }
}

/// Turns `t` into a percentage when a marker follows it: %, ‰, 个百分点, 成, 折.
pub fn percent_marker(chars: &[char], t: &mut Term) {
    if t.atom.bare {
        return;
    }
    if let Some(p) = pair_zhe(chars, &t.atom) {
        *t = p;
        return;
    }
    let r = skip_gap(chars, t.end);
    let (end, scale) = match at(chars, r) {
        '%' => (r + 1, 0),
        '‰' => {
            t.val = t.val.scale(-1);
            (r + 1, -1)
        }
        '成' => match cheng(chars, t, r) {
            Some(end) => (end, 1),
            None => return,
        },
        '折' => match zhe(chars, t, r) {
            Some(scale) => {
                t.val = t.val.scale(scale);
                (r + 1, scale)
            }
            None => return,
        },
        _ => {
            let words =
                PERCENT_WORDS.iter().map(|w| &w[..]).chain(POINT_WORDS.iter().map(|w| &w[..]));
            match words.filter_map(|w| spaced_word_at(chars, r, w)).next() {
                Some(end) => (end, 0),
                None => return,
            }
        }
    };
    t.end = end;
    t.percent = true;
    t.pct_scale = scale;
}

/// 三成 (30%), 七成 六 (76%), 三成半 (35%): sets the value and returns the end.
fn cheng(chars: &[char], t: &mut Term, r: usize) -> Option<usize> {
    let v = t.val.f64();
    if cheng_is_word(chars, r)
        || !(0.0..=10.0).contains(&v)
        || t.atom.has_big
        || t.approx_at.is_some()
    {
        return None;
    }
    let mut val = t.val.scale(1);
    let mut end = r + 1;
    if v.fract() == 0.0 && v < 10.0 {
        let k = skip_gap(chars, r + 1);
        let c = at(chars, k);
        let extra = match cn_digit(c) {
            Some(d) if d > 0 && !is_liang(c) => Some(d),
            _ if c == '半' => Some(5),
            _ => None,
        };
        let continues = cn(at(chars, k + 1)).is_some() || arabic(at(chars, k + 1)).is_some();
        if let Some(d) = extra.filter(|_| !continues) {
            val = val.add(Val::D(Dec::int(d.into())));
            end = k + 1;
        }
    }
    t.val = val;
    Some(end)
}

/// 九折 (90%), 75折, 9.9折, 三点一折; returns the power of ten applied.
fn zhe(chars: &[char], t: &Term, r: usize) -> Option<i32> {
    let v = t.val.f64();
    if zhe_is_word(chars, r) || v <= 0.0 || t.approx_at.is_some() {
        return None;
    }
    match t.atom.arabic {
        Some(x) if x.integer && x.int_digits == 2 && v % 10.0 != 0.0 => Some(0),
        Some(_) if v < 10.0 => Some(1),
        None if t.atom.chinese && !t.atom.has_unit && v < 10.0 => Some(1),
        _ => None,
    }
}
