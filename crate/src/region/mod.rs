//! Administrative divisions (GB/T 2260) and the main region of a report.
//!
//! - `table`: the embedded division table (`data/regions.tsv`) and [`lookup`];
//! - `names`: short names (石柱 for 石柱土家族自治县) and common-word short names;
//! - `index`: all name forms in one table searched leftmost-longest, made by the build script;
//! - `mentions`: every division named in a text, with town, river and
//!   newspaper names filtered out and ambiguous names ordered by context;
//! - `subject`: [`main_region`], the county, district or city a report is about.
//!
//! Texts arrive already normalised and in Simplified Chinese; offsets are char indices,
//! half-open.

/// The division table and name index, made by `crate/build.rs`.
mod data {
    include!(concat!(env!("OUT_DIR"), "/region_index.rs"));
}
mod index;
mod mentions;
// Shared with crate/build.rs, which makes the short names with it (`short_name` is also
// used at run time for the main region).
mod names;
mod subject;
mod table;

pub use mentions::{mentions, Mention, MentionKind};
pub(crate) use names::short_name;
pub use subject::{main_region, main_region_among};
pub use table::{lookup, Division, Level};
pub(crate) use table::{FastMap, FastSet};

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
