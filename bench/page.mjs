// Start-up of the page in headless Chromium: from navigation to the first result of a sample
// report, and to the comparison chart of all samples.
//
// Each load is a first visit (a fresh browser context: no HTTP cache, no service worker, no
// compiled-Wasm cache). A script injected before the page's own does what a person would do,
// as soon as the page lets them: it presses "载入示例报告" when the shell says it is ready, and
// "图表" once every sample is read; it notes performance.now() (milliseconds since navigation
// started) at each step, with no round trip through the test driver to blur the figures.

import { launch, startServer } from '../tests/browser/helpers.mjs';

/** The in-page robot; `expected` is the number of sample reports. */
function robot(expected) {
  const marks = {};
  window.__benchMarks = marks;
  const mark = (name) => {
    if (!(name in marks)) marks[name] = performance.now();
  };
  const check = () => {
    const body = document.body;
    if (!body) return;
    if (body.dataset.ready === 'true' && !('ready' in marks)) {
      mark('ready');
      document.getElementById('load-samples').click();
    }
    if (!('firstResult' in marks) && document.querySelector('#report-view .report-grid')) mark('firstResult');
    const rows = document.querySelectorAll('#report-list tbody tr');
    const pending = document.querySelectorAll('#report-list tbody tr.pending');
    if (!('allRead' in marks) && rows.length === expected && pending.length === 0) {
      mark('allRead');
      document.getElementById('tab-charts').click();
    }
    if (!('chart' in marks) && document.querySelector('#charts-view figure[data-chart="bar"] svg')) mark('chart');
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('DOMContentLoaded', check);
}

async function loadOnce(browser, url, expected) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.addInitScript(robot, expected);
  await page.goto(url);
  await page.waitForFunction(() => window.__benchMarks && 'chart' in window.__benchMarks, null, {
    timeout: 60_000,
  });
  const marks = await page.evaluate(() => window.__benchMarks);
  await context.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  return marks;
}

/**
 * Loads the served page and the single-file build `loads` times each.
 * Returns { served: [marks], single: [marks] } with marks { ready, firstResult, allRead, chart }.
 */
export async function measurePage({ singleFileUrl, samples, loads }) {
  const server = await startServer();
  const browser = await launch();
  try {
    const served = [];
    const single = [];
    // One unmeasured load first, so the OS file cache and Chromium's own start are warm.
    await loadOnce(browser, server.url, samples);
    for (let i = 0; i < loads; i += 1) {
      served.push(await loadOnce(browser, server.url, samples));
      single.push(await loadOnce(browser, singleFileUrl, samples));
    }
    return { served, single };
  } finally {
    await browser.close();
    await server.close();
  }
}
