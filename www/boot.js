// Starts the engine before the page's own scripts have run. index.html loads this file as a
// classic script in its <head>, so it runs as soon as it is fetched (~30-50 ms after
// navigation), before the body is even parsed, instead of after the whole module graph of
// app.js (~130-190 ms); the single-file build inlines it, after the engine's bytes, in a
// classic script of its own for the same reason. It starts the extraction worker, compiles
// the .wasm (preloaded by index.html), hands the module to the worker and has it read a short
// text, so the worker's scripts load, the engine's code compiles (V8 compiles each Wasm
// function on its first call: that, not the engine's own work, is most of a first report's
// time) and its tables are built while the page's scripts are still arriving. engine.js
// adopts all of it (`takeBoot`): this is the page's one compile of the engine.
//
// A classic script (a module would wait for the parser), only browser APIs, no imports: it
// must not wait for any other file.

(() => {
// As engine.js's WARM_UP_TEXT (kept equal by tests/browser/page.test.mjs).
const WARM_UP_TEXT =
  '某县建档立卡贫困户1.2万户4.56万人全部脱贫，38个贫困村出列，贫困发生率由12.5%降至0，' +
  '农村居民人均可支配收入达到9860元，新建农村公路320公里。';
const INLINE = globalThis.__ZHIBIAO_INLINE;
const base = document.currentScript?.src || location.href;
const boot = { worker: null, compiled: null, failed: false, early: [] };

function compile() {
  if (INLINE) {
    const binary = atob(INLINE.wasm);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return WebAssembly.compile(bytes);
  }
  const url = new URL('pkg/zhibiao_bg.wasm', base);
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`zhibiao_bg.wasm: HTTP ${response.status}`);
    if (response.headers.get('content-type')?.startsWith('application/wasm')) {
      return WebAssembly.compileStreaming(response);
    }
    return response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
  });
}

// The one compile of the engine: engine.js uses this module on the main thread too.
if (typeof WebAssembly !== 'undefined') {
  boot.compiled = compile();
  // A failed compile is reported by engine.js when it awaits the same promise.
  boot.compiled.catch(() => {});
  // Without workers engine.js reads on the main thread.
  if (typeof Worker !== 'undefined') {
    try {
      const url = INLINE ? INLINE.worker : new URL('worker.js', base);
      const worker = new Worker(url, { type: 'module', name: 'zhibiao-engine' });
      // Until engine.js takes over: remember a worker that could not load (engine.js then
      // reads on the main thread), and keep any answer for it.
      worker.onerror = (event) => {
        event.preventDefault();
        boot.failed = true;
      };
      worker.onmessage = (event) => boot.early.push(event.data);
      boot.worker = worker;
      boot.compiled
        .then((module) => {
          worker.postMessage({ type: 'init', module });
          // Job id 0: engine.js expects no answer to it (see finishJob). The text is engine.js's
          // WARM_UP_TEXT.
          worker.postMessage({ type: 'text', text: WARM_UP_TEXT, name: 'warm-up', id: 0 });
        })
        .catch(() => {});
    } catch {
      boot.worker = null;
    }
  }
  globalThis.__ZHIBIAO_BOOT = boot;
}
})();
