// The package's TypeScript declarations (dist/embed/*.d.ts) compile, and a portal's typical use
// of them type-checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

test('the TypeScript declarations compile and describe the API', () => {
  const tsc = path.join(here, 'node_modules/typescript/bin/tsc');
  let output = '';
  try {
    output = execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'es2022',
      '--moduleResolution', 'bundler', '--lib', 'es2022,dom', path.join(here, 'types/usage.ts')], { encoding: 'utf8' });
  } catch (e) {
    output = `${e.stdout}${e.stderr}`;
  }
  assert.equal(output.trim(), '');
});
