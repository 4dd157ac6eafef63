// The comparison table: one row per report that was read, one column per indicator any of
// them states; sortable by any column (missing values always last).

import { el, replaceChildren } from './dom.js';
import { t, lang } from './i18n.js';
import { formatValue } from './format.js';
import { state, readReports, reportLabel, indicatorDef, headline, indicatorsPresent } from './store.js';

/** The read entries in the table's current order. */
export function sortedEntries() {
  const entries = readReports();
  const { key, ascending } = state.sort;
  if (!key) return entries;
  const direction = ascending ? 1 : -1;
  const collator = new Intl.Collator(lang() === 'zh' ? 'zh-CN' : 'en');
  return [...entries].sort((a, b) => {
    if (key === 'report') return direction * collator.compare(reportLabel(a), reportLabel(b));
    const x = headline(a, key)?.value;
    const y = headline(b, key)?.value;
    if (x === undefined || y === undefined) return (x === undefined) - (y === undefined);
    return direction * (x - y);
  });
}

export function renderCompare(container) {
  const entries = readReports();
  if (entries.length === 0) {
    replaceChildren(container, el('p', { class: 'empty', text: t('compare_empty') }));
    return;
  }
  const ids = indicatorsPresent();
  const header = el(
    'tr',
    {},
    sortHeader('report', t('compare_report'), t('compare_report')),
    el('th', { scope: 'col', text: 'adcode' }),
    ids.map((id) => {
      const def = indicatorDef(id);
      return sortHeader(id, [el('div', { text: def.label_zh }), el('div', { class: 'label-en', text: def.label_en })], def.label_zh);
    }),
  );
  const rows = sortedEntries().map((entry) =>
    el(
      'tr',
      { dataset: { entry: String(entry.id) } },
      el(
        'th',
        { scope: 'row' },
        el('button', { class: 'link', text: reportLabel(entry), title: entry.name, dataset: { action: 'open', id: String(entry.id) } }),
      ),
      el('td', { class: 'adcode', text: entry.report.region?.adcode ?? '' }),
      ids.map((id) => {
        const h = headline(entry, id);
        return el('td', { class: 'num', dataset: { indicator: id } }, h ? `${formatValue(h)}${h.qualifier ? ` (${h.qualifier})` : ''}` : '—');
      }),
    ),
  );
  replaceChildren(
    container,
    el('div', { class: 'table-scroll' }, el('table', { class: 'compare' }, el('thead', {}, header), el('tbody', {}, rows))),
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
