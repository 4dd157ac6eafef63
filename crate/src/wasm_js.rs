//! What the engine's and the catalog file's JavaScript edges (`wasm.rs`, `wasm_catalog.rs`)
//! both hand to JS: plain objects, and a catalog's refusal.

use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::catalog::CatalogError;

/// Plain objects (not `Map`s) and `null` for absent values, so the page can read
/// `report.region?.name` and post results between workers with structured clone.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// A catalog refused, as data: `{error, error_zh, field}`.
pub fn refusal(error: &CatalogError) -> JsValue {
    #[derive(Serialize)]
    struct Refusal<'a> {
        error: &'a str,
        error_zh: &'a str,
        field: Option<&'a str>,
    }
    to_js(&Refusal { error: &error.message, error_zh: &error.message_zh, field: error.field })
}
