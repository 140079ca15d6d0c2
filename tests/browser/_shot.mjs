import { chromium } from "playwright-core";
const [file, out, width, height, ...ys] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
await page.goto("file://" + file);
for (const y of ys) {
  await page.screenshot({ path: out + "-" + y + ".png", fullPage: true, clip: { x: 0, y: Number(y), width: Number(width), height: Number(height) } });
}
await browser.close();
