// One report: its headline indicators (each with its time scope), the figures derived from
// them and how, its text with the evidence highlighted at the engine's offsets (UTF-16 code
// units, so they index the JS string directly), the other candidates of the figure in focus
// with why they lost, and the data-quality warnings (a conflict links both of its spans).
// Engine sentences (reasons, warnings, formulas) come in the interface's language.

import { el, replaceChildren } from './dom.js';
import { t, has, lang } from './i18n.js';
import { formatValue, formatNumber, unitLabel } from './format.js';
import { timeTag } from './analysis.js';
import { state, entryById } from './store.js';
import { MAX_FILE_BYTES } from './engine.js';

/** Texts longer than this show only a window around the figure in focus. */
const FULL_TEXT_LIMIT = 300_000;
const WINDOW = 40_000;

/** A file's error in the interface language (the engine's English sentence as a tooltip). */
export function errorMessage(entry) {
  const key = `error_${entry.errorKind}`;
  const message = has(key) ? t(key, { limit: MAX_FILE_BYTES / 1024 / 1024 }) : entry.error;
  return el('span', { text: message, title: entry.error ?? '' });
}

export function renderReport(container) {
  const entry = entryById(state.selected);
  if (!entry) {
    replaceChildren(container, el('p', { class: 'empty', text: t('report_none') }));
    return;
  }
  const heading = el('h2', { class: 'report-title', text: entry.name });
  if (entry.status === 'pending') {
    replaceChildren(container, heading, el('p', { class: 'muted', text: t('pending') }));
    return;
  }
  if (entry.status === 'error') {
    const message = t('report_error', { message: '' });
    replaceChildren(container, heading, el('p', { class: 'alert-box' }, message, errorMessage(entry)));
    return;
  }
  const report = entry.report;
  replaceChildren(
    container,
    heading,
    reportMeta(report),
    el(
      'div',
      { class: 'report-grid' },
      el(
        'div',
        { class: 'report-side' },
        indicatorSection(report),
        derivedSection(report),
        candidateSection(report),
        warningSection(report),
      ),
      textSection(report),
    ),
  );
  scrollToFocus(container);
}

function reportMeta(report) {
  const parts = [];
  if (report.region) {
    parts.push(
      el(
        'span',
        { class: 'chip region-chip' },
        report.region.name,
        ' ',
        el('span', { class: 'adcode', text: report.region.adcode }),
        report.region.province && report.region.province !== report.region.name
          ? el('span', { class: 'muted', text: ` · ${report.region.province}` })
          : null,
      ),
    );
  } else {
    parts.push(el('span', { class: 'chip muted', text: t('region_unknown') }));
  }
  parts.push(el('span', { class: 'chip', text: `${t('encoding')}: ${report.encoding}` }));
  parts.push(el('span', { class: 'chip', text: `${t('format')}: ${report.format}` }));
  return el('div', { class: 'report-meta' }, parts);
}

function isFocused(kind, index) {
  return state.focus?.kind === kind && state.focus.index === index;
}

function indicatorSection(report) {
  const indicators = report.indicators ?? [];
  const body = indicators.length
    ? el(
        'div',
        { class: 'table-scroll' },
        el(
          'table',
          { class: 'indicators' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              el('th', { scope: 'col', text: t('th_label_zh') }),
              el('th', { scope: 'col', class: 'num', text: t('th_value') }),
              el('th', { scope: 'col', text: t('th_qualifier') }),
              el('th', { scope: 'col', text: t('th_evidence') }),
            ),
          ),
          el('tbody', {}, indicators.map((h, index) => indicatorRow(report, h, index))),
        ),
      )
    : el('p', { class: 'empty', text: t('indicators_none') });
  return el('section', { class: 'card' }, el('h3', { text: t('indicators_heading') }), body);
}

function indicatorRow(report, h, index) {
  const focused = isFocused('indicator', index);
  const value = el('button', {
    class: 'figure',
    text: formatValue(h),
    title: t('show_in_text', { text: h.text }),
    dataset: { action: 'focus', kind: 'indicator', index: String(index) },
    attrs: { 'aria-pressed': focused ? 'true' : 'false' },
  });
  return el(
    'tr',
    { class: focused ? 'focused' : '', dataset: { indicator: h.id } },
    el('td', { class: 'label' }, el('div', { text: h.label_zh }), el('div', { class: 'label-en', text: h.label_en })),
    el('td', { class: 'num value' }, value),
    el('td', { class: 'qualifier', text: h.qualifier ?? '' }),
    el('td', { class: 'evidence' }, evidence(report, h), timeNote(h.time)),
  );
}

/** Characters of the sentence shown on each side of the figure in the table. */
const EVIDENCE_CONTEXT = 45;

/** The evidence sentence with the figure marked inside it (long sentences cut around it). */
function evidence(report, h) {
  const text = report.text ?? '';
  const from = h.sentence_start;
  const to = h.sentence_end;
  if (!(from <= h.start && h.end <= to && to <= text.length)) return el('span', { text: h.sentence });
  const left = Math.max(from, h.start - EVIDENCE_CONTEXT);
  const right = Math.min(to, h.end + EVIDENCE_CONTEXT);
  return el(
    'span',
    { title: h.sentence },
    left > from ? '…' : '',
    text.slice(left, h.start),
    el('mark', { class: 'inline-figure', text: text.slice(h.start, h.end) }),
    text.slice(h.end, right),
    right < to ? '…' : '',
  );
}

function timeNote(time) {
  const tag = timeTag(time);
  return tag ? el('div', { class: `time-note${tag.forecast ? ' forecast' : ''}`, text: tag.text, title: tag.title }) : null;
}

/** An engine sentence in the interface's language (the English one when no Chinese). */
function said(en, zh) {
  return lang() === 'zh' && zh ? zh : en;
}

/** Derived figures that recompute a stated one: the stated figure is shown beside them. */
const RECOMPUTES = { poverty_incidence_recomputed: 'poverty_incidence_rate' };

/** Figures computed from the headlines, each with its formula and the figures it used. */
function derivedSection(report) {
  const derived = report.derived ?? [];
  if (derived.length === 0) return null;
  const indicators = report.indicators ?? [];
  const items = derived.map((d) => {
    const inputs = d.inputs.map((id) => {
      const index = indicators.findIndex((h) => h.id === id);
      if (index < 0) return el('span', { text: id });
      const h = indicators[index];
      return el('button', {
        class: 'derived-input',
        text: `${lang() === 'zh' ? h.label_zh : h.label_en} ${formatValue(h)}`,
        title: t('show_in_text', { text: h.text }),
        dataset: { action: 'focus', kind: 'indicator', index: String(index) },
        attrs: { 'aria-pressed': isFocused('indicator', index) ? 'true' : 'false' },
      });
    });
    const value = d.unit === 'percent' ? `${formatNumber(d.value)}%` : `${formatNumber(d.value)} ${unitLabel(d.unit)}`;
    const stated = indicators.find((h) => h.id === RECOMPUTES[d.id]);
    return el(
      'li',
      { dataset: { derived: d.id } },
      el(
        'div',
        { class: 'derived-head' },
        el('span', { class: 'derived-label', text: lang() === 'zh' ? d.label_zh : d.label_en }),
        el('span', { class: 'derived-value', text: value }),
      ),
      el(
        'div',
        { class: 'derived-how' },
        el('span', { class: 'formula', text: `= ${said(d.formula, d.formula_zh)}` }),
        stated ? el('span', { class: 'stated', text: t('an_derived_stated', { value: formatValue(stated) }) }) : null,
      ),
      el('div', { class: 'derived-inputs' }, el('span', { class: 'muted', text: t('an_derived_from') }), inputs),
    );
  });
  return el(
    'section',
    { class: 'card derived-card' },
    el('h3', { text: t('an_derived_heading') }),
    el('p', { class: 'hint', text: t('an_derived_hint') }),
    el('ul', { class: 'derived-list' }, items),
  );
}

/** The indicator id whose candidates are listed: that of the figure in focus. */
function focusedIndicatorId(report) {
  if (state.focus?.kind === 'indicator') return report.indicators?.[state.focus.index]?.id ?? null;
  if (state.focus?.kind === 'candidate') return report.candidates?.[state.focus.index]?.id ?? null;
  return null;
}

function candidateSection(report) {
  const id = focusedIndicatorId(report);
  if (!id) return null;
  const headline = report.indicators.find((h) => h.id === id);
  const label = headline ? (lang() === 'zh' ? headline.label_zh : headline.label_en) : id;
  const items = (report.candidates ?? [])
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => c.id === id && c.status !== 'headline');
  const list = items.length
    ? el(
        'ul',
        { class: 'candidates' },
        items.map(({ c, index }) =>
          el(
            'li',
            { class: isFocused('candidate', index) ? 'focused' : '' },
            el('button', {
              class: 'figure small',
              text: formatValue(c),
              title: t('show_in_text', { text: c.text }),
              dataset: { action: 'focus', kind: 'candidate', index: String(index) },
              attrs: { 'aria-pressed': isFocused('candidate', index) ? 'true' : 'false' },
            }),
            el('span', { class: 'badge lost', text: t('candidate_lost') }),
            el('span', { class: 'reason', text: said(c.reason, c.reason_zh) }),
          ),
        ),
      )
    : el('p', { class: 'empty', text: t('candidates_none') });
  return el('section', { class: 'card' }, el('h3', { text: t('candidates_heading', { label }) }), list);
}

export function warningKindLabel(kind) {
  const key = `warning_kind_${kind}`;
  return has(key) ? t(key) : kind;
}

function warningSection(report) {
  const warnings = report.warnings ?? [];
  const list = warnings.length
    ? el(
        'ul',
        { class: 'warnings-list' },
        warnings.map((w, index) =>
          el(
            'li',
            { class: isFocused('warning', index) || isFocused('related', index) ? 'focused' : '', dataset: { kind: w.kind } },
            el('button', {
              class: 'badge warning-kind',
              text: warningKindLabel(w.kind),
              title: t('show_in_text', { text: (report.text ?? '').slice(w.start, w.end) }),
              dataset: { action: 'focus', kind: 'warning', index: String(index) },
              attrs: { 'aria-pressed': isFocused('warning', index) ? 'true' : 'false' },
            }),
            el('span', { class: 'reason', text: said(w.message, w.message_zh) }),
            warningSpans(report, w, index),
          ),
        ),
      )
    : el('p', { class: 'empty', text: t('warnings_none') });
  return el('section', { class: 'card' }, el('h3', { text: t('warnings_heading') }), list);
}

/** Characters of a warning's span quoted in the list. */
const SPAN_QUOTE = 24;

/** A warning with related spans (a conflict's other figure, a paragraph's first copy): both
 * spans quoted, each a button showing it in the text with the other highlighted too. */
function warningSpans(report, w, index) {
  const related = w.related ?? [];
  if (related.length === 0) return null;
  const text = report.text ?? '';
  const quote = (start, end) => {
    const piece = text.slice(start, end);
    return piece.length > SPAN_QUOTE ? `${piece.slice(0, SPAN_QUOTE)}…` : piece;
  };
  const button = (kind, [start, end]) =>
    el('button', {
      class: 'span-link',
      text: quote(start, end),
      title: t('show_in_text', { text: quote(start, end) }),
      dataset: { action: 'focus', kind, index: String(index) },
      attrs: { 'aria-pressed': isFocused(kind, index) ? 'true' : 'false' },
    });
  return el(
    'div',
    { class: 'warning-spans' },
    button('warning', [w.start, w.end]),
    el('span', { class: 'muted', text: '↔', attrs: { 'aria-hidden': 'true' } }),
    button('related', related[0]),
  );
}

/** The spans to highlight for the current focus: [{ start, end, cls, title }]. */
function highlightRanges(report) {
  const ranges = [];
  const focus = state.focus;
  const candidates = report.candidates ?? [];
  const sameIndicator = (id, except) =>
    candidates.forEach((c, i) => {
      if (c.id === id && i !== except) ranges.push({ start: c.start, end: c.end, cls: 'candidate', title: said(c.reason, c.reason_zh) });
    });
  if (focus?.kind === 'indicator' || focus?.kind === 'candidate') {
    const figure = focus.kind === 'indicator' ? report.indicators[focus.index] : candidates[focus.index];
    if (figure) {
      ranges.push({ start: figure.sentence_start, end: figure.sentence_end, cls: 'sentence' });
      const own = focus.kind === 'candidate' ? focus.index : figure.candidate;
      sameIndicator(figure.id, own);
      ranges.push({ start: figure.start, end: figure.end, cls: 'focus', title: figure.reason ? said(figure.reason, figure.reason_zh) : figure.label_zh });
    }
  } else if (focus?.kind === 'warning' || focus?.kind === 'related') {
    // Both spans of the warning are marked; the one chosen is in focus (scrolled to).
    const w = report.warnings[focus.index];
    if (w) {
      const message = said(w.message, w.message_zh);
      const spans = [[w.start, w.end], ...(w.related ?? [])];
      const chosen = focus.kind === 'related' && spans.length > 1 ? 1 : 0;
      spans.forEach(([start, end], i) => {
        ranges.push({ start, end, cls: i === chosen ? 'warning focus' : 'warning related', title: message });
      });
    }
  } else {
    for (const h of report.indicators ?? []) ranges.push({ start: h.start, end: h.end, cls: 'figure-mark', title: h.label_zh });
    for (const w of report.warnings ?? []) ranges.push({ start: w.start, end: w.end, cls: 'warning', title: said(w.message, w.message_zh) });
  }
  return ranges.filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.end > r.start);
}

function textSection(report) {
  const text = report.text ?? '';
  const ranges = highlightRanges(report);
  let from = 0;
  let to = text.length;
  if (text.length > FULL_TEXT_LIMIT) {
    const anchor = ranges.find((r) => r.cls.includes('focus'))?.start ?? 0;
    from = Math.max(0, anchor - WINDOW);
    to = Math.min(text.length, anchor + WINDOW);
  }
  const pre = el(
    'pre',
    { class: 'report-text', tabIndex: 0, attrs: { 'aria-label': t('text_heading') } },
    from > 0 ? '…\n' : null,
    highlighted(text, ranges, from, to),
    to < text.length ? '\n…' : null,
  );
  return el(
    'section',
    { class: 'card text-card' },
    el('h3', { text: t('text_heading') }),
    el('p', { class: 'hint', text: t('text_hint') }),
    pre,
  );
}

/** `text[from, to)` as text nodes and <mark>s; overlapping ranges combine their classes. */
function highlighted(text, ranges, from, to) {
  const cuts = new Set([from, to]);
  for (const r of ranges) {
    cuts.add(Math.min(Math.max(r.start, from), to));
    cuts.add(Math.min(Math.max(r.end, from), to));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [start, end] = [points[i], points[i + 1]];
    if (start === end) continue;
    const covering = ranges.filter((r) => r.start <= start && end <= r.end);
    const piece = text.slice(start, end);
    if (covering.length === 0) {
      nodes.push(piece);
      continue;
    }
    const classes = new Set(covering.flatMap((r) => r.cls.split(' ')));
    const title = covering.map((r) => r.title).filter(Boolean).at(-1);
    nodes.push(el('mark', { class: [...classes].join(' '), text: piece, title }));
  }
  return nodes;
}

/** Scrolls the text panel (only it, not the page) so the figure in focus is in view. */
function scrollToFocus(container) {
  const pre = container.querySelector('.report-text');
  const mark = pre?.querySelector('mark.focus');
  if (!pre || !mark) return;
  requestAnimationFrame(() => {
    // .report-text is position: relative, so offsetTop counts from its top.
    pre.scrollTop = Math.max(0, mark.offsetTop - pre.clientHeight / 3);
  });
}
