//! The engine's JavaScript edge (feature `wasm-engine`; with `wasm_xlsx.rs`, the only modules
//! that know wasm-bindgen). It turns reports into plain JS objects whose offsets are UTF-16
//! code units (JS string indices) and charts into SVG strings. Bad input is data
//! (`{source, error, error_kind}`), never an exception.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::catalog::Catalog;
use crate::chart;
use crate::extract::Engine;
use crate::report::{InputError, Report};

thread_local! {
    /// Parsed once per Wasm instance, for `catalog()`; extraction uses the engine's own
    /// compiled copy (`Engine::builtin`).
    static CATALOG: Catalog = Catalog::builtin();
}

/// Plain objects (not `Map`s) and `null` for absent values, so the page can read
/// `report.region?.name` and post results between workers with structured clone.
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

#[derive(Serialize)]
struct Failure<'a> {
    source: &'a str,
    /// A sentence in English; the page shows its own words for `error_kind`.
    error: String,
    /// empty, binary, too_large, no_chinese.
    error_kind: &'static str,
}

fn failure(source: &str, error: &InputError) -> JsValue {
    let error_kind = match error {
        InputError::Empty => "empty",
        InputError::Binary { .. } => "binary",
        InputError::TooLarge { .. } => "too_large",
        InputError::NoChinese => "no_chinese",
    };
    to_js(&Failure { source, error: error.to_string(), error_kind })
}

/// The most candidates of one indicator, besides its headline, the page receives (see
/// [`Report::keep_candidates`]).
const PAGE_CANDIDATES_PER_INDICATOR: usize = 100;

/// Converts a report to the page's form: `text` filled with the decoded text, every offset
/// in UTF-16 code units of that text, candidates cut to what the page can show.
pub fn report_to_js(mut report: Report, text: String) -> JsValue {
    report.keep_candidates(PAGE_CANDIDATES_PER_INDICATOR);
    crate::utf16::report_offsets_to_utf16(&mut report, &text);
    report.text = Some(text);
    to_js(&report)
}

/// Reads a report from the bytes of a file (any encoding the engine reads, text or HTML).
#[wasm_bindgen]
pub fn analyze_bytes(bytes: &[u8], name: &str) -> JsValue {
    match Engine::builtin().analyze(bytes, name) {
        Ok(mut report) => {
            // The engine may leave `text` out; the page needs it to show the evidence.
            let text = match report.text.take() {
                Some(text) => text,
                None => crate::decode::decode(bytes).map(|d| d.text).unwrap_or_default(),
            };
            report_to_js(report, text)
        }
        Err(error) => failure(name, &error),
    }
}

/// Reads a report from text pasted into the page.
#[wasm_bindgen]
pub fn analyze_text(text: &str, name: &str) -> JsValue {
    match Engine::builtin().analyze_text(text, name) {
        Ok(mut report) => {
            let text = report.text.take().unwrap_or_else(|| text.to_string());
            report_to_js(report, text)
        }
        Err(error) => failure(name, &error),
    }
}

#[derive(Serialize)]
struct CatalogForPage<'a> {
    version: u32,
    indicators: &'a [crate::catalog::IndicatorDef],
}

/// The built-in indicator catalog: `{version, indicators: [{id, label_zh, label_en, unit, cues}]}`
/// (the TOML file calls the list `indicator`; the page gets the plural).
#[wasm_bindgen]
pub fn catalog() -> JsValue {
    CATALOG.with(|catalog| {
        to_js(&CatalogForPage { version: catalog.version, indicators: &catalog.indicators })
    })
}

fn from_js<T: serde::de::DeserializeOwned>(spec: JsValue) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(spec).map_err(|e| JsError::new(&e.to_string()))
}

/// SVG of a bar chart of one indicator across reports (see [`chart::BarChartSpec`]).
#[wasm_bindgen]
pub fn bar_chart_svg(spec: JsValue) -> Result<String, JsError> {
    Ok(chart::bar_chart(&from_js(spec)?))
}

/// SVG of the before → after poverty incidence chart (see [`chart::PairChartSpec`]).
#[wasm_bindgen]
pub fn before_after_chart_svg(spec: JsValue) -> Result<String, JsError> {
    Ok(chart::before_after_chart(&from_js(spec)?))
}

/// SVG of an indicator per N people (see [`chart::PerPopulationSpec`]).
#[wasm_bindgen]
pub fn per_population_chart_svg(spec: JsValue) -> Result<String, JsError> {
    Ok(chart::per_population_chart(&from_js(spec)?))
}

// ---- Analysis views: small multiples, the timeline (the Excel export: wasm_xlsx.rs) ----

/// SVG of small multiples, a panel per indicator (see [`chart::SmallMultiplesSpec`]).
#[wasm_bindgen]
pub fn small_multiples_chart_svg(spec: JsValue) -> Result<String, JsError> {
    Ok(chart::small_multiples_chart(&from_js(spec)?))
}

/// SVG of figures placed by year, a line per region (see [`chart::TimelineSpec`]).
#[wasm_bindgen]
pub fn timeline_chart_svg(spec: JsValue) -> Result<String, JsError> {
    Ok(chart::timeline_chart(&from_js(spec)?))
}
