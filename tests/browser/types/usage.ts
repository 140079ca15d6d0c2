// Compiled (not run) by types.test.mjs against the package's declarations: what a portal team
// writes in TypeScript must type-check.
import { init, check, checkFields, attach, rules, schema, version, importHtml, ReportReadError } from '../../../dist/embed/nianbao.js';
import type { CheckResult, Diagnostic, Report, Severity } from '../../../dist/embed/nianbao.js';

export async function demo(form: HTMLFormElement): Promise<number> {
  await init();
  const report: Report = { edition: '2021', year: 2024, agency: '某某局', appeals: { review: { upheld: 10, corrected: 1, other: 0, pending: 0, total: 0 } } };
  const result: CheckResult = check(report, { lang: 'zh' });
  const first: Diagnostic | undefined = result.diagnostics[0];
  const severity: Severity | undefined = first?.severity;
  const fields = checkFields([['/appeals/review/total', '11']], { year: 2024 });
  try {
    check('{');
  } catch (e) {
    if (e instanceof ReportReadError) console.log(e.line, e.column, e.pointer);
  }
  const handle = await attach(form, { mode: 'form', summary: false });
  form.addEventListener('nianbao-checked', (event) => console.log(event.detail.result?.valid));
  handle.detach();
  const imported = await importHtml('<table></table>');
  const rows: number = Object.keys(imported.sources).length;
  console.log(severity, fields.unknown, rules()[0].code, (await schema()) !== null, version().contract, rows);
  return result.counts.errors;
}
