// The engine's early start (www/boot.js): the served page starts one worker before its own
// modules load, and engine.js takes that worker over instead of starting a second; when that
// worker cannot load, reports are still read (on the main thread).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, servedPage, waitForReports } from './helpers.mjs';

const served = servedPage();

/** The string a `const WARM_UP_TEXT =` of `file` joins, as written there. */
function warmUpText(file) {
  const source = readFileSync(join(root, file), 'utf8');
  const declaration = source.match(/const WARM_UP_TEXT =([^;]*);/);
  assert.ok(declaration, `${file} declares WARM_UP_TEXT`);
  return [...declaration[1].matchAll(/'([^']*)'/g)].map((m) => m[1]).join('');
}

test('boot.js and engine.js warm the engine up on the same text', () => {
  const boot = warmUpText('www/boot.js');
  assert.equal(boot, warmUpText('www/engine.js'));
  assert.ok(boot.length > 20 && /\d/.test(boot), 'a text with figures, so the reading code runs');
});

test('the served page reads with the one worker boot.js started', async () => {
  const { context, page, seen, requested } = await served.open();
  try {
    await page.click('#load-samples');
    const samples = await page.evaluate(() => document.querySelectorAll('#report-list tbody tr').length);
    await waitForReports(page, samples);
    await page.waitForSelector('#report-view .report-grid');
    assert.ok(samples > 0);
    // One worker script asked for (a worker's request is the page's too): boot.js's, which
    // engine.js took over instead of starting its own.
    assert.equal(requested.filter((url) => url.endsWith('/www/worker.js')).length, 1, 'workers started');
    const boot = requested.findIndex((url) => url.endsWith('/www/boot.js'));
    const app = requested.findIndex((url) => url.endsWith('/www/app.js'));
    const worker = requested.findIndex((url) => url.endsWith('/www/worker.js'));
    assert.ok(boot >= 0 && worker >= 0, 'boot.js and the worker were loaded');
    assert.ok(boot < app, 'boot.js is asked for before app.js');
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
  }
});

test('reports are read even when the early worker cannot load', async () => {
  const { context, page } = await served.open({ blocked: (url) => url.endsWith('/www/worker.js') });
  try {
    await page.fill('#paste-text', '石柱土家族自治县建档立卡贫困人口全部脱贫，累计减贫1.2万户4.56万人。');
    await page.click('#analyze-paste');
    await waitForReports(page, 1);
    const value = await page.textContent('#report-view table.indicators');
    assert.match(value, /45,600/);
  } finally {
    await context.close();
  }
});
