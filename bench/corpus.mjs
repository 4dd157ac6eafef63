// The benchmark corpus, made at run time from the reports the project wrote itself
// (samples/ and tests/reports/; never the seeds): every report as it is, and every plain-text
// report also re-encoded as GB18030 and as UTF-16LE with a BOM and wrapped in a saved web page
// (UTF-8 HTML with a script, a navigation bar and a footer around the paragraphs). The sizes
// cycle through those documents, so every size mixes encodings and formats the same way.
//
// Also one file of about 50 MB: the UTF-8 texts of the plain reports, one after another, until
// the size is reached. It is larger than the engine's per-report cap (decode::MAX_REPORT_BYTES,
// 20 MiB), so the CLI refuses it; the benchmark hands it to the library's `analyze_text`
// (natively through the `bench_text` example, in Wasm through the binding's `analyze_text`).

import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const iconv = require('iconv-lite');

/** The source reports: [{ name, bytes, text, html }], in a fixed order. */
export function sourceReports(root) {
  const sources = [];
  for (const dir of ['samples', join('tests', 'reports')]) {
    for (const name of readdirSync(join(root, dir)).filter((n) => /\.(txt|html?)$/i.test(n)).sort()) {
      const bytes = readFileSync(join(root, dir, name));
      sources.push({ name, bytes, text: decodeSource(bytes), html: /\.html?$/i.test(name) });
    }
  }
  return sources;
}

/**
 * The project's reports come in several encodings on purpose (UTF-8, UTF-16 with a BOM,
 * GB18030, Big5). They are decoded here without the engine under test: a BOM, else strict
 * UTF-8, else whichever of GB18030 and Big5 reads the bytes cleanly into the most common
 * words of these reports (Big5 bytes are mostly valid GBK too, as nonsense).
 */
function decodeSource(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const strict = (label) => {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  };
  const utf8 = strict('utf-8');
  if (utf8 !== null) return utf8;
  const common = (text) => (text?.match(/[的年人县户村贫貧縣戶]/g) ?? []).length;
  const [gb, big5] = [strict('gb18030'), strict('big5')];
  if (gb === null && big5 === null) throw new Error('a source report in an unknown encoding');
  return common(gb) >= common(big5) ? gb : big5;
}

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A plain report as a saved news page: title, script, nav bar, paragraphs, footer. */
function asHtmlPage(text) {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const [title, ...body] = lines;
  return (
    '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">' +
    `<title>${escapeHtml(title)} - 新闻中心</title>\n` +
    '<script>var page = { id: 20201118, channel: "news" };</script></head>\n<body>\n' +
    '<nav><a href="/">首页</a> | <a href="/news">新闻中心</a> | <a href="/about">关于我们</a></nav>\n' +
    `<article><h1>${escapeHtml(title)}</h1>\n` +
    body.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n') +
    '\n</article>\n<footer>版权所有 © 2020 新闻中心 备案号 00000000</footer>\n</body></html>\n'
  );
}

/**
 * The distinct documents the sizes are made of, each source followed by its variants:
 * [{ name, bytes, text }], where `text` is the document as a JavaScript string (the decoded
 * file, markup included), for the peer.
 */
export function documents(root) {
  const docs = [];
  for (const source of sourceReports(root)) {
    docs.push({ name: `orig-${source.name}`, bytes: source.bytes, text: source.text });
    if (source.html) continue;
    const stem = source.name.replace(/\.\w+$/, '');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source.text, 'utf16le')]);
    const page = asHtmlPage(source.text);
    docs.push({ name: `gb18030-${stem}.txt`, bytes: iconv.encode(source.text, 'gb18030'), text: source.text });
    docs.push({ name: `utf16-${stem}.txt`, bytes: utf16, text: source.text });
    docs.push({ name: `page-${stem}.html`, bytes: Buffer.from(page, 'utf8'), text: page });
  }
  return docs;
}

/** The first `count` documents of the endless cycle through `docs`. */
export function take(docs, count) {
  return Array.from({ length: count }, (_, i) => {
    const doc = docs[i % docs.length];
    return { ...doc, name: `${String(i).padStart(4, '0')}-${doc.name}` };
  });
}

/** UTF-8 text of at least `bytes` bytes: the plain reports' texts, one after another. */
export function bigText(root, bytes) {
  const unit = sourceReports(root)
    .filter((s) => !s.html)
    .map((s) => s.text.replace(/^\uFEFF/, '').trimEnd() + '\n\n')
    .join('');
  const unitBytes = Buffer.byteLength(unit, 'utf8');
  return unit.repeat(Math.ceil(bytes / unitBytes));
}

/**
 * Writes the corpus under `dir`: one folder per size (n1, n10, …) and big.txt.
 * Returns { sizes: [{ count, dir, docs, bytes }], big: { path, text, bytes } }.
 */
export function writeCorpus(root, dir, counts, bigBytes) {
  rmSync(dir, { recursive: true, force: true });
  const docs = documents(root);
  const sizes = counts.map((count) => {
    const sizeDir = join(dir, `n${count}`);
    mkdirSync(sizeDir, { recursive: true });
    const picked = take(docs, count);
    for (const doc of picked) writeFileSync(join(sizeDir, doc.name), doc.bytes);
    const bytes = picked.reduce((sum, doc) => sum + doc.bytes.length, 0);
    const chars = picked.reduce((sum, doc) => sum + doc.text.length, 0);
    return { count, dir: sizeDir, docs: picked, bytes, chars };
  });
  let big = null;
  if (bigBytes > 0) {
    const text = bigText(root, bigBytes);
    const path = join(dir, 'big.txt');
    writeFileSync(path, text);
    big = { path, text, bytes: Buffer.byteLength(text, 'utf8'), chars: text.length };
  }
  return { sizes, big, distinct: docs.length, docsInOrder: docs };
}

/** Writes each distinct document once, in cycle order, under `dir`; returns their paths. */
export function writeDistinct(docs, dir) {
  mkdirSync(dir, { recursive: true });
  return docs.map((doc, i) => {
    const path = join(dir, `${String(i).padStart(4, '0')}-${doc.name}`);
    writeFileSync(path, doc.bytes);
    return path;
  });
}
