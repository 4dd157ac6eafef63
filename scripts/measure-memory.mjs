// Measures the peak memory of reading the largest file the limits allow (20 MiB), in the
// command line and in the page, for the README's "Limits". Run by hand after building the
// CLI (cargo build --release) and the page (scripts/build-page.sh):
//
//     node scripts/measure-memory.mjs
//
// The test files are made at run time: the seed reports of ../shared repeated to the cap (a
// real report's density of figures), and the stress text with the most figures per byte
// (figures with cue words and no punctuation). Peak memory is the kernel's high-water mark
// (VmHWM) of the CLI process, and of the page's renderer process (page and worker together)
// before and after the file is read.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { root, startServer } from '../tests/browser/helpers.mjs';

const CAP = 20 * 1024 * 1024;
const shared = join(root, '..', 'shared', 'seeds');

const seedsText = readdirSync(shared)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((n) => readFileSync(join(shared, n), 'utf8'))
  .join('\n');
const INPUTS = [
  { name: 'seed reports repeated to 20 MiB', unit: seedsText },
  { name: 'figures without punctuation, 20 MiB', unit: '全县减少贫困人口3人' },
];
for (const input of INPUTS) {
  const unit = Buffer.from(input.unit);
  input.bytes = Buffer.concat(new Array(Math.floor(CAP / unit.length)).fill(unit));
}

const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

function cli(path) {
  const probe =
    'import resource,subprocess,sys,time;t=time.time();' +
    'r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL);' +
    'print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.time()-t, r.returncode)';
  const out = spawnSync('python3', ['-c', probe, join(root, 'target', 'release', 'zhibiao'), path], { encoding: 'utf8' });
  const [kb, seconds, code] = out.stdout.trim().split(' ').map(Number);
  return { kb, seconds, code };
}

function highWater(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmHWM:\s+(\d+) kB/)[1]);
}

/** The renderer processes under the browser process `pid`. */
function renderers(pid) {
  const children = (p) =>
    readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          return readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1] === String(p);
        } catch {
          return false;
        }
      });
  const all = [];
  const walk = (p) => {
    for (const c of children(p)) {
      all.push(c);
      walk(c);
    }
  };
  walk(pid);
  return all.filter((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  });
}

async function page(input) {
  const server = await startServer();
  const browserServer = await chromium.launchServer({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const browser = await chromium.connect(browserServer.wsEndpoint());
    const tab = await browser.newPage();
    await tab.goto(server.url);
    await tab.waitForSelector('body[data-restored="true"]');
    const pid = browserServer.process().pid;
    const highest = () => Math.max(...renderers(pid).map(highWater));
    const before = highest();
    await tab.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push(Math.round(entry.duration));
      }).observe({ type: 'longtask' });
    });
    const started = Date.now();
    // The file is made and dropped inside the page, as a file from disk would be: handing
    // 20 MB to the page through the DevTools protocol would itself hold its main thread.
    await tab.evaluate(async ({ unit, bytes }) => {
      const encoded = new TextEncoder().encode(unit);
      const parts = new Array(Math.floor(bytes / encoded.length)).fill(encoded);
      const transfer = new DataTransfer();
      transfer.items.add(new File(parts, 'large.txt', { type: 'text/plain' }));
      setTimeout(() => {
        const target = document.querySelector('#drop-zone .drop-target');
        for (const type of ['dragenter', 'dragover', 'drop']) {
          target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
        }
      });
    }, { unit: input.unit, bytes: CAP });
    await tab.waitForFunction(
      () => document.querySelector('#report-list tbody tr') && !document.querySelector('#report-list tr.pending'),
      null,
      { timeout: 600_000 },
    );
    const seconds = (Date.now() - started) / 1000;
    const error = await tab.$eval('#report-list tbody tr', (tr) => (tr.classList.contains('error') ? tr.textContent : ''));
    const longTasks = await tab.evaluate(() => window.__longTasks);
    return { before, after: highest(), seconds, error, longTasks };
  } finally {
    await browserServer.close();
    await server.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'zhibiao-memory-'));
try {
  for (const input of INPUTS) {
    const path = join(dir, 'large.txt');
    writeFileSync(path, input.bytes);
    const c = cli(path);
    console.log(`${input.name} (${(input.bytes.length / 1024 / 1024).toFixed(1)} MiB)`);
    console.log(`  CLI:  peak ${mb(c.kb)}, ${c.seconds.toFixed(1)} s, exit ${c.code}`);
    const p = await page(input);
    console.log(
      `  page: renderer peak ${mb(p.before)} before → ${mb(p.after)} after, ${p.seconds.toFixed(1)} s, ` +
        `longest main-thread task ${Math.max(0, ...p.longTasks)} ms` +
        (p.error ? ` (error: ${p.error})` : ''),
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
