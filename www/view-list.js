// The report list: one row per file with its region, encoding, counts, or its error.

import { el, replaceChildren } from './dom.js';
import { t } from './i18n.js';
import { state } from './store.js';
import { errorMessage } from './view-report.js';

export function renderList(container) {
  if (state.entries.length === 0) {
    replaceChildren(container, el('p', { class: 'empty', text: t('list_empty') }));
    return;
  }
  const rows = state.entries.map((entry) => listRow(entry));
  replaceChildren(
    container,
    el(
      'table',
      { class: 'report-list' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col', text: `${t('col_file')} · ${t('col_region')}` }),
          el('th', { scope: 'col', class: 'num', text: t('col_figures') }),
          el('th', { scope: 'col', class: 'num', text: t('col_warnings') }),
          el('th', { scope: 'col', class: 'remove-col' }, el('span', { class: 'visually-hidden', text: t('remove') })),
        ),
      ),
      el('tbody', {}, rows),
    ),
  );
}

function listRow(entry) {
  const selected = entry.id === state.selected;
  const name = el('button', {
    class: 'link file-name',
    text: entry.name,
    title: entry.name,
    dataset: { action: 'select', id: String(entry.id) },
    attrs: { 'aria-current': selected ? 'true' : 'false' },
  });
  const remove = el('button', {
    class: 'icon-button',
    text: '×',
    title: t('remove_label', { name: entry.name }),
    dataset: { action: 'remove', id: String(entry.id) },
    attrs: { 'aria-label': t('remove_label', { name: entry.name }) },
  });
  if (entry.status === 'pending') {
    return el(
      'tr',
      { class: 'pending', dataset: { entry: String(entry.id) } },
      el('td', { class: 'file' }, name, el('div', { class: 'meta muted' }, el('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), t('pending'))),
      el('td', { colSpan: 2 }),
      el('td', {}, remove),
    );
  }
  if (entry.status === 'error') {
    return el(
      'tr',
      { class: `error${selected ? ' selected' : ''}`, dataset: { entry: String(entry.id) } },
      el('td', { class: 'file', colSpan: 3 }, name, el('div', { class: 'meta error-text' }, errorMessage(entry))),
      el('td', {}, remove),
    );
  }
  const report = entry.report;
  const region = report.region
    ? el('span', { class: 'region' }, report.region.name, ' ', el('span', { class: 'adcode', text: report.region.adcode }))
    : el('span', { class: 'muted', text: t('region_unknown') });
  const warnings = report.warnings?.length ?? 0;
  return el(
    'tr',
    { class: selected ? 'selected' : '', dataset: { entry: String(entry.id) } },
    el('td', { class: 'file' }, name, el('div', { class: 'meta' }, region, el('span', { class: 'encoding', text: ` · ${report.encoding}` }))),
    report.indicators?.length
      ? el('td', { class: 'num figures', text: String(report.indicators.length) })
      : el('td', { class: 'num figures none', text: t('no_figures') }),
    el('td', { class: `num warnings${warnings ? ' has-warnings' : ''}`, text: String(warnings) }),
    el('td', {}, remove),
  );
}
