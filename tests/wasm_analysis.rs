//! In the browser (wasm-bindgen-test, headless Chromium): the analysis bindings take what the
//! page holds. A report as `analyze_text` gives it to the page, with `text` and `candidates`
//! left out as the page leaves them out, goes back into `comparison_xlsx`; the new charts
//! take plain JS objects; bad input is a `JsError` with a message, never a panic.
//!
//! The workbook binding lives in the page's second module (`wasm_xlsx`, feature `xlsx`), the
//! others in the engine's (`wasm`, feature `wasm-engine`); this test needs both, which the
//! default features give. Run by scripts/test-browser.sh with the runner in .tools/.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TEXT: &str =
    "兰考县地处豫东。截至2016年底，全县累计脱贫23275户69095人，贫困发生率降至1.27%。";

fn page_report() -> JsValue {
    let report = zhibiao::wasm::analyze_text(TEXT, "lankao.txt");
    for key in ["text", "candidates"] {
        Reflect::delete_property(report.unchecked_ref::<js_sys::Object>(), &JsValue::from_str(key))
            .unwrap();
    }
    report
}

fn error_message(error: wasm_bindgen::JsError) -> String {
    let value: JsValue = error.into();
    Reflect::get(&value, &JsValue::from_str("message")).unwrap().as_string().unwrap_or_default()
}

#[wasm_bindgen_test]
fn a_page_report_makes_a_workbook() {
    let reports = Array::of2(&page_report(), &page_report());
    let bytes = zhibiao::wasm_xlsx::comparison_xlsx(reports.into()).expect("a workbook");
    assert_eq!(&bytes[..4], b"PK\x03\x04", "an xlsx is a zip");
    // The same reports natively give the same bytes: nothing was lost crossing to JS and back.
    let native = zhibiao::Engine::builtin().analyze_text(TEXT, "lankao.txt").unwrap();
    let catalog = zhibiao::Catalog::builtin();
    let expected = zhibiao::xlsx::comparison(&[native.clone(), native], &catalog).unwrap();
    assert_eq!(bytes, expected);
}

#[wasm_bindgen_test]
fn what_is_not_a_list_of_reports_is_an_error_with_a_message() {
    let error = zhibiao::wasm_xlsx::comparison_xlsx(JsValue::from_f64(3.0)).unwrap_err();
    assert!(error_message(error).contains("could not be read"));
    let broken = JSON::parse(r#"[{"source": "x"}]"#).unwrap();
    let error = zhibiao::wasm_xlsx::comparison_xlsx(broken).unwrap_err();
    assert!(error_message(error).contains("missing field"));
}

#[wasm_bindgen_test]
fn the_new_charts_take_plain_objects() {
    let spec = JSON::parse(
        r#"{"title": "对比", "panels": [
            {"title": "脱贫人口", "unit": "人", "items": [{"label": "兰考县", "value": 69095}, {"label": "阜平县", "value": null}]},
            {"title": "贫困发生率", "items": [{"label": "兰考县", "value": 1.27}]}
        ]}"#,
    )
    .unwrap();
    let svg = zhibiao::wasm::small_multiples_chart_svg(spec).expect("small multiples");
    assert_eq!(svg.matches("<g class=\"panel\"").count(), 2);
    let spec = JSON::parse(
        r#"{"title": "贫困发生率", "unit": "%", "series": [
            {"label": "兰考县", "points": [{"year": 2014, "value": 11.9}, {"year": 2016, "value": 1.27, "forecast": false}]}
        ]}"#,
    )
    .unwrap();
    let svg = zhibiao::wasm::timeline_chart_svg(spec).expect("timeline");
    assert_eq!(svg.matches("<circle").count(), 2);
    let error = zhibiao::wasm::timeline_chart_svg(JSON::parse(r#"{"title": 1}"#).unwrap());
    assert!(!error_message(error.unwrap_err()).is_empty());
}
