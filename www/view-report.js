// One report: its headline indicators, its text with the evidence highlighted at the engine's
// offsets (UTF-16 code units, so they index the JS string directly), the other candidates of
// the figure in focus with why they lost, and the data-quality warnings.

import { el, replaceChildren } from './dom.js';
import { t, has, lang } from './i18n.js';
import { formatValue } from './format.js';
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
      el('div', { class: 'report-side' }, indicatorSection(report), candidateSection(report), warningSection(report)),
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
  if (!time) return null;
  const parts = [];
  if (time.text) parts.push(time.text);
  else if (time.year) parts.push(String(time.year));
  if (time.cumulative) parts.push(lang() === 'zh' ? '累计' : 'cumulative');
  if (time.forecast) parts.push(lang() === 'zh' ? '预计' : 'forecast');
  return parts.length ? el('div', { class: 'time-note', text: parts.join(' · ') }) : null;
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
            el('span', { class: 'reason', text: c.reason }),
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
            { class: isFocused('warning', index) ? 'focused' : '' },
            el('button', {
              class: 'badge warning-kind',
              text: warningKindLabel(w.kind),
              title: t('show_in_text', { text: (report.text ?? '').slice(w.start, w.end) }),
              dataset: { action: 'focus', kind: 'warning', index: String(index) },
              attrs: { 'aria-pressed': isFocused('warning', index) ? 'true' : 'false' },
            }),
            el('span', { class: 'reason', text: w.message }),
          ),
        ),
      )
    : el('p', { class: 'empty', text: t('warnings_none') });
  return el('section', { class: 'card' }, el('h3', { text: t('warnings_heading') }), list);
}

/** The spans to highlight for the current focus: [{ start, end, cls, title }]. */
function highlightRanges(report) {
  const ranges = [];
  const focus = state.focus;
  const candidates = report.candidates ?? [];
  const sameIndicator = (id, except) =>
    candidates.forEach((c, i) => {
      if (c.id === id && i !== except) ranges.push({ start: c.start, end: c.end, cls: 'candidate', title: c.reason });
    });
  if (focus?.kind === 'indicator' || focus?.kind === 'candidate') {
    const figure = focus.kind === 'indicator' ? report.indicators[focus.index] : candidates[focus.index];
    if (figure) {
      ranges.push({ start: figure.sentence_start, end: figure.sentence_end, cls: 'sentence' });
      const own = focus.kind === 'candidate' ? focus.index : figure.candidate;
      sameIndicator(figure.id, own);
      ranges.push({ start: figure.start, end: figure.end, cls: 'focus', title: figure.reason ?? figure.label_zh });
    }
  } else if (focus?.kind === 'warning') {
    const w = report.warnings[focus.index];
    if (w) {
      for (const [start, end] of w.related ?? []) ranges.push({ start, end, cls: 'warning related' });
      ranges.push({ start: w.start, end: w.end, cls: 'warning focus', title: w.message });
    }
  } else {
    for (const h of report.indicators ?? []) ranges.push({ start: h.start, end: h.end, cls: 'figure-mark', title: h.label_zh });
    for (const w of report.warnings ?? []) ranges.push({ start: w.start, end: w.end, cls: 'warning', title: w.message });
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
