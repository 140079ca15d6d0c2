// Minifies the page's JavaScript glue in dist/ (Trunk cannot minify ES modules) and updates the
// subresource-integrity hashes in dist/index.html to match.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';
import { dist } from './harness.mjs';

const index = path.join(dist, 'index.html');
let html = fs.readFileSync(index, 'utf8');
for (const file of fs.readdirSync(dist).filter((f) => f.endsWith('.js'))) {
  const full = path.join(dist, file);
  const before = fs.readFileSync(full, 'utf8');
  const hash = (text) => 'sha384-' + crypto.createHash('sha384').update(text).digest('base64');
  const result = await minify(before, { module: true, compress: { passes: 2 }, mangle: true });
  fs.writeFileSync(full, result.code);
  html = html.split(hash(before)).join(hash(result.code));
}
fs.writeFileSync(index, html);
