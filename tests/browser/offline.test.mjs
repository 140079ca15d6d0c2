// The page on closed networks: the single file opened from disk, the served page with the network
// cut, its Content-Security-Policy, and markup in reports shown as text everywhere.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, browser, dist, fixtures, truth } from './harness.mjs';

const browsers = [];
after(async () => { for (const b of browsers) await b.close(); });

async function fresh() {
  const b = await browser();
  browsers.push(b);
  return b;
}

/** Opens `url` in a new tab, recording CSP violations and script errors. */
async function visit(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  await page.waitForSelector('[data-cell="/requests/new/natural_person"]');
  return { page, problems };
}

const SOME_CELLS = [
  ['/requests/new/natural_person', '12'],
  ['/requests/new/commercial', '3'],
  ['/appeals/review/upheld', '2'],
];

test('the single file works opened from disk: enter a report, reload, find it, export it', async () => {
  const single = path.join(dist, 'nianbao.html');
  // Opened from a folder of its own, as from a USB stick: nothing else is next to it.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-usb-'));
  const copy = path.join(folder, '年度报告填报.html');
  fs.copyFileSync(single, copy);
  const { context, requests } = await fresh();
  const url = pathToFileURL(copy).href;
  const { page, problems } = await visit(context, url);

  await page.fill('[data-field="/agency"]', '某某县人民政府办公室');
  await page.fill('[data-field="/year"]', '2024');
  for (const [cell, value] of SOME_CELLS) await page.fill(`[data-cell="${cell}"]`, value);
  await page.click('[data-action="fill-zeros"]');
  assert.equal(await page.inputValue('[data-cell="/requests/new/total"]'), '15');

  await page.reload();
  await page.waitForSelector('[data-cell="/requests/new/natural_person"]');
  assert.equal(await page.inputValue('[data-field="/agency"]'), '某某县人民政府办公室');
  for (const [cell, value] of SOME_CELLS) assert.equal(await page.inputValue(`[data-cell="${cell}"]`), value);

  const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-json"]')]);
  const exported = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  assert.equal(exported.agency, '某某县人民政府办公室');
  assert.equal(exported.requests.new.natural_person, 12);
  // The importers and exporters are inside the file too.
  const [docx] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-docx"]')]);
  assert.equal(fs.readFileSync(await docx.path()).subarray(0, 2).toString('latin1'), 'PK');

  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:')), []);
  fs.rmSync(folder, { recursive: true, force: true });
});

test('after the first visit the served page loads and works with the network cut', async () => {
  const { server, origin } = await serve();
  const { context } = await fresh();
  const first = await visit(context, origin + '/');
  await first.page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
  // Network gone: the server is stopped and the browser is offline.
  await new Promise((resolve) => server.close(resolve));
  server.closeAllConnections?.();
  await context.setOffline(true);

  const { page, problems } = await visit(context, origin + '/');
  await page.click('[data-action="new"]');
  await page.fill('[data-cell="/appeals/review/upheld"]', '4');
  await page.click('[data-action="fill-zeros"]');
  assert.equal(await page.inputValue('[data-cell="/appeals/review/total"]'), '4');
  await page.check('[data-action="transcribe"]');
  await page.fill('[data-cell="/appeals/review/total"]', '5');
  assert.equal(await page.getAttribute('[data-cell="/appeals/review/total"]', 'aria-invalid'), 'true');
  // Importing a published report needs the importers: they come from the cache too.
  await page.setInputFiles('[data-action="import"]', path.join(fixtures, 'real/2023-huaian-hongze-district-gov.txt'));
  await page.waitForFunction(() => document.querySelector('[data-field="/agency"]').value === '洪泽区人民政府');
  assert.ok(await page.isVisible('.findings li[data-code="H4"]'));
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems, []);
  await context.setOffline(false);
});

const PAYLOAD = `<script>window.pwned='script'</script><img src=x onerror="window.pwned='img'">`;

test('markup in any text field or imported file is shown as text, runs nothing, and exports as text', async () => {
  // Served without the page's CSP: only the page's own care keeps the markup inert.
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8').replace(/<meta http-equiv=Content-Security-Policy[^>]*>/, '');
  const { server, origin } = await serve();
  const { context } = await fresh();
  await context.route(origin + '/', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  const { page, problems } = await visit(context, origin + '/');
  await page.click('[data-action="new"]');

  await page.fill('[data-field="/agency"]', `某局${PAYLOAD}`);
  const proseFields = await page.$$eval('textarea[data-field]', (areas) => areas.map((a) => a.dataset.field));
  assert.ok(proseFields.length >= 3, `${proseFields}`);
  for (const field of proseFields) {
    await page.fill(`[data-field="${field}"]`, `本年度共受理政府信息公开申请 9 件${PAYLOAD}。收取信息处理费 5 万元${PAYLOAD}。`);
  }
  await page.fill('[data-cell="/requests/new/natural_person"]', PAYLOAD);
  // A published report whose prose holds markup, imported.
  const report = truth('2023-huaian-hongze-district-gov');
  report.problems = `2024年我们将继续改进${PAYLOAD}`;
  report.agency = `洪泽区${PAYLOAD}`;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-xss-')), 'report.json');
  fs.writeFileSync(file, JSON.stringify(report));
  await page.click('[data-action="new"]');
  await page.setInputFiles('[data-action="import"]', file);
  await page.waitForFunction(() => document.querySelector('[data-field="/agency"]').value.startsWith('洪泽区'));
  // The imported agency and prose are in their fields as typed, markup and all.
  assert.equal(await page.inputValue('[data-field="/agency"]'), report.agency);
  assert.equal(await page.inputValue('[data-field="/problems"]'), report.problems);

  const [exported] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-html"]')]);
  const out = fs.readFileSync(await exported.path(), 'utf8');
  assert.ok(!/<script/i.test(out), 'no script element in the exported HTML');
  assert.ok(!/<img/i.test(out), 'no img element in the exported HTML');
  assert.ok(out.includes('&lt;script&gt;'), 'the markup is kept, as text');

  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img, body script').length), 0);
  assert.deepEqual(problems, []);
  server.close();
});
