// The nianbao package: check 政府信息公开工作年度报告 in any web page.
// The types of the JSON it reads and returns are generated from the Rust types (types.d.ts).

import type { CheckResult, Diagnostic, Report, RuleMeta, Source } from './types.js';
export type * from './types.js';

/** Loads the checker. Call once and await it before `check`, `rules`, `schema` or `version`. */
export function init(options?: { wasm?: string | URL | Response | BufferSource | WebAssembly.Module }): Promise<void>;

/** How to check a report. */
export interface CheckOptions {
  /** Last year's report of the same agency: turns on H7, S2 and S6. */
  previous?: Report | string;
  /** The language of the messages (Chinese unless the package was built with English). */
  lang?: 'zh' | 'en';
}

/** Checks a report given as JSON text or as an object. Throws `ReportReadError` if unreadable. */
export function check(report: Report | string, options?: CheckOptions): CheckResult;

/** What an entry form says of the report where it has no field for it. */
export interface FormOptions extends CheckOptions {
  edition?: '2021' | '2019';
  year?: number;
  agency?: string;
}

/** The result of checking a form: also the `data-cell` pointers that name no cell of the report. */
export interface FormResult extends CheckResult {
  unknown?: string[];
}

/** Checks an entry form's fields, each `[JSON Pointer, value as typed]`; blank stays blank. */
export function checkFields(fields: Array<[string, string]>, options?: FormOptions): FormResult;

/** Every rule: code, name, severity, titles and the Chinese explanation. */
export function rules(): RuleMeta[];

/** The JSON Schema of the report contract (the package's report.schema.json). */
export function schema(): Promise<object>;

/** The package version and the JSON contract version. */
export function version(): { version: string; contract: string };

/** What an importer read from a page or text. */
export interface Imported {
  report: Report;
  diagnostics: Diagnostic[];
  format: string;
  format_name: string;
  /** Where each cell was read, by JSON Pointer. */
  sources: Record<string, Source>;
}

/** Reads a report from an HTML page or fragment (loads the importers on first use). */
export function importHtml(html: string): Promise<Imported>;

/** Reads a report from its text: copied from a page, PDF or Word; Markdown; CSV. */
export function importText(text: string): Promise<Imported>;

/** A report that cannot be read: which input, what, and where. */
export class ReportReadError extends Error {
  input: 'report' | 'previous' | 'form';
  pointer: string;
  line: number;
  column: number;
}

/** How to attach the checker to an element. */
export interface AttachOptions extends FormOptions {
  /** 'page': a published report's tables; 'form': inputs marked with data-cell. */
  mode?: 'page' | 'form';
  /** Where the summary box goes: an element, or false for none (default: a box before the element). */
  summary?: Element | false;
  /** Where the checker's wasm is, if not next to nianbao.js. */
  wasm?: string | URL;
}

/** What `attach` gives back; also the `detail` of the `nianbao-checked` event. */
export interface CheckState {
  result?: FormResult;
  /** Why nothing could be checked. */
  problem?: string;
  unknown?: string[];
}

export interface Attached {
  readonly mode: 'page' | 'form';
  /** The latest result. */
  readonly result: FormResult | null;
  /** Checks again (for example after the page changed the tables). */
  check(): void | Promise<void>;
  /** Removes every mark, note and listener the checker added. */
  detach(): void;
}

/** Checks the report in `element`, marks what is wrong in place, shows a summary. */
export function attach(element: Element, options?: AttachOptions): Promise<Attached>;

/** `<nianbao-check for="id" mode="page|form" edition year agency>`: the summary box. */
export class NianbaoCheck extends HTMLElement {}

declare global {
  interface HTMLElementTagNameMap {
    'nianbao-check': NianbaoCheck;
  }
  interface HTMLElementEventMap {
    'nianbao-checked': CustomEvent<CheckState>;
  }
}

export type { Diagnostic };
