//! Exact decimal arithmetic for the few operations numbers need (add, scale by powers of
//! ten, small multiples), so that 22.7万 comes out as exactly 227000 and 0.4 as the f64
//! nearest to 0.4 — the same as parsing the written digits.

use std::fmt::Write;

/// `m × 10^e`. Arithmetic saturates or drops low digits instead of overflowing; 17
/// significant digits are kept, as many as an f64 can tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Dec {
    pub m: u64,
    pub e: i32,
}

/// Mantissas stay below this, so one more digit or a ×12 never overflows.
const MANT_CAP: u64 = 10u64.pow(17);

fn pow10(k: u32) -> Option<u64> {
    10u64.checked_pow(k)
}

/// Powers of ten that an f64 holds exactly.
const EXACT_POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

impl Dec {
    pub const ZERO: Dec = Dec { m: 0, e: 0 };

    pub fn int(v: u64) -> Dec {
        Dec { m: v, e: 0 }
    }

    pub fn is_zero(self) -> bool {
        self.m == 0
    }

    /// Appends a digit to the mantissa (reading digits left to right); past 36 digits the
    /// digit is dropped and, for integer digits, the exponent grows instead.
    pub fn push_digit(&mut self, d: u8, integer: bool) {
        if self.m < MANT_CAP {
            self.m = self.m * 10 + u64::from(d);
            if !integer {
                self.e = self.e.saturating_sub(1);
            }
        } else if integer {
            self.e = self.e.saturating_add(1);
        }
    }

    pub fn scale(self, k: i32) -> Dec {
        Dec { m: self.m, e: self.e.saturating_add(k) }
    }

    pub fn times(self, k: u32) -> Dec {
        match self.m.checked_mul(u64::from(k)) {
            Some(m) => Dec { m, e: self.e },
            None => {
                Dec { m: (self.m / 10).saturating_mul(u64::from(k)), e: self.e.saturating_add(1) }
            }
        }
    }

    pub fn add(self, o: Dec) -> Dec {
        if self.is_zero() {
            return o;
        }
        if o.is_zero() {
            return self;
        }
        // Bring the one with the larger exponent down to the smaller exponent; when that
        // overflows, cut digits off the other one instead.
        let (hi, lo) = if self.e >= o.e { (self, o) } else { (o, self) };
        let diff = hi.e.saturating_sub(lo.e) as u32;
        if let Some(m) = pow10(diff).and_then(|p| hi.m.checked_mul(p)) {
            if let Some(sum) = m.checked_add(lo.m) {
                return Dec { m: sum, e: lo.e };
            }
        }
        let cut = pow10(diff).map_or(0, |p| lo.m / p);
        Dec { m: hi.m.saturating_add(cut), e: hi.e }
    }

    /// The nearest f64, correctly rounded: exact arithmetic when the mantissa and the power
    /// of ten are both exact in an f64 (one rounding step), else the standard decimal parser.
    /// Infinities saturate to f64::MAX.
    pub fn to_f64(self) -> f64 {
        if self.m < (1 << 53) && self.e.unsigned_abs() < 23 {
            let p = EXACT_POW10[self.e.unsigned_abs() as usize];
            let m = self.m as f64;
            return if self.e >= 0 { m * p } else { m / p };
        }
        let mut buf = Buf::default();
        if write!(buf, "{}e{}", self.m, self.e).is_err() {
            return f64::MAX;
        }
        let v = buf.as_str().parse::<f64>().unwrap_or(f64::MAX);
        if v.is_finite() {
            v
        } else {
            f64::MAX
        }
    }
}

/// A fixed stack buffer for formatting, so converting a number never allocates.
struct Buf {
    b: [u8; 64],
    n: usize,
}

impl Default for Buf {
    fn default() -> Self {
        Buf { b: [0; 64], n: 0 }
    }
}

impl Buf {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.b[..self.n]).unwrap_or("")
    }
}

impl Write for Buf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let bytes = s.as_bytes();
        let end = self.n + bytes.len();
        if end > self.b.len() {
            return Err(std::fmt::Error);
        }
        self.b[self.n..end].copy_from_slice(bytes);
        self.n = end;
        Ok(())
    }
}

/// A value that is exact (`Dec`) until an operation needs floating point (powers, fractions).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Val {
    D(Dec),
    F(f64),
}

impl Val {
    pub fn f64(self) -> f64 {
        match self {
            Val::D(d) => d.to_f64(),
            Val::F(f) => f,
        }
    }

    pub fn scale(self, k: i32) -> Val {
        match self {
            Val::D(d) => Val::D(d.scale(k)),
            Val::F(f) => Val::F(sat(f * 10f64.powi(k))),
        }
    }

    pub fn times(self, k: u32) -> Val {
        match self {
            Val::D(d) => Val::D(d.times(k)),
            Val::F(f) => Val::F(sat(f * f64::from(k))),
        }
    }

    pub fn add(self, o: Val) -> Val {
        match (self, o) {
            (Val::D(a), Val::D(b)) => Val::D(a.add(b)),
            (a, b) => Val::F(sat(a.f64() + b.f64())),
        }
    }
}

/// Keeps results finite: ±inf become ±f64::MAX, NaN becomes 0.
pub fn sat(v: f64) -> f64 {
    if v.is_nan() {
        0.0
    } else {
        v.clamp(-f64::MAX, f64::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Dec {
        let mut d = Dec::ZERO;
        let mut frac = false;
        for c in s.chars() {
            if c == '.' {
                frac = true;
            } else {
                d.push_digit(c as u8 - b'0', !frac);
            }
        }
        d
    }

    #[test]
    fn multipliers_stay_exact() {
        assert_eq!(dec("22.7").scale(4).to_f64(), 227000.0);
        assert_eq!(dec("1.2").scale(8).to_f64(), 120000000.0);
        assert_eq!(dec("0.4").to_f64(), 0.4);
        assert_eq!(dec("20000000").add(dec("0.5544")).to_f64(), 20000000.5544);
        assert_eq!(dec("123456789012345678901").to_f64(), 123456789012345678901.0);
        assert_eq!(dec("0.1").scale(-30).to_f64(), 1e-31);
    }

    #[test]
    fn huge_inputs_saturate() {
        let mut d = Dec::ZERO;
        for _ in 0..10_000 {
            d.push_digit(9, true);
        }
        assert_eq!(d.to_f64(), f64::MAX);
        let big = Dec { m: u64::MAX, e: i32::MAX };
        assert_eq!(big.add(Dec { m: u64::MAX, e: i32::MIN }).to_f64(), f64::MAX);
        assert_eq!(big.times(12).to_f64(), f64::MAX);
    }
}
