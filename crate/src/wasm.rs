//! The engine's JavaScript edge (feature `wasm-engine`; with `wasm_xlsx.rs`, the only modules
//! that know wasm-bindgen). It turns reports into plain JS objects whose offsets are UTF-16
//! code units (JS string indices) and charts into SVG strings. Bad input is data
//! (`{source, error, error_kind}`), never an exception.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::catalog::Catalog;
use crate::chart;
use crate::extract::{builtin_catalog, Engine};
use crate::report::{InputError, Report};

use crate::wasm_js::refusal;
pub use crate::wasm_js::to_js;

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

// Builds a value from its tape (see `tape.rs`, which documents the ops) in one pass: one
// UTF-16 string decoding per report instead of a UTF-8 one per string, and no boundary call
// per property.
// `keys` holds the field names by id for the life of the instance, as `tape::Keys` does.
#[wasm_bindgen(inline_js = r#"
const keys = [];
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });
export function build_from_tape(ops, nums, units) {
  const strings = utf16.decode(units);
  let o = 0, n = 0, s = 0;
  const text = (len) => strings.slice(s, (s += len));
  const value = () => {
    switch (ops[o++]) {
      case 0: return null;
      case 1: return false;
      case 2: return true;
      case 3: return nums[n++];
      case 4: return text(ops[o++]);
      case 5: {
        const array = [];
        while (ops[o] !== 7) array.push(value());
        o++;
        return array;
      }
      case 6: {
        const object = {};
        while (ops[o] !== 7) {
          const op = ops[o++];
          let key;
          if (op === 8) key = keys[ops[o++]];
          else if (op === 9) { const id = ops[o++]; key = keys[id] = text(ops[o++]); }
          else key = text(ops[o++]);
          object[key] = value();
        }
        o++;
        return object;
      }
      default: throw new Error('zhibiao: bad tape');
    }
  };
  return value();
}
"#)]
extern "C" {
    fn build_from_tape(ops: &[u32], nums: &[f64], units: &[u16]) -> JsValue;
}

thread_local! {
    static TAPE_KEYS: std::cell::RefCell<crate::tape::Keys> = Default::default();
}

/// [`to_js`]'s result, made through the tape (several times faster for a report); whatever
/// the tape does not cover goes through [`to_js`] itself.
pub fn to_js_by_tape<T: Serialize + ?Sized>(value: &T) -> JsValue {
    TAPE_KEYS.with(|keys| {
        let mut keys = keys.borrow_mut();
        match crate::tape::encode(value, &mut keys) {
            Ok(tape) => {
                let built = build_from_tape(&tape.ops, &tape.nums, &tape.strings);
                keys.delivered();
                built
            }
            Err(_) => to_js(value),
        }
    })
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
    to_js_by_tape(&report)
}

/// Reads a report from the bytes of a file (any encoding the engine reads, text or HTML).
#[wasm_bindgen]
pub fn analyze_bytes(bytes: &[u8], name: &str) -> JsValue {
    match with_engine(|engine| engine.analyze(bytes, name)) {
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
    match with_engine(|engine| engine.analyze_text(text, name)) {
        Ok(mut report) => {
            let text = report.text.take().unwrap_or_else(|| text.to_string());
            report_to_js(report, text)
        }
        Err(error) => failure(name, &error),
    }
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

// ---- The user's own indicators (the page's 指标 / Indicators panel) ----
//
// The page keeps its user catalog as TOML text, the very file `zhibiao --catalog` reads, and
// edits it only through the catalog module (src/wasm_catalog.rs, the page's third Wasm
// module, loaded only when a user catalog exists or is being edited: TOML reading and writing
// were ~86 KB of this module gzipped). That module reads the file and hands the engine the
// catalog it holds as a plain object. Once set, every report of this instance is read with
// the built-in catalog extended by it (an indicator with a built-in id replaces that one, as
// with the CLI). Refusals are data: `{error, error_zh, field}`, never an exception.

/// The user catalog in force: its text, the catalog itself and the engine compiled for the
/// built-in catalog extended by it (compiled once per change, not per report).
struct UserCatalog {
    text: String,
    user: Catalog,
    merged: Catalog,
    engine: Engine,
}

thread_local! {
    static USER: std::cell::RefCell<Option<UserCatalog>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` with the engine in force: the user's when a user catalog is set.
fn with_engine<R>(f: impl FnOnce(&Engine) -> R) -> R {
    USER.with(|user| match &*user.borrow() {
        Some(u) => f(&u.engine),
        None => f(Engine::builtin()),
    })
}

/// Sets the user catalog: `text` is the TOML file (empty text clears it) and `catalog` what
/// the catalog module's `read_user_catalog` made of it (`{catalog}`'s value), already
/// checked. Returns `null`, or `{error, error_zh}` when `catalog` is not a catalog, which
/// leaves the catalog in force unchanged.
#[wasm_bindgen]
pub fn set_user_catalog(text: &str, catalog: JsValue) -> JsValue {
    if text.trim().is_empty() {
        clear_user_catalog();
        return JsValue::NULL;
    }
    if USER.with(|u| u.borrow().as_ref().is_some_and(|u| u.text == text)) {
        return JsValue::NULL;
    }
    let user: Catalog = match serde_wasm_bindgen::from_value(catalog) {
        Ok(user) => user,
        Err(e) => return refusal(&crate::catalog::CatalogError::from_page(&e.to_string())),
    };
    let mut merged = builtin_catalog().clone();
    merged.extend(user.clone());
    let engine = Engine::new(&merged);
    USER.with(|u| {
        *u.borrow_mut() = Some(UserCatalog { text: text.to_string(), user, merged, engine })
    });
    JsValue::NULL
}

/// Back to the built-in catalog alone.
#[wasm_bindgen]
pub fn clear_user_catalog() {
    USER.with(|u| *u.borrow_mut() = None);
}

#[derive(Serialize)]
struct CatalogForPage<'a> {
    version: u32,
    indicators: Vec<Listed<'a>>,
}

#[derive(Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    def: &'a crate::catalog::IndicatorDef,
    /// One of the user's own indicators (only in this listing, never in a catalog file).
    user: bool,
    /// A user indicator that stands in place of the built-in one of the same id.
    replaces_builtin: bool,
    /// For a user indicator the form can show in full: its form fields (else null).
    form: Option<crate::catalog::IndicatorForm>,
}

/// The indicator catalog in force: `{version, indicators: [{id, label_zh, label_en, unit,
/// rule, exclude…, user, replaces_builtin, form}]}` (the TOML file calls the list `indicator`;
/// the page gets the plural): the built-in one, extended by the user catalog when one is set.
#[wasm_bindgen]
pub fn catalog() -> JsValue {
    let builtin = builtin_catalog();
    USER.with(|user| {
        let user = user.borrow();
        let (catalog, own) = match &*user {
            Some(u) => (&u.merged, Some(&u.user)),
            None => (builtin, None),
        };
        let indicators = catalog
            .indicators
            .iter()
            .map(|def| {
                let mine = own.is_some_and(|own| own.get(&def.id).is_some());
                Listed {
                    def,
                    user: mine,
                    replaces_builtin: mine && builtin.get(&def.id).is_some(),
                    form: if mine { crate::catalog::IndicatorForm::from_def(def) } else { None },
                }
            })
            .collect();
        to_js(&CatalogForPage { version: catalog.version, indicators })
    })
}
