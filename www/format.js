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

/**
 * 63101 → "63,101"; at most two decimals; "-" for negatives. What Intl.NumberFormat writes
 * for zh-CN and en-US (both group by three with "," and write "."; tests/browser/
 * format.test.mjs compares them), by hand: the first Intl formatter loads locale data,
 * 30-40 ms on the main thread just as the first report is drawn.
 */
export function formatNumber(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  const text = String(Math.abs(value));
  if (text.includes('e')) {
    // Below 1e-6 (rounds to 0) or from 1e21 up (no report states such a figure).
    if (Math.abs(value) >= 1) return new Intl.NumberFormat('en-US').format(value);
    return value < 0 ? '-0' : '0';
  }
  // Like Intl, round the shortest decimal that reads back as the value, half away from zero
  // (0.015 → "0.02", though the double is a hair below 0.015).
  const [whole, decimals = ''] = text.split('.');
  const cents = BigInt(whole + decimals.slice(0, 2).padEnd(2, '0')) + (decimals[2] >= '5' ? 1n : 0n);
  const fraction = String(cents % 100n).padStart(2, '0').replace(/0+$/, '');
  const grouped = String(cents / 100n).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
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
