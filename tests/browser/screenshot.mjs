// Takes the README's screenshot of the page with a published report imported:
// `node screenshot.mjs` (after build-web.sh) writes docs/screenshot.png.
import path from 'node:path';
import { serve, browser, open, fixtures, root } from './harness.mjs';

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
} finally {
  await chrome.close();
  server.close();
}
