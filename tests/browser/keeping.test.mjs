// Nothing a clerk types is lost, the print is the whole report, and the page works on the
// screens clerks have: headless Chromium against the built dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, browser, open, fixtures } from './harness.mjs';

let server, origin, chrome;
before(async () => { ({ server, origin } = await serve()); chrome = await browser(); });
after(async () => { await chrome?.close(); server?.close(); });

const CITY = path.join(fixtures, 'real/2024-huaian-city-gov.txt');

/** Every cell of the form with its value. */
const values = (page) => page.$$eval('input.cell', (inputs) => Object.fromEntries(inputs.map((i) => [i.dataset.cell, i.value])));
const agency = (page) => page.inputValue('[data-field="/agency"]');

async function importCity(page) {
  await page.setInputFiles('[data-action="import"]', CITY);
  await page.waitForFunction(() => document.querySelector('[data-field="/agency"]').value === '淮安市人民政府');
}

test('an import opens beside the half-typed draft, and undo goes back to it', async () => {
  const page = await open(chrome.context, origin);
  await page.click('[data-action="new"]');
  await page.fill('[data-field="/agency"]', '某某县人民政府');
  await page.fill('[data-cell="/requests/new/natural_person"]', '7');
  await page.fill('[data-field="/problems"]', '档案数字化进度偏慢。');
  await importCity(page);
  const names = await page.$$eval('[data-action="drafts"] option', (os) => os.map((o) => o.textContent));
  assert.ok(names.some((n) => n.startsWith('某某县人民政府')), names.join(' | '));
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector('[data-field="/agency"]').value === '某某县人民政府');
  assert.equal(await page.inputValue('[data-cell="/requests/new/natural_person"]'), '7');
  assert.equal(await page.inputValue('[data-field="/problems"]'), '档案数字化进度偏慢。');
  await page.click('[data-action="redo"]');
  assert.equal(await agency(page), '淮安市人民政府');
  // After a reload the half-typed draft is still there to open.
  await page.reload();
  await page.waitForSelector('input.cell');
  const id = await page.$eval('[data-action="drafts"]', (s) => [...s.options].find((o) => o.textContent.startsWith('某某县人民政府')).value);
  await page.selectOption('[data-action="drafts"]', id);
  assert.equal(await page.inputValue('[data-field="/problems"]'), '档案数字化进度偏慢。');
});

test('2021 → 2019 → 2021 keeps every cell, and the change can be undone', async () => {
  const page = await open(chrome.context, origin);
  await page.click('[data-action="new"]');
  await importCity(page);
  const before = await values(page);
  // What the other edition has no place for is listed before the switch; 取消 keeps 2021.
  await page.selectOption('[data-field="/edition"]', '2019');
  assert.match(await page.textContent('.meta .confirm'), /没有 \d+ 个已填单元格的位置/);
  await page.click('[data-action="edition-cancel"]');
  assert.equal(await page.inputValue('[data-field="/edition"]'), '2021');
  assert.deepEqual(await values(page), before);
  await page.selectOption('[data-field="/edition"]', '2019');
  await page.click('[data-action="edition-confirm"]');
  assert.match(await page.textContent('.notice'), /已暂时保留/);
  const in2019 = await values(page);
  const lacking = Object.keys(before).filter((k) => before[k] !== '' && !(k in in2019));
  assert.ok(lacking.length >= 20, `the 2019 format lacks ${lacking.length} filled cells`);
  await page.selectOption('[data-field="/edition"]', '2021');
  assert.deepEqual(await values(page), before);
  // The switch can be undone.
  await page.selectOption('[data-field="/edition"]', '2019');
  await page.click('[data-action="edition-confirm"]');
  await page.click('[data-action="undo"]');
  assert.equal(await page.inputValue('[data-field="/edition"]'), '2021');
  assert.deepEqual(await values(page), before);
});

test('undo takes back filling with 0, typing and 照录模式; redo makes them again', async () => {
  const page = await open(chrome.context, origin);
  await page.click('[data-action="new"]');
  await page.fill('[data-cell="/requests/new/natural_person"]', '3');
  await page.click('[data-action="fill-zeros"]');
  assert.equal(await page.inputValue('[data-cell="/requests/new/commercial"]'), '0');
  await page.click('[data-action="undo"]');
  assert.equal(await page.inputValue('[data-cell="/requests/new/commercial"]'), '', 'the zeros are gone');
  assert.equal(await page.inputValue('[data-cell="/requests/new/natural_person"]'), '3', 'what was typed stays');
  await page.keyboard.press('Control+y');
  assert.equal(await page.inputValue('[data-cell="/requests/new/commercial"]'), '0');
  // A typed total, then leaving 照录模式, which recomputes it: undo gives the typed total back.
  await page.check('[data-action="transcribe"]');
  await page.fill('[data-cell="/requests/new/total"]', '9');
  await page.uncheck('[data-action="transcribe"]');
  assert.equal(await page.inputValue('[data-cell="/requests/new/total"]'), '3');
  await page.click('[data-action="undo"]');
  assert.equal(await page.inputValue('[data-cell="/requests/new/total"]'), '9');
  assert.equal(await page.isChecked('[data-action="transcribe"]'), true);
});

/** Waits until the open draft, with this agency, is in storage. */
const saved = (page, agency) =>
  page.waitForFunction((agency) => {
    const id = localStorage.getItem('nianbao.v1.current');
    const text = id && localStorage.getItem('nianbao.v1.draft.' + id);
    return text && JSON.parse(text).agency === agency;
  }, agency);

test('two tabs typing different cells of one draft: both survive a reload of both', async () => {
  const a = await open(chrome.context, origin);
  await a.click('[data-action="new"]');
  await a.fill('[data-field="/agency"]', '两页测试局');
  const b = await chrome.context.newPage();
  await b.goto(origin + '/');
  await b.waitForSelector('input.cell');
  assert.equal(await agency(b), '两页测试局');
  await a.fill('[data-cell="/requests/new/natural_person"]', '11');
  await b.fill('[data-cell="/requests/new/commercial"]', '22');
  await a.fill('[data-field="/problems"]', '甲页写的问题。');
  await b.fill('[data-field="/other_matters"]', '乙页写的其他事项。');
  assert.match(await a.textContent('.saved'), /^已保存 · \d\d:\d\d$/);
  for (const page of [a, b]) {
    await page.reload();
    await page.waitForSelector('input.cell');
    assert.equal(await page.inputValue('[data-cell="/requests/new/natural_person"]'), '11');
    assert.equal(await page.inputValue('[data-cell="/requests/new/commercial"]'), '22');
    assert.equal(await page.inputValue('[data-field="/problems"]'), '甲页写的问题。');
    assert.equal(await page.inputValue('[data-field="/other_matters"]'), '乙页写的其他事项。');
  }
  await b.close();
});

test('one cell changed differently in two tabs: both versions are kept and the clerk is told', async () => {
  const a = await open(chrome.context, origin);
  await a.click('[data-action="new"]');
  await a.fill('[data-field="/agency"]', '冲突测试局');
  await saved(a, '冲突测试局');
  const id = await a.evaluate(() => localStorage.getItem('nianbao.v1.current'));
  // Another tab's save of the same cell, arriving while this tab holds its own value unsaved
  // to it: written straight to storage, as a tab that never sent its event would.
  const stored = JSON.parse(await a.evaluate((id) => localStorage.getItem('nianbao.v1.draft.' + id), id));
  stored.requests.new.natural_person = 5;
  await a.evaluate(([id, text]) => localStorage.setItem('nianbao.v1.draft.' + id, text), [id, JSON.stringify(stored)]);
  await a.fill('[data-cell="/requests/new/natural_person"]', '6');
  await a.waitForFunction(() => /另一页面的版本/.test(document.querySelector('.notice')?.textContent ?? ''));
  assert.equal(await a.inputValue('[data-cell="/requests/new/natural_person"]'), '6');
  const texts = await a.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('nianbao.v1.draft.')).map((k) => localStorage.getItem(k)));
  const kept = texts.map((t) => JSON.parse(t)).filter((r) => r.agency === '冲突测试局').map((r) => r.requests.new.natural_person);
  assert.deepEqual(kept.sort(), [5, 6]);
});

test('the tab whose version was set aside in a conflict is told where it went', async () => {
  const a = await open(chrome.context, origin);
  await a.click('[data-action="new"]');
  await a.fill('[data-field="/agency"]', '两页冲突局');
  await saved(a, '两页冲突局');
  const b = await chrome.context.newPage();
  await b.goto(origin + '/');
  await b.waitForSelector('input.cell');
  assert.equal(await b.inputValue('[data-field="/agency"]'), '两页冲突局');
  // Tab b's value reaches storage, written as the page writes it (so tab b, finding its own
  // text there, does not write it again), while tab a, not yet told of it, types its own.
  const id = await a.evaluate(() => localStorage.getItem('nianbao.v1.current'));
  const stored = JSON.parse(await a.evaluate((id) => localStorage.getItem('nianbao.v1.draft.' + id), id));
  stored.requests.new.natural_person = 5;
  await a.evaluate(([id, text]) => localStorage.setItem('nianbao.v1.draft.' + id, text), [id, JSON.stringify(stored, null, 2)]);
  await b.waitForFunction(() => document.querySelector('[data-cell="/requests/new/natural_person"]').value === '5');
  await a.fill('[data-cell="/requests/new/natural_person"]', '6');
  await a.waitForFunction(() => /另一页面的版本/.test(document.querySelector('.notice')?.textContent ?? ''));
  // Tab a kept its 6; tab b, whose 5 was set aside, hears where it went and shows the draft's 6.
  await b.waitForFunction(() => /另存为草稿/.test(document.querySelector('.notice')?.textContent ?? ''));
  assert.match(await b.textContent('.notice'), /另一页面的版本/);
  await b.waitForFunction(() => document.querySelector('[data-cell="/requests/new/natural_person"]').value === '6');
  await b.close();
});

test('the print is the whole report: every paragraph in full, 表三\'s header on each of its pages', async () => {
  // A tab of its own: printing to PDF leaves a tab that no longer opens file choosers.
  const page = await chrome.context.newPage();
  await page.goto(origin + '/');
  await page.waitForSelector('input.cell');
  await page.click('[data-action="new"]');
  await importCity(page);
  const prose = await page.$$eval('textarea[data-field]', (boxes) => boxes.flatMap((b) => b.value.split('\n')).map((l) => l.trim()).filter((l) => l));
  assert.ok(prose.length >= 5, 'the imported report has prose');
  await page.emulateMedia({ media: 'print' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-print-'));
  const pdf = path.join(dir, 'print.pdf');
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const flat = text.replace(/\s+/g, '');
  for (const line of prose) {
    assert.ok(flat.includes(line.replace(/\s+/g, '')), `printed in full: ${line.slice(0, 40)}…`);
  }
  const pages = text.split('\f').filter((p) => p.trim());
  const requests = pages.filter((p) => /（七）总计|本年新收政府信息公开申请数量|不予处理/.test(p));
  assert.ok(requests.length >= 1);
  for (const p of requests) assert.match(p, /申请人情况/, 'each page of 表三 carries its header');
  assert.ok(!/撤销|导入报告|知道了/.test(text), 'no buttons in the print');
  fs.rmSync(dir, { recursive: true, force: true });
  await page.close();
});

test('a blank report is not all clear; a finished one says it can be published', async () => {
  const page = await open(chrome.context, origin);
  await page.click('[data-action="new"]');
  await page.click('[data-action="fill-zeros"]');
  await page.fill('[data-field="/year"]', '');
  const verdict = () => page.getAttribute('.findings .status', 'data-status');
  assert.notEqual(await verdict(), 'valid');
  assert.doesNotMatch(await page.textContent('.findings .status'), /可以发布/);
  const gaps = await page.$$eval('.finding.gap .message', (ms) => ms.map((m) => m.textContent).join(' '));
  assert.match(gaps, /发布机关/);
  assert.match(gaps, /报告年度/);
  assert.match(gaps, /总体情况/);
  await page.fill('[data-field="/year"]', '2205');
  assert.equal(await verdict(), 'incomplete');
  assert.match(await page.$$eval('.finding.gap .message', (ms) => ms.map((m) => m.textContent).join(' ')), /2205/);
  await page.fill('[data-field="/year"]', '2025');
  await page.fill('[data-field="/agency"]', '某某县人民政府');
  await page.fill('[data-field="/overview/summary"]', '本年度政府信息公开工作情况。');
  await page.fill('[data-field="/problems"]', '存在的问题及改进措施。');
  await page.fill('[data-field="/other_matters"]', '本年度未收取信息处理费。');
  assert.equal(await verdict(), 'valid');
  assert.match(await page.textContent('.findings .status'), /^可以发布 · 0 个错误/);
  // Clicking a gap goes to its field.
  await page.fill('[data-field="/agency"]', '');
  await page.click('.finding.gap .finding-go');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.field), '/agency');
});

test('the screens clerks have: a phone has no sideways page, the tables scroll in their own box', async () => {
  const page = await open(chrome.context, origin);
  await page.click('[data-action="new"]');
  await importCity(page);
  await page.click('.notice button');
  for (const width of [390, 1024, 1366, 1920]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `at ${width} px the page is ${overflow} px too wide`);
    // The findings are reachable: beside the form, or first above it with the count in the toolbar.
    const top = await page.$eval('aside.findings', (f) => f.getBoundingClientRect().top + window.scrollY);
    assert.ok(top < 1200, `at ${width} px the findings start ${top} px down`);
    // Nothing sticky is hidden under the toolbar.
    const toolbar = await page.$eval('header.toolbar', (t) => t.getBoundingClientRect().height);
    if (width >= 1366) assert.ok(toolbar < 50, `at ${width} px the toolbar is one row (${toolbar} px)`);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  const scrolls = await page.$eval('.table-scroll:has([data-table="requests"])', (s) => s.scrollWidth > s.clientWidth);
  assert.ok(scrolls, '表三 scrolls sideways inside its own box');
  await page.setViewportSize({ width: 1400, height: 1000 });
});

test('import buttons work from the keyboard; drafts get distinct names', async () => {
  const page = await open(chrome.context, origin);
  // The tab in front, as a clerk's is: a file chooser opens only from the focused tab.
  await page.bringToFront();
  await page.click('[data-action="new"]');
  await page.click('[data-action="new"]');
  const names = await page.$$eval('[data-action="drafts"] option', (os) => os.map((o) => o.textContent));
  assert.equal(new Set(names).size, names.length, names.join(' | '));
  // Enter on the focused button opens the file chooser (the hidden file input is clicked; the
  // chooser itself is the browser's, and headless Chromium does not always raise it).
  await page.evaluate(() => {
    window.chooserOpened = 0;
    document.querySelector('input[data-action="import"]').addEventListener('click', () => { window.chooserOpened += 1; });
  });
  await page.focus('[data-action="import-button"]');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  assert.equal(await page.evaluate(() => window.chooserOpened), 2, 'Enter and Space open the chooser');
  await page.setInputFiles('[data-action="import"]', CITY);
  await page.waitForFunction(() => document.querySelector('[data-field="/agency"]').value === '淮安市人民政府');
  // Tab reaches the import button from the draft buttons.
  await page.focus('[data-action="delete"]');
  const stops = [];
  for (let i = 0; i < 6; i += 1) {
    await page.keyboard.press('Tab');
    stops.push(await page.evaluate(() => document.activeElement.dataset.action));
  }
  assert.ok(stops.includes('import-button') && stops.includes('previous-button'), stops.join(' '));
});
