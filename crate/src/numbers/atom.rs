//! The number core: one run of Arabic numbers and Chinese numerals joined by units, resolved
//! to a value: 三千二百一十五, 22.7万, 1亿2千万, 5万4千6百, 一百零几万, 十多万, 两千三点一.
//!
//! Values are built section by section the way they are read aloud: 十/百/千 multiply the
//! digit before them inside a section; 万/亿/兆 multiply everything since the last larger
//! big unit, which also covers 万亿 and 万万. A digit straight after a unit is read
//! colloquially (四百五 = 450, 一万三 = 13000) unless 零 came between. This file holds the
//! token loop, digits, 几, 多/余 and Arabic numbers; [`super::units`] the unit tokens.

use super::arabic::{parse_arabic, Arabic};
use super::chars::{arabic, at, cn, cn_digit, is_zero, skip_gap, Cn};
use super::dec::{Dec, Val};
use super::units::unit_blocked;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Atom {
    pub start: usize,
    pub end: usize,
    pub val: Val,
    /// Written (at least partly) in Chinese numerals; 万/亿/千/百 after Arabic digits aside.
    pub chinese: bool,
    /// Began with a unit and no digit (百 of 百分之, 万 of 近万).
    pub bare: bool,
    /// Some unit (十 百 千 万 亿 兆) was applied.
    pub has_unit: bool,
    /// Some big unit (万 亿 兆) was applied.
    pub has_big: bool,
    /// Exponent of the big units that end a single-number atom (10万 → 4, 4.78万亿 → 12).
    pub big_tail: i32,
    /// Exponent of 百/千 between that single number and its big tail (5千万 → 3).
    pub small_tail: i32,
    /// The atom is exactly this one Arabic number.
    pub arabic: Option<Arabic>,
    /// The atom is one digit character, Arabic or Chinese.
    pub single_digit: Option<u8>,
    /// Stopped because a Chinese digit directly followed a digit: 三五, 十三五, 二〇一九.
    pub cluster: bool,
    /// Position of 多/余/几 read inside or right after the number.
    pub approx_at: Option<usize>,
    /// Ends in a decimal part or was never integral.
    pub fractional: bool,
}

impl Atom {
    /// An empty atom at `i`, for expressions that have no numeral core (半成, 打对折).
    pub fn blank(i: usize) -> Atom {
        Atom {
            start: i,
            end: i,
            val: ZERO,
            chinese: false,
            bare: false,
            has_unit: false,
            has_big: false,
            big_tail: 0,
            small_tail: 0,
            arabic: None,
            single_digit: None,
            cluster: false,
            approx_at: None,
            fractional: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Prev {
    Start,
    Digit,
    Zero,
    Small(u8),
    Big(u8),
    Arabic,
    Ji,
    Approx,
}

pub(super) enum Step {
    Go,
    Stop,
    Done,
    Fail,
}

pub(super) struct P<'a> {
    pub(super) chars: &'a [char],
    pub(super) start: usize,
    pub(super) end: usize,
    /// Parts already multiplied by 万, 亿 and 兆.
    pub(super) parts: [Val; 3],
    pub(super) section: Val,
    pub(super) pending: Option<Val>,
    pub(super) pending_cn: bool,
    pub(super) unit_before: u8,
    pub(super) zero_gap: bool,
    pub(super) small_floor: u8,
    /// The last big unit applied; the next section may not end in the same one.
    pub(super) last_big: u8,
    pub(super) prev: Prev,
    pub(super) numbers: usize,
    pub(super) done: Option<Val>,
    pub(super) a: Atom,
}

pub(super) const ZERO: Val = Val::D(Dec::ZERO);

/// Reads the number core at `i`. `bare_ok` lets it begin with a unit and no digit
/// (denominators like 百分之, 万分之; "近万").
pub fn parse_atom(chars: &[char], i: usize, bare_ok: bool) -> Option<Atom> {
    let mut p = P {
        chars,
        start: i,
        end: i,
        parts: [ZERO; 3],
        section: ZERO,
        pending: None,
        pending_cn: false,
        unit_before: 0,
        zero_gap: false,
        small_floor: 4,
        last_big: 0,
        prev: Prev::Start,
        numbers: 0,
        done: None,
        a: Atom::blank(i),
    };
    // 半百 is fifty.
    if at(chars, i) == '半' && cn(at(chars, i + 1)) == Some(Cn::Small(2)) {
        p.a.end = i + 2;
        p.a.val = Val::D(Dec::int(50));
        p.a.chinese = true;
        p.a.has_unit = true;
        return Some(p.a);
    }
    loop {
        let q = if p.prev == Prev::Start { i } else { skip_gap(chars, p.end) };
        let spaced = q > p.end;
        let c = at(chars, q);
        let step = if arabic(c).is_some() || (c == '.' && p.prev == Prev::Start) {
            p.arabic(q, spaced)
        } else {
            match cn(c) {
                Some(Cn::Digit(d)) => p.digit(q, d, c, spaced),
                Some(Cn::Small(u)) => p.small(q, u, bare_ok),
                Some(Cn::Big(e)) => p.big(q, e, bare_ok),
                Some(Cn::Point) => p.point(q),
                Some(Cn::Ji) => p.ji(q),
                Some(Cn::Approx) => p.approx(q, spaced),
                None => Step::Stop,
            }
        };
        match step {
            Step::Go => {}
            Step::Stop | Step::Done => break,
            Step::Fail => return None,
        }
    }
    p.finish()
}

impl P<'_> {
    fn digit(&mut self, q: usize, d: u8, c: char, spaced: bool) -> Step {
        match self.prev {
            Prev::Start => {
                self.pending = Some(Val::D(Dec::int(d.into())));
                self.prev = if is_zero(c) { Prev::Zero } else { Prev::Digit };
            }
            Prev::Digit | Prev::Ji => {
                self.a.cluster = !spaced;
                return Step::Stop;
            }
            Prev::Zero if is_zero(c) => {}
            Prev::Zero | Prev::Small(_) | Prev::Big(_) => {
                if is_zero(c) {
                    self.prev = Prev::Zero;
                    self.zero_gap = true;
                } else {
                    self.unit_before = match self.prev {
                        Prev::Small(u) | Prev::Big(u) => u,
                        _ => 0,
                    };
                    self.zero_gap = self.prev == Prev::Zero;
                    self.pending = Some(Val::D(Dec::int(d.into())));
                    self.prev = Prev::Digit;
                }
            }
            Prev::Arabic | Prev::Approx => return Step::Stop,
        }
        self.pending_cn = true;
        self.numbers += 1;
        self.a.chinese = true;
        self.a.big_tail = 0;
        self.end = q + 1;
        Step::Go
    }

    fn ji(&mut self, q: usize) -> Step {
        if !matches!(self.prev, Prev::Small(_) | Prev::Zero) || self.a.approx_at.is_some() {
            return Step::Stop;
        }
        self.pending = Some(ZERO);
        self.pending_cn = false;
        self.prev = Prev::Ji;
        self.a.approx_at = Some(q);
        self.a.big_tail = 0;
        self.end = q + 1;
        Step::Go
    }

    fn approx(&mut self, q: usize, spaced: bool) -> Step {
        if !matches!(self.prev, Prev::Small(_) | Prev::Big(_) | Prev::Arabic)
            || self.a.approx_at.is_some()
        {
            return Step::Stop;
        }
        let r = skip_gap(self.chars, q + 1);
        let inside =
            matches!(cn(at(self.chars, r)), Some(Cn::Big(e)) if !unit_blocked(self.chars, r, e));
        if !inside && spaced {
            return Step::Stop;
        }
        self.a.approx_at = Some(q);
        self.end = q + 1;
        if inside {
            // 十多万, 500余万: the big unit multiplies what came before 多.
            if self.prev != Prev::Arabic {
                self.prev = Prev::Approx;
            }
            Step::Go
        } else {
            Step::Done
        }
    }

    fn arabic(&mut self, q: usize, spaced: bool) -> Step {
        let Some(a) = parse_arabic(self.chars, q) else {
            return if self.prev == Prev::Start { Step::Fail } else { Step::Stop };
        };
        match self.prev {
            Prev::Start => self.a.arabic = Some(a),
            Prev::Zero if !spaced && a.integer => {}
            Prev::Small(_) | Prev::Big(_) if a.integer => {
                // After a unit an Arabic number continues only into a smaller unit
                // (25万6千), a big unit (1亿2000万), or as the four digits under 万 (3万4000).
                let r = skip_gap(self.chars, a.end);
                let ok = match cn(at(self.chars, r)) {
                    Some(Cn::Small(u)) => u >= 2 && u < self.small_floor,
                    Some(Cn::Big(e)) => e != self.last_big,
                    _ => {
                        self.prev == Prev::Big(4)
                            && !spaced
                            && a.int_digits == 4
                            && !a.grouped
                            && !date_like(at(self.chars, a.end))
                    }
                };
                if !ok {
                    return Step::Stop;
                }
            }
            _ => return Step::Stop,
        }
        if self.prev != Prev::Start {
            self.a.arabic = None;
        }
        self.a.fractional |= !a.integer;
        self.pending = Some(a.val);
        self.pending_cn = false;
        self.prev = Prev::Arabic;
        self.numbers += 1;
        self.a.big_tail = 0;
        self.end = a.end;
        Step::Go
    }

    /// The pending digit's value: 四百五 reads 五 as 50, 一万三 reads 三 as 3000.
    pub(super) fn pending_value(&self) -> Val {
        match self.pending {
            None => ZERO,
            Some(v) if self.pending_cn && !self.zero_gap && self.unit_before >= 2 => {
                v.scale(i32::from(self.unit_before) - 1)
            }
            Some(v) => v,
        }
    }

    pub(super) fn total(&self) -> Val {
        let [wan, yi, zhao] = self.parts;
        zhao.add(yi).add(wan).add(self.section).add(self.pending_value())
    }

    fn finish(mut self) -> Option<Atom> {
        if self.prev == Prev::Start {
            return None;
        }
        self.a.val = match self.done {
            Some(v) => v,
            None => self.total(),
        };
        self.a.end = self.end;
        if self.numbers > 1 {
            self.a.small_tail = 0;
            self.a.big_tail = 0;
        }
        if self.a.arabic.is_some() && (self.a.has_unit || self.a.approx_at.is_some()) {
            self.a.arabic = None;
        }
        if self.end == self.start + 1 {
            let c = at(self.chars, self.start);
            self.a.single_digit = cn_digit(c).or(arabic(c));
        }
        Some(self.a)
    }
}

/// Chars after which an Arabic number under 万 is a date, not its last four digits.
fn date_like(c: char) -> bool {
    matches!(c, '年' | '月' | '日' | '号' | '.' | '-' | '/' | ':') || arabic(c).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn val(s: &str) -> Option<(usize, f64)> {
        let c: Vec<char> = s.chars().collect();
        parse_atom(&c, 0, false).map(|a| (a.end, a.val.f64()))
    }

    #[test]
    fn sections_and_big_units() {
        assert_eq!(val("四亿五千六百四十二万零一十五"), Some((14, 456420015.0)));
        assert_eq!(val("二十一万亿"), Some((5, 21e12)));
        assert_eq!(val("四万万"), Some((3, 4e8)));
        assert_eq!(val("一万五千亿"), Some((5, 1.5e12)));
        assert_eq!(val("1亿2千万"), Some((5, 1.2e8)));
    }

    #[test]
    fn colloquial_tails() {
        assert_eq!(val("两千四百五"), Some((5, 2450.0)));
        assert_eq!(val("一万三"), Some((3, 13000.0)));
        assert_eq!(val("一千零五"), Some((4, 1005.0)));
        assert_eq!(val("两千三点一"), Some((5, 2300.1)));
    }

    #[test]
    fn mixed_with_arabic() {
        assert_eq!(val("22.7万人"), Some((5, 227000.0)));
        assert_eq!(val("3万4000"), Some((6, 34000.0)));
        assert_eq!(val("3万2019年"), Some((2, 30000.0)));
        assert_eq!(val("2千零30万"), Some((6, 20300000.0)));
        assert_eq!(val("50千克"), Some((2, 50.0)));
        assert_eq!(val("3万3万"), Some((2, 30000.0)));
    }

    #[test]
    fn bare_units_need_permission() {
        assert_eq!(val("千家万户"), None);
        assert_eq!(val("万"), None);
        assert_eq!(val("千三"), Some((2, 1300.0)));
        let c: Vec<char> = "百万分之五".chars().collect();
        assert_eq!(
            parse_atom(&c, 0, true).map(|a| (a.end, a.val.f64(), a.bare)),
            Some((2, 1e6, true))
        );
    }
}
