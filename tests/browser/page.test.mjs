// Smoke tests of the served page (index.html + www/): each way of bringing reports in, the
// key figures of every seed on screen, charts drawn, exports, language switch; and all along
// no console error and no request leaving the page's own origin. Accuracy is tested in Rust;
// these check that the page shows what the engine found.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  root,
  servedPage,
  seeds,
  keyFigures,
  screenshot,
  waitForReports,
  dropFiles,
  PNG_BYTES,
} from './helpers.mjs';

/** Every chart figure has its SVG: the bar, before→after, per-population and small-multiples
 * charts always, the timeline when some region has figures of two years. */
function allChartsDrawn() {
  const figures = [...document.querySelectorAll('#charts-view figure')];
  return figures.length >= 4 && figures.every((f) => f.querySelector('.chart-canvas > svg'));
}

const SEEDS = seeds();
const served = servedPage();
const open = (options) => served.open(options);

function assertClean(seen) {
  assert.deepEqual(seen.outside, [], 'requests left the page');
  assert.deepEqual(seen.errors, [], 'console errors');
}

async function pickFiles(page, files) {
  await page.setInputFiles(
    '#file-input',
    files.map((f) => ({ name: f.name, mimeType: f.type ?? 'text/plain', buffer: f.bytes })),
  );
}

async function listRows(page) {
  return page.$$eval('#report-list tbody tr', (rows) =>
    rows.map((row) => ({ text: row.textContent, error: row.classList.contains('error') })),
  );
}

test('the page loads with no console error and no outside request', async () => {
  const { page, context, seen } = await open();
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.match(await page.textContent('h1'), /指标/);
  await screenshot(page, '01-empty');
  assertClean(seen);
  await context.close();
});

test('paste: a seed pasted into the box is read and its text shown', async () => {
  const { page, context, seen } = await open();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.origin });
  const text = SEEDS[0].bytes.toString('utf8');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.focus('#paste-text');
  await page.keyboard.press('Control+V');
  assert.equal((await page.inputValue('#paste-text')).length, text.length);
  await page.click('#analyze-paste');
  await waitForReports(page, 1);
  const rows = await listRows(page);
  assert.equal(rows[0].error, false, rows[0].text);
  const shown = await page.textContent('.report-text');
  assert.ok(shown.includes(text.trim().slice(0, 40)), 'the report text is shown');
  assertClean(seen);
  await context.close();
});

test('pick: files chosen with the file input are all read', async () => {
  const { page, context, seen } = await open();
  await pickFiles(page, SEEDS);
  await waitForReports(page, SEEDS.length);
  const rows = await listRows(page);
  assert.deepEqual(rows.map((r) => r.error), SEEDS.map(() => false));
  assertClean(seen);
  await context.close();
});

test('drop: files dropped on the zone are read, with a cue while dragging', async () => {
  const { page, context, seen } = await open();
  const files = SEEDS.slice(0, 2).map((s) => ({ name: s.name, bytes: s.bytes }));
  const payload = files.map((f) => ({ name: f.name, data: [...f.bytes] }));
  const transfer = await page.evaluateHandle((list) => {
    const t = new DataTransfer();
    for (const f of list) t.items.add(new File([new Uint8Array(f.data)], f.name));
    return t;
  }, payload);
  await page.dispatchEvent('#drop-zone .drop-target', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('#drop-zone .drop-target', 'dragover', { dataTransfer: transfer });
  assert.ok(await page.$eval('#drop-zone', (z) => z.classList.contains('dragging')), 'drag cue shown');
  await screenshot(page, '02-dragging');
  await dropFiles(page, files);
  await waitForReports(page, 2);
  assert.ok(!(await page.$eval('#drop-zone', (z) => z.classList.contains('dragging'))), 'cue gone after drop');
  // A drag of plain text is not a file drop: it is ignored.
  const textDrag = await page.evaluateHandle(() => {
    const t = new DataTransfer();
    t.setData('text/plain', 'not a file');
    return t;
  });
  await page.dispatchEvent('#drop-zone .drop-target', 'drop', { dataTransfer: textDrag });
  await page.waitForTimeout(200);
  assert.equal((await listRows(page)).length, 2);
  assertClean(seen);
  await context.close();
});

test('samples: the bundled sample reports load', async () => {
  const { page, context, seen } = await open();
  const samples = readFileSync(join(root, 'www', 'pkg', 'samples.js'), 'utf8');
  const count = (samples.match(/"name":/g) ?? []).length;
  assert.ok(count >= 1, 'the build embedded sample reports');
  await page.click('#load-samples');
  await waitForReports(page, count);
  const rows = await listRows(page);
  assert.equal(rows.filter((r) => r.error).length, 0, JSON.stringify(rows));
  await screenshot(page, '03-samples');
  assertClean(seen);
  await context.close();
});

test('the English switch translates the interface and back', async () => {
  const { page, context, seen } = await open();
  await page.click('#lang-switch');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('#tab-compare'), 'Compare');
  await pickFiles(page, SEEDS.slice(0, 1));
  await waitForReports(page, 1);
  await screenshot(page, '04-english');
  await page.click('#lang-switch');
  assert.equal(await page.textContent('#tab-compare'), '对比表');
  assertClean(seen);
  await context.close();
});

test('keyboard: tabs and buttons are reachable and show focus', async () => {
  const { page, context, seen } = await open();
  await page.focus('#tab-report');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-compare');
  assert.equal(await page.getAttribute('#tab-compare', 'aria-selected'), 'true');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, 'solid', 'visible focus outline');
  // The file picker and the samples button are in the tab order.
  const reachable = [];
  await page.focus('#paste-text');
  for (let i = 0; i < 6; i += 1) {
    await page.keyboard.press('Tab');
    reachable.push(await page.evaluate(() => document.activeElement.id));
  }
  assert.ok(reachable.includes('file-input') && reachable.includes('load-samples'), reachable.join(','));
  assertClean(seen);
  await context.close();
});

test('exports: CSV with a BOM, JSON, and each chart as SVG and PNG', async () => {
  const { page, context, seen } = await open();
  await pickFiles(page, SEEDS);
  await waitForReports(page, SEEDS.length);
  await page.click('#tab-compare');
  const csv = await download(page, '#export-csv');
  assert.equal(csv.name, 'zhibiao-comparison.csv');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  assert.equal(csv.bytes.toString('utf8').split('\r\n').filter(Boolean).length, SEEDS.length + 1);
  const json = JSON.parse((await download(page, '#export-json')).bytes.toString('utf8'));
  assert.equal(json.reports.length, SEEDS.length);
  await page.click('#tab-charts');
  await page.waitForSelector('#charts-view figure[data-chart="bar"] svg');
  const svg = await download(page, 'figure[data-chart="bar"] button[data-action="download-svg"]');
  assert.match(svg.bytes.toString('utf8'), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const png = await download(page, 'figure[data-chart="before_after"] button[data-action="download-png"]');
  assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'PNG signature');
  assertClean(seen);
  await context.close();
});

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const stream = await file.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

// ---- These need the extraction engine (the stub finds no figures and reads any bytes). ----

test('every seed: its key figures are in the comparison table and charts are drawn', async () => {
  const { page, context, seen } = await open();
  await pickFiles(page, SEEDS);
  await waitForReports(page, SEEDS.length);
  await screenshot(page, '05-report');
  await page.click('#tab-compare');
  const missing = [];
  for (const seed of SEEDS) {
    const row = await page.$eval(
      `#compare-view tbody th button[title="${seed.name}"]`,
      (button) => button.closest('tr').textContent,
    );
    for (const figure of keyFigures(seed.gold)) {
      if (!figure.values.some((v) => row.includes(v))) missing.push(`${seed.name} ${figure.id} ${figure.values}`);
    }
    assert.ok(row.includes(seed.gold.region.name), `${seed.name}: region ${seed.gold.region.name}`);
  }
  await screenshot(page, '06-compare');
  await page.click('#tab-charts');
  await page.waitForFunction(allChartsDrawn);
  await screenshot(page, '07-charts');
  assert.deepEqual(missing, [], 'key figures missing from the comparison table');
  const barText = await page.textContent('#charts-view figure[data-chart="bar"] svg');
  assert.ok(SEEDS.some((s) => barText.includes(s.gold.region.name)), 'region names in the bar chart');
  assertClean(seen);
  await context.close();
});

test('clicking a figure highlights its evidence at the exact offsets', async () => {
  const { page, context, seen } = await open();
  await pickFiles(page, SEEDS.slice(0, 1));
  await waitForReports(page, 1);
  const buttons = await page.$$('#report-view button.figure');
  assert.ok(buttons.length > 0, 'figures listed');
  for (const index of [0, buttons.length - 1]) {
    await page.click(`#report-view button.figure[data-index="${index}"]`);
    const focus = await page.textContent('.report-text mark.focus');
    const inline = await page.textContent(`#report-view tr.focused mark.inline-figure`);
    assert.equal(focus, inline, 'the text mark is the figure of the evidence sentence');
    const title = await page.getAttribute(`#report-view button.figure[data-index="${index}"]`, 'title');
    assert.ok(title.includes(focus), `${title} names ${focus}`);
  }
  await screenshot(page, '08-evidence');
  assertClean(seen);
  await context.close();
});

test('a PNG gets a per-file error while the other files load', async () => {
  const { page, context, seen } = await open();
  const files = [SEEDS[0], { name: 'photo.png', bytes: PNG_BYTES, type: 'image/png' }, SEEDS[1]];
  await pickFiles(page, files);
  await waitForReports(page, 3);
  const rows = await listRows(page);
  assert.deepEqual(rows.map((r) => r.error), [false, true, false], JSON.stringify(rows));
  assert.match(rows[1].text, /photo\.png/);
  await screenshot(page, '09-png-error');
  assertClean(seen);
  await context.close();
});
