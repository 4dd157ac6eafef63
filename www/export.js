// Downloads: the comparison as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese),
// JSON and an Excel workbook (written in Wasm by the Excel module, www/xlsx.js), each chart as SVG and as PNG (drawn on
// a canvas from the SVG).

import { state, reportLabel, indicatorDef, headline, indicatorsPresent } from './store.js';
import { sortedEntries } from './view-compare.js';
import { comparisonXlsx } from './analysis.js';

/** Quotes a CSV field when it needs it (RFC 4180). */
function csvField(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The comparison table as CSV text: raw numbers (no separators) in canonical units. */
export function comparisonCsv() {
  const ids = indicatorsPresent();
  const header = ['file', 'region', 'adcode', 'encoding', 'warnings'];
  for (const id of ids) {
    const def = indicatorDef(id);
    header.push(`${def.label_zh} ${def.label_en} (${id}, ${def.unit})`);
  }
  const lines = [header.map(csvField).join(',')];
  for (const entry of sortedEntries()) {
    const report = entry.report;
    const row = [entry.name, report.region?.name ?? '', report.region?.adcode ?? '', report.encoding, report.warnings?.length ?? 0];
    for (const id of ids) row.push(headline(entry, id)?.value ?? '');
    lines.push(row.map(csvField).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The reports as JSON (without their full text); offsets are UTF-16 code units. */
export function comparisonJson() {
  const reports = sortedEntries().map((entry) => {
    const { text, candidates, ...rest } = entry.report;
    return { label: reportLabel(entry), ...rest };
  });
  const errors = state.entries
    .filter((entry) => entry.status === 'error')
    .map((entry) => ({ source: entry.name, error: entry.error, error_kind: entry.errorKind }));
  const json = { generator: 'zhibiao', offsets: 'utf16', reports, errors };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** Saves `blob` as a file called `name`. */
export function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv() {
  download('zhibiao-comparison.csv', new Blob([comparisonCsv()], { type: 'text/csv;charset=utf-8' }));
}

export function downloadJson() {
  download('zhibiao-comparison.json', new Blob([comparisonJson()], { type: 'application/json' }));
}

/** The comparison, in the table's order, as .xlsx: values, evidence and warnings sheets. */
export async function downloadXlsx() {
  const bytes = await comparisonXlsx(sortedEntries());
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  download('zhibiao-comparison.xlsx', new Blob([bytes], { type }));
}

export function downloadSvg(kind, svg) {
  download(`zhibiao-${kind}.svg`, new Blob([svg], { type: 'image/svg+xml' }));
}

/** Renders `svg` on a canvas at twice its size and saves it as PNG. */
export async function downloadPng(kind, svg) {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth * scale;
  canvas.height = image.naturalHeight * scale;
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  download(`zhibiao-${kind}.png`, blob);
}
