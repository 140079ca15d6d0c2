// Minifies the page's JavaScript glue in dist/ (Trunk cannot minify ES modules) and updates the
// subresource-integrity hashes in dist/index.html to match. `node minify.mjs embed` minifies the
// embeddable package in dist/embed/ instead (it has no integrity hashes).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';
import { dist } from './harness.mjs';

const dir = process.argv[2] === 'embed' ? path.join(dist, 'embed') : dist;
const index = path.join(dist, 'index.html');
let html = dir === dist ? fs.readFileSync(index, 'utf8') : '';
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.js'))) {
  const full = path.join(dir, file);
  const before = fs.readFileSync(full, 'utf8');
  const hash = (text) => 'sha384-' + crypto.createHash('sha384').update(text).digest('base64');
  const result = await minify(before, { module: true, compress: { passes: 2 }, mangle: true });
  fs.writeFileSync(full, result.code);
  html = html.split(hash(before)).join(hash(result.code));
}
if (dir === dist) fs.writeFileSync(index, html);
