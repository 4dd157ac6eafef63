// What the page knows: the reports read so far (in the order they came), which one is open,
// which figure is in focus, and the choices made in the comparison views.

export const state = {
  /** [{ id, name, status: 'pending' | 'done' | 'error', report, error, errorKind }] */
  entries: [],
  /** Entry id of the report open in the report view. */
  selected: null,
  /** The figure in focus in the report view: { kind: 'indicator' | 'candidate' | 'warning', index }. */
  focus: null,
  /** The indicator catalog from the engine: [{ id, label_zh, label_en, unit }]. */
  indicators: [],
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

export function addPending(name) {
  lastId += 1;
  const entry = { id: lastId, name, status: 'pending', report: null, error: null, errorKind: null };
  state.entries.push(entry);
  return entry;
}

/** Stores the engine's answer for `entry`: a report, or `{error, error_kind}`. */
export function settle(entry, result) {
  if (result && typeof result.error === 'string') {
    entry.status = 'error';
    entry.error = result.error;
    entry.errorKind = result.error_kind ?? 'crash';
  } else {
    entry.status = 'done';
    entry.report = result;
  }
}

export function entryById(id) {
  return state.entries.find((entry) => entry.id === id) ?? null;
}

export function removeEntry(id) {
  state.entries = state.entries.filter((entry) => entry.id !== id);
  if (state.selected === id) {
    state.selected = state.entries[0]?.id ?? null;
    state.focus = null;
  }
}

export function clearEntries() {
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
