//! One number expression built around a core: a sign, a qualifier before it (约, 超过),
//! fractions (五分之一, 百分之三十, 3/5, 一又二分之一), digit strings (二〇一九),
//! percent markers (%, ‰, 个百分点, 成, 折), the dozen 打, and bounds after it (以上, 左右).

use super::arabic::parse_arabic;
use super::atom::{parse_atom, Atom};
use super::chars::{
    arabic, at, before, cn, cn_digit, is_liang, is_space, is_zero, skip_gap, spaced_word_at,
    word_at, Cn,
};
use super::dec::{sat, Dec, Val};
use super::words::{
    cheng_is_word, da_is_word, idiom_at, lone_is_word, prefix_is_word, recent_span_after,
    shangxia_is_word, starts_prefix, zhe_is_word, PREFIX_QUALIFIERS,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Plain,
    Fraction,
    DigitString,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Term {
    pub start: usize,
    pub end: usize,
    pub val: Val,
    pub percent: bool,
    /// The power of ten the percent marker applied (成 → 1, ‰ → -1), for a range's lower end.
    pub pct_scale: i32,
    pub chinese: bool,
    /// End of the qualifier word before the number; equals `start` when there is none.
    pub prefix_end: usize,
    pub approx_at: Option<usize>,
    pub suffix: Option<(usize, usize)>,
    pub atom: Atom,
    pub kind: Kind,
}

// A Term is returned by value once per number; boxing it would allocate for each one.
#[allow(clippy::large_enum_variant)]
pub enum Parsed {
    Term(Term),
    /// Nothing here is a quantity; resume scanning at this index.
    Skip(usize),
    Nothing,
}

const PERCENT_WORDS: [[char; 4]; 2] = [['个', '百', '分', '点'], ['個', '百', '分', '點']];
const POINT_WORDS: [[char; 3]; 2] = [['百', '分', '点'], ['百', '分', '點']];
const SUFFIX_BOUNDS: [&str; 6] = ["以上", "左右", "上下", "以下", "以内", "以內"];

/// Reads the number expression starting at `i`.
pub fn parse_term(chars: &[char], i: usize) -> Parsed {
    if let Some(n) = idiom_at(chars, i) {
        return Parsed::Skip(i + n);
    }
    // H7N9, PM2.5, G20: digits glued to a Latin letter name things.
    if arabic(at(chars, i)).is_some() && before(chars, i).is_ascii_alphabetic() {
        let mut j = i;
        while arabic(at(chars, j)).is_some() || at(chars, j) == '.' {
            j += 1;
        }
        return Parsed::Skip(j);
    }
    let (mut prefix_end, word) = prefix(chars, i);
    let (neg, q) = sign(chars, prefix_end);
    let mut t = match half_forms(chars, q) {
        Some(t) => t,
        None => match core(chars, q, prefix_end > i) {
            Parsed::Term(t) => t,
            other => return other,
        },
    };
    if t.kind == Kind::Plain && !t.percent {
        dozen(chars, &mut t);
        percent_marker(chars, &mut t);
    }
    if !t.percent && word == Some("近") && recent_span_after(chars, t.end) {
        prefix_end = i;
        t.start = q;
    } else {
        t.start = i;
    }
    t.prefix_end = prefix_end;
    for w in SUFFIX_BOUNDS {
        if word_at(chars, t.end, w) && !(w == "上下" && shangxia_is_word(chars, t.end)) {
            t.suffix = Some((t.end, t.end + 2));
            t.end += 2;
            break;
        }
    }
    let lone = t.kind == Kind::Plain
        && !neg
        && t.start == q
        && t.end == q + 1
        && t.atom.chinese
        && !t.percent;
    if lone && lone_is_word(chars, q) {
        return Parsed::Skip(q + 1);
    }
    if neg {
        t.val = Val::F(-t.val.f64());
    }
    Parsed::Term(t)
}

fn term(a: Atom, kind: Kind) -> Term {
    Term {
        start: a.start,
        end: a.end,
        val: a.val,
        percent: false,
        pct_scale: 0,
        chinese: a.chinese,
        prefix_end: a.start,
        approx_at: a.approx_at,
        suffix: None,
        atom: a,
        kind,
    }
}

/// The core of the expression: a fraction, a digit string, or a plain number.
fn core(chars: &[char], q: usize, after_prefix: bool) -> Parsed {
    let Some(a) = parse_atom(chars, q, true) else {
        return Parsed::Nothing;
    };
    if a.cluster {
        return cluster(chars, q, &a);
    }
    if let Some(t) = fraction(chars, &a) {
        return Parsed::Term(t);
    }
    if a.bare {
        // A bare unit is a number only after a qualifier (近万, 超百万); otherwise it is a
        // word (千家万户), skipped whole so that a long run is not re-read from every char.
        return if after_prefix { Parsed::Term(term(a, Kind::Plain)) } else { Parsed::Skip(a.end) };
    }
    if let Some(t) = mixed(chars, &a).or_else(|| slash(chars, &a)) {
        return Parsed::Term(t);
    }
    Parsed::Term(term(a, Kind::Plain))
}

/// "X分之Y": Y/X; with a bare denominator (百分之, 千分之, 万分之) a percentage.
fn fraction(chars: &[char], a: &Atom) -> Option<Term> {
    let r = skip_gap(chars, a.end);
    if at(chars, r) != '分' {
        return None;
    }
    let r = skip_gap(chars, r + 1);
    if at(chars, r) != '之' {
        return None;
    }
    let (neg, s) = sign(chars, skip_gap(chars, r + 1));
    let b = parse_atom(chars, s, a.bare)?;
    let den = a.val.f64();
    if b.cluster || (b.bare && !a.bare) || den == 0.0 {
        return None;
    }
    let mut t = term(b, Kind::Fraction);
    t.start = a.start;
    if a.bare {
        // 百分之Y is Y percent exactly; 千分之Y is Y/10 percent.
        let k = den.log10().round() as i32;
        t.val = if 10f64.powi(k) == den {
            b.val.scale(2 - k)
        } else {
            Val::F(sat(b.val.f64() * 100.0 / den))
        };
        t.percent = true;
    } else {
        t.val = Val::F(sat(b.val.f64() / den));
        t.chinese |= a.chinese;
    }
    if neg {
        t.val = Val::F(-t.val.f64());
    }
    Some(t)
}

/// "A又B分之C": A + C/B.
fn mixed(chars: &[char], a: &Atom) -> Option<Term> {
    let r = skip_gap(chars, a.end);
    if at(chars, r) != '又' {
        return None;
    }
    let d = parse_atom(chars, skip_gap(chars, r + 1), false)?;
    let f = fraction(chars, &d).filter(|f| !f.percent && !d.cluster)?;
    let mut t = f;
    t.start = a.start;
    t.val = Val::F(sat(a.val.f64() + f.val.f64()));
    t.chinese |= a.chinese;
    Some(t)
}

/// "3/5", "1 3/5": Arabic integers around a slash, unless it is a date chain (2019/12/31).
fn slash(chars: &[char], a: &Atom) -> Option<Term> {
    let x = a.arabic.filter(|x| x.integer)?;
    let int = |k: usize| parse_arabic(chars, k).filter(|n| n.integer);
    let chained = |end: usize| at(chars, end) == '/' && arabic(at(chars, end + 1)).is_some();
    if before(chars, x.start) == '/' {
        return None;
    }
    let (whole, num) =
        if is_space(at(chars, x.end)) { (Some(x), int(x.end + 1)?) } else { (None, x) };
    if at(chars, num.end) != '/' {
        return None;
    }
    let den = int(num.end + 1)?;
    let d = den.val.f64();
    if d == 0.0 || chained(den.end) {
        return None;
    }
    let mut t = term(*a, Kind::Fraction);
    t.end = den.end;
    let frac = num.val.f64() / d;
    t.val = Val::F(sat(whole.map_or(0.0, |w| w.val.f64()) + frac));
    Some(t)
}

/// Chinese digits written side by side: a digit string (二〇一九), a discount (三八折),
/// or an approximation or name (三五个, 二三十, 十三五) that is skipped whole.
fn cluster(chars: &[char], q: usize, a: &Atom) -> Parsed {
    if let Some(t) = pair_zhe(chars, a) {
        return Parsed::Term(t);
    }
    let mut j = q;
    let mut m = Dec::ZERO;
    let mut zero = false;
    let mut liang = false;
    while let Some(d) = cn_digit(at(chars, j)) {
        zero |= is_zero(at(chars, j));
        liang |= is_liang(at(chars, j));
        m.push_digit(d, true);
        j += 1;
    }
    let len = j - q;
    let unit_after = matches!(cn(at(chars, j)), Some(Cn::Small(_) | Cn::Big(_) | Cn::Point));
    if !liang && !unit_after && (len >= 3 || (len == 2 && zero)) {
        let mut t = term(*a, Kind::DigitString);
        t.end = j;
        t.val = Val::D(m);
        return Parsed::Term(t);
    }
    let mut k = q;
    while matches!(cn(at(chars, k)), Some(Cn::Digit(_) | Cn::Small(_) | Cn::Big(_) | Cn::Ji)) {
        k += 1;
    }
    Parsed::Skip(k.max(q + 1))
}

/// Two single digits then 折: "三八折", "九 九 折", "7 2 折" (38%, 99%, 72%).
fn pair_zhe(chars: &[char], a: &Atom) -> Option<Term> {
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
fn half_forms(chars: &[char], i: usize) -> Option<Term> {
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
fn dozen(chars: &[char], t: &mut Term) {
    if t.atom.chinese && at(chars, t.end) == '打' && !da_is_word(chars, t.end) {
        t.val = t.val.times(12);
        t.end += 1;
    }
}

fn percent_marker(chars: &[char], t: &mut Term) {
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
        '‰' => (r + 1, -1),
        '成' => match cheng(chars, t, r) {
            Some(end) => (end, 1),
            None => return,
        },
        '折' => match zhe(chars, t, r) {
            Some(scale) => (r + 1, scale),
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
    if scale != 0 && !matches!(at(chars, r), '成') {
        t.val = t.val.scale(scale);
    }
    t.end = end;
    t.percent = true;
    t.pct_scale = scale;
}

/// 三成 (30%), 七成 六 (76%), 三成半 (35%); returns the end of the expression.
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

/// A qualifier word before the number, unless it belongs to another word (节约, 附近).
fn prefix(chars: &[char], i: usize) -> (usize, Option<&'static str>) {
    if !starts_prefix(at(chars, i)) {
        return (i, None);
    }
    for &w in PREFIX_QUALIFIERS {
        if word_at(chars, i, w) && !prefix_is_word(chars, i, w) {
            return (i + w.chars().count(), Some(w));
        }
    }
    (i, None)
}

/// A minus sign or 负 before a number. A hyphen after a digit, letter or another hyphen
/// is a range, a code or a chain, never a sign.
fn sign(chars: &[char], p: usize) -> (bool, usize) {
    let next = at(chars, p + 1);
    let starts = arabic(next).is_some() || (next == '.' && arabic(at(chars, p + 2)).is_some());
    match at(chars, p) {
        '-' => {
            let prev = before(chars, p);
            let free = !(prev.is_ascii_alphanumeric() || matches!(prev, '-' | '.' | '_' | '/'));
            (free && starts, if free && starts { p + 1 } else { p })
        }
        '负' | '負' if starts || matches!(cn(next), Some(Cn::Digit(_) | Cn::Small(1))) => {
            (true, p + 1)
        }
        _ => (false, p),
    }
}
