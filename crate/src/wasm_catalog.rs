//! The catalog file's JavaScript edge: the page's third Wasm module (feature `catalog-file`,
//! built with `--no-default-features --features catalog-file` by scripts/build-page.sh into
//! `www/pkg/zhibiao_catalog*`).
//!
//! Reading and writing TOML (toml_edit, winnow, serde's visitors for them) was 227 KB of the
//! engine module, 86 KB gzipped, for something only users with their own indicators need. The
//! page loads this module (www/catalog-file.js) when a user catalog is stored, edited or
//! imported; it reads the file, checks it as the CLI does, and gives the engine the catalog as
//! a plain object (`set_user_catalog` in src/wasm.rs). It holds no engine: the catalog types,
//! the built-in catalog (built-in ids are refused unless replaced on purpose) and TOML.
//! Refusals are data: `{error, error_zh, field}`, never an exception.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::catalog::{Catalog, CatalogError, IndicatorForm};

use crate::wasm_js::{refusal, to_js};

/// Parses a user catalog (empty text: none), as the page stores it.
fn parse_user(text: &str) -> Result<Catalog, CatalogError> {
    if text.trim().is_empty() {
        Ok(Catalog { version: 1, indicators: Vec::new() })
    } else {
        Catalog::parse(text)
    }
}

/// Reads a user catalog file for the engine: `{catalog}` (the catalog, `like` resolved and
/// checked, to pass to the engine's `set_user_catalog` with the text) or
/// `{error, error_zh}` for a bad file.
#[wasm_bindgen]
pub fn read_user_catalog(text: &str) -> JsValue {
    #[derive(Serialize)]
    struct Read {
        catalog: Catalog,
    }
    match Catalog::parse(text) {
        Ok(catalog) => to_js(&Read { catalog }),
        Err(error) => refusal(&error),
    }
}

#[derive(Serialize)]
struct Edited {
    /// The new user catalog file.
    toml: String,
    /// Ids of the indicators it has.
    ids: Vec<String>,
}

fn edited(result: Result<Catalog, CatalogError>) -> JsValue {
    // Read back as the CLI would: removing an indicator another one is `like` fails here.
    let checked =
        result.and_then(|c| c.to_toml()).and_then(|toml| Ok((Catalog::parse(&toml)?, toml)));
    match checked.map(|(c, toml)| (toml, c)) {
        Ok((toml, c)) => {
            to_js(&Edited { toml, ids: c.indicators.into_iter().map(|d| d.id).collect() })
        }
        Err(error) => refusal(&error),
    }
}

/// The user catalog `current` (TOML text, may be empty) with the indicator of the page's
/// form (`{id, label_zh, label_en, unit, cues, scope, exclude}`, see [`IndicatorForm`])
/// added, or put in place of indicator `editing`. A built-in id is refused unless
/// `replace_builtin`. Returns `{toml, ids}` (the file to keep and export) or
/// `{error, error_zh, field}`. Does not change the catalog in force.
#[wasm_bindgen]
pub fn user_catalog_with_indicator(
    current: &str,
    form: JsValue,
    editing: Option<String>,
    replace_builtin: bool,
) -> JsValue {
    let form: IndicatorForm = match serde_wasm_bindgen::from_value(form) {
        Ok(form) => form,
        Err(e) => return refusal(&CatalogError::from_form(&e.to_string())),
    };
    edited(parse_user(current).and_then(|user| {
        let def = form.to_def()?;
        user.with_indicator(
            def,
            editing.as_deref(),
            crate::extract::builtin_catalog(),
            replace_builtin,
        )
    }))
}

/// The user catalog `current` without indicator `id`: `{toml, ids}` or `{error, error_zh}`.
#[wasm_bindgen]
pub fn user_catalog_without_indicator(current: &str, id: &str) -> JsValue {
    edited(parse_user(current).map(|user| user.without(id)))
}

/// The user catalog `current` with every indicator of the file `imported` added (an id it
/// has already is replaced by the file's): `{toml, ids}` (`ids`: the file's) or
/// `{error, error_zh}` for a bad file or one without indicators.
#[wasm_bindgen]
pub fn user_catalog_import(current: &str, imported: &str) -> JsValue {
    let file = match Catalog::parse(imported) {
        Ok(file) if file.indicators.is_empty() => return refusal(&CatalogError::empty_file()),
        Ok(file) => file,
        Err(error) => return refusal(&error),
    };
    let ids: Vec<String> = file.indicators.iter().map(|d| d.id.clone()).collect();
    let merged = parse_user(current).and_then(|mut user| {
        user.extend(file);
        let toml = user.to_toml()?;
        Catalog::parse(&toml).map(|_| toml)
    });
    match merged {
        Ok(toml) => to_js(&Edited { toml, ids }),
        Err(error) => refusal(&error),
    }
}
