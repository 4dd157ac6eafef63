// The page's table of contents: every event the UI answers is wired in wire() below, and each
// handler says what it does in a line or two. Rendering lives in the view-*.js modules, the
// engine (Wasm, worker) in engine.js, the data in store.js, its storage in persist.js.

import { t, lang, setLang } from './i18n.js';
import {
  state,
  addPending,
  settle,
  saveEntries,
  restoreEntries,
  removeEntry,
  clearEntries,
  readReports,
  entryById,
} from './store.js';
import {
  catalog,
  analyzeFile,
  analyzeText,
  batchFits,
  setUserCatalog,
  MAX_FILE_BYTES,
  MAX_BATCH_FILES,
  MAX_BATCH_BYTES,
} from './engine.js';
import { openStorage, loadRecords, askToPersist, loadUserCatalog, saveUserCatalog } from './persist.js';
import { renderList } from './view-list.js';
import { renderReport } from './view-report.js';
import { renderCompare } from './view-compare.js';
import { renderCharts, drawnSvg } from './view-charts.js';
import { downloadCsv, downloadJson, downloadXlsx, downloadSvg, downloadPng } from './export.js';
import { analysisChoice } from './analysis.js';
import { renderIndicators, saveIndicator, editIndicator, cancelEdit, removeIndicator, exportCatalog, importCatalog } from './view-indicators.js';
import { registerOffline } from './offline.js';
import { SAMPLES } from './pkg/samples.js';

const byId = (id) => document.getElementById(id);
const TABS = ['report', 'compare', 'charts', 'indicators'];
let pastedCount = 0;

// ---- Rendering ----

function render() {
  clearTimeout(renderTimer);
  renderTimer = null;
  renderList(byId('report-list'));
  renderActivePanel();
  renderCounts();
}

function renderCounts() {
  const hasEntries = state.entries.length > 0;
  byId('clear-all').disabled = !hasEntries;
  byId('export-csv').disabled = readReports().length === 0;
  byId('export-json').disabled = readReports().length === 0;
  byId('export-xlsx').disabled = readReports().length === 0;
  byId('report-count').textContent = hasEntries ? String(state.entries.length) : '';
}

let renderTimer = null;
/**
 * While a batch is read the page is redrawn at most every 150 ms, the list row by row (only
 * rows whose file finished), the open report only when it is the one that finished, and the
 * comparison or charts at most once a second: redrawing everything after every file kept
 * the main thread busy for 60–110 ms at a time with 300 files (the batch test allows 100).
 */
function scheduleRender() {
  renderTimer ??= setTimeout(renderWhileReading, 150);
}

let panelDrawnAt = 0;
let reportDrawn = '';

function renderWhileReading() {
  renderTimer = null;
  renderList(byId('report-list'));
  renderCounts();
  const open = entryById(state.selected);
  const stale =
    state.tab === 'report' ? `${state.selected}|${open?.status}` !== reportDrawn : performance.now() - panelDrawnAt > 1000;
  if (stale) renderActivePanel();
}

function renderActivePanel() {
  panelDrawnAt = performance.now();
  reportDrawn = `${state.selected}|${entryById(state.selected)?.status}`;
  for (const tab of TABS) {
    const selected = tab === state.tab;
    byId(`tab-${tab}`).setAttribute('aria-selected', String(selected));
    byId(`tab-${tab}`).tabIndex = selected ? 0 : -1;
    byId(`panel-${tab}`).hidden = !selected;
  }
  if (state.tab === 'report') renderReport(byId('report-view'));
  if (state.tab === 'compare') renderCompare(byId('compare-view'));
  if (state.tab === 'charts') renderCharts(byId('charts-view'));
  if (state.tab === 'indicators') renderIndicators(byId('indicators-view'));
}

function showProgress() {
  const box = byId('progress');
  const progress = state.progress;
  if (!progress) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  byId('progress-bar').max = progress.total;
  byId('progress-bar').value = progress.done;
  byId('progress-text').textContent =
    progress.done < progress.total ? t('reading', progress) : t('read_done', progress);
}

function showAlert(message) {
  const alert = byId('alert');
  alert.textContent = message;
  alert.hidden = !message;
}

/** Where the reports are kept, or why they are not (quota, private mode): under the list. */
function showStorage(failure = null) {
  const note = byId('storage-note');
  note.dataset.i18n = failure ? `storage_failed_${failure}` : 'storage_ok';
  note.textContent = t(note.dataset.i18n);
  note.classList.toggle('alert-box', Boolean(failure));
  note.hidden = false;
}

// ---- Reading reports ----

let storedCatalogSet = null;
/** Puts the user's own indicators kept in this browser in force, once. Reading waits for
 * this (and only this: with none kept, the first report is read at once). */
function setStoredCatalog() {
  storedCatalogSet ??= (async () => {
    const stored = loadUserCatalog();
    if (!stored) return;
    const refused = await setUserCatalog(stored);
    if (refused) state.catalogProblem = refused;
    else useUserCatalog(stored);
  })();
  return storedCatalogSet;
}

let catalogLoaded = null;
/** Loads the indicator catalog once (after the stored user indicators are in force): the
 * comparison's columns and the Indicators tab list it. */
function loadCatalog() {
  catalogLoaded ??= (async () => {
    await setStoredCatalog();
    state.indicators = (await catalog()).indicators ?? [];
  })();
  return catalogLoaded;
}

/** Entries waiting to be read, in order; one is read at a time (the worker reads one file at
 * a time anyway), so batches dropped while another is read simply join the queue. */
const queue = [];
let reading = false;

/** Adds `jobs` ([{ name, source: File | pasted text }]) to the list, stores them, reads them. */
function readBatch(jobs) {
  if (jobs.length === 0) return;
  const entries = jobs.map((job) => addPending(job.name, job.source));
  saveEntries(entries, MAX_FILE_BYTES);
  enqueue(entries);
}

function enqueue(entries) {
  if (entries.length === 0) return;
  queue.push(...entries);
  if (state.selected === null || !state.entries.some((e) => e.id === state.selected && e.status === 'done')) {
    state.selected = entries[0].id;
    state.focus = null;
  }
  state.progress = { done: state.progress?.done ?? 0, total: (state.progress?.total ?? 0) + entries.length };
  showProgress();
  render();
  if (!reading) readQueue();
}

async function readQueue() {
  reading = true;
  try {
    await setStoredCatalog();
  } catch (error) {
    showAlert(t('engine_failed', { message: String(error?.message ?? error) }));
  }
  while (queue.length > 0) {
    const entry = queue.shift();
    // An entry removed from the list while it waited is not read at all.
    if (state.entries.includes(entry)) {
      const key = state.catalogKey;
      if (entry.status === 'pending') {
        const source = entry.source;
        settle(entry, await (typeof source === 'string' ? analyzeText(source, entry.name) : analyzeFile(source, entry.name)), key);
      } else if (entry.status === 'done' && (entry.catalog ?? '') !== key) {
        await readAgainWithCatalog(entry, key);
      }
      // The user's indicators changed while it was read: read it again with the new ones.
      // (Only then: a read that failed again must not come back for ever.)
      if (key !== state.catalogKey && entry.status === 'done') queueAgain([entry]);
    }
    if (state.progress) state.progress.done += 1;
    showProgress();
    // The report someone is looking at is shown as soon as it is read (the first result of
    // a batch, above all); the rest of the page catches up on the timer.
    if (entry.id === state.selected && state.tab === 'report') {
      clearTimeout(renderTimer);
      renderWhileReading();
    } else {
      scheduleRender();
    }
  }
  reading = false;
  if (state.progress) {
    const finished = state.progress.total;
    state.progress = { done: finished, total: finished };
    showProgress();
    state.progress = null;
  }
  render();
}

/** Reads the files of one drop or pick, unless there are more than one batch may hold. */
function addFiles(fileList) {
  const files = [...fileList];
  const fits = batchFits(files);
  if (!fits.ok) {
    showAlert(
      t('batch_too_large', {
        count: fits.count,
        size: (fits.bytes / 1024 / 1024).toFixed(0),
        max_count: MAX_BATCH_FILES,
        max_size: MAX_BATCH_BYTES / 1024 / 1024,
      }),
    );
    return;
  }
  showAlert('');
  readBatch(files.map((file) => ({ name: file.name, source: file })));
}

function addPastedText() {
  const box = byId('paste-text');
  const text = box.value;
  if (!text.trim()) {
    box.focus();
    return;
  }
  pastedCount += 1;
  const name = t('pasted_name', { n: pastedCount });
  box.value = '';
  readBatch([{ name, source: text }]);
}

/** Clearing everything takes two clicks: the first arms the button for five seconds. */
let clearArmed = null;
function clearAllClicked() {
  const button = byId('clear-all');
  if (!clearArmed) {
    button.dataset.i18n = 'clear_confirm';
    button.textContent = t('clear_confirm', { n: state.entries.length });
    button.classList.add('danger');
    clearArmed = setTimeout(disarmClear, 5000);
    return;
  }
  disarmClear();
  queue.length = 0;
  if (state.progress) state.progress = null;
  showProgress();
  clearEntries();
  render();
}

function disarmClear() {
  clearTimeout(clearArmed);
  clearArmed = null;
  const button = byId('clear-all');
  button.dataset.i18n = 'clear_all';
  button.textContent = t('clear_all');
  button.classList.remove('danger');
}

function loadSamples() {
  const files = SAMPLES.map((sample) => new File([bytesOfBase64(sample.base64)], sample.name));
  addFiles(files);
}

/** The bytes of base64 text. A plain loop: `Uint8Array.from(binary, mapFn)`, one callback a
 * byte, took ~15 ms of the click for the samples (in a fresh page, where V8 has not yet
 * optimised anything). */
function bytesOfBase64(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// ---- Own indicators: a new user catalog is in force at once, for every report ----

/** Short key of a user catalog text ('' for none), kept with each report read with it. */
function catalogKeyOf(toml) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < toml.length; i += 1) hash = Math.imul(hash ^ toml.charCodeAt(i), 0x01000193) >>> 0;
  return toml ? `${toml.length}-${hash.toString(16)}` : '';
}

function useUserCatalog(toml) {
  state.userCatalog = toml;
  state.catalogKey = catalogKeyOf(toml);
  state.catalogProblem = null;
}

/** Makes `toml` (a catalog file; '' for none) the user catalog: the engine reads with it,
 * it is stored, and every report already read is read again with it. Resolves to null or
 * the engine's refusal `{error, error_zh}` (then nothing changed). */
async function applyUserCatalog(toml) {
  await loadCatalog().catch(() => {});
  const refused = await setUserCatalog(toml);
  if (refused) return refused;
  useUserCatalog(toml);
  state.catalogStorage = saveUserCatalog(toml);
  state.indicators = (await catalog()).indicators ?? [];
  queueAgain(state.entries.filter((e) => e.status === 'done' && (e.catalog ?? '') !== state.catalogKey));
  render();
  return null;
}

/** Queues reports already read, to be read again with the catalog in force. */
function queueAgain(entries) {
  const fresh = entries.filter((entry) => !queue.includes(entry));
  if (fresh.length === 0) return;
  queue.push(...fresh);
  state.progress = { done: state.progress?.done ?? 0, total: (state.progress?.total ?? 0) + fresh.length };
  showProgress();
  if (!reading) readQueue();
}

/** Reads a report again from its decoded text (offsets stay those of the same text). */
async function readAgainWithCatalog(entry, key) {
  const { text, encoding, format } = entry.report;
  if (typeof text !== 'string') return;
  const result = await analyzeText(text, entry.name);
  if (result.error || !state.entries.includes(entry)) return;
  if (state.selected === entry.id) state.focus = null;
  settle(entry, { ...result, encoding, format }, key);
}

// ---- Event wiring: the whole UI in one place ----

function wire() {
  // Bringing reports in: paste, pick, drop, samples.
  byId('analyze-paste').addEventListener('click', addPastedText);
  byId('paste-text').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) addPastedText();
  });
  byId('file-input').addEventListener('change', (event) => {
    addFiles(event.target.files);
    event.target.value = '';
  });
  byId('load-samples').addEventListener('click', loadSamples);
  wireDropZone(byId('drop-zone'));

  // The report list: open a report, remove one, clear all.
  byId('report-list').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button) return;
    const id = Number(button.dataset.id);
    if (button.dataset.action === 'select') {
      state.selected = id;
      state.focus = null;
      state.tab = 'report';
    } else if (button.dataset.action === 'remove') {
      removeEntry(id);
    }
    render();
    if (button.dataset.action === 'remove') byId('list-heading').focus();
  });
  byId('clear-all').addEventListener('click', clearAllClicked);
  byId('clear-all').addEventListener('blur', () => clearArmed && disarmClear());

  // Tabs: click, or arrow keys between them.
  for (const tab of TABS) {
    byId(`tab-${tab}`).addEventListener('click', () => {
      state.tab = tab;
      renderActivePanel();
    });
  }
  byId('tabs').addEventListener('keydown', (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    state.tab = TABS[(TABS.indexOf(state.tab) + step + TABS.length) % TABS.length];
    renderActivePanel();
    byId(`tab-${state.tab}`).focus();
  });

  // Report view: a figure, candidate or warning clicked → show it in the text.
  byId('report-view').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action="focus"]');
    if (!button) return;
    const focus = { kind: button.dataset.kind, index: Number(button.dataset.index) };
    const same = state.focus?.kind === focus.kind && state.focus.index === focus.index;
    state.focus = same ? null : focus;
    renderReport(byId('report-view'));
    const again = byId('report-view').querySelector(
      `button[data-action="focus"][data-kind="${focus.kind}"][data-index="${focus.index}"]`,
    );
    again?.focus();
  });

  // Comparison: sort by a column, open a report, export.
  byId('compare-view').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button) return;
    if (button.dataset.action === 'sort') {
      const key = button.dataset.key;
      state.sort = { key, ascending: state.sort.key === key ? !state.sort.ascending : key === 'report' };
      renderCompare(byId('compare-view'));
      byId('compare-view').querySelector(`button[data-action="sort"][data-key="${key}"]`)?.focus();
    } else if (button.dataset.action === 'open') {
      state.selected = Number(button.dataset.id);
      state.focus = null;
      state.tab = 'report';
      renderActivePanel();
      render();
    }
  });
  // Comparison: figures as stated / per 10,000 residents / per poor person; group by province.
  byId('compare-view').addEventListener('change', (event) => {
    if (!analysisChoice(event.target)) return;
    const id = event.target.id;
    renderCompare(byId('compare-view'));
    byId(id)?.focus();
  });
  byId('export-csv').addEventListener('click', downloadCsv);
  byId('export-json').addEventListener('click', downloadJson);
  byId('export-xlsx').addEventListener('click', () =>
    downloadXlsx().catch((error) => showAlert(t('an_xlsx_failed', { message: String(error?.message ?? error) }))),
  );

  // Charts: choose an indicator, download a chart.
  byId('charts-view').addEventListener('change', (event) => {
    if (event.target.id === 'chart-indicator') state.chartIndicator = event.target.value;
    if (event.target.id === 'per-indicator') state.perIndicator = event.target.value;
    analysisChoice(event.target); // small multiples' indicators, the timeline's measure
    const id = event.target.id;
    renderCharts(byId('charts-view'));
    byId(id)?.focus();
  });
  byId('charts-view').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action^="download-"]');
    const svg = button && drawnSvg.get(button.dataset.chart);
    if (!svg) return;
    if (button.dataset.action === 'download-svg') downloadSvg(button.dataset.chart, svg);
    else downloadPng(button.dataset.chart, svg).catch((error) => showAlert(String(error?.message ?? error)));
  });

  // Own indicators: save the form, edit, remove, export, import (view-indicators.js). Each
  // change starts from the stored catalog, so it waits until that is in force.
  const indicators = byId('indicators-view');
  const afterCatalog = (action) => loadCatalog().catch(() => {}).then(action);
  indicators.addEventListener('submit', (event) => {
    event.preventDefault();
    afterCatalog(() => saveIndicator(applyUserCatalog));
  });
  indicators.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    const { action, id } = button?.dataset ?? {};
    if (action === 'edit-indicator') editIndicator(id);
    else if (action === 'remove-indicator') afterCatalog(() => removeIndicator(id, applyUserCatalog));
    else if (action === 'cancel-indicator') cancelEdit();
    else if (action === 'export-catalog') exportCatalog();
  });
  indicators.addEventListener('change', (event) => {
    if (event.target.id !== 'catalog-file') return;
    const file = event.target.files[0];
    event.target.value = '';
    afterCatalog(() => importCatalog(file, applyUserCatalog));
  });

  // Language.
  byId('lang-switch').addEventListener('click', () => {
    setLang(lang() === 'zh' ? 'en' : 'zh');
    showProgress();
    render();
  });
}

/** Files dropped on the zone are read; other drags (text, links) are left alone. */
function wireDropZone(zone) {
  const carriesFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  for (const type of ['dragenter', 'dragover']) {
    zone.addEventListener(type, (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      zone.classList.add('dragging');
    });
  }
  zone.addEventListener('dragleave', (event) => {
    if (!zone.contains(event.relatedTarget)) zone.classList.remove('dragging');
  });
  zone.addEventListener('drop', (event) => {
    zone.classList.remove('dragging');
    if (!carriesFiles(event)) return;
    event.preventDefault();
    addFiles(event.dataTransfer.files);
  });
  // A file dropped beside the zone must not make the browser leave the page to show it.
  for (const type of ['dragover', 'drop']) {
    window.addEventListener(type, (event) => {
      if (carriesFiles(event) && !zone.contains(event.target)) event.preventDefault();
    });
  }
}

/** Opens storage and puts back the reports of earlier visits; unread ones are read again. */
async function restore() {
  const kept = await openStorage((reason) => showStorage(reason));
  if (!kept) return;
  showStorage();
  askToPersist();
  const pending = restoreEntries(await loadRecords());
  if (state.entries.length === 0) return;
  if (state.selected === null) state.selected = state.entries[0].id;
  render();
  enqueue(pending);
  // The comparison orders its columns by the catalog, which comes from the engine.
  await loadCatalog().catch(() => {});
  // Reports read with other indicators than those in force (changed in another tab, or a
  // reload while they were read again) are read again.
  queueAgain(state.entries.filter((e) => e.status === 'done' && (e.catalog ?? '') !== state.catalogKey));
  render();
}

function start() {
  setLang('zh');
  wire();
  render();
  // The indicators panel lists the catalog even before any report is read.
  loadCatalog()
    .then(() => state.tab === 'indicators' && renderActivePanel())
    .catch(() => {});
  restore().finally(() => {
    document.body.dataset.restored = 'true';
  });
  registerOffline((how) => {
    const note = byId('offline-note');
    note.dataset.i18n = how === 'single' ? 'offline_single' : 'offline_ready';
    note.textContent = t(note.dataset.i18n);
    note.hidden = false;
  });
  document.body.dataset.ready = 'true';
}

start();
