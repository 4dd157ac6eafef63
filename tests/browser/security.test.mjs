// Locked down: the Content-Security-Policy of the served page and of the single-file build
// allows no inline script (the single file's two scripts by hash), no eval and no connection
// beyond the page's own files; a report carrying <script>, <img onerror> and javascript:
// links, in its text and in its file name, shows as inert text in the list, the comparison
// table, the evidence view, the chart labels and the exported SVG; and the page requests
// nothing but its own files.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, servedPage, openPage, waitForReports, screenshot } from './helpers.mjs';

const served = servedPage();

function cspOf(html) {
  const content = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];
  return Object.fromEntries(
    content.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

test('the CSP allows no inline script, no eval and no outside connection', () => {
  for (const file of ['index.html', join('dist', 'zhibiao.html')]) {
    const csp = cspOf(readFileSync(join(root, file), 'utf8'));
    const all = Object.values(csp).flat();
    assert.ok(!all.includes("'unsafe-inline'") && !all.includes("'unsafe-eval'"), `${file}: ${all}`);
    assert.deepEqual(csp['default-src'], ["'none'"], file);
    assert.deepEqual(csp['object-src'], ["'none'"], file);
    assert.ok(!all.some((v) => /^(https?:|\*|ws)/.test(v)), `${file}: no host sources`);
  }
  const served = cspOf(readFileSync(join(root, 'index.html'), 'utf8'));
  assert.deepEqual(served['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(served['connect-src'], ["'self'"], 'only its own .wasm is fetched');
  const singleHtml = readFileSync(join(root, 'dist', 'zhibiao.html'), 'utf8');
  const single = cspOf(singleHtml);
  // Exactly the file's own inline scripts (the engine with boot.js, then the page) are
  // allowed, each by its hash.
  const hashes = single['script-src'].filter((v) => v.startsWith("'sha256-"));
  const inline = [...singleHtml.matchAll(/<script(?: type="module")?>([^]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
  );
  assert.equal(inline.length, 2, 'two inline scripts');
  assert.deepEqual([...hashes].sort(), [...inline].sort());
  assert.deepEqual(single['connect-src'], ["'none'"]);
});

/** The page's own files: anything else requested is a leak. */
function ownFile(url) {
  if (/^(data|blob):/.test(url)) return true;
  if (!url.startsWith(`${served.origin}/`)) return false;
  const path = new URL(url).pathname;
  // (www/pkg/snippets/: the glue's inline JavaScript, see wasm.rs.)
  return /^\/(index\.html|sw\.js|www\/[\w-]+\.(js|css)|www\/pkg\/[\w-]+\.(js|wasm)|www\/pkg\/snippets\/[\w-]+\/[\w-]+\.js)?$/.test(path);
}

async function open() {
  const opened = await openPage(served.browser, () => true);
  const requests = [];
  opened.page.on('request', (request) => requests.push(request.url()));
  opened.page.on('dialog', (dialog) => {
    opened.seen.errors.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  await opened.page.goto(served.server.url);
  await opened.page.waitForSelector('body[data-ready="true"][data-restored="true"]');
  return { ...opened, requests };
}

test('an inline script injected into the page does not run', async () => {
  const { page, context, seen } = await open();
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__pwned = "script"';
    document.body.append(script);
    const div = document.createElement('div');
    div.innerHTML = '<img src="data:," onerror="window.__pwned = \'handler\'">';
    document.body.append(div);
  });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.ok(seen.errors.some((e) => /Content Security Policy/.test(e)), 'the CSP refused it');
  await context.close();
});

const NAME = '<img src=x onerror=alert(1)>.txt';
const SCRIPT = '<script>alert("script")</script>';
const IMG = '<img src=x onerror="alert(\'img\')">';
const LINK = '<a href="javascript:alert(\'link\')">点此查看</a>';
// Plain text with a few tags quoted in it (too few per line to be taken for a web page).
const TEXT = [
  '关于全县脱贫攻坚工作情况的报告',
  SCRIPT,
  `全县${IMG}累计减少贫困人口3.2万人，贫困发生率由12.5%下降到0.5%。`,
  `详情见${LINK}。`,
  ...Array.from({ length: 30 }, (_, i) => `第${i + 1}项工作按计划推进，群众满意度持续提高。`),
].join('\n');

test('markup in a report and its file name shows as inert text everywhere', async () => {
  const { page, context, seen, requests } = await open();
  const scripts = await page.$$eval('script', (s) => s.length);
  // The file (its name carries markup), and the same text pasted.
  await page.setInputFiles('#file-input', [{ name: NAME, mimeType: 'text/plain', buffer: Buffer.from(TEXT) }]);
  await waitForReports(page, 1);
  await page.fill('#paste-text', TEXT);
  await page.click('#analyze-paste');
  await waitForReports(page, 2);
  assert.equal(await page.$$eval('#report-list tr.error', (r) => r.length), 0);

  // The list: the file name as text.
  const names = await page.$$eval('#report-list button.file-name', (b) => b.map((x) => x.textContent));
  assert.ok(names.includes(NAME), names.join(' | '));
  // The evidence view: the text with its markup as text, the evidence sentence too.
  await page.click('#report-list button.file-name');
  const shown = await page.textContent('.report-text');
  for (const piece of [SCRIPT, IMG, LINK]) assert.ok(shown.includes(piece), `text shows ${piece}`);
  // (The table cuts the sentence around the figure; its tooltip holds the whole sentence.)
  const evidence = await page.textContent('#report-view td.evidence');
  assert.ok(evidence.includes('"alert(\'img\')">累计'), evidence);
  assert.ok((await page.getAttribute('#report-view td.evidence > span', 'title')).includes(IMG));
  await screenshot(page, '13-markup-as-text');
  // The comparison table: the name as the row label.
  await page.click('#tab-compare');
  const labels = await page.$$eval('#compare-view tbody th button', (b) => b.map((x) => x.textContent));
  assert.ok(labels.includes(NAME), labels.join(' | '));
  // The charts: the name as a label in the SVG, and in the SVG downloaded.
  await page.click('#tab-charts');
  await page.waitForSelector('#charts-view figure[data-chart="bar"] svg');
  // (Long labels are cut with an ellipsis, so the start of the name is what is drawn.)
  const drawn = NAME.slice(0, 24);
  assert.ok((await page.textContent('#charts-view figure[data-chart="bar"] svg')).includes(drawn));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('figure[data-chart="bar"] button[data-action="download-svg"]'),
  ]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  const svg = Buffer.concat(chunks).toString('utf8');
  assert.ok(svg.includes(drawn.replace('<', '&lt;')), 'the name is escaped in the SVG file');
  assert.ok(!/<(img|script|a|foreignObject)\b/i.test(svg), 'no markup element in the SVG file');

  // Nowhere did markup become elements, and nothing ran.
  const live = await page.evaluate(() => ({
    scripts: document.querySelectorAll('script').length,
    imgs: document.querySelectorAll('main img, main a[href], main foreignObject').length,
    handlers: [...document.querySelectorAll('main *')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
  }));
  assert.deepEqual(live, { scripts, imgs: 0, handlers: 0 });
  assert.deepEqual(seen.errors, [], 'no dialog, no error');
  const outside = requests.filter((url) => !ownFile(url));
  assert.deepEqual(outside, [], 'only the page\'s own files were requested');
  await context.close();
});
