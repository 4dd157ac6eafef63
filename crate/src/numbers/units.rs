//! Units inside a numeral: 十/百/千 within a section, 万/亿/兆 over sections (with 万亿
//! and 万万), 点 decimals, and the measure words that keep their unit (千瓦, 兆瓦, 百分点).

use super::atom::{Prev, Step, P, ZERO};
use super::chars::{at, cn, cn_digit, is_letter, is_liang, skip_gap, Cn};
use super::dec::{Dec, Val};

impl P<'_> {
    pub(super) fn small(&mut self, q: usize, u: u8, bare_ok: bool) -> Step {
        if unit_blocked(self.chars, q, u) {
            return Step::Stop;
        }
        let lead = match self.prev {
            Prev::Start if u == 1 => Val::D(Dec::int(1)),
            Prev::Start => {
                // 百三, 千三 are colloquial 130, 1300; a bare 百 or 千 is a word (百姓, 千万).
                let colloquial = cn_digit(at(self.chars, q + 1)).is_some_and(|d| d > 0);
                if !colloquial {
                    if !bare_ok {
                        return Step::Fail;
                    }
                    self.a.bare = true;
                }
                Val::D(Dec::int(1))
            }
            Prev::Zero if u == 1 => Val::D(Dec::int(1)),
            Prev::Digit | Prev::Ji if u < self.small_floor => self.pending.unwrap_or(ZERO),
            Prev::Arabic if u >= 2 && u < self.small_floor => self.pending.unwrap_or(ZERO),
            _ => return Step::Stop,
        };
        if self.prev != Prev::Arabic {
            self.a.chinese = true;
        }
        self.a.small_tail =
            if self.numbers == 1 && self.section == ZERO && u >= 2 { u.into() } else { 0 };
        self.section = self.section.add(lead.scale(u.into()));
        self.pending = None;
        self.small_floor = u;
        self.prev = Prev::Small(u);
        self.zero_gap = false;
        self.a.has_unit = true;
        self.a.big_tail = 0;
        self.end = q + 1;
        Step::Go
    }

    pub(super) fn big(&mut self, q: usize, e: u8, bare_ok: bool) -> Step {
        if unit_blocked(self.chars, q, e) {
            return Step::Stop;
        }
        let cur = match self.prev {
            Prev::Start if bare_ok => {
                self.a.bare = true;
                self.a.chinese = true;
                Val::D(Dec::int(1))
            }
            // A big unit with nothing before it is a word (万一); after 零 it ends the number.
            Prev::Start => return Step::Fail,
            Prev::Zero => return Step::Stop,
            Prev::Big(e0) if e < e0 => return Step::Stop,
            // 3万3万 is two numbers: a section may not end in the big unit that ended
            // the section before it (but 四亿…万 and 一万五千亿 are fine).
            Prev::Digit | Prev::Arabic | Prev::Small(_) | Prev::Ji | Prev::Approx
                if e == self.last_big =>
            {
                return Step::Stop
            }
            // The digit before a big unit is its section's ones: 五兆六十二亿四万 reads 四 as 4.
            _ => self.section.add(self.pending.unwrap_or(ZERO)),
        };
        let [wan, yi, zhao] = self.parts;
        self.parts = match e {
            4 => [cur.add(wan).scale(4), yi, zhao],
            8 => [ZERO, cur.add(wan).add(yi).scale(8), zhao],
            _ => [ZERO, ZERO, cur.add(wan).add(yi).add(zhao).scale(12)],
        };
        self.a.big_tail =
            if matches!(self.prev, Prev::Big(_)) { self.a.big_tail } else { 0 } + i32::from(e);
        self.section = ZERO;
        self.pending = None;
        self.small_floor = 4;
        self.prev = Prev::Big(e);
        self.last_big = e;
        self.zero_gap = false;
        self.a.has_unit = true;
        self.a.has_big = true;
        self.end = q + 1;
        Step::Go
    }

    pub(super) fn point(&mut self, q: usize) -> Step {
        if !matches!(self.prev, Prev::Digit | Prev::Zero | Prev::Small(_) | Prev::Big(_)) {
            return Step::Stop;
        }
        let mut frac = Dec::ZERO;
        let mut j = q + 1;
        let mut n = 0;
        loop {
            let k = skip_gap(self.chars, j);
            let c = at(self.chars, k);
            match cn_digit(c) {
                Some(d) if !is_liang(c) => {
                    frac.push_digit(d, false);
                    n += 1;
                    j = k + 1;
                }
                _ => break,
            }
        }
        if n == 0 {
            return Step::Stop;
        }
        let mut val = self.total().add(Val::D(frac));
        // 三点五万: a decimal may still take big units when none came before it.
        if !self.a.has_big {
            loop {
                let k = skip_gap(self.chars, j);
                match cn(at(self.chars, k)) {
                    Some(Cn::Big(e)) if !unit_blocked(self.chars, k, e) => {
                        val = val.scale(e.into());
                        self.a.big_tail += i32::from(e);
                        self.a.has_big = true;
                        self.a.has_unit = true;
                        j = k + 1;
                    }
                    _ => break,
                }
            }
        }
        if self.a.has_big && cn(at(self.chars, j)) == Some(Cn::Approx) {
            self.a.approx_at = Some(j);
            j += 1;
        }
        self.a.chinese = true;
        self.a.fractional = true;
        self.done = Some(val);
        self.end = j;
        Step::Done
    }
}

/// Units that belong to a following measure word: 千瓦, 千米, 千克 (kW, km, kg), 兆瓦
/// (MW), and 百 of 百分点. Those stay with the unit for the extractor to read.
pub(super) fn unit_blocked(chars: &[char], q: usize, exp: u8) -> bool {
    let next = at(chars, q + 1);
    match exp {
        2 => next == '分' && matches!(at(chars, skip_gap(chars, q + 2)), '点' | '點'),
        3 => matches!(next, '瓦' | '米' | '克' | '伏' | '帕' | '焦' | '卡' | '赫' | '兆'),
        12 => {
            matches!(next, '瓦' | '帕' | '赫' | '字' | '比' | '焦' | '欧' | '伏' | '位')
                || is_letter(next)
        }
        _ => false,
    }
}
