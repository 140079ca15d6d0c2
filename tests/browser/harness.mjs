// Shared by the browser tests: serves dist/ on loopback and starts Debian's Chromium headless
// with a fresh profile. Every request the page makes is recorded.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync, spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const dist = path.join(root, 'dist');
export const fixtures = path.join(root, 'tests/fixtures');

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };

// The portal demo pages are served as a strict portal would serve them.
export const PORTAL_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

/** Every file under `dir`, as paths relative to dist/. */
export const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(path.join(dir, e.name)) : [path.relative(dist, path.join(dir, e.name))]);

export function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let file = path.join(dist, decodeURIComponent(url.pathname));
    if (!file.startsWith(dist)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404).end(); return; }
    const headers = { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' };
    if (url.pathname.startsWith('/portal/')) headers['content-security-policy'] = PORTAL_CSP;
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

export async function browser() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    viewport: { width: 1400, height: 1000 },
  });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  return { context, requests, close: async () => { await context.close(); fs.rmSync(profile, { recursive: true, force: true }); } };
}

/// Opens the page and waits until the form is drawn.
export async function open(context, origin) {
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(origin + '/');
  await page.waitForSelector('[data-cell="/requests/new/natural_person"]');
  return page;
}

export function truth(name) {
  return JSON.parse(fs.readFileSync(path.join(fixtures, 'truth', name + '.json'), 'utf8'));
}

/// Every cell pointer and value of a report JSON, in order.
export function cells(report) {
  const out = [];
  for (const table of ['proactive', 'requests', 'appeals']) {
    for (const [row, columns] of Object.entries(report[table] ?? {})) {
      for (const [column, value] of Object.entries(columns)) out.push([`/${table}/${row}/${column}`, value]);
    }
  }
  return out;
}

/// Runs the command line (the one the workspace's tests build, or NIANBAO_BIN; built here when
/// there is none) and returns what it printed.
export function nianbao(args, options = {}) {
  const bin = process.env.NIANBAO_BIN ?? path.join(root, 'target/debug/nianbao');
  if (!fs.existsSync(bin)) execFileSync('cargo', ['build', '--quiet', '--locked', '--bin', 'nianbao'], { cwd: root, stdio: 'inherit' });
  return spawnSync(bin, args, { encoding: 'utf8', ...options });
}

/// Markup a report's text could carry: it must stay text on every page that shows it.
export const HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

/// Writes the region page (`nianbao check --report`) for every published report, a report whose
/// agency and problems are markup (unless `hostile` is false), and a scan without text; returns
/// the page's path and the `check --format json` output it must agree with.
export function regionPage({ hostile = true } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-region-'));
  const reports = path.join(dir, '报告');
  fs.mkdirSync(reports);
  for (const name of fs.readdirSync(path.join(fixtures, 'real'))) {
    fs.copyFileSync(path.join(fixtures, 'real', name), path.join(reports, name));
  }
  if (hostile) {
    const report = truth('2024-huaian-city-gov');
    report.agency = HOSTILE + '局';
    report.problems = HOSTILE;
    fs.writeFileSync(path.join(reports, '<i>markup<b>.json'), JSON.stringify(report));
  }
  fs.copyFileSync(path.join(fixtures, 'made/scan-no-text.pdf'), path.join(reports, 'scan-no-text.pdf'));
  const page = path.join(dir, '核查结果.html');
  // Run from the folder, as a clerk would: the files are named from there.
  const run = (args) => nianbao(args, { cwd: dir, env: { ...process.env, SOURCE_DATE_EPOCH: '1765000000' } });
  const written = run(['check', '报告', '--report', page, '--summary']);
  if (!fs.existsSync(page)) throw new Error('no page written: ' + written.stderr);
  const expected = JSON.parse(run(['check', '报告', '--format', 'json']).stdout);
  return { dir, page, expected };
}
