// Starts the Rust engine (Wasm) lazily, once, and runs extraction in a Web Worker so the page
// stays responsive while many files are read. Charts are drawn on the main thread (they are
// quick, and the main thread needs the engine anyway when no worker can run).
//
// Two ways the engine arrives: served over http, from ./pkg/ next to this file; in the
// single-file build (dist/zhibiao.html), from globalThis.__ZHIBIAO_INLINE, which carries the
// wasm as base64 and the worker as a data: URL (the only worker a file:// page may start).

import {
  initSync,
  analyze_bytes,
  analyze_text,
  catalog as engineCatalog,
  bar_chart_svg,
  before_after_chart_svg,
  per_population_chart_svg,
} from './pkg/zhibiao.js';

/** The largest file read, as the engine's own limit (decode.rs MAX_REPORT_BYTES). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const INLINE = globalThis.__ZHIBIAO_INLINE;

let compiled = null;
/** The compiled WebAssembly.Module, compiled once and shared with the worker. */
function compiledModule() {
  compiled ??= compile();
  return compiled;
}

async function compile() {
  if (INLINE) return WebAssembly.compile(base64ToBytes(INLINE.wasm));
  const response = await fetch(new URL('./pkg/zhibiao_bg.wasm', import.meta.url));
  if (!response.ok) throw new Error(`zhibiao_bg.wasm: HTTP ${response.status}`);
  if (response.headers.get('content-type')?.startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

function base64ToBytes(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

let mainStarted = null;
/** Instantiates the engine on the main thread (for charts, the catalog, and no-worker runs). */
export function startEngine() {
  mainStarted ??= compiledModule().then((module) => {
    initSync({ module });
  });
  return mainStarted;
}

export async function catalog() {
  await startEngine();
  return engineCatalog();
}

const CHARTS = {
  bar: bar_chart_svg,
  before_after: before_after_chart_svg,
  per_population: per_population_chart_svg,
};

/** The SVG string of chart `kind` for `spec` (see crate/src/chart.rs). */
export async function chartSvg(kind, spec) {
  await startEngine();
  return CHARTS[kind](spec);
}

// ---- Extraction, in a worker where one can start ----

let worker = null;
let workerFailed = typeof Worker === 'undefined';
const jobs = new Map();
let nextJob = 1;

let workerReady = null;

/**
 * The worker, once it has been sent the compiled engine (null when none can run). The worker
 * is started at once, so that its scripts load while the Wasm compiles; it gets the module
 * when that is ready, and every job is posted after it.
 */
function currentWorker() {
  if (workerFailed) return Promise.resolve(null);
  if (worker) return workerReady;
  let started;
  try {
    const url = INLINE ? INLINE.worker : new URL('./worker.js', import.meta.url);
    started = new Worker(url, { type: 'module', name: 'zhibiao-engine' });
  } catch {
    workerFailed = true;
    return Promise.resolve(null);
  }
  worker = started;
  started.onmessage = (event) => finishJob(event.data);
  started.onerror = (event) => {
    // The worker could not load at all: read everything on the main thread from now on.
    event.preventDefault();
    workerFailed = true;
    dropWorker();
  };
  workerReady = compiledModule().then((module) => {
    // Dropped while the engine compiled: ask again (a new worker, or none).
    if (worker !== started) return currentWorker();
    started.postMessage({ type: 'init', module });
    return started;
  });
  return workerReady;
}

function finishJob({ id, result, crashed }) {
  const job = jobs.get(id);
  if (!job) return;
  jobs.delete(id);
  if (crashed) {
    // A trap leaves that Wasm instance unusable: start a fresh worker for the next file.
    dropWorker();
    job.resolve(failure(job.name, 'crash', crashed));
  } else {
    job.resolve(result);
  }
}

/** Ends the worker and runs its unfinished jobs again (on a new worker or the main thread). */
function dropWorker() {
  worker?.terminate();
  worker = null;
  const unfinished = [...jobs.values()];
  jobs.clear();
  for (const job of unfinished) run(job.message).then(job.resolve);
}

function failure(source, kind, detail = '') {
  return { source, error: detail || kind, error_kind: kind };
}

async function run(message) {
  const active = await currentWorker().catch(() => null);
  if (active) {
    return new Promise((resolve) => {
      const id = nextJob;
      nextJob += 1;
      jobs.set(id, { message, resolve, name: message.name });
      active.postMessage({ ...message, id });
    });
  }
  return runOnMainThread(message);
}

async function runOnMainThread(message) {
  try {
    await startEngine();
    if (message.type === 'text') return analyze_text(message.text, message.name);
    const bytes = new Uint8Array(await message.file.arrayBuffer());
    return analyze_bytes(bytes, message.name);
  } catch (error) {
    return failure(message.name, 'crash', String(error?.message ?? error));
  }
}

/**
 * Reads one file. Resolves to a report (offsets in UTF-16 code units, `text` filled) or to
 * `{source, error, error_kind}`; never rejects.
 */
export function analyzeFile(file) {
  if (file.size > MAX_FILE_BYTES) return Promise.resolve(failure(file.name, 'too_large'));
  return run({ type: 'file', file, name: file.name });
}

/** Reads pasted text; same result shape as analyzeFile. */
export function analyzeText(text, name) {
  return run({ type: 'text', text, name });
}

// ---- Warm-up ----

/**
 * Gets the engine ready before anyone asks: starts the worker and compiles the Wasm while the
 * page is still loading, instantiates it on the main thread and reads the catalog there (for
 * the first list and the charts), and has the worker build the engine's tables on a one-line
 * text. The first report a person opens is then read at
 * once instead of waiting for all of that. Failures are left for the real calls to report.
 */
function warmUp() {
  startEngine()
    .then(() => engineCatalog())
    .catch(() => {});
  run({ type: 'text', text: '某县。', name: 'warm-up' }).catch(() => {});
}

if (typeof window !== 'undefined') warmUp();
