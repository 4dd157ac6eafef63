// The Excel writer: a Wasm module of its own (crate/src/wasm_xlsx.rs), loaded and instantiated
// only when someone asks for an .xlsx, then kept. It is about as large as the engine (the
// workbook is a deflated zip) and most visits never need it, so the engine module does not
// carry it (BENCHMARKS.md, "Targets").
//
// Served over http, its glue and .wasm come from ./pkg/ (the service worker keeps both for
// offline use). In the single-file build (dist/zhibiao.html) both are inlined by
// scripts/build-page.mjs: the wasm as base64 in globalThis.__ZHIBIAO_INLINE.xlsx and the glue
// as a function, __ZHIBIAO_INLINE.xlsxGlue, that evaluates it on its first call.

import { lazyWasm } from './lazy-wasm.js';

/** The instantiated writer's glue; loaded on the first call. A failed load is tried again next time. */
const xlsxWriter = lazyWasm({
  file: 'zhibiao_xlsx_bg.wasm',
  importGlue: () => import('./pkg/zhibiao_xlsx.js'),
  inline: { wasm: 'xlsx', glue: 'xlsxGlue' },
});

/**
 * The comparison of `reports` (reports as the page holds them; `text` and `candidates` may be
 * left out) as .xlsx bytes (crate/src/xlsx.rs). Rejects with the writer's message when the
 * module cannot load or the reports cannot be written.
 */
export async function workbookBytes(reports) {
  const glue = await xlsxWriter();
  return glue.comparison_xlsx(reports);
}
