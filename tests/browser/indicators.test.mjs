// A user's own indicators (the 指标 / Indicators tab): added with the form and applied at
// once to every loaded report, shown in the comparison and charts; exported as a .toml
// catalog that the command line reads with --catalog and finds the same figure with; kept
// across reloads; imported from a file (a bad file says why and changes nothing); edited and
// removed. Also once in the single-file build from file://.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, servedPage, openPage, screenshot, waitForReports, shown, PNG_BYTES } from './helpers.mjs';

let scratch;
const CLI = join(root, 'target', 'release', 'zhibiao');
const SAMPLE_COUNT = 6;

before(async () => {
  // The exported file is checked with the real command line.
  execFileSync('cargo', ['build', '--release', '--bin', 'zhibiao'], { cwd: root, stdio: 'ignore' });
  scratch = mkdtempSync(join(tmpdir(), 'zhibiao-indicators-'));
});

after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const served = servedPage();
const ownFiles = served.ownFiles;

async function ready(page) {
  await page.waitForSelector('body[data-ready="true"][data-restored="true"]');
}

async function open() {
  const opened = await openPage(served.browser, ownFiles);
  await opened.page.goto(served.server.url);
  await ready(opened.page);
  return opened;
}

function assertClean(seen) {
  assert.deepEqual(seen.outside, [], 'requests left the page');
  assert.deepEqual(seen.errors, [], 'console errors');
}

/** 金寨县's sample says 贫困户户均每年可获得光伏收益约3000元: a figure no built-in indicator takes. */
const SOLAR = {
  id: 'pv_income',
  label_zh: '户均光伏收益',
  label_en: 'Solar income per household',
  unit: 'yuan',
  cues: '光伏收益',
  scope: '贫困户',
  exclude: '',
};

/** A text written for this test, and a catalog file for it written by hand (CLI style). */
const LOANS_TEXT = '截至2020年底，兰考县累计脱贫23275户77350人。全县累计发放扶贫小额信贷3.2亿元，支持贫困户发展产业。';
const LOANS_TOML = `# written by hand, as for zhibiao --catalog
version = 1

[[indicator]]
id = "microcredit"
label_zh = "扶贫小额信贷"
label_en = "Microcredit"
unit = "yuan"

[[indicator.rule]]
near = ["小额信贷"]
sentence = ["发放"]
weight = 3.0
`;

async function fillForm(page, form) {
  await page.click('#tab-indicators');
  for (const [field, value] of Object.entries(form)) {
    const id = `#indicator-${field.replace('_', '-')}`;
    if (field === 'unit') await page.selectOption(id, value);
    else await page.fill(id, value);
  }
}

async function loadSamples(page) {
  await page.click('#load-samples');
  await waitForReports(page, SAMPLE_COUNT);
}

/** The comparison cell of indicator `id` in the row of the report from file `name`, once
 * it reads `expected` (waits for the reports to be read again). */
async function waitForCell(page, name, id, expected) {
  await page.click('#tab-compare');
  await page.waitForFunction(
    ({ name, id, expected }) => {
      const row = document.querySelector(`#compare-view tbody th button[title="${name}"]`)?.closest('tr');
      return row?.querySelector(`td[data-indicator="${id}"]`)?.textContent.includes(expected);
    },
    { name, id, expected },
  );
}

async function columns(page) {
  await page.click('#tab-compare');
  return page.$$eval('#compare-view thead button[data-key]', (buttons) => buttons.map((b) => b.dataset.key));
}

async function message(page) {
  await page.click('#tab-indicators');
  return page.textContent('#indicators-message');
}

async function userIndicators(page) {
  await page.click('#tab-indicators');
  return page.$$eval('#user-indicators tbody tr', (rows) => rows.map((r) => r.dataset.indicator));
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const stream = await file.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

function figuresOf(page, name) {
  return page.$eval(`#report-list button[title="${name}"]`, (b) => Number(b.closest('tr').querySelector('.figures').textContent));
}

/** Reloads the page with the samples and SOLAR saved, and finds SOLAR kept and applied again. */
async function reloadAndFindSolar(page) {
  await page.reload();
  await ready(page);
  await waitForReports(page, SAMPLE_COUNT);
  assert.deepEqual(await userIndicators(page), [SOLAR.id]);
  await waitForCell(page, 'jinzhai.txt', SOLAR.id, shown(3000));
}

test('an indicator added with the form is applied at once to every loaded report, and its exported file works with the CLI', async () => {
  const { page, context, seen } = await open();
  await loadSamples(page);
  const before = await columns(page);
  const figuresBefore = await figuresOf(page, 'jinzhai.txt');
  assert.ok(!before.includes(SOLAR.id));

  // Refused with a reason next to the field, nothing saved: a malformed id, a built-in id.
  await fillForm(page, { ...SOLAR, id: 'PV income' });
  await page.click('#indicator-save');
  await page.waitForSelector('#indicator-id[aria-invalid="true"]');
  assert.match(await message(page), /不是有效的编号/);
  await fillForm(page, { ...SOLAR, id: 'total_population' });
  await page.click('#indicator-save');
  await page.waitForFunction(() => /内置指标/.test(document.querySelector('#indicators-message').textContent));
  assert.deepEqual(await userIndicators(page), []);

  await fillForm(page, SOLAR);
  await page.click('#indicator-save');
  await page.waitForSelector(`#user-indicators tr[data-indicator="${SOLAR.id}"]`);
  assert.match(await message(page), /已保存“户均光伏收益”/);
  // The form is cleared for the next one.
  assert.equal(await page.inputValue('#indicator-id'), '');

  // Every loaded report was read again: 金寨县 has the figure, the others a dash.
  await waitForCell(page, 'jinzhai.txt', SOLAR.id, shown(3000));
  const cells = await page.$$eval(`#compare-view td[data-indicator="${SOLAR.id}"]`, (tds) => tds.map((td) => td.textContent));
  assert.equal(cells.length, SAMPLE_COUNT);
  assert.equal(cells.filter((c) => c === '—').length, SAMPLE_COUNT - 1, String(cells));
  assert.match(await page.textContent(`#compare-view thead button[data-key="${SOLAR.id}"]`), /户均光伏收益/);
  assert.deepEqual((await columns(page)).filter((k) => k !== SOLAR.id), before, 'the other columns stay');
  assert.equal(await figuresOf(page, 'jinzhai.txt'), figuresBefore + 1);
  await page.click('#tab-charts');
  await page.waitForSelector(`#chart-indicator option[value="${SOLAR.id}"]`, { state: 'attached' });
  // The report view shows it too, with its evidence.
  await page.click('#report-list button[title="jinzhai.txt"]');
  assert.match(await page.textContent('#report-view'), /户均光伏收益[\s\S]*光伏收益约3000元/);

  // Exported: the catalog file, with no page-only marks, read by the CLI to the same figure.
  await page.click('#tab-indicators');
  await screenshot(page, '20-indicators');
  const file = await download(page, '#export-catalog');
  assert.equal(file.name, 'zhibiao-indicators.toml');
  assert.match(file.text, /\[\[indicator\]\]\nid = "pv_income"\nlabel_zh = "户均光伏收益"/);
  assert.match(file.text, /near = \["光伏收益"\]\nsentence = \["贫困户"\]/);
  assert.doesNotMatch(file.text, /\b(user|replaces_builtin|form)\b\s*=/);
  const path = join(scratch, file.name);
  writeFileSync(path, file.text);
  const out = JSON.parse(execFileSync(CLI, ['--catalog', path, join(root, 'samples', 'jinzhai.txt')], { encoding: 'utf8' }));
  const figure = out.indicators.find((h) => h.id === SOLAR.id);
  assert.equal(figure?.value, 3000, JSON.stringify(out.indicators.map((h) => h.id)));

  // The last one removed: no user catalog is left to export or keep, the column goes.
  await page.click(`#user-indicators button[data-action="remove-indicator"][data-id="${SOLAR.id}"]`);
  await page.waitForSelector('#export-catalog:disabled');
  assert.equal(await page.evaluate(() => localStorage.getItem('zhibiao.user-catalog')), null);
  await page.click('#tab-compare');
  await page.waitForFunction((id) => !document.querySelector(`#compare-view td[data-indicator="${id}"]`), SOLAR.id);
  assert.deepEqual(await columns(page), before);
  assertClean(seen);
  await context.close();
});

test('own indicators are kept across reloads, imported from a file (a bad one changes nothing), edited and removed', async () => {
  const { page, context, seen } = await open();
  // Added before any report: reports read afterwards use it straight away.
  await fillForm(page, SOLAR);
  await page.click('#indicator-save');
  await page.waitForSelector(`#user-indicators tr[data-indicator="${SOLAR.id}"]`);
  await loadSamples(page);
  await waitForCell(page, 'jinzhai.txt', SOLAR.id, shown(3000));

  await reloadAndFindSolar(page);

  // A pasted report, then a catalog file that finds a figure in it.
  await page.fill('#paste-text', LOANS_TEXT);
  await page.click('#analyze-paste');
  await waitForReports(page, SAMPLE_COUNT + 1);
  const pasted = await page.$eval('#report-list tbody tr:last-child button.file-name', (b) => b.title);
  await page.click('#tab-indicators');
  await page.setInputFiles('#catalog-file', { name: 'loans.toml', mimeType: 'text/plain', buffer: Buffer.from(LOANS_TOML) });
  await page.waitForFunction(() => /microcredit/.test(document.querySelector('#indicators-message').textContent));
  assert.match(await message(page), /已从 loans\.toml 导入 1 个指标/);
  assert.deepEqual(await userIndicators(page), [SOLAR.id, 'microcredit']);
  await waitForCell(page, pasted, 'microcredit', shown(320_000_000));
  const table = await page.textContent('#compare-view tbody');

  // Bad files: a unit the catalog does not know, and no TOML at all. Each says why, names
  // the file, and leaves the indicators and the reports as they were.
  const stored = await page.evaluate(() => localStorage.getItem('zhibiao.user-catalog'));
  await page.click('#tab-indicators');
  const badUnit = LOANS_TOML.replace('id = "microcredit"', 'id = "loans_usd"').replace('unit = "yuan"', 'unit = "dollars"');
  await page.setInputFiles('#catalog-file', { name: 'bad-unit.toml', mimeType: 'text/plain', buffer: Buffer.from(badUnit) });
  await page.waitForFunction(() => /bad-unit\.toml/.test(document.querySelector('#indicators-message').textContent));
  assert.match(await message(page), /无法导入 bad-unit\.toml：loans_usd：未知单位“dollars”/);
  assert.ok(await page.$('#indicators-message.alert-box'));
  await screenshot(page, '21-indicators-bad-file');
  await page.setInputFiles('#catalog-file', { name: 'photo.toml', mimeType: 'image/png', buffer: PNG_BYTES });
  await page.waitForFunction(() => /photo\.toml/.test(document.querySelector('#indicators-message').textContent));
  assert.match(await message(page), /不是有效的指标目录文件/);
  assert.deepEqual(await userIndicators(page), [SOLAR.id, 'microcredit']);
  assert.equal(await page.evaluate(() => localStorage.getItem('zhibiao.user-catalog')), stored);
  await page.click('#tab-compare');
  assert.equal(await page.textContent('#compare-view tbody'), table);

  // Edited: a new name shows in the comparison's header.
  await page.click('#tab-indicators');
  await page.click('#user-indicators button[data-action="edit-indicator"][data-id="microcredit"]');
  assert.equal(await page.inputValue('#indicator-cues'), '小额信贷');
  await page.fill('#indicator-label-zh', '小额信贷发放额');
  await page.click('#indicator-save');
  await page.waitForFunction(() => /小额信贷发放额/.test(document.querySelector('#user-indicators').textContent));
  await page.click('#tab-compare');
  await page.waitForFunction(() => /小额信贷发放额/.test(document.querySelector('#compare-view thead').textContent));

  // Removed: its column goes, and stays gone after a reload; the other one stays.
  await page.click('#tab-indicators');
  await page.click(`#user-indicators button[data-action="remove-indicator"][data-id="${SOLAR.id}"]`);
  await page.waitForFunction((id) => !document.querySelector(`#user-indicators tr[data-indicator="${id}"]`), SOLAR.id);
  await page.click('#tab-compare');
  await page.waitForFunction((id) => !document.querySelector(`#compare-view td[data-indicator="${id}"]`), SOLAR.id);
  await page.reload();
  await ready(page);
  await waitForReports(page, SAMPLE_COUNT + 1);
  assert.deepEqual(await userIndicators(page), ['microcredit']);
  await waitForCell(page, pasted, 'microcredit', shown(320_000_000));
  assert.ok(!(await columns(page)).includes(SOLAR.id));
  assertClean(seen);
  await context.close();
});

test('an indicator saved while a batch is being read ends up in every report of it', async () => {
  const { page, context, seen } = await open();
  const bytes = readFileSync(join(root, 'samples', 'jinzhai.txt'));
  const files = Array.from({ length: 30 }, (_, i) => ({ name: `jinzhai-${String(i).padStart(2, '0')}.txt`, mimeType: 'text/plain', buffer: bytes }));
  await page.setInputFiles('#file-input', files);
  await page.waitForFunction(() => document.querySelectorAll('#report-list tr.pending').length > 0);
  await fillForm(page, SOLAR);
  await page.click('#indicator-save');
  await page.waitForSelector(`#user-indicators tr[data-indicator="${SOLAR.id}"]`);
  await waitForReports(page, files.length, 120_000);
  for (const file of files) await waitForCell(page, file.name, SOLAR.id, shown(3000));
  // What is stored was read with it too: after a reload nothing needs reading again.
  await page.reload();
  await ready(page);
  await waitForReports(page, files.length);
  assert.ok(await page.isHidden('#progress'), 'no report was queued to be read again');
  await page.click('#tab-compare');
  const cells = await page.$$eval(`#compare-view td[data-indicator="${SOLAR.id}"]`, (tds) => tds.map((td) => td.textContent));
  assert.equal(cells.filter((c) => c.includes(shown(3000))).length, files.length);
  assertClean(seen);
  await context.close();
});

test('from file://, offline: an indicator added in the single file is applied and kept', async () => {
  const FILE = join(root, 'dist', 'zhibiao.html');
  assert.ok(existsSync(FILE), 'dist/zhibiao.html is built (scripts/build-page.sh)');
  const url = pathToFileURL(FILE).href;
  const { page, context, seen } = await openPage(served.browser, (u) => u === url || /^(data|blob):/.test(u));
  await context.setOffline(true);
  await page.goto(url);
  await ready(page);
  await loadSamples(page);
  await fillForm(page, SOLAR);
  await page.click('#indicator-save');
  await waitForCell(page, 'jinzhai.txt', SOLAR.id, shown(3000));
  await reloadAndFindSolar(page);
  assert.deepEqual(seen.outside, [], 'requests left the file');
  assert.deepEqual(seen.errors, [], 'console errors');
  await context.close();
});
