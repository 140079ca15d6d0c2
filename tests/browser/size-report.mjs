// The size of what a clerk's browser downloads: the page's wasm and JS, raw, gzip and brotli; and
// the size of the embeddable checker package a portal page loads (dist/embed/).
// `node size-report.mjs` prints the table; `--write` also puts it into the README between the
// size-report markers. It fails (exit 1) when what a clerk or a portal first loads grows past its
// ceiling: today's size, so that nothing grows unnoticed (the goals are lower; see the README).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { dist, root, walk } from './harness.mjs';

// What the page loads first (its wasm and JS, the JS snippets included), then what it loads only
// when a clerk imports or exports a document (io/).
const all = walk(dist).filter((f) => (f.endsWith('.wasm') || f.endsWith('.js')) && !/^(embed|portal)\//.test(f)).sort();
const files = [...all.filter((f) => !f.startsWith('io/')), ...all.filter((f) => f.startsWith('io/'))];
if (files.length === 0) {
  console.error('dist/ has no wasm or js: run scripts/build-web.sh first');
  process.exit(1);
}
const kb = (n) => (n / 1024).toFixed(1) + ' KB';

// Ceilings on the first load, brotli, in KB: today's sizes with a little room. Goals: 130 (the
// page) and 60 (the checker).
const CEILINGS = { page: 191, checker: 102 };
const firstLoads = {};

/** A size table of `files`: those `later(file)` says are loaded on demand are summed apart. */
function report(files, later, firstLabel, laterLabel, key) {
  const rows = [];
  const total = { raw: 0, gzip: 0, brotli: 0 };
  const onDemand = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(dist, file));
    const sizes = {
      raw: bytes.length,
      gzip: zlib.gzipSync(bytes, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
    const sum = later(file) ? onDemand : total;
    for (const k of Object.keys(sum)) sum[k] += sizes[k];
    const name = file.replace(/-[0-9a-f]{16}(?=[._])/, '').replace(/^snippets\/[^/]+\//, 'snippets/');
    rows.push(`| ${name} | ${kb(sizes.raw)} | ${kb(sizes.gzip)} | ${kb(sizes.brotli)} |`);
  }
  firstLoads[key] = total.brotli / 1024;
  return [
    '| file | raw | gzip | brotli |',
    '|---|---|---|---|',
    ...rows,
    `| **${firstLabel}** | **${kb(total.raw)}** | **${kb(total.gzip)}** | **${kb(total.brotli)}** |`,
    `| ${laterLabel} | ${kb(onDemand.raw)} | ${kb(onDemand.gzip)} | ${kb(onDemand.brotli)} |`,
  ].join('\n');
}

const page = report(files, (f) => f.startsWith('io/'), 'the page a clerk first loads', 'importers and exporters (io/, loaded on demand)', 'page');
const embedFiles = walk(path.join(dist, 'embed')).filter((f) => f.endsWith('.wasm') || f.endsWith('.js')).sort();
if (embedFiles.length === 0) {
  console.error('dist/embed/ has no wasm or js: run scripts/build-embed.sh first');
  process.exit(1);
}
const embedOrdered = [...embedFiles.filter((f) => !f.startsWith('embed/io/')), ...embedFiles.filter((f) => f.startsWith('embed/io/'))];
const embed = report(embedOrdered, (f) => f.startsWith('embed/io/'), 'the checker a portal page loads', 'importers (embed/io/, loaded when a published page is read)', 'checker');
console.log(page + '\n\n' + embed);
let over = false;
for (const [key, ceiling] of Object.entries(CEILINGS)) {
  const size = firstLoads[key];
  console.log(`${key}: ${size.toFixed(1)} KB brotli, ceiling ${ceiling} KB`);
  if (size > ceiling) {
    console.error(`the ${key}'s first load (${size.toFixed(1)} KB brotli) is past its ceiling of ${ceiling} KB`);
    over = true;
  }
}
if (over) process.exitCode = 1;

function write(text, name, table) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < 0) { console.error(`README has no ${name} markers`); process.exit(1); }
  return text.slice(0, a + start.length) + '\n' + table + '\n' + text.slice(b);
}
if (process.argv.includes('--write')) {
  const readme = path.join(root, 'README.md');
  let text = fs.readFileSync(readme, 'utf8');
  text = write(text, 'size-report', page);
  text = write(text, 'embed-size-report', embed);
  fs.writeFileSync(readme, text);
}
