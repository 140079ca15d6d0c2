// Takes the README's screenshots of the region page (`nianbao check --report`) made from every
// published report: `node screenshot-region.mjs` writes docs/region/overview.png (the headline
// and charts) and docs/region/units.png (the table of units and a unit's findings).
import fs from 'node:fs';
import path from 'node:path';
import { browser, regionPage, root } from './harness.mjs';

const { dir, page: file } = regionPage({ hostile: false });
const chrome = await browser();
try {
  const page = await chrome.context.newPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('file://' + file);
  await page.waitForSelector('#unit-table tbody tr');
  const out = path.join(root, 'docs/region');
  fs.mkdirSync(out, { recursive: true });
  await page.screenshot({ path: path.join(out, 'overview.png') });
  await page.click('button[data-sort="errors"]');
  await page.click('button[data-sort="errors"]');
  await page.locator('#units').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, document.getElementById('units').getBoundingClientRect().top - 10));
  await page.screenshot({ path: path.join(out, 'units.png') });
} finally {
  await chrome.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
