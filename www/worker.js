// The extraction worker: receives the compiled engine once, then one job per message, and
// answers each with the report (or `{crashed}` when the engine trapped, so the page can start
// a fresh worker) and the size of its Wasm memory (so the page can replace a worker that one
// huge report left large). Reading the file's bytes also happens here, off the main thread.

import { initSync, analyze_bytes, analyze_text, set_user_catalog, catalog } from './pkg/zhibiao.js';

let wasmExports = null;

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === 'init') {
    wasmExports = initSync({ module: message.module });
    return;
  }
  if (message.type === 'catalog') {
    // The user's own indicators (read and checked on the main thread by the catalog file
    // module, www/catalog-file.js); '' clears them.
    set_user_catalog(message.toml, message.catalog ?? null);
    return;
  }
  try {
    let result;
    if (message.type === 'indicators') {
      // The catalog in force, for the page's lists (so its own instance can start later).
      result = catalog();
    } else if (message.type === 'text') {
      result = analyze_text(message.text, message.name);
    } else {
      let bytes;
      try {
        bytes = new Uint8Array(await message.file.arrayBuffer());
      } catch (error) {
        const detail = String(error?.message ?? error);
        self.postMessage({ id: message.id, result: { source: message.name, error: detail, error_kind: 'read' } });
        return;
      }
      result = analyze_bytes(bytes, message.name);
    }
    self.postMessage({ id: message.id, result, memory: wasmExports?.memory?.buffer.byteLength ?? 0 });
  } catch (error) {
    self.postMessage({ id: message.id, crashed: String(error?.message ?? error) });
  }
};
