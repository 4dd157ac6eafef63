// Starts the Rust engine (Wasm) lazily, once, and runs extraction in a Web Worker so the page
// stays responsive while many files are read. Charts are drawn on the main thread (they are
// quick, and the main thread needs the engine anyway when no worker can run).
//
// www/boot.js compiles the .wasm and starts the first worker before this module runs (see
// BOOT). Later workers (after a crash, or to free a huge report's memory) come from ./worker.js
// when served, or in the single-file build (dist/zhibiao.html) from
// globalThis.__ZHIBIAO_INLINE.worker, a data: URL (the only worker a file:// page may start).

import {
  initSync,
  analyze_bytes,
  analyze_text,
  catalog as engineCatalog,
  set_user_catalog,
  bar_chart_svg,
  before_after_chart_svg,
  per_population_chart_svg,
} from './pkg/zhibiao.js';
import { catalogFile } from './catalog-file.js';

/**
 * The largest file read, as the engine's own limit (decode.rs MAX_REPORT_BYTES). Checked on
 * `file.size` before a byte is read, so a 200 MB file is refused at once. The largest report
 * this allows peaks at about 0.6 GB in the tab (README, "Limits").
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** At most this many files, and this many bytes of readable files, in one drop or pick. */
export const MAX_BATCH_FILES = 500;
export const MAX_BATCH_BYTES = 100 * 1024 * 1024;
/**
 * A worker whose Wasm memory grew past this (Wasm memory never shrinks) is ended after its
 * job and a fresh one starts for the next file, so one huge report does not keep the tab
 * large for the rest of the session.
 */
const RECYCLE_WORKER_BYTES = 256 * 1024 * 1024;

const INLINE = globalThis.__ZHIBIAO_INLINE;

/**
 * What www/boot.js started before this module ran (index.html loads it first; the single
 * file inlines it): the compile of the .wasm and the worker, already sent the module and a
 * warm-up text. Taken once; null when the browser has no WebAssembly.
 */
const BOOT = takeBoot();

function takeBoot() {
  const boot = globalThis.__ZHIBIAO_BOOT ?? null;
  delete globalThis.__ZHIBIAO_BOOT;
  return boot;
}

/** The compiled WebAssembly.Module (boot.js compiles it once), shared with the worker. */
function compiledModule() {
  return BOOT?.compiled ?? Promise.reject(new Error('this browser cannot run WebAssembly'));
}

let mainStarted = null;
/**
 * Instantiates the engine on the main thread (for charts, catalog edits, and no-worker runs).
 * Not at start-up: building its tables there took the main thread 60-80 ms just when the
 * worker needed it to start and the first report needed it to be drawn (see warmUp).
 */
export function startEngine() {
  mainStarted ??= compiledModule().then((module) => {
    initSync({ module });
  });
  return mainStarted;
}

/** The catalog in force (see `catalog` in crate/src/wasm.rs), from the worker when one runs. */
export async function catalog() {
  return run({ type: 'indicators', name: 'catalog' });
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
  if (BOOT?.worker) return adoptBootWorker();
  let started;
  try {
    const url = INLINE ? INLINE.worker : new URL('./worker.js', import.meta.url);
    started = new Worker(url, { type: 'module', name: 'zhibiao-engine' });
  } catch {
    workerFailed = true;
    return Promise.resolve(null);
  }
  listenTo(started);
  workerReady = compiledModule().then((module) => {
    // Dropped while the engine compiled: ask again (a new worker, or none).
    if (worker !== started) return currentWorker();
    started.postMessage({ type: 'init', module });
    initedWorker = started;
    // Every new worker reads with the user's indicators too (set before any job is posted).
    if (userCatalog) started.postMessage({ type: 'catalog', toml: userCatalog, catalog: userCatalogRead });
    return started;
  });
  return workerReady;
}

/** Makes `started` the worker and listens to it. */
function listenTo(started) {
  worker = started;
  started.onmessage = (event) => finishJob(event.data);
  started.onerror = (event) => {
    // The worker could not load at all: read everything on the main thread from now on.
    event.preventDefault();
    workerFailed = true;
    dropWorker();
  };
}

/** Takes over the worker boot.js started (once): it already has the module (posted when the
 * compile ended, before anything of ours) and a warm-up job of its own. */
function adoptBootWorker() {
  const started = BOOT.worker;
  BOOT.worker = null;
  if (BOOT.failed) {
    workerFailed = true;
    started.terminate();
    return Promise.resolve(null);
  }
  listenTo(started);
  initedWorker = started;
  for (const data of BOOT.early) finishJob(data);
  // boot.js's `then` on the same promise runs before this one: its init message goes first.
  workerReady = compiledModule().then(() => {
    if (worker !== started) return currentWorker();
    if (userCatalog) started.postMessage({ type: 'catalog', toml: userCatalog, catalog: userCatalogRead });
    return started;
  });
  return workerReady;
}

function finishJob({ id, result, crashed, memory }) {
  const job = jobs.get(id);
  if (!job) {
    // boot.js's warm-up (id 0) trapped: that instance is unusable.
    if (crashed) dropWorker();
    return;
  }
  jobs.delete(id);
  if (!job.message.warmUp && job.message.type !== 'indicators') startEngineSoon();
  if (!crashed && memory > RECYCLE_WORKER_BYTES && jobs.size === 0) {
    worker?.terminate();
    worker = null;
  }
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

const MB = 1024 * 1024;

function tooLarge(source, size) {
  const detail = `the file is ${(size / MB).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / MB} MB per report`;
  return failure(source, 'too_large', detail);
}

/**
 * Whether `files` may be read as one batch: `{ ok: true }` or `{ ok: false, count, bytes }`.
 * Files over the per-file cap are not counted in the bytes: they are refused one by one.
 */
export function batchFits(files) {
  const bytes = files.reduce((sum, f) => sum + (f.size <= MAX_FILE_BYTES ? f.size : 0), 0);
  const ok = files.length <= MAX_BATCH_FILES && bytes <= MAX_BATCH_BYTES;
  return { ok, count: files.length, bytes };
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
    if (message.type === 'indicators') return engineCatalog();
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
export function analyzeFile(file, name = file.name) {
  if (file.size > MAX_FILE_BYTES) return Promise.resolve(tooLarge(name, file.size));
  return run({ type: 'file', file, name });
}

/** Reads pasted text; same result shape as analyzeFile, and the same size cap (in UTF-8). */
export function analyzeText(text, name) {
  // Cheap bound first: a UTF-16 unit is at most 3 UTF-8 bytes.
  if (text.length * 3 > MAX_FILE_BYTES) {
    const size = new Blob([text]).size;
    if (size > MAX_FILE_BYTES) return Promise.resolve(tooLarge(name, size));
  }
  return run({ type: 'text', text, name });
}

// ---- The user's own indicators (view-indicators.js) ----

/** The user catalog (TOML text) every engine instance reads with; '' for none. */
let userCatalog = '';
/** The catalog the catalog file module read from it (what the engine is given). */
let userCatalogRead = null;
/** The worker that has been sent the engine (and so the catalog, from then on). */
let initedWorker = null;

/**
 * Makes `toml` (a user catalog file; '' for none) the catalog every report is read with,
 * on the main thread and in the worker. Resolves to null, or to `{error, error_zh}` for a
 * bad file, which changes nothing. Jobs posted after this resolves use the new catalog.
 * The file is read by the catalog file module (www/catalog-file.js, loaded here the first
 * time there is a file to read); the engine gets what it read.
 */
export async function setUserCatalog(toml) {
  let read = null;
  if (toml.trim()) {
    const answer = (await catalogFile()).read_user_catalog(toml);
    if (answer.error) return answer;
    read = answer.catalog;
  }
  await startEngine();
  const refused = set_user_catalog(toml, read);
  if (refused) return refused;
  userCatalog = toml;
  userCatalogRead = read;
  // A worker still starting gets it with the engine (see currentWorker).
  if (worker && worker === initedWorker) worker.postMessage({ type: 'catalog', toml, catalog: read });
  return null;
}

/** Edits of the user catalog text, done by the catalog file module (crate/src/wasm_catalog.rs):
 * each resolves to `{toml, ids}` or `{error, error_zh, field}` and changes nothing in force. */
export async function userCatalogWith(current, form, editing, replaceBuiltin) {
  const tools = await catalogFile();
  return tools.user_catalog_with_indicator(current, form, editing ?? undefined, Boolean(replaceBuiltin));
}

export async function userCatalogWithout(current, id) {
  return (await catalogFile()).user_catalog_without_indicator(current, id);
}

export async function userCatalogImport(current, imported) {
  return (await catalogFile()).user_catalog_import(current, imported);
}

// ---- Warm-up ----

/**
 * Gets the engine ready before anyone asks: starts the worker and compiles the Wasm while the
 * page is still loading, and has the worker build the engine's tables on a one-line text, so
 * the first report a person opens is read at once. The main thread's own instance (charts,
 * catalog edits) waits until the worker has answered once, then starts when the main thread
 * is free (startEngineSoon): started with the worker, it kept the main thread busy just when
 * the worker's scripts and the first result needed it. Failures are left for the real calls
 * to report.
 */
function warmUp() {
  if (BOOT?.worker) {
    // boot.js has sent the warm-up already; take the worker over now.
    currentWorker().catch(() => {});
    return;
  }
  run({ type: 'text', text: WARM_UP_TEXT, name: 'warm-up', warmUp: true }).catch(() => {});
}

/**
 * What the worker reads first, before any report: a sentence with the commonest kinds of
 * figure, so that V8 compiles the engine's code on it (each Wasm function is compiled on its
 * first call) rather than on the first real report. boot.js has the same text.
 */
export const WARM_UP_TEXT =
  '某县建档立卡贫困户1.2万户4.56万人全部脱贫，38个贫困村出列，贫困发生率由12.5%降至0，' +
  '农村居民人均可支配收入达到9860元，新建农村公路320公里。';

let soon = false;
/** Starts the main thread's instance a little after the first report is back (and drawn). */
function startEngineSoon() {
  if (soon || mainStarted) return;
  soon = true;
  setTimeout(() => startEngine().catch(() => {}), 50);
}

if (typeof window !== 'undefined') warmUp();
