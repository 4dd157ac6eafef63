// The output check for optimisations (run through scripts/same-output.sh): writes the documents
// to compare, and reads them with the Wasm build in Node the way the page's worker does.
//
//   node bench/same-output.mjs docs DIR        writes the 75 distinct benchmark documents
//                                              (bench/corpus.mjs) and a ~1 MB text to DIR
//   node bench/same-output.mjs wasm FILE...    prints one JSON line per FILE: analyze_bytes's
//                                              result (www/pkg) as JSON.stringify writes it

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { documents, writeDistinct, bigText } from './corpus.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [mode, ...args] = process.argv.slice(2);

if (mode === 'docs') {
  const dir = args[0];
  mkdirSync(dir, { recursive: true });
  writeDistinct(documents(root), dir);
  writeFileSync(join(dir, 'big-1mb.txt'), bigText(root, 1 << 20));
} else if (mode === 'wasm') {
  const glue = await import(pathToFileURL(join(root, 'www', 'pkg', 'zhibiao.js')).href);
  glue.initSync({ module: readFileSync(join(root, 'www', 'pkg', 'zhibiao_bg.wasm')) });
  const lines = args.map((path) => JSON.stringify(glue.analyze_bytes(readFileSync(path), basename(path))));
  // The catalog the page reads, and a pasted text, go through the same conversion.
  lines.push(JSON.stringify(glue.catalog()));
  lines.push(JSON.stringify(glue.analyze_text('兰考县2016年减少贫困人口1.2万人，贫困发生率降至1.5%。', 'pasted')));
  process.stdout.write(lines.join('\n') + '\n');
} else {
  console.error('usage: node bench/same-output.mjs docs DIR | wasm FILE...');
  process.exit(2);
}
