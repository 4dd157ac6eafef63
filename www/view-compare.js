// The comparison table: one row per report that was read, one column per indicator any of
// them states; sortable by any column (missing values always last, ties by report name) with
// a rank column for the sorted indicator; figures as stated, per 10,000 residents or per
// registered poor person; each figure with its time scope; rows optionally grouped by province.

import { el, replaceChildren } from './dom.js';
import { t, lang } from './i18n.js';
import { formatValue, unitLabel } from './format.js';
import { state, readReports, reportLabel, indicatorDef, indicatorsPresent } from './store.js';
import { analysisState, viewValue, normalisable, ranks, provinceGroups, timeTag } from './analysis.js';

const VIEWS = ['raw', 'per10k', 'perpoor'];

function collator() {
  return new Intl.Collator(lang() === 'zh' ? 'zh-CN' : 'en');
}

/** The read entries in the table's current order (by the figures of the current view). */
export function sortedEntries() {
  const entries = readReports();
  const { key, ascending } = state.sort;
  if (!key) return entries;
  const direction = ascending ? 1 : -1;
  const names = collator();
  const byName = (a, b) => names.compare(reportLabel(a), reportLabel(b));
  return [...entries].sort((a, b) => {
    if (key === 'report') return direction * byName(a, b);
    const x = viewValue(a, key).value;
    const y = viewValue(b, key).value;
    if (x === null || y === null) return (x === null) - (y === null) || byName(a, b);
    return direction * (x - y) || byName(a, b);
  });
}

export function renderCompare(container) {
  const entries = readReports();
  if (entries.length === 0) {
    replaceChildren(container, el('p', { class: 'empty', text: t('compare_empty') }));
    return;
  }
  const view = VIEWS.includes(analysisState.view) ? analysisState.view : 'raw';
  const ids = indicatorsPresent();
  const rankKey = ids.includes(state.sort.key) ? state.sort.key : null;
  const rankOf = rankKey ? ranks(entries, (e) => viewValue(e, rankKey, view).value, state.sort.ascending) : null;
  const header = el(
    'tr',
    {},
    sortHeader('report', t('compare_report'), t('compare_report')),
    el('th', { scope: 'col', text: 'adcode' }),
    el('th', {
      scope: 'col',
      class: 'num rank-col',
      text: t('an_rank'),
      title: rankKey ? t('an_rank_by', { label: labelOf(rankKey) }) : t('an_rank_hint'),
    }),
    ids.map((id) => {
      const def = indicatorDef(id);
      const scaledNote = view !== 'raw' ? el('div', { class: 'view-note', text: normalisable(id, view) ? t(`an_view_unit_${view}`) : t('an_view_as_stated') }) : null;
      return sortHeader(id, [el('div', { text: def.label_zh }), el('div', { class: 'label-en', text: def.label_en }), scaledNote], def.label_zh);
    }),
  );
  const row = (entry) =>
    el(
      'tr',
      { dataset: { entry: String(entry.id) } },
      el(
        'th',
        { scope: 'row' },
        el('button', { class: 'link', text: reportLabel(entry), title: entry.name, dataset: { action: 'open', id: String(entry.id) } }),
      ),
      el('td', { class: 'adcode', text: entry.report.region?.adcode ?? '' }),
      el('td', { class: 'num rank', text: rankOf?.has(entry.id) ? String(rankOf.get(entry.id)) : '' }),
      ids.map((id) => cell(entry, id, view)),
    );
  const sorted = sortedEntries();
  const columns = ids.length + 3;
  const bodies = analysisState.group
    ? provinceGroups(sorted).map(({ province, entries: list }) =>
        el(
          'tbody',
          { class: 'province-group', dataset: { province: province ?? '' } },
          el(
            'tr',
            { class: 'group-row' },
            el('th', { scope: 'colgroup', colSpan: columns, text: `${province ?? t('an_province_unknown')} (${list.length})` }),
          ),
          list.map(row),
        ),
      )
    : [el('tbody', {}, sorted.map(row))];
  replaceChildren(
    container,
    controls(view),
    el('div', { class: 'table-scroll' }, el('table', { class: 'compare', dataset: { view } }, el('thead', {}, header), bodies)),
  );
}

/** The view switch, the grouping switch, and what the current view divides by. */
function controls(view) {
  const radios = VIEWS.map((v) =>
    el(
      'label',
      { class: 'choice' },
      el('input', { type: 'radio', name: 'compare-view-mode', id: `compare-view-${v}`, value: v, checked: v === view }),
      el('span', { text: t(`an_view_${v}`) }),
    ),
  );
  return el(
    'div',
    { class: 'compare-controls' },
    el('fieldset', { class: 'view-switch' }, el('legend', { text: t('an_view_legend') }), radios),
    el(
      'label',
      { class: 'choice' },
      el('input', { type: 'checkbox', id: 'compare-group', checked: analysisState.group }),
      el('span', { text: t('an_group_province') }),
    ),
    el('p', { class: 'hint view-explain', text: t(`an_view_explain_${view}`) }),
  );
}

/** Per-person figures can be small (0.27 person-times per poor person): more decimals then. */
function formatScaled(value, unit) {
  const digits = Math.abs(value) < 1 ? 4 : 2;
  const locale = lang() === 'zh' ? 'zh-CN' : 'en-US';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  return `${number} ${unitLabel(unit)}`;
}

function labelOf(id) {
  const def = indicatorDef(id);
  return lang() === 'zh' ? def.label_zh : def.label_en;
}

function cell(entry, id, view) {
  const { value, headline: h, scaled, missing } = viewValue(entry, id, view);
  if (!h) return el('td', { class: 'num', dataset: { indicator: id } }, '—');
  const tag = timeTag(h.time);
  const shown = scaled
    ? value === null
      ? el('span', { class: 'muted', text: '—', title: t('an_no_denominator', { label: labelOf(missing) }) })
      : el('span', { text: formatScaled(value, h.unit), title: `${formatValue(h)}${h.qualifier ? ` (${h.qualifier})` : ''}` })
    : `${formatValue(h)}${h.qualifier ? ` (${h.qualifier})` : ''}`;
  return el(
    'td',
    { class: `num${scaled ? ' scaled' : ''}`, dataset: { indicator: id, value: value === null ? '' : String(value) } },
    shown,
    tag ? el('span', { class: `time-tag${tag.forecast ? ' forecast' : ''}`, text: tag.text, title: tag.title }) : null,
  );
}

function sortHeader(key, content, label) {
  const active = state.sort.key === key;
  const sort = active ? (state.sort.ascending ? 'ascending' : 'descending') : 'none';
  const arrow = active ? (state.sort.ascending ? '▲' : '▼') : '↕';
  return el(
    'th',
    { scope: 'col', attrs: { 'aria-sort': sort } },
    el(
      'button',
      { class: 'sort', dataset: { action: 'sort', key }, title: t('sort_by', { label }) },
      el('span', { class: 'sort-label' }, content),
      el('span', { class: 'sort-arrow', text: arrow, attrs: { 'aria-hidden': 'true' } }),
    ),
  );
}
