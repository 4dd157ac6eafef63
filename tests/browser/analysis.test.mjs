// The analysis views in the browser: derived figures with how they were computed, a report
// that contradicts itself shown with both spans, the comparison per 10,000 residents and per
// poor person (checked against each report's own figures, as the page's JSON export gives
// them), ranks with ties, provinces, time-scope tags, small multiples, the timeline, and the
// Excel download read back as a zip. No console error and no outside request all along.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, servedPage, screenshot, waitForReports, shown, unzip } from './helpers.mjs';

const served = servedPage();
/** The served page, ready (see helpers.mjs `servedPage`). */
const open = (options) => served.open(options);

function assertClean(seen) {
  assert.deepEqual(seen.outside, [], 'requests left the page');
  assert.deepEqual(seen.errors, [], 'console errors');
}

// Report texts written for these tests (a real county, made-up figures).
/** Contradicts itself: 40284 + 4950 ≠ 40779, and 32.4% × 4950 / 40779 = 3.93%, not 0.4%. */
const CONFLICTING = `汾西县脱贫攻坚工作总结

2014年，全县有建档立卡贫困人口40779人，贫困发生率为32.4%。

截至2019年底，全县累计脱贫40284人，剩余贫困人口4950人，贫困发生率降至0.4%。
`;
const FENXI_2017 = `汾西县2017年脱贫攻坚工作报告

截至2017年底，全县累计脱贫20000人，贫困发生率降至8.5%。
`;
const FENXI_2019 = `汾西县2019年脱贫攻坚工作报告

截至2019年底，全县累计脱贫40284人，贫困发生率降至0.4%。
`;
/** Names no region. */
const NO_REGION = `本县脱贫攻坚工作报告

截至2019年底，全县累计脱贫12000人，贫困发生率降至0.8%。
`;

async function paste(page, ...texts) {
  const before = await page.$$eval('#report-list tbody tr', (rows) => rows.length);
  for (const text of texts) {
    await page.fill('#paste-text', text);
    await page.click('#analyze-paste');
  }
  await waitForReports(page, before + texts.length);
}

/** Loads the bundled samples; returns how many there are. */
async function loadSamples(page) {
  const samples = readFileSync(join(root, 'www', 'pkg', 'samples.js'), 'utf8');
  const count = (samples.match(/"name":/g) ?? []).length;
  await page.click('#load-samples');
  await waitForReports(page, count);
  return count;
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const chunks = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

/** The reports as the page's JSON export has them (the engine's results), by label. */
async function exported(page) {
  await page.click('#tab-compare');
  const json = JSON.parse((await download(page, '#export-json')).bytes.toString('utf8'));
  return json.reports;
}

const figure = (report, id) => report.indicators.find((h) => h.id === id)?.value;

test('derived figures: the value, how it was computed, and the headlines it used', async () => {
  const { page, context, seen } = await open();
  await loadSamples(page);
  const reports = await exported(page);
  // A sample with the three figures the recomputed incidence needs.
  const report = reports.find((r) => r.derived.some((d) => d.id === 'poverty_incidence_recomputed'));
  assert.ok(report, 'a sample states starting incidence, remaining and registered poor');
  const expected =
    Math.round(
      ((figure(report, 'poverty_incidence_rate_before') * figure(report, 'remaining_poor_population')) /
        figure(report, 'registered_poor_population')) *
        100,
    ) / 100;
  await page.click(`#report-list button[data-action="select"][title="${report.source}"]`);
  await page.click('#tab-report');
  const item = page.locator('#report-view li[data-derived="poverty_incidence_recomputed"]');
  assert.equal(await item.locator('.derived-value').textContent(), `${shown(expected)}%`);
  assert.match(await item.locator('.formula').textContent(), /起始贫困发生率 × 剩余贫困人口 ÷ 建档立卡贫困人口/);
  assert.match(await item.locator('.stated').textContent(), new RegExp(`${shown(figure(report, 'poverty_incidence_rate'))}%`));
  // Its inputs are the three headlines, each a link to its place in the text.
  const inputs = item.locator('button.derived-input');
  assert.equal(await inputs.count(), 3);
  await inputs.nth(1).click();
  const remaining = report.indicators.find((h) => h.id === 'remaining_poor_population');
  assert.equal(await page.textContent('.report-text mark.focus'), remaining.text);
  // Persons per household lifted: people ÷ households of the same report.
  const perHousehold = figure(report, 'poor_population_lifted') / figure(report, 'poor_households_lifted');
  const household = page.locator('#report-view li[data-derived="persons_per_household_lifted"] .derived-value');
  assert.equal(await household.textContent(), `${shown(Math.round(perHousehold * 100) / 100)} 人`);
  await screenshot(page, 'analysis-01-derived');
  assertClean(seen);
  await context.close();
});

test('a report that contradicts itself: both spans of each conflict, in Chinese and English', async () => {
  const { page, context, seen } = await open();
  await paste(page, CONFLICTING);
  const conflicts = page.locator('#report-view .warnings-list li[data-kind="conflicting_values"]');
  assert.equal(await conflicts.count(), 2, 'the sum and the incidence');
  const sum = conflicts.nth(0);
  // In Chinese the engine's Chinese sentence (message_zh), not its English one.
  const zh = await sum.locator('.reason').textContent();
  assert.match(zh, /脱贫人口\(40284人\)\+剩余贫困人口\(4950人\)=45234,但报告给出的建档立卡贫困人口是40779人/);
  assert.doesNotMatch(zh, /the report/);
  const spans = sum.locator('button.span-link');
  assert.deepEqual(await spans.allTextContents(), ['40779人', '40284人']);
  // Either span shows both in the text, the one clicked in focus.
  await spans.nth(1).click();
  assert.equal(await page.textContent('.report-text mark.focus'), '40284人');
  assert.deepEqual(await page.$$eval('.report-text mark.related', (m) => m.map((x) => x.textContent)), ['40779人']);
  await page.locator('#report-view .warnings-list li[data-kind="conflicting_values"] button.span-link').nth(0).click();
  assert.equal(await page.textContent('.report-text mark.focus'), '40779人');
  assert.deepEqual(await page.$$eval('.report-text mark.related', (m) => m.map((x) => x.textContent)), ['40284人']);
  const incidence = await conflicts.nth(1).locator('button.span-link').allTextContents();
  assert.deepEqual(incidence, ['0.4%', '32.4%'], 'the stated incidence and the starting one');
  // The recomputed incidence is among the derived figures, beside the stated one.
  const derived = page.locator('#report-view li[data-derived="poverty_incidence_recomputed"]');
  assert.equal(await derived.locator('.derived-value').textContent(), `${shown(Math.round(((32.4 * 4950) / 40779) * 100) / 100)}%`);
  await screenshot(page, 'analysis-02-conflict');
  await page.click('#lang-switch');
  const en = await page.locator('#report-view .warnings-list li[data-kind="conflicting_values"] .reason').first().textContent();
  assert.match(en, /= 45234 but the report gives Registered poor population as 40779人/);
  assert.match(await derived.locator('.formula').textContent(), /starting incidence × remaining ÷ registered poor population/);
  assertClean(seen);
  await context.close();
});

/** The comparison's cells of indicator `id`: { label → { value (data-value), text } }. */
async function column(page, id) {
  return page.$$eval(`#compare-view td[data-indicator="${id}"]`, (cells) =>
    Object.fromEntries(
      cells.map((cell) => [
        cell.closest('tr').querySelector('th button').textContent,
        { value: cell.dataset.value === undefined || cell.dataset.value === '' ? null : Number(cell.dataset.value), text: cell.textContent },
      ]),
    ),
  );
}

test('per 10,000 residents and per poor person: each report divided by its own population', async () => {
  const { page, context, seen } = await open();
  await loadSamples(page);
  const reports = await exported(page);
  const label = (r) => r.region?.name ?? r.source;
  const raw = await column(page, 'poor_population_lifted');
  for (const r of reports) assert.equal(raw[label(r)].value, figure(r, 'poor_population_lifted'));

  await page.check('#compare-view-per10k');
  assert.equal(await page.getAttribute('#compare-view table', 'data-view'), 'per10k');
  const per10k = await column(page, 'poor_population_lifted');
  let checked = 0;
  for (const r of reports) {
    const population = figure(r, 'total_population');
    const cell = per10k[label(r)];
    if (!population) {
      assert.equal(cell.value, null, `${label(r)}: no population, no figure`);
      assert.match(cell.text, /—/);
      continue;
    }
    const expected = (figure(r, 'poor_population_lifted') / population) * 10000;
    assert.ok(Math.abs(cell.value - expected) < 1e-9, `${label(r)}: ${cell.value} vs ${expected}`);
    assert.ok(cell.text.startsWith(shown(expected)), `${cell.text} shows ${shown(expected)}`);
    checked += 1;
  }
  assert.ok(checked >= 2, 'samples state their population');
  // Percentages are not divided.
  const incidence = await column(page, 'poverty_incidence_rate');
  for (const r of reports) {
    if (figure(r, 'poverty_incidence_rate') !== undefined) {
      assert.equal(incidence[label(r)].value, figure(r, 'poverty_incidence_rate'));
    }
  }

  await page.check('#compare-view-perpoor');
  const perPoor = await column(page, 'poor_households_lifted');
  let divided = 0;
  for (const r of reports) {
    const registered = figure(r, 'registered_poor_population');
    const cell = perPoor[label(r)];
    if (cell === undefined || figure(r, 'poor_households_lifted') === undefined) continue;
    if (!registered) {
      assert.equal(cell.value, null);
      continue;
    }
    const expected = figure(r, 'poor_households_lifted') / registered;
    assert.ok(Math.abs(cell.value - expected) < 1e-12, `${label(r)}: ${cell.value} vs ${expected}`);
    divided += 1;
  }
  assert.ok(divided >= 2, 'samples state their registered poor');
  assert.equal(await page.isChecked('#compare-view-perpoor'), true, 'the switch stays where it was put');
  await screenshot(page, 'analysis-03-per-poor-person');
  await page.check('#compare-view-raw');
  assert.deepEqual(await column(page, 'poor_population_lifted'), raw, 'back to the figures as stated');
  assertClean(seen);
  await context.close();
});

/** [label, rank, value] of the comparison rows in order. */
async function ranked(page, id) {
  return page.$$eval(
    '#compare-view tbody tr[data-entry]',
    (rows, key) =>
      rows.map((row) => [
        row.querySelector('th button').title,
        row.querySelector('td.rank').textContent,
        row.querySelector(`td[data-indicator="${key}"]`)?.dataset.value ?? '',
      ]),
    id,
  );
}

test('ranks: sorting by an indicator ranks the reports, equal values share a rank', async () => {
  const { page, context, seen } = await open();
  // Two reports lift 40,284 people, one 20,000, one states no such figure.
  await paste(page, FENXI_2019, FENXI_2017, CONFLICTING, '某县2019年工作报告。全县贫困发生率降至0.5%。');
  await page.click('#tab-compare');
  assert.deepEqual(
    (await ranked(page, 'poor_population_lifted')).map((r) => r[1]),
    ['', '', '', ''],
    'no rank before sorting',
  );
  await page.click('#compare-view button[data-action="sort"][data-key="poor_population_lifted"]');
  const down = await ranked(page, 'poor_population_lifted');
  assert.deepEqual(
    down.map((r) => [r[1], r[2]]),
    [
      ['1', '40284'],
      ['1', '40284'],
      ['3', '20000'],
      ['', ''],
    ],
  );
  // Equal values keep a stable order (by name, then as read).
  assert.deepEqual(
    down.slice(0, 2).map((r) => r[0]),
    ['粘贴的文本 1', '粘贴的文本 3'],
  );
  await page.click('#compare-view button[data-action="sort"][data-key="poor_population_lifted"]');
  const up = await ranked(page, 'poor_population_lifted');
  assert.deepEqual(
    up.map((r) => [r[1], r[2]]),
    [
      ['1', '20000'],
      ['2', '40284'],
      ['2', '40284'],
      ['', ''],
    ],
    'missing values stay last',
  );
  assertClean(seen);
  await context.close();
});

test('provinces: rows grouped by the province of their region, reports without one last', async () => {
  const { page, context, seen } = await open();
  const count = await loadSamples(page);
  await paste(page, FENXI_2017, FENXI_2019, NO_REGION);
  const reports = await exported(page);
  await page.check('#compare-group');
  const groups = await page.$$eval('#compare-view tbody.province-group', (bodies) =>
    bodies.map((body) => ({
      province: body.dataset.province,
      heading: body.querySelector('tr.group-row th').textContent,
      rows: [...body.querySelectorAll('tr[data-entry] th button')].map((b) => b.title),
    })),
  );
  const provinces = new Set(reports.map((r) => r.region?.province ?? ''));
  assert.equal(groups.length, provinces.size);
  assert.equal(groups.at(-1).province, '', 'no region: the last group');
  assert.match(groups.at(-1).heading, /未识别地区 \(1\)/);
  for (const group of groups) {
    for (const name of group.rows) {
      const report = reports.find((r) => r.source === name);
      assert.equal(report.region?.province ?? '', group.province, `${name} in ${group.province}`);
    }
  }
  const shanxi = groups.find((g) => g.province === '山西省');
  assert.deepEqual(shanxi.rows.sort(), ['粘贴的文本 1', '粘贴的文本 2']);
  assert.equal(groups.reduce((n, g) => n + g.rows.length, 0), count + 3);
  const named = groups.slice(0, -1).map((g) => g.province);
  assert.deepEqual(named, [...named].sort(new Intl.Collator('zh-CN').compare), 'provinces in order');
  await screenshot(page, 'analysis-04-provinces');
  await page.uncheck('#compare-group');
  assert.equal(await page.$$eval('#compare-view tbody.province-group', (b) => b.length), 0);
  assertClean(seen);
  await context.close();
});

test('time scopes: each figure shows when it is from, cumulative or forecast', async () => {
  const { page, context, seen } = await open();
  await loadSamples(page);
  const reports = await exported(page);
  const tags = await page.$$eval('#compare-view td[data-indicator]', (cells) =>
    cells.map((cell) => ({
      name: cell.closest('tr').querySelector('th button').title,
      id: cell.dataset.indicator,
      tag: cell.querySelector('.time-tag')?.textContent ?? null,
      forecast: cell.querySelector('.time-tag')?.classList.contains('forecast') ?? false,
    })),
  );
  let withText = 0;
  let forecasts = 0;
  for (const { name, id, tag, forecast } of tags) {
    const h = reports.find((r) => r.source === name).indicators.find((x) => x.id === id);
    if (!h) continue;
    const time = h.time;
    if (time.text) {
      assert.ok(tag?.startsWith(time.text), `${name} ${id}: "${tag}" starts with ${time.text}`);
      withText += 1;
    }
    if (time.cumulative && !/累计|以来|共计/.test(time.text ?? '')) assert.match(tag, /累计/, `${name} ${id}`);
    if (time.forecast) {
      assert.match(tag, /预计/, `${name} ${id}`);
      assert.ok(forecast);
      forecasts += 1;
    }
    if (!time.text && !time.year && !time.cumulative && !time.forecast) assert.equal(tag, null);
  }
  assert.ok(withText >= 10, `time scopes shown (${withText})`);
  assert.ok(forecasts >= 1, 'a sample has a forecast');
  // The report view shows the same scope under each figure's evidence.
  await page.click('#tab-report');
  const notes = await page.$$eval('#report-view tr[data-indicator] .time-note', (n) => n.map((x) => x.textContent));
  assert.ok(notes.some((n) => /\d{4}年/.test(n)), notes.join(' | '));
  await page.click('#lang-switch');
  await page.click('#tab-compare');
  const en = await page.$$eval('#compare-view .time-tag', (n) => n.map((x) => x.textContent));
  assert.ok(en.some((n) => /^20\d\d · cumulative$/.test(n)), en.join(' | '));
  assertClean(seen);
  await context.close();
});

test('small multiples: a panel per chosen indicator, every report in each', async () => {
  const { page, context, seen } = await open();
  const count = await loadSamples(page);
  await page.click('#tab-charts');
  const panels = () =>
    page.waitForFunction(
      () => {
        const chosen = document.querySelectorAll('#charts-view input[name="multiples"]:checked').length;
        const drawn = document.querySelectorAll('#charts-view figure[data-chart="small_multiples"] svg g.panel').length;
        return chosen === drawn && drawn;
      },
      null,
      { timeout: 10_000 },
    );
  assert.equal(await (await panels()).jsonValue(), 4, 'four indicators to begin with');
  const first = await page.$eval('#charts-view figure[data-chart="small_multiples"] svg g.panel', (g) =>
    [...g.querySelectorAll('text')].map((t) => t.textContent.trim()),
  );
  const reports = await exported(page);
  for (const r of reports) assert.ok(first.includes(r.region?.name ?? r.source), `${r.source} in the first panel`);
  await page.click('#tab-charts');
  await page.uncheck('#multiples-poor_villages_exited');
  assert.equal(await (await panels()).jsonValue(), 3);
  await page.check('#multiples-total_population');
  await page.check('#multiples-poor_households_lifted');
  assert.equal(await (await panels()).jsonValue(), 5);
  const titles = await page.$$eval('#charts-view figure[data-chart="small_multiples"] svg g.panel', (gs) =>
    gs.map((g) => g.querySelector('text').textContent.trim()),
  );
  assert.deepEqual(titles, ['脱贫人口', '脱贫户数', '贫困发生率', '人均可支配收入', '总人口'], 'catalog order');
  assert.equal(count, reports.length);
  await screenshot(page, 'analysis-05-small-multiples');
  assertClean(seen);
  await context.close();
});

test('timeline: offered once a region has figures of two years, drawn at those years', async () => {
  const { page, context, seen } = await open();
  await paste(page, FENXI_2017);
  await page.click('#tab-charts');
  await page.waitForSelector('#charts-view figure[data-chart="small_multiples"] svg');
  assert.equal(await page.$$eval('#charts-view figure[data-chart="timeline"]', (f) => f.length), 0, 'one report of one year');
  await paste(page, FENXI_2019);
  await page.click('#tab-charts');
  await page.waitForSelector('#charts-view figure[data-chart="timeline"] svg');
  const options = await page.$$eval('#timeline-measure option', (o) => o.map((x) => x.value));
  assert.deepEqual(options, ['poor_population_lifted', 'poverty_incidence_rate']);
  await page.selectOption('#timeline-measure', 'poor_population_lifted');
  await page.waitForFunction(() =>
    document.querySelector('#charts-view figure[data-chart="timeline"] svg text')?.textContent.includes('脱贫人口'),
  );
  const svg = page.locator('#charts-view figure[data-chart="timeline"] svg');
  assert.equal(await svg.locator('circle').count(), 2);
  const texts = (await svg.locator('text').allTextContents()).map((t) => t.trim());
  for (const expected of ['2017', '2019', '20,000', '40,284', '汾西县']) assert.ok(texts.includes(expected), `${expected}: ${texts}`);
  // The 2017 figure left of the 2019 one, and higher up the smaller it is not.
  const points = await svg.locator('circle').evaluateAll((c) => c.map((x) => [Number(x.getAttribute('cx')), Number(x.getAttribute('cy'))]));
  assert.ok(points[0][0] < points[1][0], 'by year');
  assert.ok(points[0][1] > points[1][1], '20,000 below 40,284');
  const file = await download(page, 'figure[data-chart="timeline"] button[data-action="download-svg"]');
  assert.equal(file.name, 'zhibiao-timeline.svg');
  assert.match(file.bytes.toString('utf8'), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  await screenshot(page, 'analysis-06-timeline');
  assertClean(seen);
  await context.close();
});

/** The requests for the Excel module (its glue and its wasm) among `requested`. */
const excelModule = (requested) => requested.filter((url) => /\/www\/pkg\/zhibiao_xlsx(_bg\.wasm|\.js)$/.test(url));

test('Excel: the comparison downloads as a workbook of values, evidence and warnings', async () => {
  const { page, context, seen, requested } = await open();
  await loadSamples(page);
  await paste(page, CONFLICTING);
  const reports = await exported(page);
  // The Excel writer is a Wasm module of its own that only the button loads: the engine's
  // module has been fetched by now, the writer's not.
  assert.ok(requested.some((url) => url.endsWith('/www/pkg/zhibiao_bg.wasm')), 'the engine was fetched');
  assert.deepEqual(excelModule(requested), [], 'the Excel module is not fetched before the button');
  const file = await download(page, '#export-xlsx');
  assert.equal(file.name, 'zhibiao-comparison.xlsx');
  assert.deepEqual(
    excelModule(requested).map((url) => url.split('/').pop()).sort(),
    ['zhibiao_xlsx.js', 'zhibiao_xlsx_bg.wasm'],
    'the button fetched the Excel module, once',
  );
  assert.deepEqual([...file.bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'a zip');
  const files = unzip(file.bytes);
  const workbook = files.get('xl/workbook.xml');
  const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(sheets, ['指标 Values', '证据 Evidence', '警告 Warnings']);
  for (const n of [1, 2, 3]) assert.ok(files.has(`xl/worksheets/sheet${n}.xml`), `sheet${n}`);
  const strings = files.get('xl/sharedStrings.xml');
  for (const r of reports) {
    assert.ok(strings.includes(r.source), `${r.source} named`);
    if (r.region) assert.ok(strings.includes(r.region.name), `${r.region.name} named`);
  }
  // Every report's lifted figure is a number cell of the values sheet.
  const values = files.get('xl/worksheets/sheet1.xml');
  for (const r of reports) {
    const lifted = figure(r, 'poor_population_lifted');
    if (lifted !== undefined) assert.ok(values.includes(`<v>${lifted}</v>`), `${r.source}: ${lifted}`);
  }
  // The evidence sentences and the conflict's Chinese and English messages.
  const sentence = reports[0].indicators[0].sentence;
  assert.ok(strings.includes(sentence.slice(0, 15)), `an evidence sentence: ${sentence}`);
  assert.ok(strings.includes('但报告给出的建档立卡贫困人口是40779人'));
  assert.ok(strings.includes('but the report gives Registered poor population as 40779人'));
  // Once loaded, the module is kept: a second workbook fetches nothing and is the same file.
  const again = await download(page, '#export-xlsx');
  assert.ok(again.bytes.equals(file.bytes), 'the same workbook again');
  assert.equal(excelModule(requested).length, 2, 'the Excel module was not fetched again');
  assertClean(seen);
  await context.close();
});

test('Excel: when the Excel module cannot load, the page says so, and the next press tries again', async () => {
  // No service worker here: it could answer from its cache what the test makes fail.
  let failing = true;
  const isExcelWasm = (url) => url.endsWith('/www/pkg/zhibiao_xlsx_bg.wasm');
  const { page, context, seen } = await open({ blocked: (url) => failing && isExcelWasm(url), options: { serviceWorkers: 'block' } });
  await loadSamples(page);
  await page.click('#tab-compare');
  await page.click('#export-xlsx');
  await page.waitForSelector('#alert:not([hidden])');
  assert.match(await page.textContent('#alert'), /^Excel 文件无法生成：.+/);
  assert.ok(seen.outside.length > 0 && seen.outside.every(isExcelWasm), `only the Excel module failed: ${seen.outside}`);
  failing = false;
  const file = await download(page, '#export-xlsx');
  assert.deepEqual([...file.bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'a zip after all');
  // The one failed fetch is the only console error.
  assert.ok(seen.errors.every((e) => /Failed to load resource/.test(e)), `console errors: ${seen.errors}`);
  await context.close();
});
