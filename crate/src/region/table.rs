//! The embedded GB/T 2260 table (`data/regions.tsv`): parsing, hierarchy and [`lookup`].

use serde::Serialize;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::data;

/// Level of a division in GB/T 2260.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 省, 自治区, 直辖市, 特别行政区 (code `xx0000`).
    Province,
    /// 地级市, 自治州, 地区, 盟 (code `xxxx00`).
    Prefecture,
    /// 县, 自治县, 县级市, 市辖区, 旗 … (any other code).
    County,
}

/// One division of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Division {
    /// Six-digit code, e.g. "500240".
    pub adcode: &'static str,
    /// Full current name, e.g. "石柱土家族自治县".
    pub name: &'static str,
    /// The bare form people write, e.g. "石柱"; `None` when it would be one character (沛县).
    pub short_name: Option<&'static str>,
    pub level: Level,
    /// Code of the prefecture-level parent; `None` for provinces, prefectures and counties
    /// directly under a province (重庆's districts, 仙桃市).
    pub prefecture: Option<&'static str>,
    /// Code of the province-level division; a province's own code for a province.
    pub province: &'static str,
    /// Name of the province-level division, e.g. "重庆市".
    pub province_name: &'static str,
}

impl Division {
    /// Parent codes, nearest first (prefecture, then province); empty for a province.
    pub fn parents(&self) -> Vec<&'static str> {
        let mut parents: Vec<&'static str> = self.prefecture.into_iter().collect();
        if self.level != Level::Province {
            parents.push(self.province);
        }
        parents
    }

    /// Whether `other` is this division or one of its ancestors.
    pub fn is_within(&self, other: &Division) -> bool {
        self.adcode == other.adcode
            || self.prefecture == Some(other.adcode)
            || (other.level == Level::Province && self.province == other.adcode)
    }
}

/// A hash map for the built-in tables' keys (codes, names, char pairs): a multiplicative hash,
/// several times cheaper than the default SipHash, whose protection against chosen keys a
/// fixed table does not need. (Building the region tables with SipHash was a tenth of the
/// engine's start-up in WebAssembly.)
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A set with the same hash ([`FastMap`]'s): also for the small per-report sets and maps of
/// codes, names and kinds, where SipHash was 4% of a report's time.
pub(crate) type FastSet<K> = std::collections::HashSet<K, BuildHasherDefault<FastHasher>>;

#[derive(Default)]
pub(crate) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    // One step for a whole integer, not one per byte (`tape::Keys` hashes addresses).
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// The table, with each division's level, parents and short name (made by `crate/build.rs`),
/// in code order.
pub(crate) struct Table {
    pub divisions: Vec<Division>,
}

impl Table {
    pub fn get(&self, adcode: &str) -> Option<&Division> {
        let i = self.divisions.binary_search_by(|d| d.adcode.cmp(adcode)).ok()?;
        Some(&self.divisions[i])
    }
}

/// Finds a division by its six-digit code.
pub fn lookup(adcode: &str) -> Option<Division> {
    table().get(adcode).copied()
}

pub(crate) fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| parse(data::DIVISIONS))
}

/// Lines of `code<TAB>name[<TAB>short name]` in code order (the build script checks the
/// order and made the short names: none written when it is the name without its last char,
/// an empty one when there is none); the parents come from the code.
fn parse(data: &'static str) -> Table {
    let mut divisions = Vec::with_capacity(data.len() / 16);
    // One pass: the table is in code order, so a division's province and prefecture are the
    // last ones seen (binary searches for them, and splitting lines by chars, were most of
    // the table's start-up).
    let mut province: Option<(&'static str, &'static str)> = None;
    let mut prefecture: Option<&'static str> = None;
    for line in data.split_terminator('\n') {
        let tab = |s: &str| s.bytes().position(|b| b == b'\t');
        let Some(at) = tab(line) else { continue };
        let (adcode, rest) = (&line[..at], &line[at + 1..]);
        let (name, short) = match tab(rest) {
            Some(at) => (&rest[..at], &rest[at + 1..]),
            None => {
                let mut chars = rest.chars();
                chars.next_back();
                (rest, chars.as_str())
            }
        };
        let level = if adcode.ends_with("0000") {
            Level::Province
        } else if adcode.ends_with("00") {
            Level::Prefecture
        } else {
            Level::County
        };
        match level {
            Level::Province => {
                province = Some((adcode, name));
                prefecture = None;
            }
            Level::Prefecture => prefecture = Some(adcode),
            Level::County => {}
        }
        let (province, province_name) =
            province.filter(|p| p.0[..2] == adcode[..2]).unwrap_or((adcode, name));
        let prefecture = match level {
            Level::County => prefecture.filter(|p| p[..4] == adcode[..4]),
            _ => None,
        };
        let short_name = (!short.is_empty()).then_some(short);
        divisions.push(Division {
            adcode,
            name,
            short_name,
            level,
            prefecture,
            province,
            province_name,
        });
    }
    Table { divisions }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_regions_are_present_with_current_codes() {
        for (code, name) in [
            ("500154", "开州区"),
            ("500240", "石柱土家族自治县"),
            ("510700", "绵阳市"),
            ("520523", "金沙县"),
            ("141034", "汾西县"),
        ] {
            assert_eq!(lookup(code).map(|d| d.name), Some(name), "{code}");
        }
        assert!(table().divisions.iter().all(|d| d.name != "开县"));
    }

    #[test]
    fn hierarchy_comes_from_the_code() {
        let jinsha = lookup("520523").unwrap();
        assert_eq!(jinsha.level, Level::County);
        assert_eq!(jinsha.prefecture, Some("520500"));
        assert_eq!(jinsha.province_name, "贵州省");
        assert_eq!(jinsha.parents(), ["520500", "520000"]);
        let shizhu = lookup("500240").unwrap();
        assert_eq!((shizhu.prefecture, shizhu.province_name), (None, "重庆市"));
        let mianyang = lookup("510700").unwrap();
        assert_eq!((mianyang.level, mianyang.province), (Level::Prefecture, "510000"));
        let sichuan = lookup("510000").unwrap();
        assert_eq!((sichuan.level, sichuan.province_name), (Level::Province, "四川省"));
        assert!(sichuan.parents().is_empty());
        assert!(lookup("999999").is_none());
    }

    #[test]
    fn table_is_simplified_and_has_no_statistical_only_units() {
        let t = table();
        assert!(t.divisions.len() > 3000);
        for d in &t.divisions {
            assert!(!d.name.contains("开发区") && !d.name.contains("市辖区"), "{}", d.name);
            assert!(!(71..=80).contains(&d.adcode[4..].parse::<u32>().unwrap()), "{}", d.adcode);
            assert!(d.adcode.len() == 6 && d.adcode.bytes().all(|b| b.is_ascii_digit()));
        }
        // Simplified: converting a name never changes it, except where the converter itself
        // rewrites a Simplified character (乾县 → 干县, 磐石 → 盘石), which the index covers.
        let changed: Vec<_> = t
            .divisions
            .iter()
            .filter(|d| fast2s::convert(d.name) != d.name)
            .map(|d| d.name)
            .collect();
        assert!(changed.iter().all(|n| n.contains('乾') || n.contains('磐')), "{changed:?}");
    }
}
