//! The Excel writer's JavaScript edge: the page's second Wasm module (feature `xlsx`, built
//! with `--no-default-features --features xlsx` by scripts/build-page.sh into
//! `www/pkg/zhibiao_xlsx*`).
//!
//! It is a module of its own because of its size: rust_xlsxwriter writes the workbook's zip
//! with deflate (zlib-rs, zopfli), which more than doubled the engine module (2.24 MB raw,
//! 958 KB gzipped, against 1.25 MB and 574 KB without it; the target is 600 KB gzipped). The
//! page loads and instantiates this module only when someone asks for an `.xlsx`
//! (www/xlsx.js), and it holds no engine: only the report types it reads, the built-in
//! catalog (for the column order and labels) and the writer.

use wasm_bindgen::prelude::*;

use crate::report::Report;

/// The comparison as an Excel workbook (`.xlsx` bytes, a `Uint8Array` in JS): values,
/// evidence and warnings sheets (see [`crate::xlsx::comparison`]). `reports` is an array of
/// reports as the page holds them; `text` and `candidates` may be left out (the workbook
/// uses neither, and copying them across would cost the length of every text).
#[wasm_bindgen]
pub fn comparison_xlsx(reports: JsValue) -> Result<Vec<u8>, JsError> {
    let reports: Vec<Report> = serde_wasm_bindgen::from_value(reports).map_err(|e| {
        JsError::new(&format!("the reports could not be read for the workbook: {e}"))
    })?;
    crate::xlsx::comparison(&reports, crate::extract::builtin_catalog())
        .map_err(|e| JsError::new(&e))
}
