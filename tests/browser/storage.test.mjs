// Nothing lost: the reports a user loaded are kept in IndexedDB and come back, with the same
// figures, after a reload and after a browser restart; removing one and clearing all are
// kept too; and when the browser will not store anything (no IndexedDB, a full quota) the
// page says so and goes on reading reports.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedPage, launchPersistent, openPage, seeds, waitForReports, storedRecords, screenshot } from './helpers.mjs';

const SEEDS = seeds();
const THREE = SEEDS.slice(0, 3).map((s) => ({ name: s.name, mimeType: 'text/plain', buffer: s.bytes }));

const served = servedPage();
const ownFiles = served.ownFiles;

async function ready(page) {
  await page.waitForSelector('body[data-ready="true"][data-restored="true"]');
}

async function open(initScript) {
  const opened = await openPage(served.browser, ownFiles);
  if (initScript) await opened.context.addInitScript(initScript);
  await opened.page.goto(served.server.url);
  await ready(opened.page);
  return opened;
}

/** What the list and the comparison table show: [{ name, row }] in list order. */
async function shownFigures(page) {
  await page.click('#tab-compare');
  const rows = await page.$$eval('#compare-view tbody tr', (trs) =>
    trs.map((tr) => ({ name: tr.querySelector('th button').title, row: tr.textContent })),
  );
  await page.click('#tab-report');
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

test('three reports come back after a reload with the same figures', async () => {
  const { page, context, seen } = await open();
  assert.match(await page.textContent('#storage-note'), /IndexedDB/);
  await page.setInputFiles('#file-input', THREE);
  await waitForReports(page, 3);
  const figures = await shownFigures(page);
  const stored = await storedRecords(page);
  assert.deepEqual(stored.map((r) => [r.name, r.status]), THREE.map((f) => [f.name, 'done']));
  assert.ok(stored.every((r) => r.figures.length > 0), 'the stored reports carry their figures');

  await page.reload();
  await ready(page);
  await waitForReports(page, 3);
  assert.deepEqual(await shownFigures(page), figures);
  assert.deepEqual(await storedRecords(page), stored);
  // The text is kept too: the evidence of the first figure is highlighted in it.
  await page.click('#report-list button[data-action="select"]');
  await page.click('#report-view button.figure[data-index="0"]');
  assert.ok((await page.textContent('.report-text mark.focus')).length > 0);
  await screenshot(page, '11-restored');
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.outside, []);
  await context.close();
});

test('after a browser restart the reports are still there', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhibiao-profile-'));
  try {
    let context = await launchPersistent(dir);
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(served.server.url);
    await ready(page);
    await page.setInputFiles('#file-input', THREE);
    await waitForReports(page, 3);
    const figures = await shownFigures(page);
    await context.close();

    context = await launchPersistent(dir);
    page = context.pages()[0] ?? (await context.newPage());
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(served.server.url);
    await ready(page);
    await waitForReports(page, 3);
    assert.deepEqual(await shownFigures(page), figures);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('removing a report and clearing all are explicit and kept', async () => {
  const { page, context, seen } = await open();
  await page.setInputFiles('#file-input', THREE);
  await waitForReports(page, 3);
  await page.click(`#report-list button[data-action="remove"][aria-label$="${THREE[1].name}"]`);
  await waitForReports(page, 2);
  await page.reload();
  await ready(page);
  await waitForReports(page, 2);
  assert.deepEqual((await storedRecords(page)).map((r) => r.name), [THREE[0].name, THREE[2].name]);

  // One click only arms "clear all"; the second clears.
  await page.click('#clear-all');
  assert.match(await page.textContent('#clear-all'), /再点一次/);
  assert.equal(await page.$$eval('#report-list tbody tr', (rows) => rows.length), 2);
  await page.click('#clear-all');
  await page.waitForSelector('#report-list p.empty');
  await page.reload();
  await ready(page);
  assert.equal(await page.$$eval('#report-list tbody tr', (rows) => rows.length), 0);
  assert.deepEqual(await storedRecords(page), []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a batch interrupted by a reload is read to the end after it', async () => {
  const { page, context, seen } = await open();
  const files = Array.from({ length: 40 }, (_, i) => ({ ...THREE[i % 3], name: `copy-${String(i).padStart(2, '0')}.txt` }));
  await page.setInputFiles('#file-input', files);
  await page.waitForFunction(() => document.querySelectorAll('#report-list tr.pending').length > 0);
  await page.reload();
  await ready(page);
  await waitForReports(page, 40, 120_000);
  const stored = await storedRecords(page);
  assert.deepEqual(stored.map((r) => r.name), files.map((f) => f.name));
  assert.ok(stored.every((r) => r.status === 'done'), JSON.stringify(stored.filter((r) => r.status !== 'done')));
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('no IndexedDB (private mode): the page says so and still reads reports', async () => {
  const { page, context, seen } = await open(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined });
  });
  await page.waitForSelector('#storage-note.alert-box');
  assert.match(await page.textContent('#storage-note'), /无法保存报告/);
  await page.setInputFiles('#file-input', THREE.slice(0, 1));
  await waitForReports(page, 1);
  assert.equal(await page.$$eval('#report-list tr.error', (rows) => rows.length), 0);
  await screenshot(page, '12-no-storage');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('storage full: the page says so and still reads reports', async () => {
  const { page, context, seen } = await open(() => {
    IDBObjectStore.prototype.put = function put() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.setInputFiles('#file-input', THREE);
  await waitForReports(page, 3);
  await page.waitForSelector('#storage-note.alert-box');
  assert.match(await page.textContent('#storage-note'), /存储空间已满/);
  assert.equal(await page.$$eval('#report-list tr.error', (rows) => rows.length), 0);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('files added while storage is still opening are listed and kept once', async () => {
  const opened = await openPage(served.browser, ownFiles);
  const { page, context, seen } = opened;
  await page.goto(served.server.url);
  // As soon as the shell is ready, before the stored reports are back.
  await page.waitForSelector('body[data-ready="true"]');
  await page.setInputFiles('#file-input', THREE);
  await ready(page);
  await waitForReports(page, 3);
  await page.waitForTimeout(500);
  assert.equal(await page.$$eval('#report-list tbody tr', (rows) => rows.length), 3);
  await page.reload();
  await ready(page);
  await waitForReports(page, 3);
  assert.deepEqual((await storedRecords(page)).map((r) => r.name), THREE.map((f) => f.name));
  assert.deepEqual(seen.errors, []);
  await context.close();
});
