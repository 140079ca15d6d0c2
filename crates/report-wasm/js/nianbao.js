// nianbao: checks 政府信息公开工作年度报告 in any web page.
//
// One ES module. Load it with <script type="module">, then either use the functions below or the
// ready-made integrations: <nianbao-check for="..."> or attach(element). Report text is only ever
// set as text (never as HTML), nothing is evaluated, nothing is fetched from anywhere but this
// package's own folder, and every style applies to the package's own elements and attributes.

import initCore, * as core from './nianbao_core.js';

const here = (file) => new URL(file, import.meta.url);
let ready = null;
let loaded = false;
let io = null;

/** Loads the checker (about 100 KB brotli). Resolves once; later calls return the same promise. */
export function init(options = {}) {
  ready ??= initCore({ module_or_path: options.wasm ?? here('./nianbao_core_bg.wasm') }).then(() => {
    loaded = true;
  });
  return ready;
}

function need() {
  if (!loaded) throw new Error('nianbao：请先调用 init() 并等待它完成');
}

/** A report (or last year's report) that cannot be read: says which, where and what. */
export class ReportReadError extends Error {
  constructor(problem) {
    super(problem.message);
    this.name = 'ReportReadError';
    Object.assign(this, problem);
  }
}

const text = (value) => (value == null ? undefined : typeof value === 'string' ? value : JSON.stringify(value));

function outcome(result) {
  if (result.error) throw new ReportReadError(result.error);
  return result;
}

/** Checks a report (JSON text or object). Returns { valid, counts, diagnostics }. */
export function check(report, options = {}) {
  need();
  return outcome(core.check(report, options.previous, options.lang));
}

/** Checks the fields of an entry form: [[JSON Pointer, value], ...]. */
export function checkFields(fields, options = {}) {
  need();
  const form = { fields, edition: options.edition, year: options.year, agency: options.agency };
  return outcome(core.checkForm(form, options.previous, options.lang));
}

/** Every rule: code, name, severity, titles and explanation. */
export function rules() {
  need();
  return core.rules();
}

/** The JSON Schema of the report (read from the package folder when first asked for). */
export async function schema() {
  const response = await fetch(here('./report.schema.json'));
  if (!response.ok) throw new Error(`nianbao：读取 report.schema.json 失败（${response.status}）`);
  return response.json();
}

/** The package version and the JSON contract version. */
export function version() {
  need();
  return core.version();
}

// The importers are a module of their own (about 300 KB brotli), loaded the first time one is used.
function importers() {
  io ??= import('./io/report_io_wasm.js').then(async (module) => {
    await module.default({ module_or_path: here('./io/report_io_wasm_bg.wasm') });
    return module;
  });
  return io;
}

/** Reads a report from an HTML page or fragment: { report, diagnostics, format, sources }. */
export async function importHtml(html) {
  return JSON.parse((await importers()).importHtml(html));
}

/** Reads a report from its text (copied from a page, PDF or Word; Markdown; CSV). */
export async function importText(body) {
  return JSON.parse((await importers()).importText(body));
}

// ---------------------------------------------------------------------------------------------
// The integrations.

const MARK = 'data-nianbao-mark';
const hostStyle = `
[${MARK}] { outline: 2px solid #c62828 !important; outline-offset: -2px; }
[${MARK}="warning"] { outline-color: #b26a00 !important; }
td[${MARK}], th[${MARK}] { background-color: #fdecea !important; }
td[${MARK}="warning"], th[${MARK}="warning"] { background-color: #fff4e0 !important; }
[data-nianbao-flash] { outline-width: 4px !important; }
.nianbao-note { display: block; margin: 2px 0 0; font: 12px/1.4 system-ui, sans-serif; color: #b71c1c; white-space: normal; text-align: left; }
.nianbao-note[data-severity="warning"] { color: #8a5300; }
[data-nianbao-host] { position: relative; }
.nianbao-note.nianbao-float { display: none; position: absolute; left: 0; top: 100%; z-index: 1000; width: max-content; max-width: 20em; background: #fff; border: 1px solid #e8b4b4; border-radius: 3px; box-shadow: 0 2px 6px rgba(0,0,0,.15); padding: 4px 8px; }
[data-nianbao-host]:hover > .nianbao-float, [data-nianbao-mark]:focus + .nianbao-float { display: block; }
`;
const boxStyle = `
:host { display: block; margin: 12px 0; font: 14px/1.6 system-ui, "Microsoft YaHei", sans-serif; color: #222; }
:host([hidden]) { display: none; }
.box { border: 1px solid #d0d7de; border-left: 4px solid #2e7d32; border-radius: 4px; background: #fff; padding: 10px 14px; }
.box.bad { border-left-color: #c62828; }
.box.warn { border-left-color: #b26a00; }
h2 { font-size: 15px; margin: 0 0 6px; }
p { margin: 4px 0; color: #555; }
ul { margin: 6px 0 0; padding: 0; list-style: none; }
li { margin: 3px 0; }
button { display: block; font: inherit; color: #0b57d0; background: none; border: 0; padding: 0; cursor: pointer; text-align: left; }
button:hover { text-decoration: underline; }
.code { font-family: ui-monospace, monospace; font-size: 12px; color: #555; margin-right: 4px; }
.error { color: #b71c1c; }
.warning { color: #8a5300; }
`;

let hostSheet = null;
function styleHost(doc) {
  hostSheet ??= new CSSStyleSheet();
  if (!hostSheet.cssRules.length) hostSheet.replaceSync(hostStyle);
  if (!doc.adoptedStyleSheets.includes(hostSheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, hostSheet];
}

let boxSheet = null;
function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

const SEVERITY = { error: '错误', warning: '警告', info: '提示' };

/** The cells a diagnostic marks, as the checker decides for every front end. */
const marked = (d) => d.marks ?? [];

// Remembers what was on a host element before a mark, to put it back exactly.
class Marks {
  constructor() {
    this.undo = [];
  }
  set(node, attr, value) {
    this.undo.push([node, attr, node.getAttribute(attr)]);
    node.setAttribute(attr, value);
  }
  add(node) {
    this.undo.push([node, null, null]);
  }
  clear() {
    for (const [node, attr, old] of this.undo.reverse()) {
      if (attr === null) node.remove();
      else if (old === null) node.removeAttribute(attr);
      else node.setAttribute(attr, old);
    }
    this.undo = [];
  }
}

function summarise(box, state) {
  if (!box) return;
  const root = box.shadowRoot ?? box.attachShadow({ mode: 'open' });
  boxSheet ??= new CSSStyleSheet();
  if (!boxSheet.cssRules.length) boxSheet.replaceSync(boxStyle);
  root.adoptedStyleSheets = [boxSheet];
  const { result, problem, unknown, focus } = state;
  const parts = [];
  let tone = '';
  if (problem) {
    tone = 'warn';
    parts.push(el('h2', { text: '报告检查：无法检查' }), el('p', { text: problem }));
  } else {
    const { errors, warnings } = result.counts;
    tone = errors ? 'bad' : warnings ? 'warn' : '';
    const head = errors || warnings
      ? `报告检查：发现 ${errors} 个错误、${warnings} 个警告`
      : '报告检查：未发现错误';
    parts.push(el('h2', { text: head }));
    const items = result.diagnostics.filter((d) => d.severity !== 'info').map((d) => {
      const cell = d.cells[0];
      const label = [el('span', { class: 'code', text: d.code }), el('span', { class: d.severity, text: SEVERITY[d.severity] + '：' }), d.message];
      const button = el('button', { type: 'button' }, label);
      button.addEventListener('click', () => focus(cell));
      return el('li', {}, [button]);
    });
    if (items.length) parts.push(el('ul', {}, items));
    if (unknown?.length) {
      parts.push(el('p', { text: `有 ${unknown.length} 个输入框的 data-cell 不是年度报告的单元格：${unknown.join('、')}` }));
    }
  }
  root.replaceChildren(el('div', { class: `box ${tone}`, role: 'status', 'aria-live': 'polite' }, parts));
}

function flash(node) {
  if (!node) return;
  node.scrollIntoView({ block: 'center' });
  if (typeof node.focus === 'function') node.focus({ preventScroll: true });
  node.setAttribute('data-nianbao-flash', '');
  setTimeout(() => node.removeAttribute('data-nianbao-flash'), 1200);
}

/** The tables of `root` in the order the HTML importer numbers them: as each one closes. */
function tablesInClosingOrder(root) {
  const out = [];
  const walk = (node) => {
    for (const child of node.children) walk(child);
    if (node.localName === 'table') out.push(node);
  };
  walk(root);
  return out;
}

/** The grid of a table as the importer lays it out: [row][column] → cell element. */
function grid(table) {
  const rows = [...table.querySelectorAll('tr')].filter((tr) => tr.closest('table') === table);
  const out = [];
  rows.forEach((tr, r) => {
    out[r] ??= [];
    for (const cell of tr.children) {
      if (cell.localName !== 'td' && cell.localName !== 'th') continue;
      let c = 0;
      while (out[r][c]) c += 1;
      const span = (name) => Math.min(Math.max(parseInt(cell.getAttribute(name), 10) || 1, 1), 64);
      for (let dr = 0; dr < span('rowspan'); dr += 1) {
        for (let dc = 0; dc < span('colspan'); dc += 1) {
          out[r + dr] ??= [];
          out[r + dr][c + dc] = cell;
        }
      }
    }
  });
  return out;
}

function options(element, given) {
  const attr = (name) => element?.getAttribute?.(name) ?? undefined;
  const year = given.year ?? attr('year');
  return {
    lang: given.lang ?? attr('lang') ?? undefined,
    previous: given.previous,
    edition: given.edition ?? attr('edition'),
    year: year === undefined ? undefined : Number(year),
    agency: given.agency ?? attr('agency'),
  };
}

const FIELDS = 'input[data-cell], textarea[data-cell], select[data-cell]';

/**
 * Checks the report in `element` and marks what is wrong in place.
 *
 * mode "page" (a published report: its tables are found and read) or "form" (inputs marked with
 * data-cell="<JSON Pointer>", checked on every input); by default "form" when the element holds
 * a [data-cell] field. `summary` is the element that shows the summary box (a <nianbao-check>
 * or any element; false for none). Returns a handle: { result, check(), detach() }.
 */
export async function attach(element, given = {}) {
  await init(given);
  styleHost(element.ownerDocument);
  const mode = given.mode ?? (element.querySelector(FIELDS) ? 'form' : 'page');
  let box = given.summary;
  if (box === undefined) {
    box = document.createElement('nianbao-check');
    box.setAttribute('data-attached', '');
    element.before(box);
  }
  const marks = new Marks();
  const handle = { result: null, mode, check: null, detach: null };
  const removeBox = () => {
    if (box?.hasAttribute?.('data-attached')) box.remove();
  };
  const report = (state) => {
    handle.result = state.result ?? null;
    summarise(box || null, state);
    element.dispatchEvent(new CustomEvent('nianbao-checked', { bubbles: true, detail: state }));
  };

  const attached = { element, box, given, marks, handle, report, removeBox };
  if (mode === 'form') attachForm(attached);
  else await attachPage(attached);
  return handle;
}

/** Marks a form field and puts its note beside it, linked by aria-describedby. */
function annotate(marks, field, note, id) {
  // In a table cell the note floats below the input while it has focus or the pointer, so that
  // the host's table keeps its layout; elsewhere it stands under the field.
  const cell = field.parentElement?.matches('td, th') ? field.parentElement : null;
  const span = el('span', { class: cell ? 'nianbao-note nianbao-float' : 'nianbao-note', id, 'data-severity': note.severity, text: note.lines.join('；') });
  if (cell) marks.set(cell, 'data-nianbao-host', '');
  field.after(span);
  marks.add(span);
  marks.set(field, MARK, note.severity);
  marks.set(field, 'aria-invalid', 'true');
  const described = field.getAttribute('aria-describedby');
  marks.set(field, 'aria-describedby', described ? `${described} ${id}` : id);
}

/** Form mode: the [data-cell] fields are checked on every input; each marked field gets a note. */
function attachForm({ element, box, given, marks, handle, report, removeBox }) {
  const fields = () => [...element.querySelectorAll(FIELDS)];
  const run = () => {
    marks.clear();
    const inputs = fields();
    const opts = options(box, given);
    let result;
    try {
      result = checkFields(inputs.map((f) => [f.getAttribute('data-cell'), String(f.value)]), opts);
    } catch (e) {
      report({ problem: e.message, focus: () => {} });
      return;
    }
    const byCell = new Map(inputs.map((f) => [f.getAttribute('data-cell'), f]));
    const notes = new Map();
    for (const d of result.diagnostics) {
      for (const pointer of marked(d)) {
        const field = byCell.get(pointer);
        if (!field) continue;
        const note = notes.get(field) ?? { severity: d.severity, lines: [] };
        if (d.severity === 'error') note.severity = 'error';
        note.lines.push(d.message);
        notes.set(field, note);
      }
    }
    let n = 0;
    for (const [field, note] of notes) annotate(marks, field, note, `nianbao-note-${(n += 1)}`);
    report({ result, unknown: result.unknown, focus: (pointer) => flash(byCell.get(pointer)) });
  };
  element.addEventListener('input', run);
  element.addEventListener('change', run);
  handle.check = run;
  handle.detach = () => {
    element.removeEventListener('input', run);
    element.removeEventListener('change', run);
    marks.clear();
    removeBox();
  };
  run();
}

/** Page mode: the published report's tables are read and checked; wrong cells are outlined. */
async function attachPage({ element, box, given, marks, handle, report, removeBox }) {
  const run = async () => {
    marks.clear();
    let imported;
    let result;
    // Portals print the report's title above the article body: it names the agency and year.
    const doc = element.ownerDocument;
    const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const opts = options(box, given);
    try {
      const page = `<title>${escape(doc.title)}</title>${element.outerHTML}`;
      const settings = { edition: opts.edition, year: opts.year, agency: opts.agency, previous: text(opts.previous), lang: opts.lang };
      ({ imported, result } = JSON.parse((await importers()).checkHtml(page, JSON.stringify(settings))));
    } catch (e) {
      report({ problem: `本页没有读到年度报告的表格（${e.message}）`, focus: () => {} });
      return;
    }
    const grids = tablesInClosingOrder(element).map(grid);
    const locate = (pointer) => {
      const cells = [];
      for (const [p, s] of Object.entries(imported.sources)) {
        if (p !== pointer && !p.startsWith(pointer + '/')) continue;
        const node = grids[s.table - 1]?.[s.row - 1]?.[s.column - 1];
        if (node) cells.push(node);
      }
      return cells;
    };
    const severities = new Map();
    for (const d of result.diagnostics) {
      for (const pointer of marked(d)) {
        for (const node of locate(pointer)) {
          if (severities.get(node) !== 'error') severities.set(node, d.severity);
        }
      }
    }
    for (const [node, severity] of severities) marks.set(node, MARK, severity);
    report({ result, focus: (pointer) => flash(locate(pointer)[0]) });
  };
  handle.check = run;
  handle.detach = () => {
    marks.clear();
    removeBox();
  };
  await run();
}

/**
 * <nianbao-check for="id" mode="page|form" edition="2021" year="2024" agency="…">: checks the
 * element with that id (by default the parent) and shows the summary box where it stands.
 */
export class NianbaoCheck extends HTMLElement {
  connectedCallback() {
    if (this.hasAttribute('data-attached') || this.handle) return;
    const id = this.getAttribute('for');
    const target = id ? this.ownerDocument.getElementById(id) : this.parentElement;
    if (!target) {
      summarise(this, { problem: `找不到要检查的元素（for="${id}"）`, focus: () => {} });
      return;
    }
    const mode = this.getAttribute('mode') ?? undefined;
    this.handle = attach(target, { summary: this, mode });
  }
  disconnectedCallback() {
    this.handle?.then((h) => h.detach());
    this.handle = null;
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('nianbao-check')) {
  customElements.define('nianbao-check', NianbaoCheck);
}
