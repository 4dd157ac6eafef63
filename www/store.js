// What the page knows: the reports read so far (in the order they came), which one is open,
// which figure is in focus, and the choices made in the comparison views. Every change to
// the list is also written to IndexedDB (persist.js), so the list survives a reload.

import { saveRecords, deleteRecord, deleteAllRecords } from './persist.js';

export const state = {
  /**
   * [{ id, key, seq, name, status: 'pending' | 'done' | 'error', report, error, errorKind,
   *    source }]: `id` numbers the entry in this page, `key` names its stored record, `seq`
   * orders the records, `source` is the File or pasted text while the entry is pending.
   */
  entries: [],
  /** Entry id of the report open in the report view. */
  selected: null,
  /** The figure in focus in the report view: { kind: 'indicator' | 'candidate' | 'warning', index }. */
  focus: null,
  /** The indicator catalog from the engine: [{ id, label_zh, label_en, unit, user, form }]. */
  indicators: [],
  /** The user's own indicators as a catalog file (TOML text, '' for none) and its short key;
   * why it could not be stored (null, 'unavailable', 'quota') or used ({error, error_zh}). */
  userCatalog: '',
  catalogKey: '',
  catalogStorage: null,
  catalogProblem: null,
  /** Comparison table sort: { key: 'report' | indicator id, ascending }. */
  sort: { key: null, ascending: true },
  /** Chart choices. */
  chartIndicator: null,
  perIndicator: null,
  tab: 'report',
  /** Batch progress: { done, total } while reading. */
  progress: null,
};

let lastId = 0;
let lastSeq = 0;

/** Increasing across reloads (a time in microseconds), so stored records keep their order. */
function nextSeq() {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000);
  return lastSeq;
}

/** Adds a pending entry for `source` (a File or pasted text) called `name`. */
export function addPending(name, source) {
  lastId += 1;
  const seq = nextSeq();
  const key = `${seq}-${Math.random().toString(36).slice(2, 10)}`;
  const entry = { id: lastId, key, seq, name, status: 'pending', report: null, error: null, errorKind: null, source };
  state.entries.push(entry);
  return entry;
}

/** The stored form of `entry`. A pending file too large to read is not copied into storage. */
function recordOf(entry, maxSourceBytes) {
  const source = entry.status === 'pending' && !(entry.source?.size > maxSourceBytes) ? entry.source : null;
  const { key, seq, name, status, report, error, errorKind, catalog } = entry;
  return { key, seq, name, status, report, error, errorKind, source, catalog };
}

/** Writes `entries` to storage (one transaction). */
export function saveEntries(entries, maxSourceBytes) {
  return saveRecords(entries.map((entry) => recordOf(entry, maxSourceBytes)));
}

/** Stores the engine's answer for `entry`: a report, or `{error, error_kind}`. An entry
 * removed while it was being read stays removed. */
export function settle(entry, result, catalogKey = state.catalogKey) {
  if (result && typeof result.error === 'string') {
    entry.status = 'error';
    entry.error = result.error;
    entry.errorKind = result.error_kind ?? 'crash';
  } else {
    entry.status = 'done';
    entry.report = result;
    // Which user catalog it was read with: a report read with another is read again.
    entry.catalog = catalogKey;
  }
  entry.source = null;
  if (state.entries.includes(entry)) saveEntries([entry], 0);
}

/** Puts stored records back in the list; returns the entries still to be read. */
export function restoreEntries(records) {
  const pending = [];
  // Files added while storage was opening may already be stored: they are in the list.
  const present = new Set(state.entries.map((entry) => entry.key));
  for (const record of records) {
    if (present.has(record.key)) continue;
    lastId += 1;
    lastSeq = Math.max(lastSeq, record.seq);
    const entry = { ...record, id: lastId };
    if (entry.status === 'pending' && entry.source) {
      pending.push(entry);
    } else if (entry.status === 'pending') {
      // Nothing left to read it from (a file too large to store): say so rather than drop it.
      Object.assign(entry, { status: 'error', error: 'reading was interrupted', errorKind: 'interrupted' });
    }
    state.entries.push(entry);
  }
  // Files added while storage was opening come after the stored ones.
  state.entries.sort((a, b) => a.seq - b.seq);
  return pending;
}

export function entryById(id) {
  return state.entries.find((entry) => entry.id === id) ?? null;
}

export function removeEntry(id) {
  const removed = entryById(id);
  if (removed) deleteRecord(removed.key);
  state.entries = state.entries.filter((entry) => entry.id !== id);
  if (state.selected === id) {
    state.selected = state.entries[0]?.id ?? null;
    state.focus = null;
  }
}

export function clearEntries() {
  deleteAllRecords();
  state.entries = [];
  state.selected = null;
  state.focus = null;
}

/** The reports that were read, for comparison views. */
export function readReports() {
  return state.entries.filter((entry) => entry.status === 'done');
}

/** The display name of a report: its region when known, else its file name. */
export function reportLabel(entry) {
  return entry.report?.region?.name ?? entry.name;
}

/** The catalog definition of indicator `id` (or a bare one for an id the catalog lacks). */
export function indicatorDef(id) {
  return state.indicators.find((d) => d.id === id) ?? { id, label_zh: id, label_en: id, unit: '' };
}

/** The headline of indicator `id` in `entry`'s report, if any. */
export function headline(entry, id) {
  return entry.report?.indicators?.find((h) => h.id === id) ?? null;
}

/** Catalog ids that at least one read report has a headline for, in catalog order. */
export function indicatorsPresent() {
  const present = new Set();
  for (const entry of readReports()) for (const h of entry.report.indicators ?? []) present.add(h.id);
  const ordered = state.indicators.map((d) => d.id).filter((id) => present.has(id));
  for (const id of present) if (!ordered.includes(id)) ordered.push(id);
  return ordered;
}
