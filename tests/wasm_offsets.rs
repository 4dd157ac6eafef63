//! In the browser (wasm-bindgen-test, headless Chromium): the offsets the page receives are
//! UTF-16 code units, so `text.slice(start, end)` in JavaScript is exactly the figure, the
//! sentence, the region mention and the warning spans — also after a character outside the
//! BMP (𠀀, an emoji), which is one Rust `char` but two JS string units.
//!
//! Run by scripts/test-browser.sh:
//! `cargo test --target wasm32-unknown-unknown --test wasm_offsets` with the runner in .tools/.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use zhibiao::report::{Candidate, Headline, RegionInfo, Report, TimeScope, Warning};

wasm_bindgen_test_configure!(run_in_browser);

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn number(object: &JsValue, key: &str) -> u32 {
    get(object, key).as_f64().unwrap_or_else(|| panic!("{key} is not a number")) as u32
}

fn string(object: &JsValue, key: &str) -> String {
    get(object, key).as_string().unwrap_or_else(|| panic!("{key} is not a string"))
}

/// `text.slice(object[start_key], object[end_key])`, computed by JavaScript.
fn js_slice(text: &JsString, object: &JsValue, start_key: &str, end_key: &str) -> String {
    text.slice(number(object, start_key), number(object, end_key)).into()
}

fn array(object: &JsValue, key: &str) -> Array {
    Array::from(&get(object, key))
}

/// The char offsets of `needle` in `haystack` (what the engine reports).
fn char_span(haystack: &str, needle: &str) -> (usize, usize) {
    let byte = haystack.find(needle).expect("needle in text");
    let start = haystack[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// Full-width ASCII forms (，１％) to their ASCII counterparts, as the engine normalises them.
fn fold_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            other => other,
        })
        .collect()
}

/// A report made by hand with char offsets, so the conversion is checked on its own,
/// whatever the extractor finds.
#[wasm_bindgen_test]
fn every_offset_kind_is_converted_to_utf16() {
    let text =
        "𠀀石柱土家族自治县😀全县累计实现85个贫困村17541户63101人脱贫。𠀁贫困发生率降至0.4%。";
    let (start, end) = char_span(text, "63101人");
    let (sentence_start, sentence_end) =
        char_span(text, "全县累计实现85个贫困村17541户63101人脱贫。");
    let (region_start, region_end) = char_span(text, "石柱土家族自治县");
    let (warning_start, warning_end) = char_span(text, "0.4%");
    let (related_start, related_end) = char_span(text, "17541户");
    let report = Report {
        source: "hand.txt".into(),
        encoding: "UTF-8".into(),
        format: "text".into(),
        region: Some(RegionInfo {
            name: "石柱土家族自治县".into(),
            adcode: "500240".into(),
            province: "重庆市".into(),
            start: region_start,
            end: region_end,
        }),
        indicators: vec![Headline {
            id: "poor_population_lifted".into(),
            label_zh: "脱贫人口".into(),
            label_en: "People lifted out of poverty".into(),
            value: 63101.0,
            value_max: None,
            unit: "person".into(),
            text: "63101人".into(),
            qualifier: None,
            sentence: "全县累计实现85个贫困村17541户63101人脱贫。".into(),
            start,
            end,
            sentence_start,
            sentence_end,
            time: TimeScope::default(),
            candidate: 0,
        }],
        candidates: vec![Candidate {
            id: "poor_population_lifted".into(),
            value: 63101.0,
            value_max: None,
            unit: "person".into(),
            text: "63101人".into(),
            qualifier: None,
            start,
            end,
            sentence_start,
            sentence_end,
            time: TimeScope::default(),
            score: 1.0,
            status: "headline".into(),
            reason: "only candidate".into(),
            reason_zh: "唯一候选".into(),
        }],
        warnings: vec![Warning {
            kind: "conflicting_values".into(),
            start: warning_start,
            end: warning_end,
            message: "test".into(),
            message_zh: "测试".into(),
            related: vec![(related_start, related_end)],
        }],
        derived: vec![],
        text: None,
    };
    let js = zhibiao::wasm::report_to_js(report, text.to_string());
    let js_text: JsString = get(&js, "text").into();
    assert_eq!(String::from(js_text.clone()), text);

    let headline = array(&js, "indicators").get(0);
    assert_eq!(js_slice(&js_text, &headline, "start", "end"), "63101人");
    assert_eq!(
        js_slice(&js_text, &headline, "sentence_start", "sentence_end"),
        "全县累计实现85个贫困村17541户63101人脱贫。"
    );
    let candidate = array(&js, "candidates").get(0);
    assert_eq!(js_slice(&js_text, &candidate, "start", "end"), "63101人");
    let region = get(&js, "region");
    assert_eq!(js_slice(&js_text, &region, "start", "end"), "石柱土家族自治县");
    let warning = array(&js, "warnings").get(0);
    assert_eq!(js_slice(&js_text, &warning, "start", "end"), "0.4%");
    let related = Array::from(&array(&warning, "related").get(0));
    let related: String = js_text
        .slice(related.get(0).as_f64().unwrap() as u32, related.get(1).as_f64().unwrap() as u32)
        .into();
    assert_eq!(related, "17541户");
}

/// The real engine, end to end through the binding: every figure, sentence and candidate the
/// page gets slices out of the text exactly, with non-BMP characters before the figures.
/// Needs the extraction engine (the stub finds no indicator).
#[wasm_bindgen_test]
fn engine_offsets_slice_exactly_after_non_bmp_characters() {
    let text = "𠀀😀石柱土家族自治县脱贫攻坚成效显著。\n\
                2019年4月，石柱以群众认可度97.91%的成效摘掉贫困县“帽子”；\
                全县累计实现85个贫困村17541户63101人脱贫。\n\
                2020年，贫困群众人均可支配收入预计可达12515元。";
    for js in [
        zhibiao::wasm::analyze_text(text, "pasted"),
        zhibiao::wasm::analyze_bytes(text.as_bytes(), "bytes.txt"),
    ] {
        assert!(get(&js, "error").is_undefined(), "error: {:?}", get(&js, "error"));
        let js_text: JsString = get(&js, "text").into();
        let indicators = array(&js, "indicators");
        assert!(indicators.length() > 0, "the engine found no headline");
        let mut lifted = None;
        for headline in indicators.iter() {
            assert_eq!(js_slice(&js_text, &headline, "start", "end"), string(&headline, "text"));
            // The engine reports the sentence as normalised text (full-width punctuation folded);
            // its span still points at the original characters.
            assert_eq!(
                fold_width(&js_slice(&js_text, &headline, "sentence_start", "sentence_end")),
                fold_width(&string(&headline, "sentence"))
            );
            assert!(number(&headline, "sentence_start") <= number(&headline, "start"));
            assert!(number(&headline, "end") <= number(&headline, "sentence_end"));
            if string(&headline, "id") == "poor_population_lifted" {
                lifted = Some(headline);
            }
        }
        let lifted = lifted.expect("poor_population_lifted found");
        assert_eq!(get(&lifted, "value").as_f64(), Some(63101.0));
        assert!(js_slice(&js_text, &lifted, "start", "end").contains("63101"));
        for candidate in array(&js, "candidates").iter() {
            assert_eq!(js_slice(&js_text, &candidate, "start", "end"), string(&candidate, "text"));
        }
        let region = get(&js, "region");
        assert_eq!(string(&region, "adcode"), "500240");
        assert!(js_slice(&js_text, &region, "start", "end").contains("石柱"));
    }
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_object_not_an_exception() {
    let js = zhibiao::wasm::analyze_bytes(b"   \n ", "blank.txt");
    assert_eq!(string(&js, "source"), "blank.txt");
    assert_eq!(string(&js, "error_kind"), "empty");
    assert!(!string(&js, "error").is_empty());
}

/// Charts are drawn from primitives, so they also work where plotters cannot measure text.
#[wasm_bindgen_test]
fn charts_draw_in_the_browser() {
    let spec = js_sys::JSON::parse(
        r#"{"title":"脱贫人口","unit":"人","items":[{"label":"石柱土家族自治县","value":63101}]}"#,
    )
    .unwrap();
    let svg = zhibiao::wasm::bar_chart_svg(spec).unwrap_or_default();
    assert!(
        svg.starts_with("<svg") && svg.contains("石柱土家族自治县") && svg.contains("63,101 人")
    );
}
