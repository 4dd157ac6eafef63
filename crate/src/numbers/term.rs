//! One number expression built around a core: a sign, a qualifier before it (约, 超过), the
//! core itself (a plain number, a fraction from [`super::fraction`], a digit string), percent
//! markers and the dozen from [`super::percent`], and bounds after it (以上, 左右). Lone
//! numerals that are parts of words are turned away here.

use super::atom::{parse_atom, Atom};
use super::chars::{arabic, at, before, cn, word_at, Cn};
use super::dec::Val;
use super::fraction::{cluster, fraction, mixed, slash};
use super::percent::{dozen, half_forms, percent_marker};
use super::words::{
    idiom_at, lone_is_word, prefix_is_word, recent_span_after, shangxia_is_word, starts_prefix,
    PREFIX_QUALIFIERS,
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
        prefix_end = q;
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

/// A term that is just the atom `a`, no marker or qualifier word around it yet.
pub fn term(a: Atom, kind: Kind) -> Term {
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
pub fn sign(chars: &[char], p: usize) -> (bool, usize) {
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
