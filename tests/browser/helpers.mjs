// Shared by the browser smoke tests: a tiny static server on 127.0.0.1:0, a fresh headless
// Chromium (flags from ../shared/toolchain.md), a watcher that records console errors and
// blocks every request that would leave the page's own files, and the seed reports with their
// gold figures (read from ../shared, never copied into the repository); and enough of the zip
// format to read a downloaded workbook.

import { createServer } from 'node:http';
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = resolve(root, '..', 'shared');
export const artifacts = join(root, 'artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves the repository read-only on 127.0.0.1 at a free port. */
export async function startServer() {
  const server = createServer((request, response) => {
    let path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(done)) };
}

const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** Headless Chromium; Playwright gives each launch a fresh temporary user-data-dir. */
export function launch() {
  return chromium.launch(CHROMIUM);
}

/** Headless Chromium keeping its profile in `dir`: closing and launching it again with the
 * same dir is a browser restart. */
export function launchPersistent(dir) {
  return chromium.launchPersistentContext(dir, { ...CHROMIUM, viewport: { width: 1440, height: 900 } });
}

/** The records the page keeps in IndexedDB (see www/persist.js), oldest first. */
export function storedRecords(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('zhibiao');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('reports').objectStore('reports').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(
              request.result
                .sort((a, b) => a.seq - b.seq)
                .map(({ name, status, errorKind, report }) => ({
                  name,
                  status,
                  errorKind,
                  figures: (report?.indicators ?? []).map((h) => [h.id, h.value, h.start, h.end]),
                })),
            );
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/**
 * A page in a context of its own that records console errors and page errors, and aborts
 * (and records) every request for which `allowed(url)` is false. Returns { page, context, seen }.
 * `options` go to the new context (e.g. `serviceWorkers: 'block'`).
 */
export async function openPage(browser, allowed, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 }, ...options });
  const seen = { errors: [], outside: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    seen.outside.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  return { page, context, seen };
}

/** The seed reports: [{ name, path, bytes, gold }]. */
export function seeds() {
  const dir = join(shared, 'seeds');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({
      name,
      path: join(dir, name),
      bytes: readFileSync(join(dir, name)),
      gold: JSON.parse(readFileSync(join(shared, 'gold', 'seeds', name.replace(/\.txt$/, '.json')), 'utf8')),
    }));
}

/** A gold value as the page shows it: thousands separators, at most two decimals. */
export function shown(value) {
  return new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(value);
}

/** The key figures of a gold file: [{ id, values: [shown] }] (any listed value may be shown). */
export function keyFigures(gold) {
  return Object.entries(gold.indicators).map(([id, entry]) => ({ id, values: entry.values.map(shown) }));
}

export async function screenshot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** Waits until the report list shows `count` entries and none is still being read. */
export async function waitForReports(page, count, timeout = 30_000) {
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('#report-list tbody tr').length === n &&
      document.querySelectorAll('#report-list tr.pending').length === 0,
    count,
    { timeout },
  );
}

/** Drops `files` ([{ name, bytes, type }]) on the drop zone with a real DataTransfer. */
export async function dropFiles(page, files) {
  const payload = files.map((f) => ({ name: f.name, type: f.type ?? 'text/plain', data: [...f.bytes] }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([new Uint8Array(f.data)], f.name, { type: f.type }));
    return transfer;
  }, payload);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('#drop-zone .drop-target', type, { dataTransfer });
  }
}

/** The minimal PNG signature and header: a file that is certainly not a report. */
export const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082',
  'hex',
);

/** The files of a zip (stored or deflated), by name. Enough of the format for a workbook. */
export function unzip(bytes) {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'a zip end record');
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const files = new Map();
  for (let i = 0; i < entries; i += 1) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataAt, dataAt + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

/**
 * The served page for one test file: registers node:test hooks that start the static server
 * and Chromium before the file's tests and close them after. `open()` gives a fresh context on
 * index.html, ready for input (`restored`: also once earlier visits' reports are back), where
 * only the page's own files load (`blocked(url)` refuses more) and `requested` lists every URL
 * the page and its worker asked for.
 */
export function servedPage() {
  const served = {
    server: null,
    browser: null,
    origin: '',
    ownFiles: (url) => url.startsWith(`${served.origin}/`) || /^(data|blob):/.test(url),
    async open({ blocked = () => false, options = {}, restored = false } = {}) {
      const opened = await openPage(served.browser, (url) => served.ownFiles(url) && !blocked(url), options);
      opened.requested = [];
      opened.page.on('request', (request) => opened.requested.push(request.url()));
      await opened.page.goto(served.server.url);
      await opened.page.waitForSelector(`body[data-ready="true"]${restored ? '[data-restored="true"]' : ''}`);
      return opened;
    },
  };
  before(async () => {
    served.server = await startServer();
    served.origin = new URL(served.server.url).origin;
    served.browser = await launch();
  });
  after(async () => {
    await served.browser?.close();
    await served.server?.close();
  });
  return served;
}
