//! The year and agency come from the report's title as agencies word it, and never from prose
//! that speaks of the report.

use report_core::Report;
use report_io::export::{render, Target};

fn huaian() -> Report {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/truth/2024-huaian-city-gov.json");
    Report::from_json(&std::fs::read_to_string(path).expect("fixture")).expect("reads")
}

/// The report as text with its first line (the title) replaced by `title`.
fn titled(title: &str) -> Report {
    let text = String::from_utf8(render(&huaian(), Target::Text)).expect("UTF-8");
    let body = text.split_once('\n').expect("a title line").1;
    report_io::import(format!("{title}\n{body}").as_bytes())
        .expect("reads")
        .report
}

#[test]
fn titles_as_agencies_word_them() {
    for title in [
        "淮安市人民政府2024年政府信息公开工作年度报告",
        "淮安市人民政府\n2024 年政府信息公开工作年度报告",
        "淮安市人民政府2024年度政府信息公开工作报告",
        "2024年淮安市人民政府政府信息公开工作年度报告",
        "淮安市人民政府 2024 年政府信息公开年报",
    ] {
        let report = titled(title);
        assert_eq!(
            (report.year, report.agency.as_str()),
            (2024, "淮安市人民政府"),
            "{title}"
        );
    }
}

#[test]
fn prose_that_speaks_of_the_report_is_no_title() {
    // A page whose title did not come through: its first paragraph names the year and the
    // report, but the agency is not "发布日期：…本年度报告根据…".
    let report = titled(
        "发布日期：2025-01-20\n本年度报告根据《中华人民共和国政府信息公开条例》的要求编制，全文包括总体情况等。本年度报告中所列数据统计期限从 2024 年 1 月 1 日到 12 月 31 日止。",
    );
    assert!(
        report.agency.is_empty() || report.agency.chars().count() <= 20,
        "agency read from prose: {}",
        report.agency
    );
    assert!(!report.agency.contains("本年度报告"), "{}", report.agency);
}
