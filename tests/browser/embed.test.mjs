// The embeddable checker on the portal demo pages (dist/portal/), in headless Chromium, served
// with the strict Content-Security-Policy a portal would use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, browser, dist, nianbao } from './harness.mjs';

let server, origin, chrome;
before(async () => { ({ server, origin } = await serve()); chrome = await browser(); });
after(async () => { await chrome?.close(); server?.close(); });

/** Opens a page, recording CSP violations, page errors and every request. */
async function visit(url) {
  const page = await chrome.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/favicon|404/.test(m.text())) problems.push(`console: ${m.text()}`); });
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(origin + url);
  return { page, problems, requests };
}

/** The summary box's text, once the checker has filled it. */
async function summary(page) {
  await page.waitForFunction(() => document.querySelector('nianbao-check')?.shadowRoot?.querySelector('h2'));
  return page.evaluate(() => document.querySelector('nianbao-check').shadowRoot.textContent);
}

/** The marked cells of the page's tables: [table index, row, column of the td in its row, mark]. */
function markedCells(page) {
  return page.evaluate(() => [...document.querySelectorAll('td[data-nianbao-mark]')].map((td) => {
    const table = td.closest('table');
    const tables = [...document.querySelectorAll('table.data')];
    const tr = td.parentElement;
    return [tables.indexOf(table), [...table.rows].indexOf(tr), [...tr.cells].indexOf(td), td.getAttribute('data-nianbao-mark'), td.textContent];
  }));
}

test('a published report page: the wrong totals are marked in place and the summary names them', async () => {
  const { page, problems, requests } = await visit('/portal/article.html');
  const text = await summary(page);
  assert.match(text, /发现 3 个错误、0 个警告/);
  assert.match(text, /表四「行政复议」：结果维持＋结果纠正＋其他结果＋尚未审结为 11，「总计」为 0/);
  assert.match(text, /表四「复议后起诉」.*为 5，「总计」为 0/);
  assert.match(text, /（六）其他处理」印为一行/);

  const marked = await markedCells(page);
  // 表四 (the third table) has one data row: 行政复议 总计 is its 5th cell, 复议后起诉 总计 the 15th.
  const appeals = marked.filter(([t]) => t === 2);
  assert.deepEqual(appeals.map(([, , c, mark, value]) => [c, mark, value]), [[4, 'error', '0'], [14, 'error', '0']]);
  // The other cells of 表四 are not marked, nor is anything in 表二.
  assert.equal(marked.filter(([t]) => t === 0).length, 0);
  // 表三's collapsed （六）其他处理 row is marked (the H8 error).
  assert.ok(marked.some(([t, , , mark]) => t === 1 && mark === 'error'));

  // Clicking a finding brings its cell into view and focus.
  await page.evaluate(() => document.querySelector('nianbao-check').shadowRoot.querySelectorAll('button')[2].click());
  const flashed = await page.evaluate(() => {
    const td = document.querySelector('[data-nianbao-flash]');
    return td && [[...td.parentElement.cells].indexOf(td), td.getBoundingClientRect().top >= 0 && td.getBoundingClientRect().bottom <= innerHeight];
  });
  assert.deepEqual(flashed, [14, true]);

  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), []);
  // The importers were loaded on demand, from the package folder.
  assert.ok(requests.some((u) => u.endsWith('/embed/io/report_io_wasm_bg.wasm')));
  await page.close();
});

test('an entry form: a wrong total marks its input with the message, correcting it clears the mark', async () => {
  const { page, problems, requests } = await visit('/portal/form.html');
  assert.match(await summary(page), /未发现错误/);
  const total = page.locator('[data-cell="/appeals/review/total"]');
  const before = await total.inputValue();
  assert.equal(await total.getAttribute('aria-invalid'), null);

  await total.fill(String(Number(before) + 7));
  assert.equal(await total.getAttribute('aria-invalid'), 'true');
  assert.equal(await total.getAttribute('data-nianbao-mark'), 'error');
  const noteId = await total.getAttribute('aria-describedby');
  const note = await page.textContent(`#${noteId}`);
  assert.match(note, /表四「行政复议」.*「总计」为 358，相差 7/);
  // In a table cell the note floats: shown while the input has focus, the table keeps its rows.
  assert.ok(await page.isVisible(`#${noteId}`));
  await page.focus('[data-cell="/appeals/review/upheld"]');
  assert.ok(!(await page.isVisible(`#${noteId}`)));
  await total.focus();
  assert.match(await summary(page), /发现 1 个错误/);
  // The accessible description of the input is the message.
  const description = await page.evaluate(async () => {
    const input = document.querySelector('[data-cell="/appeals/review/total"]');
    return document.getElementById(input.getAttribute('aria-describedby')).textContent;
  });
  assert.equal(description, note);

  await total.fill(before);
  assert.equal(await total.getAttribute('aria-invalid'), null);
  assert.equal(await total.getAttribute('data-nianbao-mark'), null);
  assert.equal(await total.getAttribute('aria-describedby'), null);
  assert.equal(await page.locator('.nianbao-note').count(), 0);
  assert.match(await summary(page), /未发现错误/);

  // Blank is not zero: clearing a part makes the total unverifiable, not wrong, and the box says
  // a cell is blank; the cell being filled in is not marked.
  const part = page.locator('[data-cell="/appeals/review/upheld"]');
  await part.fill('');
  assert.equal(await total.getAttribute('aria-invalid'), null);
  assert.match(await summary(page), /空白不等于 0/);

  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), []);
  // A form is checked by the checker alone: the importers are not loaded.
  assert.ok(!requests.some((u) => u.includes('/io/')));
  await page.close();
});

const PAYLOAD = `<script>window.pwned = 'script'</script><img src=x onerror="window.pwned = 'img'">`;

test('markup in a report is shown as text and runs nothing, even on a page without CSP', async () => {
  // The published page with markup in its prose, served without any CSP: nothing but the
  // checker's own care keeps it from running.
  const article = fs.readFileSync(path.join(dist, 'portal/article.html'), 'utf8')
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
    .replace('全区受理政府信息公开申请 21 件', `全区受理政府信息公开申请 25 件${PAYLOAD.replace(/</g, '&lt;').replace(/>/g, '&gt;')}`);
  const page = await chrome.context.newPage();
  await page.route(origin + '/portal/unsafe.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: article }));
  await page.goto(origin + '/portal/unsafe.html');
  const text = await summary(page);
  // The prose states 25 applications; the tables say 21 (S1 quotes the sentence with the markup).
  assert.match(text, /25/);
  assert.ok(text.includes("<script>window.pwned='script'</script>"), text);
  assert.equal(await page.evaluate(() => document.querySelector('nianbao-check').shadowRoot.querySelectorAll('img, script').length), 0);

  // The entry form with markup typed into every text field.
  const form = fs.readFileSync(path.join(dist, 'portal/form.html'), 'utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  await page.route(origin + '/portal/unsafe-form.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: form }));
  await page.goto(origin + '/portal/unsafe-form.html');
  await summary(page);
  for (const field of ['/agency', '/problems', '/other_matters']) {
    await page.fill(`[data-cell="${field}"]`, `${PAYLOAD} 本年收取信息处理费 12 万元`);
  }
  await page.fill('[data-cell="/appeals/review/other"]', PAYLOAD);
  const note = await page.textContent('.nianbao-note');
  assert.ok(note.includes('<script>'), note);
  assert.equal(await page.locator('.nianbao-note img, .nianbao-note script').count(), 0);
  assert.equal(await page.evaluate(() => document.querySelector('nianbao-check').shadowRoot.querySelectorAll('img, script').length), 0);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await page.close();
});

test('the package API: check, checkFields, rules, schema, version, importText', async () => {
  const { page, problems } = await visit('/portal/form.html');
  await summary(page);
  const out = await page.evaluate(async () => {
    const nb = await import('/embed/nianbao.js');
    await nb.init();
    const report = { edition: '2021', year: 2024, agency: '某某局', appeals: { review: { upheld: 10, corrected: 1, other: 0, pending: 0, total: 0 } } };
    const result = nb.check(report);
    // JSON text is read by the browser; a value of the wrong type, as text or as an object,
    // is named by its JSON Pointer; text that is not JSON by its line and column.
    const failure = (given) => {
      try { nb.check(given); return null; } catch (e) { return { name: e.name, input: e.input, pointer: e.pointer, line: e.line, column: e.column, message: e.message }; }
    };
    const error = failure('{"edition": "2021", "year": 2024, "agency": 1}');
    const objectError = failure({ edition: '2021', year: 2024, requests: { new: { natural_person: -1 } } });
    const syntaxError = failure('{"edition": "2021",\n "year": 2024,,\n}');
    const fromText = nb.check(JSON.stringify(report));
    const imported = await nb.importText('某某局2024年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n');
    return {
      h4: result.diagnostics.find((d) => d.code === 'H4'),
      valid: result.valid,
      error,
      objectError,
      syntaxError,
      sameFromText: JSON.stringify(fromText) === JSON.stringify(result),
      rules: nb.rules().map((r) => r.code),
      schema: (await nb.schema()).title,
      version: nb.version(),
      imported: imported.report.agency,
    };
  });
  assert.equal(out.valid, false);
  assert.deepEqual(out.h4.cells[0], '/appeals/review/total');
  assert.equal(out.h4.expected, 11);
  // The cells a page marks are the checker's: the stated total, not every part.
  assert.deepEqual(out.h4.marks, ['/appeals/review/total']);
  assert.equal(out.error.name, 'ReportReadError');
  assert.equal(out.error.input, 'report');
  assert.equal(out.error.pointer, '/agency');
  assert.match(out.error.message, /（\/agency）：类型错误/);
  assert.equal(out.objectError.pointer, '/requests/new/natural_person');
  assert.match(out.objectError.message, /件数不能为负数/);
  assert.deepEqual([out.syntaxError.line, out.syntaxError.column], [2, 15]);
  assert.match(out.syntaxError.message, /^第 2 行第 15 列：不是有效的 JSON/);
  assert.ok(out.sameFromText, 'a report as JSON text is checked as the same object');
  // Every rule of the catalogue, as the command line lists it.
  assert.equal(out.rules.length, JSON.parse(nianbao(['rules', '--format', 'json']).stdout).length);
  assert.match(out.schema, /nianbao report contract/);
  assert.equal(out.version.contract, '1.1');
  assert.equal(out.imported, '某某局');
  assert.deepEqual(problems, []);
  await page.close();
});
