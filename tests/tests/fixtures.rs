//! Every published report's truth file loads as it is, and checking it reports as errors exactly
//! the published errors its expectations list.

use std::collections::{BTreeMap, BTreeSet};

use nianbao_tests::{expectations, truth, truth_names};
use report_core::{check, CheckOptions, Severity};

type CellsByRule = BTreeMap<String, BTreeSet<String>>;

/// The cells of the hard-rule (H) entries of the expectations, by rule.
fn expected_errors(name: &str) -> (CellsByRule, Vec<(String, BTreeSet<String>)>) {
    let expect = expectations(name);
    let mut by_rule = CellsByRule::new();
    let mut entries = Vec::new();
    for entry in expect["published_errors"]
        .as_array()
        .expect("published_errors is a list")
    {
        let rule = entry["rule"].as_str().expect("rule").to_owned();
        if !rule.starts_with('H') {
            continue;
        }
        let cells: BTreeSet<String> = entry["cells"]
            .as_array()
            .expect("cells")
            .iter()
            .map(|c| c.as_str().expect("pointer").to_owned())
            .collect();
        by_rule
            .entry(rule.clone())
            .or_default()
            .extend(cells.iter().cloned());
        entries.push((rule, cells));
    }
    (by_rule, entries)
}

#[test]
fn there_are_nine_published_documents() {
    // Eight reports, one of them (上海 2019) both as its page's text and as the portal's markup.
    assert_eq!(truth_names().len(), 9);
}

#[test]
fn every_truth_file_reports_exactly_its_published_errors() {
    for name in truth_names() {
        let report = truth(&name);
        let result = check(&report, &CheckOptions::default());
        let errors: Vec<_> = result
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();

        let mut found = CellsByRule::new();
        for d in &errors {
            found
                .entry(d.code.to_owned())
                .or_default()
                .extend(d.cells.iter().cloned());
        }
        let (expected, entries) = expected_errors(&name);
        assert_eq!(found, expected, "{name}: errors by rule and cell");

        // Equation errors must match entry by entry, primary cell first: a diagnostic must not
        // move to another cell unnoticed.
        for (rule, cells) in entries.iter().filter(|(rule, _)| rule != "H5") {
            let matching = errors.iter().find(|d| {
                d.code == rule && d.cells.iter().cloned().collect::<BTreeSet<_>>() == *cells
            });
            assert!(
                matching.is_some(),
                "{name}: no {rule} error naming exactly {cells:?}"
            );
        }
        assert_eq!(result.valid, expected.is_empty(), "{name}");
    }
}

#[test]
fn the_hongze_errors_carry_expected_actual_and_difference() {
    let result = check(
        &truth("2023-huaian-hongze-district-gov"),
        &CheckOptions::default(),
    );
    let h4: Vec<_> = result
        .diagnostics
        .iter()
        .filter(|d| d.code == "H4")
        .collect();
    assert_eq!(h4.len(), 2);
    assert_eq!(h4[0].cells[0], "/appeals/review/total");
    assert_eq!(
        (h4[0].expected, h4[0].actual, h4[0].difference),
        (Some(11), Some(0), Some(-11))
    );
    assert_eq!(h4[1].cells[0], "/appeals/litigation_after_review/total");
    assert_eq!((h4[1].expected, h4[1].actual), (Some(5), Some(0)));
    assert!(
        h4[0].message.contains("为 11") && h4[0].message.contains("相差 11"),
        "{}",
        h4[0].message
    );
}

#[test]
fn pingtan_2022_carries_over_what_2021_carried_forward() {
    let previous = truth("2021-pingtan-zone-admin-committee");
    let report = truth("2022-pingtan-zone-admin-committee");
    let result = check(
        &report,
        &CheckOptions {
            previous: Some(&previous),
            ..Default::default()
        },
    );
    assert!(
        result.diagnostics.iter().all(|d| d.code != "H7"),
        "{:#?}",
        result.diagnostics
    );

    // Had 2022 carried over 2 instead of 1, H7 would name the cell.
    let mut wrong = report.clone();
    wrong.requests.set(
        report_core::RequestRow::CarriedOver,
        report_core::Applicant::Total,
        report_core::Cell::Count(2),
    );
    let result = check(
        &wrong,
        &CheckOptions {
            previous: Some(&previous),
            ..Default::default()
        },
    );
    let h7 = result
        .diagnostics
        .iter()
        .find(|d| d.code == "H7")
        .expect("H7 fires");
    assert_eq!(h7.cells, ["/requests/carried_over/total"]);
    assert_eq!((h7.expected, h7.actual), (Some(1), Some(2)));
}

#[test]
fn every_truth_file_survives_a_json_round_trip() {
    for name in truth_names() {
        let report = truth(&name);
        let again =
            report_core::Report::from_json(&report.to_json()).expect("own output reads back");
        assert_eq!(again, report, "{name}");
    }
}
