//! 2019-format reports as web pages whose table cells run together (the digits of a row with no
//! separator), on one long line or a row a line: read exactly where the arithmetic settles every
//! split.

use nianbao_tests::truth;
use report_core::{check, CheckOptions, Report, Severity};
use report_io::export::{render, Target};
use report_io::Format;

/// 上海 2019 with its blank cells filled with 0 and its totals computed: a consistent report of
/// the 2019 format.
fn consistent_2019() -> Report {
    let mut report = truth("2019-shanghai-municipal-gov-general-office-2019format");
    report_core::edit::fill_blanks_with_zero(&mut report);
    report_core::totals::fill(&mut report);
    let errors: Vec<_> = check(&report, &CheckOptions::default())
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.message)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    report
}

/// The report's text with every table row's cells run together.
fn run_together(report: &Report, one_line: bool) -> String {
    let text = String::from_utf8(render(report, Target::Text)).expect("UTF-8");
    let lines: Vec<String> = text.lines().map(|l| l.replace('\t', "")).collect();
    lines.join(if one_line { "" } else { "\n" })
}

#[test]
fn a_2019_report_with_its_cells_run_together_reads_exactly() {
    let want = consistent_2019();
    for one_line in [false, true] {
        let text = run_together(&want, one_line);
        let read = report_io::import(text.as_bytes()).expect("reads");
        assert_eq!(read.format, Format::RunTogether, "one line: {one_line}");
        // 表三 and 表四 have arithmetic that settles every split: they read exactly. 表二's
        // runs ("规章1313524", "政府集中采购6251000元") have none but what the prose states: a
        // cell the prose does not settle is flagged with its candidates.
        let flagged: Vec<&String> = read
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .flat_map(|d| &d.cells)
            .collect();
        for (place, expected) in want.cells() {
            let pointer = place.pointer();
            let found = read.report.cell(place).cloned().unwrap_or_default();
            if pointer.starts_with("/proactive/") {
                assert!(
                    found == *expected || flagged.contains(&&pointer),
                    "one line: {one_line}: {pointer} is {found:?}, not flagged"
                );
            } else {
                assert_eq!(found, *expected, "one line: {one_line}: {pointer}");
            }
        }
    }
}
