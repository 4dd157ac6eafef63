// The 指标 / Indicators panel: the built-in indicators, the user's own ones (added, edited
// and removed with a form), and their catalog file, exported as .toml and imported from one.
// That file is the very one `zhibiao --catalog FILE` reads: the engine writes and checks it
// (crate/src/wasm.rs, crate/src/catalog.rs); this module shows it and gathers the form.
// Putting a new catalog in force (engine, storage, every report read again) is app.js's
// `apply(toml)`, handed to the actions below, which resolves to null or the engine's refusal.
//
// The form and the file it makes: cues → `near` (a word within 16 chars of the figure, in
// its clause), scope → `sentence` of the same rule (a word anywhere in the figure's sentence:
// the rule needs both), exclude → `exclude` (a word in the clause rules the figure out).

import { el, replaceChildren } from './dom.js';
import { t, lang } from './i18n.js';
import { unitLabel } from './format.js';
import { state } from './store.js';
import { userCatalogWith, userCatalogWithout, userCatalogImport } from './engine.js';
import { download } from './export.js';

/** The units the form offers (crate/src/catalog.rs UNITS). */
export const UNITS = ['person', 'household', 'village', 'percent', 'yuan', 'km', 'person_time', 'team', 'post', 'count'];
const FIELDS = ['id', 'label_zh', 'label_en', 'unit', 'cues', 'scope', 'exclude'];
const OPTIONAL = new Set(['label_en', 'scope', 'exclude']);
/** The largest catalog file imported (a catalog of hundreds of indicators is ~100 KB). */
const MAX_CATALOG_BYTES = 1024 * 1024;

/** The id being edited (null: the form adds), and the last message: { error, text(), field }. */
const ui = { editing: null, message: null };
/** The panel's parts, built once per language so that typing is never lost to a redraw. */
let built = null;

const inputId = (field) => `indicator-${field.replace('_', '-')}`;
const byId = (id) => document.getElementById(id);

/** The refusal `{error, error_zh}` in the interface language. */
function refusalText(refusal) {
  return lang() === 'zh' ? refusal.error_zh ?? refusal.error : refusal.error;
}

function say(error, text, field = null) {
  ui.message = { error, text, field };
}

export function renderIndicators(container) {
  if (!built || built.container !== container || built.lang !== lang() || !container.contains(built.form)) {
    const values = built?.container === container ? readForm() : null;
    build(container);
    if (values) fillForm(values);
  }
  const user = state.indicators.filter((d) => d.user);
  const builtin = state.indicators.filter((d) => !d.user);
  built.userCount.textContent = user.length ? String(user.length) : '';
  built.exportButton.disabled = !state.userCatalog;
  replaceChildren(built.userBox, user.length ? userTable(user) : el('p', { class: 'empty', text: t('indicators_none_yet') }));
  built.builtinSummary.textContent = t('indicators_builtin_heading', { n: builtin.length });
  replaceChildren(built.builtinBox, builtinTable(builtin));
  renderMessage();
  const editing = ui.editing;
  built.formHeading.textContent = editing ? t('indicator_form_edit', { id: editing }) : t('indicator_form_add');
  built.cancel.hidden = !editing;
}

function renderMessage() {
  const box = built.message;
  const storage = state.catalogStorage ? t(`indicators_storage_${state.catalogStorage}`) : '';
  const problem = state.catalogProblem ? t('indicators_stored_bad', { message: refusalText(state.catalogProblem) }) : '';
  const text = [ui.message?.text() ?? '', problem, storage].filter(Boolean).join(' ');
  box.textContent = text;
  box.hidden = !text;
  box.classList.toggle('alert-box', Boolean(ui.message?.error || problem || storage));
  box.classList.toggle('ok-box', Boolean(text) && !box.classList.contains('alert-box'));
  for (const field of FIELDS) {
    const input = byId(inputId(field));
    if (ui.message?.field === field) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
}

function build(container) {
  const field = (name, input, hint) =>
    el(
      'div',
      { class: `form-field field-${name}` },
      el('label', { class: 'field-label', htmlFor: inputId(name), text: t(`indicator_${name}`) + (OPTIONAL.has(name) ? t('indicator_optional') : '') }),
      input,
      hint ? el('p', { class: 'hint', text: t(hint) }) : null,
    );
  const text = (name, placeholder) =>
    el('input', { type: 'text', id: inputId(name), name, autocomplete: 'off', spellcheck: false, placeholder: placeholder ? t(placeholder) : '' });
  const unit = el(
    'select',
    { id: inputId('unit'), name: 'unit' },
    UNITS.map((u) => el('option', { value: u, text: `${unitLabel(u)} (${u})` })),
  );
  const replace = el('input', { type: 'checkbox', id: 'indicator-replace', name: 'replace_builtin' });
  const form = el(
    'form',
    { id: 'indicator-form', class: 'indicator-form', noValidate: true },
    el(
      'div',
      { class: 'form-grid' },
      field('id', text('id', 'indicator_id_placeholder'), 'indicator_id_hint'),
      field('label_zh', text('label_zh', 'indicator_label_zh_placeholder')),
      field('label_en', text('label_en', 'indicator_label_en_placeholder')),
      field('unit', unit),
      field('cues', text('cues', 'indicator_cues_placeholder'), 'indicator_cues_hint'),
      field('scope', text('scope', 'indicator_scope_placeholder'), 'indicator_scope_hint'),
      field('exclude', text('exclude', 'indicator_exclude_placeholder'), 'indicator_exclude_hint'),
    ),
    el('label', { class: 'check-label' }, replace, t('indicator_replace_builtin')),
    el(
      'div',
      { class: 'button-row' },
      el('button', { type: 'submit', id: 'indicator-save', text: t('indicator_save') }),
      el('button', { type: 'button', class: 'secondary', id: 'indicator-cancel', text: t('indicator_cancel'), dataset: { action: 'cancel-indicator' } }),
    ),
  );
  const fileInput = el('input', { type: 'file', id: 'catalog-file', class: 'file-input', accept: '.toml,text/plain,application/toml' });
  const exportButton = el('button', { type: 'button', class: 'secondary', id: 'export-catalog', text: t('indicators_export'), dataset: { action: 'export-catalog' } });
  const userCount = el('span', { class: 'count' });
  const formHeading = el('h3', { id: 'indicator-form-heading', tabIndex: -1 });
  const message = el('p', { id: 'indicators-message', class: 'indicators-message', attrs: { role: 'status', 'aria-live': 'polite' } });
  const userBox = el('div', { id: 'user-indicators' });
  const builtinSummary = el('summary');
  const builtinBox = el('div', { class: 'table-scroll' });
  replaceChildren(
    container,
    el('p', { class: 'intro', text: t('indicators_intro') }),
    el(
      'section',
      { class: 'card indicator-card', attrs: { 'aria-labelledby': 'user-indicators-heading' } },
      el(
        'div',
        { class: 'card-header' },
        el('h3', { id: 'user-indicators-heading' }, t('indicators_user_heading'), ' ', userCount),
        el(
          'div',
          { class: 'button-row' },
          exportButton,
          fileInput,
          el('label', { htmlFor: 'catalog-file', class: 'button secondary', text: t('indicators_import') }),
        ),
      ),
      message,
      userBox,
    ),
    el('section', { class: 'card indicator-card', attrs: { 'aria-labelledby': 'indicator-form-heading' } }, formHeading, form),
    el('section', { class: 'card indicator-card' }, el('details', { class: 'builtin-indicators' }, builtinSummary, builtinBox)),
  );
  built = { container, lang: lang(), form, exportButton, userCount, formHeading, message, userBox, builtinSummary, builtinBox, cancel: form.querySelector('#indicator-cancel') };
}

function words(list) {
  return (list ?? []).join('、');
}

function userTable(user) {
  const rows = user.map((def) => {
    const form = def.form;
    const rule = def.rule?.[0] ?? {};
    return el(
      'tr',
      { dataset: { indicator: def.id } },
      el('td', {}, el('code', { text: def.id }), def.replaces_builtin ? el('div', { class: 'badge replaces', text: t('indicator_replaces') }) : null),
      el('td', {}, el('div', { text: def.label_zh }), el('div', { class: 'label-en', text: def.label_en })),
      el('td', { text: unitLabel(def.unit) }),
      el('td', { class: 'words', text: form ? form.cues : words([...(rule.before ?? []), ...(rule.near ?? []), ...(rule.after ?? [])]) }),
      el('td', { class: 'words', text: form ? form.scope : words(rule.sentence) }),
      el('td', { class: 'words', text: words(def.exclude) }),
      el(
        'td',
        { class: 'actions' },
        el('button', {
          type: 'button',
          class: 'secondary small',
          text: t('indicator_edit'),
          disabled: !form,
          title: form ? t('indicator_edit_label', { id: def.id }) : t('indicator_edit_in_file'),
          dataset: { action: 'edit-indicator', id: def.id },
        }),
        el('button', {
          type: 'button',
          class: 'secondary small danger',
          text: t('indicator_remove'),
          title: t('indicator_remove_label', { id: def.id }),
          attrs: { 'aria-label': t('indicator_remove_label', { id: def.id }) },
          dataset: { action: 'remove-indicator', id: def.id },
        }),
      ),
    );
  });
  return el('div', { class: 'table-scroll' }, el('table', { class: 'indicator-table user' }, tableHead(true), el('tbody', {}, rows)));
}

function builtinTable(builtin) {
  const rows = builtin.map((def) =>
    el(
      'tr',
      { dataset: { indicator: def.id } },
      el('td', {}, el('code', { text: def.id })),
      el('td', {}, el('div', { text: def.label_zh }), el('div', { class: 'label-en', text: def.label_en })),
      el('td', { text: unitLabel(def.unit) }),
      el('td', { class: 'words', colSpan: 3, text: words([...new Set((def.rule ?? []).flatMap((r) => [...(r.before ?? []), ...(r.near ?? []), ...(r.after ?? [])]))]) }),
    ),
  );
  return el('table', { class: 'indicator-table builtin' }, tableHead(false), el('tbody', {}, rows));
}

function tableHead(user) {
  const th = (key) => el('th', { scope: 'col', text: t(key) });
  return el(
    'thead',
    {},
    el(
      'tr',
      {},
      th('indicator_id'),
      th('indicator_label'),
      th('indicator_unit'),
      user ? [th('indicator_cues'), th('indicator_scope'), th('indicator_exclude'), el('th', { scope: 'col' }, el('span', { class: 'visually-hidden', text: t('indicator_actions') }))] : el('th', { scope: 'col', colSpan: 3, text: t('indicator_cues') }),
    ),
  );
}

/** The form's fields as the engine takes them (crate/src/catalog.rs IndicatorForm). */
function readForm() {
  const values = {};
  for (const field of FIELDS) values[field] = byId(inputId(field))?.value ?? '';
  values.replace_builtin = Boolean(byId('indicator-replace')?.checked);
  return values;
}

function fillForm(values) {
  for (const field of FIELDS) byId(inputId(field)).value = values[field] ?? (field === 'unit' ? UNITS[0] : '');
  byId('indicator-replace').checked = Boolean(values.replace_builtin);
}

function rerender() {
  if (built) renderIndicators(built.container);
}

// ---- Actions (wired in app.js) ----

/** Saves the form: the indicator is added (or the edited one replaced) and put in force. */
export async function saveIndicator(apply) {
  const { replace_builtin: replaceBuiltin, ...form } = readForm();
  const result = await userCatalogWith(state.userCatalog, form, ui.editing, replaceBuiltin);
  if (result.error) {
    say(true, () => refusalText(result), result.field ?? null);
    rerender();
    byId(inputId(result.field ?? 'id'))?.focus();
    return;
  }
  const refused = await apply(result.toml);
  if (refused) {
    say(true, () => refusalText(refused));
    rerender();
    return;
  }
  const label = form.label_zh.trim();
  const count = state.entries.filter((e) => e.status === 'done').length;
  say(false, () => t(count ? 'indicator_saved_reading' : 'indicator_saved', { label, n: count }));
  ui.editing = null;
  fillForm({});
  rerender();
}

/** Puts a user indicator in the form, to be changed and saved again. */
export function editIndicator(id) {
  const def = state.indicators.find((d) => d.user && d.id === id);
  if (!def?.form) return;
  ui.editing = id;
  ui.message = null;
  fillForm({ ...def.form, replace_builtin: def.replaces_builtin });
  rerender();
  byId(inputId('label_zh'))?.focus();
}

export function cancelEdit() {
  ui.editing = null;
  ui.message = null;
  fillForm({});
  rerender();
}

/** Removes a user indicator (a built-in one it replaced comes back). */
export async function removeIndicator(id, apply) {
  const result = await userCatalogWithout(state.userCatalog, id);
  // Without any indicator left there is no user catalog (nothing to export or store).
  const refused = result.error ? result : await apply(result.ids.length ? result.toml : '');
  if (refused) say(true, () => refusalText(refused));
  else say(false, () => t('indicator_removed', { id }));
  if (!refused && ui.editing === id) cancelEdit();
  rerender();
}

/** Downloads the user catalog: the file `zhibiao --catalog` reads. */
export function exportCatalog() {
  if (!state.userCatalog) return;
  download('zhibiao-indicators.toml', new Blob([state.userCatalog], { type: 'application/toml' }));
}

/** Adds the indicators of a catalog file to the user's own (a bad file changes nothing). */
export async function importCatalog(file, apply) {
  if (!file) return;
  const name = file.name;
  const failed = (message) => {
    say(true, () => t('indicators_import_failed', { name, message: message() }));
    rerender();
  };
  if (file.size > MAX_CATALOG_BYTES) {
    failed(() => t('indicators_import_too_large', { limit: MAX_CATALOG_BYTES / 1024 }));
    return;
  }
  let text;
  try {
    text = await file.text();
  } catch (error) {
    failed(() => String(error?.message ?? error));
    return;
  }
  const result = await userCatalogImport(state.userCatalog, text);
  const refused = result.error ? result : await apply(result.toml);
  if (refused) {
    failed(() => refusalText(refused));
    return;
  }
  say(false, () => t('indicators_imported', { name, n: result.ids.length, ids: result.ids.join(', ') }));
  rerender();
}
