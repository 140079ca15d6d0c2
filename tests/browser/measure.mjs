// Keystroke-to-marks time on the full 表三: from the input event of one cell to the moment the
// page shows the resulting error marks (aria-invalid set, the finding listed), measured in the
// page with performance.now() over many keystrokes. `node measure.mjs` (after build-web.sh).
import { serve, browser, open, truth, cells } from './harness.mjs';

const { server, origin } = await serve();
const chrome = await browser();
try {
  const page = await open(chrome.context, origin);
  await page.click('[data-action="new"]');
  const report = truth('2024-huaian-city-gov');
  for (const [pointer, value] of cells(report)) {
    if (/\/(total|results_total\/[a-z_]+)$/.test(pointer)) continue;
    await page.fill(`[data-cell="${pointer}"]`, String(value));
  }
  const times = await page.evaluate(async () => {
    const input = document.querySelector('[data-cell="/requests/new/natural_person"]');
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const out = [];
    for (let i = 0; i < 60; i++) {
      const wrong = i % 2 === 0;
      // The moment the marks show what the keystroke did: the mutation itself is observed (a
      // timer polling for it would add the browser's timer delays to what is measured).
      const shown = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if ((input.getAttribute('aria-invalid') === 'true') === wrong) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(input, { attributes: true, attributeFilter: ['aria-invalid'] });
      });
      const t0 = performance.now();
      input.value = wrong ? '3002' : '3001';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      out.push((await shown) - t0);
      await frame();
    }
    return out;
  });
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p95 = times[Math.floor(times.length * 0.95)];
  console.log(`keystroke to marks on the full 表三 (${times.length} keystrokes): median ${median.toFixed(1)} ms, 95th percentile ${p95.toFixed(1)} ms`);
} finally {
  await chrome.close();
  server.close();
}
