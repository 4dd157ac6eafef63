// The catalog file module (crate/src/wasm_catalog.rs): reads, checks, edits and imports the
// user catalog's TOML, loaded and instantiated only when a user catalog is stored or changed,
// then kept. TOML was a sixth of the engine module (86 KB gzipped) and most visits have no
// catalog of their own, so the engine module does not carry it (BENCHMARKS.md, "Session 11");
// the engine gets the catalog this module read as a plain object.
//
// Loaded like the Excel writer (www/xlsx.js): served over http, its glue and .wasm come from
// ./pkg/ (the service worker keeps both for offline use); in the single-file build both are
// inlined by scripts/build-page.mjs, the wasm as base64 in globalThis.__ZHIBIAO_INLINE.catalog
// and the glue as a function, __ZHIBIAO_INLINE.catalogGlue, evaluated on its first call.

import { lazyWasm } from './lazy-wasm.js';

/** The instantiated module's glue; loaded on the first call. A failed load is tried again next time. */
export const catalogFile = lazyWasm({
  file: 'zhibiao_catalog_bg.wasm',
  importGlue: () => import('./pkg/zhibiao_catalog.js'),
  inline: { wasm: 'catalog', glue: 'catalogGlue' },
});
