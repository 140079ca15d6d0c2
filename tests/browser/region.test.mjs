// The region page (`nianbao check --report`) as a leader opens it: from file://, with no
// network, every unit listed, charts that match the data, sorting and filters that work, and
// nothing from the reports run as code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { browser, regionPage, HOSTILE } from './harness.mjs';

test('the region page lists every unit, draws the data, sorts and filters, offline, running nothing from the reports', async () => {
  const { dir, page: file, expected } = regionPage();
  const chrome = await browser();
  try {
    const outside = [];
    await chrome.context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const page = await chrome.context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await page.goto('file://' + file);
    await page.waitForSelector('#unit-table tbody tr');

    // Every unit, in the order checked.
    const rows = () => page.$$eval('#unit-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
    const listed = await rows();
    assert.equal(listed.length, expected.length);
    assert.deepEqual(listed.map((r) => r[7]), expected.map((f) => f.path));
    for (const [row, f] of listed.map((r, i) => [r, expected[i]])) {
      if (f.error) { assert.equal(row[2], '无法读取'); continue; }
      assert.equal(row[3], String(f.counts.errors), f.path);
      assert.equal(row[4], String(f.counts.warnings), f.path);
    }
    // Each unit's findings, as many as the command line gives.
    const findings = await page.$$eval('#unit-details .unit', (units) => units.map((u) => u.querySelectorAll('.finding').length));
    assert.deepEqual(findings, expected.map((f) => (f.diagnostics ?? []).length));

    // One mark per rule found, per unit, and per unit with the figure.
    const codes = new Set(expected.flatMap((f) => (f.diagnostics ?? []).map((d) => d.code)));
    assert.equal(await page.locator('#chart-rules .mark').count(), codes.size);
    assert.equal(await page.locator('#chart-results .mark').count(), expected.length);
    const failed = expected.filter((f) => f.valid === false && !f.error).length;
    assert.equal(await page.locator('#chart-results .mark.v-failed').count(), failed);
    const data = JSON.parse(await page.textContent('#report-data'));
    for (let i = 0; i < 4; i++) {
      const withFigure = data.filter((u) => u.figures[i].value !== undefined).length;
      assert.equal(await page.locator(`#chart-figure-${i} .mark`).count(), withFigure);
    }

    // Sorting by errors, both ways.
    const errorsOf = async () => (await rows()).filter((r) => r[2] !== '无法读取').map((r) => Number(r[3]));
    await page.click('button[data-sort="errors"]');
    const up = await errorsOf();
    assert.deepEqual(up, [...up].sort((a, b) => a - b));
    await page.click('button[data-sort="errors"]');
    const down = await errorsOf();
    assert.deepEqual(down, [...down].sort((a, b) => b - a));
    assert.notDeepEqual(up, down);

    // Filters: by result, by rule (also from the chart), by name.
    await page.selectOption('#filter-verdict', 'failed');
    assert.equal((await rows()).length, failed);
    assert.ok((await rows()).every((r) => r[2] === '有错误'));
    await page.selectOption('#filter-verdict', '');
    await page.click('#chart-rules .mark[data-code="H4"]');
    const withH4 = expected.filter((f) => (f.diagnostics ?? []).some((d) => d.code === 'H4')).length;
    assert.ok(withH4 > 0);
    assert.equal((await rows()).length, withH4);
    await page.selectOption('#filter-code', '');
    await page.fill('#filter-text', '平潭');
    assert.equal((await rows()).length, expected.filter((f) => f.agency?.includes('平潭')).length);
    await page.fill('#filter-text', '');

    // A unit's mark leads to its findings.
    const last = expected.length - 1;
    await page.click(`#chart-results .mark[data-unit="${last}"]`);
    assert.ok(await page.locator(`#u${last}`).isVisible());

    // The reports' markup is shown as text and runs nothing.
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('main img, main script, #units i, #details i').count(), 0);
    const names = listed.map((r) => r[0]);
    assert.ok(names.includes(HOSTILE + '局'), 'the agency is shown as written');
    assert.deepEqual(problems, []);
    assert.deepEqual(outside, []);
  } finally {
    await chrome.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
