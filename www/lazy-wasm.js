// A Wasm module of the page's own that most visits never need (the Excel writer, www/xlsx.js;
// the catalog file module, www/catalog-file.js), loaded and instantiated on its first use,
// then kept.
//
// Served over http, its glue and .wasm come from ./pkg/ (the service worker keeps both for
// offline use). In the single-file build (dist/zhibiao.html) both are inlined by
// scripts/build-page.mjs: the wasm as base64 in globalThis.__ZHIBIAO_INLINE[wasm] and the glue
// as a function, __ZHIBIAO_INLINE[glue], that evaluates it on its first call.

const INLINE = globalThis.__ZHIBIAO_INLINE;

function base64ToBytes(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A function giving the module's instantiated glue, loaded on the first call; a failed load
 * is tried again on the next. `file` is the .wasm in ./pkg/, `importGlue` imports its glue
 * (a literal import() in the caller), `inline` names the single file's two entries.
 */
export function lazyWasm({ file, importGlue, inline }) {
  async function compile() {
    if (INLINE) return WebAssembly.compile(base64ToBytes(INLINE[inline.wasm]));
    const response = await fetch(new URL(`./pkg/${file}`, import.meta.url));
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    if (response.headers.get('content-type')?.startsWith('application/wasm')) {
      return WebAssembly.compileStreaming(response);
    }
    return WebAssembly.compile(await response.arrayBuffer());
  }

  async function load() {
    const [glue, module] = await Promise.all([INLINE ? INLINE[inline.glue]() : importGlue(), compile()]);
    glue.initSync({ module });
    return glue;
  }

  let loaded = null;
  return () => {
    loaded ??= load().catch((error) => {
      loaded = null;
      throw error;
    });
    return loaded;
  };
}
