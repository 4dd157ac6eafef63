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

const INLINE = globalThis.__ZHIBIAO_INLINE;

function base64ToBytes(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function compile() {
  if (INLINE) return WebAssembly.compile(base64ToBytes(INLINE.catalog));
  const response = await fetch(new URL('./pkg/zhibiao_catalog_bg.wasm', import.meta.url));
  if (!response.ok) throw new Error(`zhibiao_catalog_bg.wasm: HTTP ${response.status}`);
  if (response.headers.get('content-type')?.startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

async function load() {
  const [glue, module] = await Promise.all([
    INLINE ? INLINE.catalogGlue() : import('./pkg/zhibiao_catalog.js'),
    compile(),
  ]);
  glue.initSync({ module });
  return glue;
}

let tools = null;
/** The instantiated module's glue; loaded on the first call. A failed load is tried again next time. */
export function catalogFile() {
  tools ??= load().catch((error) => {
    tools = null;
    throw error;
  });
  return tools;
}
