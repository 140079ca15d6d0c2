//! In every consistent published report, changing any single number of 表三 or 表四 yields an
//! error that names that cell.
//!
//! 表二 is left out on purpose: no hard rule relates its cells to each other (S2 relates them to
//! last year's report, and is a warning), so no single change there can be detected.

use nianbao_tests::{truth, truth_names};
use proptest::prelude::*;
use report_core::{check, Cell, CheckOptions, Place, Report, Severity};

fn consistent_reports() -> Vec<(String, Report)> {
    truth_names()
        .into_iter()
        .map(|name| {
            let report = truth(&name);
            (name, report)
        })
        .filter(|(_, report)| check(report, &CheckOptions::default()).valid)
        .collect()
}

/// Every 表三 and 表四 cell holding a count.
fn counted_cells(report: &Report) -> Vec<(Place, u64)> {
    report
        .cells()
        .filter(|(place, _)| matches!(place, Place::Requests(..) | Place::Appeals(..)))
        .filter_map(|(place, cell)| cell.count().map(|n| (place, n)))
        .collect()
}

fn with_value(report: &Report, place: Place, value: u64) -> Report {
    let mut changed = report.clone();
    match place {
        Place::Requests(row, Some(col)) => changed.requests.set(row, col, Cell::Count(value)),
        Place::Appeals(group, Some(col)) => changed.appeals.set(group, col, Cell::Count(value)),
        other => panic!("not a 表三/表四 cell: {other:?}"),
    }
    changed
}

fn names_cell_in_an_error(report: &Report, place: Place) -> bool {
    let pointer = place.pointer();
    check(report, &CheckOptions::default())
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error && d.cells.contains(&pointer))
}

#[test]
fn five_published_reports_are_consistent() {
    let names: Vec<_> = consistent_reports()
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert_eq!(names.len(), 5, "{names:?}");
}

#[test]
fn every_single_change_by_one_is_caught_at_its_cell() {
    let mut tried = 0;
    for (name, report) in consistent_reports() {
        for (place, value) in counted_cells(&report) {
            let mut changes = vec![value + 1];
            if value > 0 {
                changes.push(value - 1);
            }
            for changed in changes {
                tried += 1;
                assert!(
                    names_cell_in_an_error(&with_value(&report, place, changed), place),
                    "{name}: {} changed from {value} to {changed} went unnoticed",
                    place.pointer()
                );
            }
        }
    }
    // 5 reports × (175 cells of 表三 + 15 of 表四), most with two directions.
    assert!(tried > 5 * 190, "only {tried} changes tried");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_single_change_is_caught_at_its_cell(report_index in 0usize..5, cell_index in 0usize..1000, delta in 1u64..1_000_000, up in any::<bool>()) {
        let reports = consistent_reports();
        let (name, report) = &reports[report_index % reports.len()];
        let cells = counted_cells(report);
        let (place, value) = cells[cell_index % cells.len()];
        let changed = if up { value + delta } else { value.saturating_sub(delta) };
        prop_assume!(changed != value);
        prop_assert!(
            names_cell_in_an_error(&with_value(report, place, changed), place),
            "{}: {} changed from {} to {} went unnoticed", name, place.pointer(), value, changed
        );
    }
}
