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

#[test]
fn last_years_report_settles_a_split_the_text_cannot() {
    // 平潭 2021 prints 行政规范性文件's three numbers run together, "693665": 6/93/665? 69/3/665?
    // Neither the table nor the prose tells; last year's 现行有效件数 does (599 + 69 − 3 = 665).
    let name = "2021-pingtan-zone-admin-committee";
    let bytes = std::fs::read(nianbao_tests::real(name)).expect("fixture");
    let place = |col| {
        report_core::Place::Proactive(
            report_core::layout::ProactiveItem::NormativeDocuments,
            Some(col),
        )
    };
    use report_core::layout::ProactiveColumn as C;
    let alone = report_io::import(&bytes).expect("reads");
    assert!(alone
        .diagnostics
        .iter()
        .any(|d| d.code == "I4" && d.cells.contains(&place(C::InForce).pointer())));

    let mut previous = truth(name);
    previous.year = 2020;
    previous.set_cell(place(C::InForce), report_core::Cell::Count(599));
    let read = report_io::import_with(
        &bytes,
        &report_io::ImportOptions {
            previous: Some(&previous),
        },
    )
    .expect("reads");
    let want = truth(name);
    for col in [C::Issued, C::Repealed, C::InForce] {
        assert_eq!(
            read.report.cell(place(col)),
            want.cell(place(col)),
            "{col:?}"
        );
    }
    assert!(!read
        .diagnostics
        .iter()
        .any(|d| d.code == "I4" && d.cells.contains(&place(C::InForce).pointer())));
    let said = read
        .diagnostics
        .iter()
        .find(|d| d.code == "I8")
        .expect("the import says how it split");
    assert_eq!(said.severity, Severity::Info);
    assert!(said.message.contains("上年报告"), "{}", said.message);

    // A last year's figure that fits no split settles nothing.
    previous.set_cell(place(C::InForce), report_core::Cell::Count(1));
    let read = report_io::import_with(
        &bytes,
        &report_io::ImportOptions {
            previous: Some(&previous),
        },
    )
    .expect("reads");
    assert!(read.diagnostics.iter().all(|d| d.code != "I8"));
}
