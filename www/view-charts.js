// The comparison charts: one indicator across reports, incidence before → after, per 10,000
// people, small multiples (a panel per chosen indicator) and, when some region has figures of
// several years or several reports, a timeline. The SVG comes from Rust (crate/src/chart.rs,
// escaped there); it is parsed as image/svg+xml and adopted as an element, never as HTML.

import { el, replaceChildren } from './dom.js';
import { t, lang } from './i18n.js';
import { unitLabel } from './format.js';
import { chartSvg } from './engine.js';
import { state, readReports, reportLabel, indicatorDef, headline, indicatorsPresent } from './store.js';
import { analysisState, timelineMeasures, smallMultiplesSvg, timelineSvg } from './analysis.js';

/** The last SVG string drawn for each chart kind, for the downloads. */
export const drawnSvg = new Map();

const NOT_PER_PERSON = new Set(['percent', 'yuan']);
let renderCount = 0;

function label(def) {
  return lang() === 'zh' ? def.label_zh : `${def.label_en} (${def.label_zh})`;
}

export function renderCharts(container) {
  renderCount += 1;
  const thisRender = renderCount;
  const entries = readReports();
  drawnSvg.clear();
  if (entries.length === 0) {
    replaceChildren(container, el('p', { class: 'empty', text: t('charts_empty') }));
    return;
  }
  const present = indicatorsPresent();
  if (!present.includes(state.chartIndicator)) state.chartIndicator = present[0] ?? null;
  const perOptions = present.filter(
    (id) => id !== 'total_population' && !NOT_PER_PERSON.has(indicatorDef(id).unit),
  );
  if (!perOptions.includes(state.perIndicator)) state.perIndicator = perOptions[0] ?? null;

  const multiples = chosenMultiples(present);
  const measures = timelineMeasures(entries, state.indicators.map((d) => d.id));
  if (!measures.some((m) => m.id === analysisState.timeline)) analysisState.timeline = measures[0]?.id ?? null;
  const specs = {
    bar: barSpec(entries, state.chartIndicator),
    before_after: incidenceSpec(entries),
    per_population: perSpec(entries, state.perIndicator),
    small_multiples: multiplesSpec(entries, multiples),
  };
  if (measures.length > 0) specs.timeline = timelineSpec(measures.find((m) => m.id === analysisState.timeline));
  const figures = {
    bar: chartFigure('bar', indicatorSelect('chart-indicator', 'chart_indicator', present, state.chartIndicator)),
    before_after: chartFigure('before_after', null),
    per_population: chartFigure(
      'per_population',
      indicatorSelect('per-indicator', 'chart_per_indicator', perOptions, state.perIndicator),
    ),
    small_multiples: chartFigure('small_multiples', multiplesChooser(present, multiples)),
  };
  if (specs.timeline) {
    const ids = measures.map((m) => m.id);
    figures.timeline = chartFigure('timeline', indicatorSelect('timeline-measure', 'an_timeline_measure', ids, analysisState.timeline));
  }
  replaceChildren(container, Object.values(figures));
  for (const [kind, spec] of Object.entries(specs)) {
    const draw = { small_multiples: smallMultiplesSvg, timeline: timelineSvg }[kind] ?? ((s) => chartSvg(kind, s));
    draw(spec)
      .then((svg) => {
        if (thisRender !== renderCount) return;
        drawnSvg.set(kind, svg);
        insertSvg(figures[kind].querySelector('.chart-canvas'), svg, spec.title);
      })
      .catch((error) => {
        if (thisRender !== renderCount) return;
        const message = t('chart_failed', { message: String(error?.message ?? error) });
        replaceChildren(figures[kind].querySelector('.chart-canvas'), el('p', { class: 'alert-box', text: message }));
      });
  }
}

function chartFigure(kind, control) {
  return el(
    'figure',
    { class: 'card chart', dataset: { chart: kind } },
    el(
      'div',
      { class: 'chart-toolbar' },
      control ?? el('span'),
      el(
        'div',
        { class: 'button-row' },
        el('button', { class: 'secondary', text: t('download_svg'), dataset: { action: 'download-svg', chart: kind } }),
        el('button', { class: 'secondary', text: t('download_png'), dataset: { action: 'download-png', chart: kind } }),
      ),
    ),
    el('div', { class: 'chart-canvas' }),
  );
}

function indicatorSelect(id, labelKey, options, selected) {
  if (options.length === 0) return el('span');
  const select = el(
    'select',
    { id, dataset: { action: id } },
    options.map((option) => el('option', { value: option, text: label(indicatorDef(option)), selected: option === selected })),
  );
  return el('label', { class: 'select-label', htmlFor: id }, el('span', { text: t(labelKey) }), select);
}

function barSpec(entries, id) {
  const def = indicatorDef(id ?? '');
  const items = id
    ? entries.filter((e) => headline(e, id)).map((e) => ({ label: reportLabel(e), value: headline(e, id).value }))
    : [];
  return {
    title: id ? t('chart_bar_title', { label: label(def) }) : t('chart_no_data'),
    subtitle: id ? t('chart_bar_subtitle', { unit: unitLabel(def.unit), count: items.length }) : '',
    unit: unitLabel(def.unit),
    items,
    empty_text: t('chart_no_data'),
  };
}

function incidenceSpec(entries) {
  const items = entries
    .map((e) => ({
      label: reportLabel(e),
      before: headline(e, 'poverty_incidence_rate_before')?.value ?? null,
      after: headline(e, 'poverty_incidence_rate')?.value ?? null,
    }))
    .filter((item) => item.before !== null || item.after !== null);
  return {
    title: t('chart_incidence_title'),
    subtitle: '',
    before_label: t('chart_incidence_before'),
    after_label: t('chart_incidence_after'),
    unit: '%',
    items,
    empty_text: t('chart_no_data'),
  };
}

function perSpec(entries, id) {
  const def = indicatorDef(id ?? '');
  const withPopulation = entries.filter((e) => headline(e, 'total_population'));
  const items = id
    ? withPopulation
        .filter((e) => headline(e, id))
        .map((e) => ({
          label: reportLabel(e),
          value: headline(e, id).value,
          population: headline(e, 'total_population').value,
        }))
    : [];
  return {
    title: t('chart_per_title', { label: id ? label(def) : '' }),
    subtitle: t('chart_per_subtitle', { count: withPopulation.length }),
    unit: unitLabel(def.unit),
    per: 10000,
    items,
    empty_text: t('chart_no_data'),
  };
}

/** Indicators preferred for the small multiples when none were chosen yet. */
const MULTIPLES_DEFAULT = ['poor_population_lifted', 'poor_villages_exited', 'poverty_incidence_rate', 'per_capita_disposable_income'];
const MULTIPLES_MAX = 12;

/** The chosen indicators still present (catalog order); the first time, a default set. */
function chosenMultiples(present) {
  if (analysisState.multiples === null) {
    const preferred = MULTIPLES_DEFAULT.filter((id) => present.includes(id));
    analysisState.multiples = preferred.length ? preferred : present.slice(0, 4);
  }
  return present.filter((id) => analysisState.multiples.includes(id)).slice(0, MULTIPLES_MAX);
}

function multiplesChooser(present, chosen) {
  return el(
    'fieldset',
    { class: 'multiples-choice' },
    el('legend', { text: t('an_multiples_choose', { max: MULTIPLES_MAX }) }),
    present.map((id) =>
      el(
        'label',
        { class: 'choice' },
        el('input', { type: 'checkbox', name: 'multiples', id: `multiples-${id}`, value: id, checked: chosen.includes(id) }),
        el('span', { text: label(indicatorDef(id)) }),
      ),
    ),
  );
}

function multiplesSpec(entries, ids) {
  return {
    title: t('an_multiples_title'),
    subtitle: t('an_multiples_subtitle', { panels: ids.length, count: entries.length }),
    panels: ids.map((id) => {
      const def = indicatorDef(id);
      return {
        title: lang() === 'zh' ? def.label_zh : def.label_en,
        unit: unitLabel(def.unit),
        items: entries.map((e) => ({ label: reportLabel(e), value: headline(e, id)?.value ?? null })),
      };
    }),
    empty_text: ids.length ? t('chart_no_data') : t('an_multiples_none'),
  };
}

function timelineSpec(measure) {
  const def = indicatorDef(measure.id);
  const points = measure.series.reduce((n, s) => n + s.points.length, 0);
  return {
    title: t('an_timeline_title', { label: label(def) }),
    subtitle: t('an_timeline_subtitle', { lines: measure.series.length, points }),
    unit: unitLabel(def.unit),
    series: measure.series.map((s) => ({
      label: s.label,
      points: s.points.map(({ year, value, forecast }) => ({ year, value, forecast })),
    })),
    empty_text: t('chart_no_data'),
  };
}

/** Parses `svg` as SVG and puts the element into `container`. */
function insertSvg(container, svg, title) {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg' || doc.querySelector('parsererror')) {
    throw new Error('not an SVG');
  }
  const node = document.importNode(root, true);
  node.setAttribute('role', 'img');
  node.setAttribute('aria-label', title);
  node.classList.add('chart-svg');
  replaceChildren(container, node);
}
