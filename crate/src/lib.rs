//! zhibiao: reads Chinese regional poverty-alleviation reports and extracts their headline
//! indicators, each with the evidence sentence and exact offsets, plus data-quality warnings.
//!
//! The pipeline, one module per stage (see ARCHITECTURE.md):
//! bytes → [`decode`] (encoding, HTML) → [`normalize`] (offset-mapped clean text) →
//! [`numbers`] (quantities) → [`extract`] (indicator candidates, via [`catalog`]) →
//! headline choice, [`region`] and [`warnings`] → [`report::Report`].
//!
//! The core never touches files, clocks or the DOM, so it builds unchanged for
//! `wasm32-unknown-unknown`; only `wasm.rs` (the engine's bindings, feature `wasm-engine`),
//! `wasm_xlsx.rs` (the Excel writer's, feature `xlsx`) and `wasm_catalog.rs` (the catalog
//! file's, feature `catalog-file`) speak JavaScript.

pub mod catalog;
pub mod chart;
pub mod decode;
pub mod derived;
pub mod extract;
pub mod headline;
pub mod html;
pub mod normalize;
pub mod numbers;
pub mod quantity;
pub mod region;
pub mod report;
pub mod rules;
pub mod scope;
pub mod segment;
pub mod sort;
pub mod tables;
pub mod tape;
pub mod utf16;
pub mod warnings;
#[cfg(all(target_arch = "wasm32", feature = "wasm-engine"))]
pub mod wasm;
#[cfg(all(target_arch = "wasm32", feature = "catalog-file"))]
pub mod wasm_catalog;
#[cfg(all(target_arch = "wasm32", any(feature = "wasm-engine", feature = "catalog-file")))]
pub mod wasm_js;
#[cfg(all(target_arch = "wasm32", feature = "xlsx"))]
pub mod wasm_xlsx;
pub mod words;
#[cfg(feature = "xlsx")]
pub mod xlsx;

pub use catalog::Catalog;
pub use extract::Engine;
pub use report::{analyze, analyze_text, InputError, Report};
