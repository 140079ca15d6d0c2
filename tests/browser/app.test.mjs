// The page as a clerk uses it, in headless Chromium against the built dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, browser, open, truth, cells, fixtures } from './harness.mjs';

let server, origin, chrome;
before(async () => { ({ server, origin } = await serve()); chrome = await browser(); });
after(async () => { await chrome?.close(); server?.close(); });

const TOTALS = /\/(total|results_total\/[a-z_]+)$/;

async function status(page) {
  return (await page.textContent('.findings .status')).trim();
}

test('a whole consistent report typed in is checked clean and exported as typed', async () => {
  const page = await open(chrome.context, origin);
  const report = truth('2024-huaian-city-gov');
  await page.fill('[data-field="/agency"]', report.agency);
  await page.fill('[data-field="/year"]', String(report.year));
  for (const [pointer, value] of cells(report)) {
    if (TOTALS.test(pointer)) continue; // the page computes the totals
    await page.fill(`[data-cell="${pointer}"]`, String(value));
  }
  // Consistent, but with no prose it cannot be published yet.
  assert.equal(await status(page), '尚不能发布 · 0 个错误 · 0 个警告 · 0 个提示');
  // The totals the page computed are the published ones.
  assert.equal(await page.inputValue('[data-cell="/requests/results_total/total"]'), '3050');
  assert.equal(await page.inputValue('[data-cell="/appeals/review/total"]'), '351');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-json"]')]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(cells(exported), cells(report));
  assert.equal(exported.agency, report.agency);
  assert.equal(exported.year, report.year);

  // Break one number: the error is on that cell and in the list; fix it and it clears.
  const cell = '[data-cell="/requests/new/natural_person"]';
  await page.fill(cell, '3002');
  assert.equal(await page.getAttribute(cell, 'aria-invalid'), 'true');
  assert.ok(await page.isVisible('.findings li[data-code="H3"]'));
  assert.match(await status(page), /^[1-9]\d* 个错误/);
  await page.fill(cell, '3001');
  assert.equal(await page.getAttribute(cell, 'aria-invalid'), 'false');
  assert.equal(await page.locator('.findings li[data-code="H3"]').count(), 0);

  // Reload: everything as typed.
  await page.reload();
  await page.waitForSelector(cell);
  for (const [pointer, value] of cells(report)) {
    assert.equal(await page.inputValue(`[data-cell="${pointer}"]`), String(value), pointer);
  }
  assert.equal(await page.inputValue('[data-field="/agency"]'), report.agency);
});

test('a clerk\'s habits: full-width digits, a block copied with its row labels, Tab past computed totals, an import beside the draft', async () => {
  const page = await open(chrome.context, origin);
  await page.click('[data-action="new"]');
  await page.fill('[data-field="/agency"]', '某某县人民政府');
  await page.fill('[data-cell="/requests/new/natural_person"]', '１２');
  // Read as the number 12 (shown back in ordinary digits), not refused as text.
  assert.equal(await page.inputValue('[data-cell="/requests/new/natural_person"]'), '12');
  assert.equal(await page.getAttribute('[data-cell="/requests/new/natural_person"]', 'aria-invalid'), 'false');
  await page.focus('[data-cell="/requests/carried_over/natural_person"]');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '二、上年结转政府信息公开申请数量\t3\t1\t0\t0\t0\t0\n');
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  assert.equal(await page.inputValue('[data-cell="/requests/carried_over/natural_person"]'), '3');
  assert.equal(await page.inputValue('[data-cell="/requests/carried_over/commercial"]'), '1');
  // Tab from the last applicant column goes to the next row, not to the computed 总计.
  await page.focus('[data-cell="/requests/new/other_org"]');
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement.dataset.cell), '/requests/new/total');
  // Importing opens the document as a draft of its own; the half-typed one is kept.
  await page.setInputFiles('[data-action="import"]', path.join(fixtures, 'real/2024-huaian-city-gov.txt'));
  await page.waitForFunction(() => document.querySelector('[data-field="/agency"]').value === '淮安市人民政府');
  const drafts = await page.$$eval('[data-action="drafts"] option', (os) => os.map((o) => o.textContent));
  assert.ok(drafts.some((d) => d.includes('某某县人民政府')), drafts.join(' | '));
  assert.ok(drafts.some((d) => d.includes('淮安市人民政府')), drafts.join(' | '));
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => (localStorage.getItem(k) ?? '').includes('某某县人民政府')).length);
  assert.ok(kept >= 1, 'the half-typed draft is still stored');
});

test('a block pasted from a spreadsheet fills cells from the focused one', async () => {
  const page = await open(chrome.context, origin);
  await page.click('[data-action="new"]');
  await page.focus('[data-cell="/requests/new/natural_person"]');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '5\t1\t0\t0\t0\t0\n2\t\t0\t0\t0\t0\n');
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  assert.equal(await page.inputValue('[data-cell="/requests/new/natural_person"]'), '5');
  assert.equal(await page.inputValue('[data-cell="/requests/new/commercial"]'), '1');
  assert.equal(await page.inputValue('[data-cell="/requests/new/total"]'), '6');
  assert.equal(await page.inputValue('[data-cell="/requests/carried_over/natural_person"]'), '2');
  assert.equal(await page.inputValue('[data-cell="/requests/carried_over/commercial"]'), '', 'blank stays blank');
  assert.equal(await page.inputValue('[data-cell="/requests/carried_over/research"]'), '0', '0 is zero');
  // Arrow keys and Enter move like a spreadsheet.
  await page.focus('[data-cell="/requests/new/natural_person"]');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.cell), '/requests/carried_over/natural_person');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.cell), '/requests/granted/natural_person');
});

test('a published PDF imports in the page, and a scan is explained', async () => {
  const page = await open(chrome.context, origin);
  await page.click('[data-action="new"]');
  assert.match(await page.getAttribute('[data-action="import"]', 'accept'), /\.pdf/);
  await page.setInputFiles('[data-action="import"]', path.join(fixtures, 'real/2023-huaian-hongze-district-gov.pdf'));
  await page.waitForSelector('[data-cell="/appeals/review/total"][aria-invalid="true"]');
  assert.equal(await page.inputValue('[data-cell="/appeals/review/upheld"]'), '10');
  assert.equal(await page.inputValue('[data-cell="/requests/new/natural_person"]'), '21');
  assert.match(await page.textContent('.notice'), /PDF 文件/);
  // A PDF whose pages are pictures: refused with what to do, and the open report stays.
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let scan = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = scan.length;
    scan += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = scan.length;
  scan += `xref\n0 4\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  scan += `trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  await page.setInputFiles('[data-action="import"]', { name: '扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from(scan) });
  await page.waitForFunction(() => /扫描件/.test(document.querySelector('.notice')?.textContent ?? ''));
  assert.equal(await page.inputValue('[data-cell="/appeals/review/upheld"]'), '10');
});

test('text saved in GBK imports in the page', async () => {
  const page = await open(chrome.context, origin);
  await page.click('[data-action="new"]');
  await page.setInputFiles('[data-action="import"]', path.join(fixtures, 'made/2024-huaian-city-gov.gbk.txt'));
  await page.waitForFunction(() => /已从/.test(document.querySelector('.notice')?.textContent ?? ''));
  assert.equal(await page.inputValue('[data-cell="/requests/new/natural_person"]'), '3001');
  assert.equal(await page.inputValue('[data-field="/agency"]'), '淮安市人民政府');
});

test('a workbook laid out like the template imports in the page', async () => {
  const page = await open(chrome.context, origin);
  await page.click('[data-action="new"]');
  assert.match(await page.getAttribute('[data-action="import"]', 'accept'), /\.xlsx/);
  await page.setInputFiles('[data-action="import"]', path.join(fixtures, 'made/2024-huaian-city-gov.xlsx'));
  await page.waitForFunction(() => /电子表格/.test(document.querySelector('.notice')?.textContent ?? ''));
  assert.equal(await page.inputValue('[data-cell="/requests/new/natural_person"]'), '3001');
  assert.equal(await page.inputValue('[data-cell="/appeals/review/total"]'), '351');
  assert.equal(await page.inputValue('[data-cell="/proactive/fees/amount"]'), '96171.6');
});

test('importing a published report and last year\'s report', async () => {
  const page = await open(chrome.context, origin);
  await page.click('[data-action="new"]');
  await page.setInputFiles('[data-action="import"]', path.join(fixtures, 'real/2023-huaian-hongze-district-gov.txt'));
  await page.waitForSelector('.findings li[data-code="H4"]');
  // The importers load on demand; the marks follow once the imported report is drawn.
  await page.waitForSelector('[data-cell="/appeals/review/total"][aria-invalid="true"]');
  assert.equal(await page.inputValue('[data-cell="/appeals/review/upheld"]'), '10');
  assert.ok(chrome.requests.some((u) => u.endsWith('/io/report_io_wasm_bg.wasm')), 'the importers were loaded when needed');

  await page.setInputFiles('[data-action="import"]', path.join(fixtures, 'truth/2022-pingtan-zone-admin-committee.json'));
  await page.waitForFunction(() => document.querySelector('[data-field="/year"]').value === '2022');
  await page.fill('[data-cell="/requests/carried_over/natural_person"]', '');
  await page.setInputFiles('[data-action="previous"]', path.join(fixtures, 'truth/2021-pingtan-zone-admin-committee.json'));
  await page.waitForFunction(() => document.querySelector('[data-cell="/requests/carried_over/natural_person"]').value === '1');
  assert.match(await page.textContent('.notice'), /上年报告/);
  // The cross-year check is on: a wrong carry-over is an H7 error.
  await page.fill('[data-cell="/requests/carried_over/natural_person"]', '4');
  await page.waitForSelector('.findings li[data-code="H7"]');
});

test('choosing a finding moves focus to its cell, and its rule is one click away', async () => {
  const page = await open(chrome.context, origin);
  await page.click('[data-action="new"]');
  await page.setInputFiles('[data-action="import"]', path.join(fixtures, 'real/2023-huaian-hongze-district-gov.txt'));
  await page.click('.findings li[data-code="H4"] .finding-go');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.cell), '/appeals/review/total');
  await page.click('.findings li[data-code="H4"] .explain');
  assert.match(await page.textContent('.findings li[data-code="H4"] .explanation'), /结果维持、结果纠正、其他结果、尚未审结/);
  // Every input has an accessible name made of its row and column labels.
  assert.equal(await page.getAttribute('[data-cell="/requests/new/natural_person"]', 'aria-label'), '表三「一、本年新收」行「自然人」列');
});

// The focused text box's field and the text selected in it.
function selection(page) {
  return page.evaluate(() => {
    const area = document.activeElement;
    return { field: area.dataset.field, selected: area.value.slice(area.selectionStart, area.selectionEnd) };
  });
}

test('a finding about the prose selects its sentence, and the preface has its own box', async () => {
  const page = await open(chrome.context, origin);
  await page.click('[data-action="new"]');
  await page.setInputFiles('[data-action="import"]', path.join(fixtures, 'real/2024-huaian-hongze-district-gov.pdf'));
  await page.waitForSelector('.findings li[data-code="S1"]');
  // The preface is read apart from 一, into a box of its own above it.
  assert.match(await page.inputValue('textarea[data-field="/preface"]'), /^本报告由淮安市洪泽区人民政府办公室.*统计期限自2024年1月1日/);
  assert.doesNotMatch(await page.inputValue('textarea[data-field="/overview/summary"]'), /统计期限/);
  await page.click('.findings li[data-code="S1"] .finding-go');
  const focused = await selection(page);
  assert.equal(focused.field, '/overview/disclosure_on_request');
  assert.equal(focused.selected, '2024年，区政府办代表区政府受理政府信息公开申请17件，均已在法定期限内予以答复');
  // A copied preface: last year's statistics period is named there, and its sentence selected.
  await page.fill('textarea[data-field="/preface"]', '本报告根据《条例》编制。报告中所列数据统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。');
  await page.click('.findings li[data-code="S11"] .finding-go');
  const preface = await selection(page);
  assert.equal(preface.field, '/preface');
  assert.equal(preface.selected, '报告中所列数据统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止');
});

test('cells split from run-together numbers are outlined to compare with the original', async () => {
  const page = await open(chrome.context, origin);
  await page.click('[data-action="new"]');
  await page.setInputFiles('[data-action="import"]', path.join(fixtures, 'real/2021-pingtan-zone-admin-committee.txt'));
  await page.waitForSelector('input.cell.inferred');
  const outlined = await page.$$eval('input.cell.inferred', (cells) => cells.map((c) => c.dataset.cell));
  // 表三's rows settled by the arithmetic, and 表四's run: each cell as published.
  assert.ok(outlined.includes('/requests/new/total'), outlined.join(' '));
  assert.ok(outlined.includes('/appeals/review/total'), outlined.join(' '));
  const truth = JSON.parse(fs.readFileSync(path.join(fixtures, 'truth/2021-pingtan-zone-admin-committee.json'), 'utf8'));
  assert.equal(await page.inputValue('[data-cell="/requests/new/total"]'), String(truth.requests.new.total));
  assert.match(await page.textContent('.notice'), /虚线框标出的 43 个单元格是推断所得/);
  // Another draft shows no outline; the import's own draft still does.
  await page.click('.notice button');
  await page.click('[data-action="new"]');
  assert.equal(await page.locator('input.cell.inferred').count(), 0);
});

test('no request leaves the page for another host', async () => {
  const page = await open(chrome.context, origin);
  await page.reload();
  await page.waitForSelector('[data-cell="/requests/new/total"]');
  const foreign = chrome.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
});

test('a stored draft that cannot be read is kept aside and reported, never overwritten', async () => {
  const page = await open(chrome.context, origin);
  const id = await page.evaluate(() => localStorage.getItem('nianbao.v1.current'));
  await page.evaluate((id) => localStorage.setItem('nianbao.v1.draft.' + id, '{"edition":"2021","year":2024,"agency":"x","requests":{"new":{"robots":1}}}'), id);
  await page.reload();
  await page.waitForSelector('.notice');
  assert.match(await page.textContent('.notice'), /无法读取/);
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('nianbao.v1.broken.')).map((k) => localStorage.getItem(k)));
  assert.ok(kept.some((text) => text.includes('robots')), 'the unreadable text is still stored');
});

test('one action fills the remaining blanks with 0, and transcription mode keeps typed totals', async () => {
  const page = await open(chrome.context, origin);
  await page.click('[data-action="new"]');
  await page.fill('[data-cell="/requests/new/natural_person"]', '3');
  await page.click('[data-action="fill-zeros"]');
  assert.equal(await page.inputValue('[data-cell="/requests/new/commercial"]'), '0');
  assert.equal(await page.inputValue('[data-cell="/requests/new/total"]'), '3');
  await page.check('[data-action="transcribe"]');
  await page.fill('[data-cell="/requests/new/total"]', '4');
  assert.equal(await page.getAttribute('[data-cell="/requests/new/total"]', 'aria-invalid'), 'true');
  assert.ok(await page.isVisible('.findings li[data-code="H1"]'));
});

test('Word and HTML exports are made in the page', async () => {
  const page = await open(chrome.context, origin);
  await page.setInputFiles('[data-action="import"]', path.join(fixtures, 'truth/2024-huaian-city-gov.json'));
  await page.waitForFunction(() => document.querySelector('[data-field="/agency"]').value === '淮安市人民政府');
  const [docx] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-docx"]')]);
  const bytes = fs.readFileSync(await docx.path());
  assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
  assert.match(docx.suggestedFilename(), /淮安市人民政府2024年度\.docx$/);
  const [html] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-html"]')]);
  const text = fs.readFileSync(await html.path(), 'utf8');
  assert.ok(text.includes('data-cell="/requests/new/total">3119</td>'));
  assert.ok(!text.includes('<script'));
});
