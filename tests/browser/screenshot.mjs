// Takes the README's screenshots of the page with a published report imported, at the screen
// sizes clerks have: `node screenshot.mjs` (after build-web.sh) writes docs/screenshot.png and
// docs/screens/{1920,1366,1024,390}.png.
import fs from 'node:fs';
import path from 'node:path';
import { serve, browser, open, fixtures, root } from './harness.mjs';

const sizes = [
  { name: '1920', width: 1920, height: 1080 },
  { name: '1366', width: 1366, height: 768 },
  { name: '1024', width: 1024, height: 768 },
  { name: '390', width: 390, height: 844 },
];

const { server, origin } = await serve();
const chrome = await browser();
try {
  const page = await open(chrome.context, origin);
  await page.setViewportSize({ width: 1440, height: 1100 });
  await page.click('[data-action="new"]');
  await page.setInputFiles('[data-action="import"]', path.join(fixtures, 'real/2023-huaian-hongze-district-gov.txt'));
  await page.waitForSelector('.findings li[data-code="H4"]');
  await page.click('.notice button');
  await page.click('.findings li[data-code="H4"] .explain');
  await page.locator('.table-section').nth(1).scrollIntoViewIfNeeded();
  await page.focus('[data-cell="/requests/granted/natural_person"]');
  await page.screenshot({ path: path.join(root, 'docs/screenshot.png') });
  fs.mkdirSync(path.join(root, 'docs/screens'), { recursive: true });
  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('.table-section').nth(1).scrollIntoViewIfNeeded();
    await page.focus('[data-cell="/requests/granted/natural_person"]');
    await page.screenshot({ path: path.join(root, `docs/screens/${size.name}.png`) });
  }
} finally {
  await chrome.close();
  server.close();
}
