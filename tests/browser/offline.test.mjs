// The served page works offline after the first visit: its service worker caches the page's
// files under a cache named by a hash of their content, the Excel module (loaded on demand)
// included.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, seeds, waitForReports } from './helpers.mjs';

test('after one visit the served page loads and reads reports with the network off', async () => {
  const server = await startServer();
  const browser = await launch();
  try {
    const origin = new URL(server.url).origin;
    const { page, context, seen } = await openPage(browser, (url) => url.startsWith(`${origin}/`) || /^(data|blob):/.test(url));
    await page.goto(server.url);
    await page.waitForSelector('#offline-note:not([hidden])', { timeout: 30_000 });
    assert.equal(await page.textContent('#offline-note'), '已可离线使用');
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.length, 1);
    assert.match(caches[0], /^zhibiao-[0-9a-f]{16}$/);

    await context.setOffline(true);
    await server.close();
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    const [seed] = seeds();
    await page.setInputFiles('#file-input', [{ name: seed.name, mimeType: 'text/plain', buffer: seed.bytes }]);
    await waitForReports(page, 1);
    assert.equal(await page.$$eval('#report-list tr.error', (rows) => rows.length), 0);
    // The Excel module, never loaded while online, comes from the cache too.
    await page.click('#tab-compare');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
    const chunks = [];
    for await (const chunk of await xlsx.createReadStream()) chunks.push(chunk);
    assert.deepEqual([...Buffer.concat(chunks).subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'a workbook (a zip)');
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.outside, []);
    await context.close();
  } finally {
    await browser.close();
    await server.close().catch(() => {});
  }
});
