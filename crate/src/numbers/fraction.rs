//! Fractions (五分之一, 百分之三十, 3/5, 一又二分之一) and runs of Chinese digits written side
//! by side (二〇一九, 三八折, 三五个).

use super::arabic::parse_arabic;
use super::atom::{parse_atom, Atom};
use super::chars::{arabic, at, before, cn, cn_digit, is_liang, is_space, is_zero, skip_gap, Cn};
use super::dec::{sat, Dec, Val};
use super::percent::pair_zhe;
use super::term::{sign, term, Kind, Parsed, Term};

/// "X分之Y": Y/X; with a bare denominator (百分之, 千分之, 万分之) a percentage.
pub fn fraction(chars: &[char], a: &Atom) -> Option<Term> {
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
pub fn mixed(chars: &[char], a: &Atom) -> Option<Term> {
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
pub fn slash(chars: &[char], a: &Atom) -> Option<Term> {
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
pub fn cluster(chars: &[char], q: usize, a: &Atom) -> Parsed {
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
