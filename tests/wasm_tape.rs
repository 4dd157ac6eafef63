//! In the browser (wasm-bindgen-test, headless Chromium): reports reach the page through the
//! tape (`tape.rs`, `build_from_tape` in `wasm.rs`), and what JavaScript gets must be exactly
//! what serde-wasm-bindgen makes of the same value (`wasm::to_js`), which the page was written
//! against: same keys in the same order, same values, `null` where a value is missing.
//!
//! Run by scripts/test-browser.sh with the runner in .tools/.
#![cfg(target_arch = "wasm32")]

use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use zhibiao::wasm::{to_js, to_js_by_tape};

wasm_bindgen_test_configure!(run_in_browser);

/// JSON of a JS value, with what JSON drops or merges made visible: `undefined`, NaN and
/// the infinities, and -0.
fn shown(value: &JsValue) -> String {
    let replacer = js_sys::Function::new_with_args(
        "k, v",
        "return v === undefined ? '<undefined>' : typeof v === 'number' && \
         (!Number.isFinite(v) || Object.is(v, -0)) ? '<' + String(Object.is(v, -0) ? '-0' : v) + '>' : v",
    );
    js_sys::JSON::stringify_with_replacer(value, &replacer)
        .map(String::from)
        .unwrap_or_else(|_| "<not JSON>".into())
}

fn same<T: Serialize + ?Sized>(value: &T) {
    let reference = shown(&to_js(value));
    // Twice: the second time the field names are known to JavaScript and go by id.
    assert_eq!(shown(&to_js_by_tape(value)), reference);
    assert_eq!(shown(&to_js_by_tape(value)), reference);
}

#[wasm_bindgen_test]
fn reports_are_the_same_objects_as_serde_wasm_bindgen_makes() {
    let engine = zhibiao::Engine::builtin();
    let samples: [(&str, &[u8]); 4] = [
        ("fuping.txt", include_bytes!("../samples/fuping.txt")),
        ("xiji.html", include_bytes!("../samples/xiji.html")),
        ("r05_xingguo_big5.txt", include_bytes!("reports/r05_xingguo_big5.txt")),
        (
            "r10_zhaojue_corrupt_censored.txt",
            include_bytes!("reports/r10_zhaojue_corrupt_censored.txt"),
        ),
    ];
    for (name, bytes) in samples {
        let report = engine.analyze(bytes, name).expect("a sample report reads");
        assert!(!report.indicators.is_empty(), "{name}");
        same(&report);
    }
    // Text outside the BMP: lengths are UTF-16 code units.
    let report = engine.analyze_text("𠀀兰考县2016年减少贫困人口1.2万人。😀", "pasted").unwrap();
    same(&report);
}

#[derive(Serialize)]
enum Kind {
    Plain,
    Wrapped(u8),
    Pair(u8, bool),
    Named { x: i32 },
}

#[derive(Serialize)]
struct Odd {
    floats: Vec<f64>,
    missing: Option<String>,
    unit: (),
    kinds: Vec<Kind>,
    map: std::collections::BTreeMap<String, Option<u32>>,
    chars: (char, char),
    big: i64,
}

#[wasm_bindgen_test]
fn odd_values_are_the_same_too() {
    same(&Odd {
        floats: vec![0.1, -0.0, f64::NAN, f64::INFINITY, 1e300, -2.5],
        missing: None,
        unit: (),
        kinds: vec![Kind::Plain, Kind::Wrapped(1), Kind::Pair(2, false), Kind::Named { x: -3 }],
        map: [("a".to_string(), Some(1)), ("b".to_string(), None)].into_iter().collect(),
        chars: ('x', '𠀀'),
        big: (1 << 53) - 1,
    });
    // What the tape leaves to serde-wasm-bindgen gives serde-wasm-bindgen's result.
    same(&u64::MAX);
    same(&std::collections::BTreeMap::from([(1, 2)]));
    same(&[1u128, 2]);
}
