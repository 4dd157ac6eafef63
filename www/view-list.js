// The report list: one row per file with its region, encoding, counts, or its error.

import { el, replaceChildren } from './dom.js';
import { t, lang } from './i18n.js';
import { state } from './store.js';
import { errorMessage } from './view-report.js';

/** The rows drawn, by entry id, with what they showed; a row is rebuilt only when that
 * changes, and rows that stay are not touched, so a list of hundreds stays cheap to update. */
const drawn = new Map();
let table = null;
let drawnLang = null;

export function renderList(container) {
  if (state.entries.length === 0) {
    drawn.clear();
    table = null;
    replaceChildren(container, el('p', { class: 'empty', text: t('list_empty') }));
    return;
  }
  if (!table || !container.contains(table) || drawnLang !== lang()) {
    drawn.clear();
    drawnLang = lang();
    table = el('table', { class: 'report-list' }, listHead(), el('tbody'));
    replaceChildren(container, table);
  }
  const tbody = table.tBodies[0];
  const live = new Set();
  let at = tbody.firstChild;
  for (const entry of state.entries) {
    live.add(entry.id);
    // And its figure count: a report read again (own indicators changed) may have more.
    const key = `${entry.status}|${entry.id === state.selected}|${entry.name}|${entry.report?.indicators?.length}`;
    let row = drawn.get(entry.id);
    if (!row || row.key !== key) {
      const old = drawn.get(entry.id)?.tr;
      if (old === at) at = at.nextSibling;
      old?.remove();
      row = { key, tr: listRow(entry) };
      drawn.set(entry.id, row);
    }
    if (row.tr === at) {
      at = at.nextSibling;
    } else {
      tbody.insertBefore(row.tr, at);
    }
  }
  for (const [id, row] of drawn) {
    if (!live.has(id)) {
      row.tr.remove();
      drawn.delete(id);
    }
  }
}

function listHead() {
  return el(
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
