// The benchmark (run it with `bash scripts/bench.sh`, which builds what this needs first).
// It prints figures; it asserts nothing about them.
//
//   node bench/run.mjs [--quick] [--runs N] [--loads N] [--peer-max-chars N] [--big-mb N]
//                      [--no-page] [--json FILE] [--help]
//
//   --runs N            runs per size, the median is shown (7; three times that for 1 and 10)
//   --loads N           first visits of each page build (7)
//   --peer-max-chars N  run the peer only on sizes of at most N chars (120,000)
//   --big-mb N          size of the single large text in MiB (50; 0 for none)
//   --no-page           skip the headless Chromium measurements
//   --json FILE         where all figures go (target/bench/results.json)
//
// 1. Builds the corpus (bench/corpus.mjs) under target/bench/: 1, 10, 100 and 1,000 reports
//    and one ~50 MB text.
// 2. Throughput of the native CLI (whole runs, process start and JSON output included), of
//    the native library in-process (the bench_text example) and of the Wasm build in this Node
//    process (the page's own www/pkg build: analyze_bytes, as the page's worker calls it):
//    the median of several runs, in MB/s of input and reports/s.
// 3. The peer, Recognizers-Text (bench/peer.mjs), over the same documents in this process, and
//    zhibiao's Wasm speed as a ratio to it. The peer reads a few thousand characters a second,
//    so it runs once per size and only on sizes of at most --peer-max-chars characters.
// 4. How time grows with corpus size: each size's time against start-up plus the sum of its
//    reports' times read one at a time (each distinct report is timed alone first).
// 5. Size of the two .wasm modules (raw, gzipped; the 600 KB gzipped target is checked
//    against the engine's, which every visit loads; the Excel module loads on the first .xlsx)
//    and of dist/zhibiao.html, and the page's start-up in headless Chromium (bench/page.mjs).
//
// --quick is a smoke run on a tiny corpus (1 and 10 reports, a 1 MB text, one run of each):
// it keeps this script from rotting and says nothing about speed.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

import { writeCorpus, writeDistinct } from './corpus.mjs';
import { startPeer, peerVersion } from './peer.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);

// ---- Options ----

function parseArgs(argv) {
  const opts = {
    quick: false,
    runs: 7,
    loads: 7,
    peerMaxChars: 120_000,
    bigMb: 50,
    page: true,
    json: at('target', 'bench', 'results.json'),
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      i += 1;
      if (i >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[i];
    };
    if (arg === '--quick') opts.quick = true;
    else if (arg === '--runs') opts.runs = Number(value());
    else if (arg === '--loads') opts.loads = Number(value());
    else if (arg === '--peer-max-chars') opts.peerMaxChars = Number(value());
    else if (arg === '--big-mb') opts.bigMb = Number(value());
    else if (arg === '--no-page') opts.page = false;
    else if (arg === '--json') opts.json = resolve(value());
    else if (arg === '--help' || arg === '-h') {
      const header = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n\nimport')[0];
      console.log(header.replace(/^\/\/ ?/gm, ''));
      process.exit(0);
    }
    else throw new Error(`unknown option ${arg} (see the top of bench/run.mjs)`);
  }
  if (opts.quick) Object.assign(opts, { runs: 1, loads: 1, bigMb: 1 });
  return opts;
}

// ---- Small helpers ----

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Median and the spread of the runs around it, as ± half the interquartile-ish range. */
const summary = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs });
const mb = (bytes) => bytes / 1e6;
const fmt = (x, digits = 1) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));
const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padStart(widths[i])).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function machine() {
  const cpu = cpus();
  return {
    date: new Date().toISOString().slice(0, 10),
    cpu: `${cpu[0]?.model ?? 'unknown'} (${cpu.length} cores)`,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    rustc: spawnSync('rustc', ['--version'], { encoding: 'utf8' }).stdout.trim(),
    chromium: spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '',
  };
}

// ---- Native: the CLI and the library in-process ----

const CLI = at('target', 'release', 'zhibiao');
const BENCH_TEXT = at('target', 'release', 'examples', 'bench_text');

/** Wall time of one CLI run over `files`, its output thrown away (but written). */
function cliOnce(files) {
  const started = performance.now();
  const run = spawnSync(CLI, ['--format', 'json', ...files], { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  if (run.error) throw run.error;
  return { ms, status: run.status };
}

function listFiles(dir) {
  return readdirSync(dir)
    .sort()
    .map((name) => join(dir, name));
}

/** The library in-process: the bench_text example's timings. */
function libraryRuns(files, runs, asText = false, each = false) {
  const args = ['--runs', String(runs), ...(asText ? ['--text'] : []), ...(each ? ['--each'] : []), ...files];
  const run = spawnSync(BENCH_TEXT, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`bench_text failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

// ---- Wasm in Node: the page's own build ----

async function startWasm() {
  const started = performance.now();
  const glue = await import(pathToFileURL(at('www', 'pkg', 'zhibiao.js')).href);
  glue.initSync({ module: readFileSync(at('www', 'pkg', 'zhibiao_bg.wasm')) });
  // The engine (compiled catalog, region tables) is built on its first call.
  glue.analyze_text('x', 'warm-up');
  return { glue, startupMs: performance.now() - started };
}

function wasmOnce(glue, docs) {
  const started = performance.now();
  let headlines = 0;
  for (const doc of docs) {
    const report = glue.analyze_bytes(doc.bytes, doc.name);
    headlines += report.indicators?.length ?? 0;
  }
  return { ms: performance.now() - started, headlines };
}

// ---- The run ----

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const counts = opts.quick ? [1, 10] : [1, 10, 100, 1000];
  const results = { machine: machine(), options: opts, sizes: [], big: null, page: null };
  const log = (...args) => console.log(...args);

  log(`zhibiao benchmark — ${results.machine.date}, ${results.machine.cpu}, ${results.machine.node}`);
  log(opts.quick ? '(quick smoke run: figures mean nothing)\n' : '');

  // 1. Corpus.
  const corpus = writeCorpus(root, at('target', 'bench', 'corpus'), counts, opts.bigMb * 2 ** 20);
  log(`corpus: ${corpus.distinct} distinct documents (reports of samples/ and tests/reports/, ` +
    'plus GB18030, UTF-16 and web-page variants of the plain ones), cycled to each size\n');
  const empty = at('target', 'bench', 'corpus', 'empty.txt');
  writeFileSync(empty, '');

  // 2. Native CLI, native library, Wasm; then the peer.
  const wasm = await startWasm();
  const peer = startPeer();
  // Warm-up: the CLI binary in the file cache, V8's optimising tier for the Wasm.
  cliOnce(listFiles(corpus.sizes.at(-1).dir));
  for (let i = 0; i < 3; i += 1) wasmOnce(wasm.glue, corpus.sizes.at(-1).docs);
  const cliStartup = summary(Array.from({ length: Math.max(5, opts.runs) }, () => cliOnce([empty]).ms));

  // One report at a time: each distinct document alone (median of the runs), for the growth
  // check. The sizes cycle through these documents, so N reports are predicted to cost
  // start-up plus the sum of their single times.
  const distinctDir = at('target', 'bench', 'corpus', 'distinct');
  const distinct = writeDistinct(corpus.docsInOrder, distinctDir);
  const singleRuns = Math.max(3, opts.runs);
  const single = {
    cli: distinct.map((file) => median(Array.from({ length: singleRuns }, () => cliOnce([file]).ms))),
    library: libraryRuns(distinct, singleRuns, false, true).each_ms,
    wasm: corpus.docsInOrder.map((doc) =>
      median(Array.from({ length: singleRuns }, () => wasmOnce(wasm.glue, [doc]).ms)),
    ),
  };
  results.single = single;
  const sumSingle = (kind, count) =>
    Array.from({ length: count }, (_, i) => single[kind][i % single[kind].length]).reduce((a, b) => a + b, 0);

  for (const size of corpus.sizes) {
    const files = listFiles(size.dir);
    // Small sizes are cheap and noisier: more runs.
    const runs = size.count <= 10 ? opts.runs * 3 : opts.runs;
    const cli = summary(Array.from({ length: runs }, () => cliOnce(files).ms));
    const library = libraryRuns(files, runs);
    const wasmRuns = Array.from({ length: runs }, () => wasmOnce(wasm.glue, size.docs).ms);
    let peerMs = null;
    if (size.chars <= opts.peerMaxChars) {
      const started = performance.now();
      for (const doc of size.docs) peer.parse(doc.text);
      peerMs = performance.now() - started;
    }
    const row = {
      count: size.count,
      bytes: size.bytes,
      chars: size.chars,
      cli,
      library: { ...summary(library.runs_ms), startupMs: library.startup_ms },
      wasm: summary(wasmRuns),
      peer: peerMs,
    };
    results.sizes.push(row);
    log(`  ${size.count} reports: CLI ${fmtMs(cli.median)} ms, library ${fmtMs(row.library.median)} ms, ` +
      `Wasm ${fmtMs(row.wasm.median)} ms, peer ${peerMs === null ? 'skipped' : `${fmtMs(peerMs)} ms`}`);
  }

  // The big text: above the per-report cap, so through analyze_text (see bench/corpus.mjs).
  if (corpus.big) {
    const bigRuns = opts.quick ? 1 : 3;
    const library = libraryRuns([corpus.big.path], bigRuns, true);
    const wasmRuns = [];
    for (let i = 0; i < bigRuns; i += 1) {
      const started = performance.now();
      wasm.glue.analyze_text(corpus.big.text, 'big.txt');
      wasmRuns.push(performance.now() - started);
    }
    results.big = {
      bytes: corpus.big.bytes,
      chars: corpus.big.chars,
      library: summary(library.runs_ms),
      wasm: summary(wasmRuns),
    };
    log(`  one ${fmt(mb(corpus.big.bytes), 0)} MB text: library ${fmtMs(results.big.library.median)} ms, ` +
      `Wasm ${fmtMs(results.big.wasm.median)} ms`);
  }
  results.startup = { cli: cliStartup, wasmMs: wasm.startupMs, peerMs: peer.startupMs };

  // 3. Tables.
  log('\nThroughput (median of the runs; MB of input files, reports per second)\n');
  const rate = (bytes, ms) => mb(bytes) / (ms / 1e3);
  const rows = results.sizes.map((s) => [
    s.count,
    fmt(mb(s.bytes), 2),
    fmtMs(s.cli.median),
    fmt(rate(s.bytes, s.cli.median)),
    fmt(s.count / (s.cli.median / 1e3), 0),
    fmtMs(s.library.median),
    fmt(rate(s.bytes, s.library.median)),
    fmtMs(s.wasm.median),
    fmt(rate(s.bytes, s.wasm.median)),
    fmt(s.count / (s.wasm.median / 1e3), 0),
    s.peer === null ? '—' : fmtMs(s.peer),
    s.peer === null ? '—' : fmt(s.chars / (s.peer / 1e3), 0),
    s.peer === null ? '—' : `${fmt(s.peer / s.wasm.median, 0)}×`,
    s.peer === null ? '—' : `${fmt(s.peer / s.library.median, 0)}×`,
  ]);
  if (results.big) {
    const b = results.big;
    rows.push([
      `${fmt(mb(b.bytes), 0)} MB`,
      fmt(mb(b.bytes), 2),
      'refused',
      '—',
      '—',
      fmtMs(b.library.median),
      fmt(rate(b.bytes, b.library.median)),
      fmtMs(b.wasm.median),
      fmt(rate(b.bytes, b.wasm.median)),
      '—',
      '—',
      '—',
      '—',
      '—',
    ]);
  }
  log(table(
    ['reports', 'MB', 'CLI ms', 'CLI MB/s', 'CLI rep/s', 'lib ms', 'lib MB/s', 'Wasm ms', 'Wasm MB/s', 'Wasm rep/s',
      'peer ms', 'peer char/s', 'Wasm/peer', 'lib/peer'],
    rows,
  ));
  const peered = results.sizes.filter((s) => s.peer !== null);
  const peerChars = peered.reduce((sum, s) => sum + s.chars, 0);
  const peerMs = peered.reduce((sum, s) => sum + s.peer, 0);
  const wasmPeeredMs = peered.reduce((sum, s) => sum + s.wasm.median, 0);
  const libraryPeeredMs = peered.reduce((sum, s) => sum + s.library.median, 0);
  results.peer = {
    version: peerVersion(),
    chars: peerChars,
    ms: peerMs,
    charsPerSecond: peerChars / (peerMs / 1e3),
    ratio: peerMs / wasmPeeredMs,
    libraryRatio: peerMs / libraryPeeredMs,
  };
  log(`\nPeer: @microsoft/recognizers-text-suite ${results.peer.version} (Chinese number, percentage, ` +
    `dimension and currency models), ${fmt(results.peer.charsPerSecond, 0)} chars/s over ` +
    `${peerChars} chars; zhibiao is ${fmt(results.peer.ratio, 0)}× faster in Wasm (same documents, same ` +
    `process) and ${fmt(results.peer.libraryRatio, 0)}× natively (library in-process).`);
  log(`Start-up: CLI on an empty file ${fmtMs(cliStartup.median)} ms (process, catalog, exit); ` +
    `Wasm in Node ${fmtMs(wasm.startupMs)} ms (load glue, instantiate, build the engine); ` +
    `peer ${fmtMs(peer.startupMs)} ms (build its models).`);

  // 4. Growth.
  log('\nGrowth with corpus size: each size against start-up + the sum of its reports read one at a time\n');
  const perReport = (ms, count) => ms / count;
  results.growth = results.sizes.map((s) => {
    // A CLI run pays the process start-up once. One report costs the CLI ~0.2 ms against a
    // start-up that moves by ±0.3 ms, so single runs cannot give its per-report cost: the
    // run of 10 reports does (its excess over start-up, per report), and the larger sizes are
    // predicted from it.
    const ten = results.sizes.find((x) => x.count === 10) ?? results.sizes[0];
    const cliPerReport = Math.max(ten.cli.median - cliStartup.median, 0) / ten.count;
    const cliPredicted = cliStartup.median + s.count * cliPerReport;
    return {
      count: s.count,
      cli: s.cli.median / cliPredicted,
      library: s.library.median / sumSingle('library', s.count),
      wasm: s.wasm.median / sumSingle('wasm', s.count),
    };
  });
  log(table(
    ['reports', 'CLI ms/rep', 'CLI vs pred.', 'lib ms/rep', 'lib vs pred.', 'Wasm ms/rep', 'Wasm vs pred.', 'Wasm ms/MB'],
    results.sizes.map((s, i) => [
      s.count,
      fmtMs(perReport(s.cli.median - cliStartup.median, s.count)),
      fmt(results.growth[i].cli, 2),
      fmtMs(perReport(s.library.median, s.count)),
      fmt(results.growth[i].library, 2),
      fmtMs(perReport(s.wasm.median, s.count)),
      fmt(results.growth[i].wasm, 2),
      fmt(s.wasm.median / mb(s.bytes), 1),
    ]),
  ));
  log('(pred. = start-up + the sum of the single-report times of the same reports; ≤ ~1 means ' +
    'linear. The CLI’s start-up is its run on an empty file, and its per-report time is taken ' +
    'from the run of 10 reports (a single report is within the noise of process start-up); ' +
    'in-process figures have no start-up, the engine being built before timing.)');
  if (results.big) {
    const b = results.big;
    log(`One ${fmt(mb(b.bytes), 0)} MB text: library ${fmt(b.library.median / mb(b.bytes), 1)} ms/MB, ` +
      `Wasm ${fmt(b.wasm.median / mb(b.bytes), 1)} ms/MB (compare the last column).`);
  }

  // 5. Size and start-up of the page: the engine module (the one every visit loads, which the
  // 600 KB gzipped target is about), the Excel module (loaded on the first .xlsx), the catalog
  // file module (loaded for a user catalog) and the single file (all inlined).
  const sizeOf = (...path) => {
    const bytes = readFileSync(at(...path));
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const engine = sizeOf('www', 'pkg', 'zhibiao_bg.wasm');
  const excel = sizeOf('www', 'pkg', 'zhibiao_xlsx_bg.wasm');
  const catalogFile = sizeOf('www', 'pkg', 'zhibiao_catalog_bg.wasm');
  const oneFile = sizeOf('dist', 'zhibiao.html');
  results.size = {
    wasm: engine.raw,
    wasmGzip: engine.gzip,
    xlsxWasm: excel.raw,
    xlsxWasmGzip: excel.gzip,
    catalogWasm: catalogFile.raw,
    catalogWasmGzip: catalogFile.gzip,
    html: oneFile.raw,
    htmlGzip: oneFile.gzip,
  };
  const kb = (b) => `${fmt(b / 1024, 0)} KB`;
  const WASM_TARGET_GZIP = 600 * 1024;
  const target = engine.gzip <= WASM_TARGET_GZIP ? 'within' : 'OVER';
  log(`\nSize: engine zhibiao_bg.wasm ${kb(engine.raw)} (${kb(engine.gzip)} gzipped, ${target} the ` +
    `600 KB target); Excel module zhibiao_xlsx_bg.wasm ${kb(excel.raw)} (${kb(excel.gzip)} gzipped, ` +
    `loaded on the first .xlsx); catalog module zhibiao_catalog_bg.wasm ${kb(catalogFile.raw)} ` +
    `(${kb(catalogFile.gzip)} gzipped, loaded for a user catalog); dist/zhibiao.html ${kb(oneFile.raw)} (${kb(oneFile.gzip)} gzipped)`);

  if (opts.page) {
    const { measurePage } = await import('./page.mjs');
    const samples = readdirSync(at('samples')).filter((n) => /\.(txt|html?)$/i.test(n)).length;
    const page = await measurePage({
      singleFileUrl: pathToFileURL(at('dist', 'zhibiao.html')).href,
      samples,
      loads: opts.loads,
    });
    const marks = ['ready', 'firstResult', 'allRead', 'chart'];
    const med = (list) => Object.fromEntries(marks.map((m) => [m, median(list.map((x) => x[m]))]));
    results.page = { samples, loads: opts.loads, served: med(page.served), single: med(page.single), raw: page };
    log(`\nPage in headless Chromium (median of ${opts.loads} first visits; ms since navigation; ` +
      `${samples} samples)\n`);
    log(table(
      ['build', 'shell ready', 'first result', 'all samples read', 'comparison chart'],
      [
        ['served (http)', ...marks.map((m) => fmtMs(results.page.served[m]))],
        ['single file', ...marks.map((m) => fmtMs(results.page.single[m]))],
      ],
    ));
  }

  if (opts.page) {
    const { measureBatch } = await import('./page.mjs');
    const dir = at('samples');
    const texts = readdirSync(dir)
      .filter((n) => /\.txt$/i.test(n))
      .map((n) => readFileSync(join(dir, n), 'utf8'));
    const count = opts.quick ? 30 : 300;
    const runs = opts.quick ? 1 : opts.loads;
    const batch = await measureBatch({ texts, count, runs });
    const longest = median(batch.map((b) => b.longestTaskMs));
    results.batch = { count, runs, longestTaskMs: longest, seconds: median(batch.map((b) => b.seconds)), raw: batch };
    const verdict = longest <= 100 ? 'within' : 'OVER';
    log(`\nBatch: ${count} files dropped at once on the served page (median of ${runs}): read in ` +
      `${fmt(results.batch.seconds, 1)} s; longest main-thread task ${fmtMs(longest)} (${verdict} the 100 ms ` +
      `target; each run's: ${batch.map((b) => Math.round(b.longestTaskMs)).join(', ')} ms)`);
  }

  mkdirSync(dirname(opts.json), { recursive: true });
  writeFileSync(opts.json, JSON.stringify(results, null, 1));
  log(`\nAll figures: ${opts.json}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
