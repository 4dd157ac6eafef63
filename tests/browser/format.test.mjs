// The page's number formatting (www/format.js) against Intl.NumberFormat, which it replaced
// for start-up time: the same text for both interface languages, whatever the value.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { formatNumber } from '../../www/format.js';

test('formatNumber writes what Intl.NumberFormat writes, in zh-CN and en-US', () => {
  const values = [0, 0.4, 0.004, 0.005, 0.015, 1.005, 1.115, 9.999, 12, 999, 1000, 63101, 97.91,
    32.4, 1234567.891, 100000000, 2.5e9, 123456789012, -0.3, -1234.5, -0.001, 0.1 + 0.2];
  // And a spread of random values of every size, with up to four decimals.
  let seed = 7;
  const random = () => { seed = (seed * 48271) % 2147483647; return seed / 2147483647; };
  for (let i = 0; i < 2000; i += 1) {
    values.push(Math.round(random() * 10 ** Math.floor(random() * 12)) / 10 ** Math.floor(random() * 5));
  }
  for (const locale of ['zh-CN', 'en-US']) {
    const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    for (const v of values) assert.equal(formatNumber(v), intl.format(v).replace('−', '-'), `${locale} ${v}`);
  }
});

test('formatNumber shows a dash for what is not a number', () => {
  for (const v of [NaN, Infinity, undefined, null, '12']) assert.equal(formatNumber(v), '—');
});
