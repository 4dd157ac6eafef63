// Smoke tests of dist/zhibiao.html, the one-file build, opened straight from disk (file://)
// with the network off: the Wasm and its worker (a data: URL module worker) are inlined, so
// nothing is fetched at all.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, launch, openPage, seeds, keyFigures, screenshot, waitForReports, dropFiles, PNG_BYTES, unzip } from './helpers.mjs';

const FILE = join(root, 'dist', 'zhibiao.html');
const SEEDS = seeds();
/** Every chart figure has its SVG: the bar, before→after, per-population and small-multiples
 * charts always, the timeline when some region has figures of two years. */
function allChartsDrawn() {
  const figures = [...document.querySelectorAll('#charts-view figure')];
  return figures.length >= 4 && figures.every((f) => f.querySelector('.chart-canvas > svg'));
}

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/**
 * The single file from file://, offline; only the file itself and data:/blob: URLs may load.
 * `script` is run in the page before its own scripts.
 */
async function open(script = null) {
  assert.ok(existsSync(FILE), 'dist/zhibiao.html is built (scripts/build-page.sh)');
  const url = pathToFileURL(FILE).href;
  const opened = await openPage(browser, (u) => u === url || /^(data|blob):/.test(u));
  await opened.context.setOffline(true);
  if (script) await opened.page.addInitScript(script);
  await opened.page.goto(url);
  await opened.page.waitForSelector('body[data-ready="true"]');
  return opened;
}

function assertClean(seen) {
  assert.deepEqual(seen.outside, [], 'requests left the file');
  assert.deepEqual(seen.errors, [], 'console errors');
}

test('from file://, offline: picked and dropped files are read in the inlined worker', async () => {
  const { page, context, seen } = await open();
  assert.equal(await page.textContent('#offline-note'), '单文件离线版');
  await page.setInputFiles(
    '#file-input',
    SEEDS.slice(0, 3).map((s) => ({ name: s.name, mimeType: 'text/plain', buffer: s.bytes })),
  );
  await waitForReports(page, 3);
  await dropFiles(page, SEEDS.slice(3).map((s) => ({ name: s.name, bytes: s.bytes })));
  await waitForReports(page, SEEDS.length);
  const errors = await page.$$eval('#report-list tr.error', (rows) => rows.length);
  assert.equal(errors, 0);
  const workers = page.workers().map((w) => w.url());
  assert.ok(workers.some((u) => u.startsWith('data:text/javascript')), `a data: worker runs (${workers})`);
  await page.click('#tab-charts');
  await page.waitForFunction(allChartsDrawn);
  await page.click('#load-samples');
  await page.waitForFunction(() => document.querySelectorAll('#report-list tr.pending').length === 0);
  await screenshot(page, '10-single-file');
  assertClean(seen);
  await context.close();
});

// ---- Needs the extraction engine. ----

/** Notes the size of every module the page compiles with WebAssembly.compile (page's own). */
function recordCompiles() {
  const compile = WebAssembly.compile;
  window.compiledSizes = [];
  WebAssembly.compile = function recorded(bytes, ...rest) {
    window.compiledSizes.push(bytes.byteLength);
    return compile.call(this, bytes, ...rest);
  };
}

test('from file://, offline: every seed shows its key figures, and a PNG its own error', async () => {
  const { page, context, seen } = await open(recordCompiles);
  const files = [...SEEDS.map((s) => ({ name: s.name, mimeType: 'text/plain', buffer: s.bytes }))];
  files.push({ name: 'photo.png', mimeType: 'image/png', buffer: PNG_BYTES });
  await page.setInputFiles('#file-input', files);
  await waitForReports(page, files.length);
  const errors = await page.$$eval('#report-list tr.error', (rows) => rows.map((r) => r.textContent));
  assert.equal(errors.length, 1, `one error row: ${errors}`);
  assert.match(errors[0], /photo\.png/);
  await page.click('#tab-compare');
  const missing = [];
  for (const seed of SEEDS) {
    const row = await page.$eval(`#compare-view tbody th button[title="${seed.name}"]`, (b) => b.closest('tr').textContent);
    for (const figure of keyFigures(seed.gold)) {
      if (!figure.values.some((v) => row.includes(v))) missing.push(`${seed.name} ${figure.id} ${figure.values}`);
    }
  }
  assert.deepEqual(missing, [], 'key figures missing from the comparison table');
  await page.click('#tab-charts');
  await page.waitForFunction(allChartsDrawn);
  const barText = await page.textContent('#charts-view figure[data-chart="bar"] svg');
  assert.ok(SEEDS.some((s) => barText.includes(s.gold.region.name)), 'region names in the bar chart');
  // The Excel workbook is written by the inlined Excel module, compiled only on the button:
  // until then the page compiled one module, the engine.
  const sizes = (name) => statSync(join(root, 'www', 'pkg', name)).size;
  assert.deepEqual(await page.evaluate(() => window.compiledSizes), [sizes('zhibiao_bg.wasm')]);
  await page.click('#tab-compare');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
  assert.equal(xlsx.suggestedFilename(), 'zhibiao-comparison.xlsx');
  assert.deepEqual(await page.evaluate(() => window.compiledSizes), [sizes('zhibiao_bg.wasm'), sizes('zhibiao_xlsx_bg.wasm')]);
  const chunks = [];
  for await (const chunk of await xlsx.createReadStream()) chunks.push(chunk);
  const workbook = unzip(Buffer.concat(chunks));
  const sheets = [...workbook.get('xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(sheets, ['指标 Values', '证据 Evidence', '警告 Warnings']);
  const strings = workbook.get('xl/sharedStrings.xml');
  for (const seed of SEEDS) assert.ok(strings.includes(seed.name), `${seed.name} in the workbook`);
  assertClean(seen);
  await context.close();
});

test('from file://, offline: reports are kept and come back after a reload', async () => {
  const { page, context, seen } = await open();
  await page.waitForSelector('body[data-restored="true"]');
  assert.match(await page.textContent('#storage-note'), /IndexedDB/);
  await page.setInputFiles(
    '#file-input',
    SEEDS.slice(0, 2).map((s) => ({ name: s.name, mimeType: 'text/plain', buffer: s.bytes })),
  );
  await waitForReports(page, 2);
  await page.reload();
  await page.waitForSelector('body[data-restored="true"]');
  await waitForReports(page, 2);
  const names = await page.$$eval('#report-list button.file-name', (b) => b.map((x) => x.textContent));
  assert.deepEqual(names, SEEDS.slice(0, 2).map((s) => s.name));
  assertClean(seen);
  await context.close();
});
