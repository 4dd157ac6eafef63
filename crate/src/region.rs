//! Administrative divisions (GB/T 2260) and the main region of a report.

/// A region found to be the subject of a report.
#[derive(Debug, Clone, PartialEq)]
pub struct MainRegion {
    /// Full current name, e.g. "石柱土家族自治县".
    pub name: String,
    /// Six-digit code, e.g. "500240".
    pub adcode: String,
    /// Province-level name, e.g. "重庆市".
    pub province: String,
    /// The first mention of the region in the text (char offsets, half-open).
    pub start: usize,
    pub end: usize,
}

/// Finds the county, district or city a report is about. `text` is Simplified Chinese.
pub fn main_region(_text: &str) -> Option<MainRegion> {
    None
}
