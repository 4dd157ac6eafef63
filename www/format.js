// Numbers and units as the page shows them: thousands separators, the unit in the
// interface language ("63,101 人" / "63,101 people", "97.91%").

import { lang } from './i18n.js';

const UNITS = {
  person: { zh: '人', en: 'people' },
  household: { zh: '户', en: 'households' },
  village: { zh: '个村', en: 'villages' },
  percent: { zh: '%', en: '%' },
  yuan: { zh: '元', en: 'yuan' },
  km: { zh: '公里', en: 'km' },
  person_time: { zh: '人次', en: 'person-times' },
  team: { zh: '支', en: 'teams' },
  post: { zh: '个', en: 'posts' },
  count: { zh: '个', en: 'count' },
};

const formatters = new Map();

/** 63101 → "63,101"; at most two decimals. */
export function formatNumber(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  const locale = lang() === 'zh' ? 'zh-CN' : 'en-US';
  if (!formatters.has(locale)) {
    formatters.set(locale, new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }));
  }
  return formatters.get(locale).format(value);
}

/** The unit's word in the current language ("人", "people"); unknown ids are shown as given. */
export function unitLabel(unit) {
  return UNITS[unit]?.[lang()] ?? unit ?? '';
}

/** "63,101 人", "97.91%", "1,000–2,000 人" for a stated range. */
export function formatValue(figure) {
  let number = formatNumber(figure.value);
  if (typeof figure.value_max === 'number') number += `–${formatNumber(figure.value_max)}`;
  const unit = unitLabel(figure.unit);
  return figure.unit === 'percent' ? `${number}${unit}` : `${number} ${unit}`;
}
