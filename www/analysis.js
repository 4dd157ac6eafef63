// The analysis views' own logic, kept apart from the rendering: figures per 10,000 residents
// or per poor person, rankings with ties, regions grouped by province, time scopes as short
// tags, the measures a timeline can show; and the engine calls these views need (small
// multiples, timeline, the Excel workbook), made on the main thread like the other charts (the
// workbook by a Wasm module of its own, www/xlsx.js).

import { lang } from './i18n.js';
import { startEngine } from './engine.js';
import { small_multiples_chart_svg, timeline_chart_svg } from './pkg/zhibiao.js';
import { workbookBytes } from './xlsx.js';
import { readReports, reportLabel, headline, indicatorDef } from './store.js';

/** Choices made in the analysis views (kept here, not in store.js: they are not stored). */
export const analysisState = {
  /** The comparison's figures: 'raw', 'per10k' (per 10,000 residents) or 'perpoor'. */
  view: 'raw',
  /** Comparison rows grouped by province. */
  group: false,
  /** Indicator ids of the small multiples (null: a default set). */
  multiples: null,
  /** The timeline's measure (null: the first offered). */
  timeline: null,
};

/**
 * What each normalised view divides by: a headline of the report itself (the catalog's
 * total population; the registered poor population), never a summed or guessed figure.
 */
export const DENOMINATORS = {
  per10k: { id: 'total_population', per: 10_000 },
  perpoor: { id: 'registered_poor_population', per: 1 },
};

/** Counts, which divide meaningfully by people; percentages and money per head do not. */
const COUNT_UNITS = new Set(['person', 'household', 'village', 'person_time', 'post', 'team', 'km']);

/** Whether indicator `id` is divided by the denominator of `view`. */
export function normalisable(id, view) {
  const denominator = DENOMINATORS[view];
  if (!denominator) return false;
  return COUNT_UNITS.has(indicatorDef(id).unit) && id !== denominator.id && id !== 'total_population';
}

/**
 * Entry's figure for `id` as the comparison shows it in `view`:
 * `{ value, headline, scaled, missing }` — `value` null when the report lacks the figure or,
 * for a scaled figure, the denominator (`missing` then names the denominator id).
 */
export function viewValue(entry, id, view = analysisState.view) {
  const h = headline(entry, id);
  if (!h) return { value: null, headline: null, scaled: false, missing: null };
  if (!normalisable(id, view)) return { value: h.value, headline: h, scaled: false, missing: null };
  const { id: by, per } = DENOMINATORS[view];
  const d = headline(entry, by)?.value;
  if (!(d > 0)) return { value: null, headline: h, scaled: true, missing: by };
  return { value: (h.value / d) * per, headline: h, scaled: true, missing: null };
}

/**
 * Competition ranks ("1, 2, 2, 4") of `entries` by `valueOf(entry)` in the given direction:
 * equal values share a rank, the next rank counts them all. Entries without a value get none.
 * Returns Map(entry.id → rank).
 */
export function ranks(entries, valueOf, ascending = false) {
  const values = entries.map((e) => ({ id: e.id, v: valueOf(e) })).filter((x) => typeof x.v === 'number' && Number.isFinite(x.v));
  const ranked = new Map();
  for (const { id, v } of values) {
    const better = values.filter((o) => (ascending ? o.v < v : o.v > v)).length;
    ranked.set(id, better + 1);
  }
  return ranked;
}

/** A report's province (from its region, as the engine names it from the adcode), or null. */
export function provinceOf(entry) {
  return entry.report?.region?.province || null;
}

/**
 * `entries` (already in display order) grouped by province: [{ province, entries }], groups in
 * the order of the provinces' names, reports without a region last (`province` null).
 */
export function provinceGroups(entries) {
  const groups = new Map();
  for (const entry of entries) {
    const key = provinceOf(entry);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(entry);
  }
  const collator = new Intl.Collator('zh-CN');
  return [...groups.entries()]
    .map(([province, list]) => ({ province, entries: list }))
    .sort((a, b) => (a.province === null) - (b.province === null) || collator.compare(a.province ?? '', b.province ?? ''));
}

/**
 * A figure's time scope as a short tag and a longer title, or null when the text gives none:
 * 截至2019年底 · 累计, 2020年 · 预计; in English the year with "cumulative" / "forecast".
 */
export function timeTag(time) {
  if (!time || (!time.text && !time.year && !time.cumulative && !time.forecast)) return null;
  const zh = lang() === 'zh';
  const parts = [];
  if (zh) {
    if (time.text) parts.push(time.text);
    else if (time.year) parts.push(`${time.year}年`);
    if (time.cumulative && !/累计|以来|共计/.test(time.text ?? '')) parts.push('累计');
    if (time.forecast && !/预计/.test(time.text ?? '')) parts.push('预计');
  } else {
    if (time.year) parts.push(String(time.year));
    if (time.cumulative) parts.push('cumulative');
    if (time.forecast) parts.push('forecast');
    if (parts.length === 0 && time.text) parts.push(time.text);
  }
  const title = [time.text, time.year, time.cumulative && (zh ? '累计数' : 'cumulative total'), time.forecast && (zh ? '预计数' : 'forecast')]
    .filter(Boolean)
    .join(' · ');
  return { text: parts.join(' · '), title, forecast: Boolean(time.forecast), cumulative: Boolean(time.cumulative) };
}

// ---- Timeline ----

/** Indicators that measure the same thing at different times: one line on the timeline. */
const MEASURES = { poverty_incidence_rate_before: 'poverty_incidence_rate' };

function measureOf(id) {
  return MEASURES[id] ?? id;
}

/**
 * Every figure with a year, by measure and region: Map(measure → Map(seriesKey → { label,
 * points: [{ year, value, forecast, entry }] })). A region is keyed by its adcode (so two
 * reports of one county share a line); a report without a region is a line of its own.
 */
export function timelineData(entries = readReports()) {
  const measures = new Map();
  for (const entry of entries) {
    for (const h of entry.report.indicators ?? []) {
      const year = h.time?.year;
      if (!Number.isInteger(year)) continue;
      const measure = measureOf(h.id);
      const key = entry.report.region?.adcode ?? `entry-${entry.id}`;
      if (!measures.has(measure)) measures.set(measure, new Map());
      const series = measures.get(measure);
      if (!series.has(key)) series.set(key, { label: reportLabel(entry), points: [] });
      series.get(key).points.push({ year, value: h.value, forecast: Boolean(h.time.forecast), entry: entry.id });
    }
  }
  return measures;
}

/** Whether a line shows change: two reports of the region, or figures of two years. */
function moving(series) {
  const years = new Set(series.points.map((p) => p.year));
  const reports = new Set(series.points.map((p) => p.entry));
  return series.points.length >= 2 && (years.size >= 2 || reports.size >= 2);
}

/** Measures the timeline is offered for, in catalog order, each with its moving lines. */
export function timelineMeasures(entries = readReports(), order = []) {
  const offered = [];
  for (const [measure, series] of timelineData(entries)) {
    const lines = [...series.values()].filter(moving);
    if (lines.length > 0) offered.push({ id: measure, series: lines });
  }
  const rank = (id) => (order.includes(id) ? order.indexOf(id) : order.length);
  return offered.sort((a, b) => rank(a.id) - rank(b.id));
}

// ---- The engine's part ----

/** SVG of small multiples (crate/src/chart.rs `SmallMultiplesSpec`). */
export async function smallMultiplesSvg(spec) {
  await startEngine();
  return small_multiples_chart_svg(spec);
}

/** SVG of the timeline (crate/src/chart.rs `TimelineSpec`). */
export async function timelineSvg(spec) {
  await startEngine();
  return timeline_chart_svg(spec);
}

/**
 * The comparison of `entries` as .xlsx bytes (crate/src/xlsx.rs), written by the Excel module
 * (loaded on the first call). Each report crosses to it without its text and candidates,
 * which the workbook does not use.
 */
export async function comparisonXlsx(entries) {
  const reports = entries.map((entry) => {
    const { text, candidates, ...rest } = entry.report;
    return rest;
  });
  return workbookBytes(reports);
}

/** Updates `analysisState` from a control of the analysis views; true when it was one. */
export function analysisChoice(target) {
  if (target.name === 'compare-view-mode') analysisState.view = target.value;
  else if (target.id === 'compare-group') analysisState.group = target.checked;
  else if (target.name === 'multiples') {
    const chosen = new Set(analysisState.multiples ?? []);
    if (target.checked) chosen.add(target.value);
    else chosen.delete(target.value);
    analysisState.multiples = [...chosen];
  } else if (target.id === 'timeline-measure') analysisState.timeline = target.value;
  else return false;
  return true;
}
