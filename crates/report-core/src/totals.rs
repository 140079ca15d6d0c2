//! Computing the totals a report derives from its other cells: 表三's 总计 column and （七）总计
//! row, and 表四's 总计 of each group. A form fills them for the clerk; a total whose parts are
//! not all filled stays blank, since blank is not zero.

use crate::cell::Cell;
use crate::layout::{Applicant, Outcome, RequestRow, RowRole};
use crate::place::{appeal, req, Place};
use crate::report::Report;

/// The result rows that （七）总计 adds up in `report`: （六） as one row or as its three rows,
/// whichever the report prints.
pub fn result_rows(report: &Report) -> Vec<RequestRow> {
    let split = RequestRow::OTHER_SPLIT
        .iter()
        .any(|&r| report.requests.has_row(r));
    RequestRow::ALL
        .iter()
        .copied()
        .filter(|r| r.def().role == RowRole::Result)
        .filter(|&r| r != RequestRow::Other || !split)
        .filter(|&r| !RequestRow::OTHER_SPLIT.contains(&r) || split)
        .collect()
}

/// The sum of `places` when every one holds a count, else blank.
fn sum(report: &Report, places: impl IntoIterator<Item = Place>) -> Cell {
    let mut total: u64 = 0;
    for place in places {
        match place.cell(report).and_then(Cell::count) {
            Some(n) => match total.checked_add(n) {
                Some(t) => total = t,
                None => return Cell::Blank,
            },
            None => return Cell::Blank,
        }
    }
    Cell::Count(total)
}

/// The cells [`fill`] computes.
pub fn computed_cells(report: &Report) -> Vec<Place> {
    let mut out: Vec<Place> = report
        .requests
        .present_rows()
        .map(|r| req(r, Applicant::Total))
        .collect();
    if report.requests.has_row(RequestRow::ResultsTotal) {
        out.extend(
            Applicant::PARTS
                .iter()
                .map(|&c| req(RequestRow::ResultsTotal, c)),
        );
    }
    out.extend(
        report
            .appeals
            .present_rows()
            .map(|g| appeal(g, Outcome::Total)),
    );
    out
}

/// Sets every total of `report` to the sum of its parts (blank when a part is not a count).
pub fn fill(report: &mut Report) {
    let results = result_rows(report);
    if report.requests.has_row(RequestRow::ResultsTotal) {
        for &col in &Applicant::PARTS {
            let value = sum(
                report,
                results
                    .iter()
                    .filter(|&&r| report.requests.has_row(r))
                    .map(|&r| req(r, col)),
            );
            report.requests.set(RequestRow::ResultsTotal, col, value);
        }
    }
    let rows: Vec<RequestRow> = report.requests.present_rows().collect();
    for row in rows {
        let value = sum(report, Applicant::PARTS.iter().map(|&c| req(row, c)));
        report.requests.set(row, Applicant::Total, value);
    }
    let groups: Vec<_> = report.appeals.present_rows().collect();
    for group in groups {
        let value = sum(report, Outcome::PARTS.iter().map(|&o| appeal(group, o)));
        report.appeals.set(group, Outcome::Total, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{AppealGroup, Edition};

    #[test]
    fn totals_follow_their_parts_and_blank_stays_blank() {
        let mut r = Report::blank(Edition::V2021, 2024, "x");
        for cell in r.requests.cells_mut().chain(r.appeals.cells_mut()) {
            *cell = Cell::Count(1);
        }
        fill(&mut r);
        assert_eq!(r.requests.count(RequestRow::New, Applicant::Total), Some(6));
        // 21 result rows of 1 each (（六） split into three in the 2021 format).
        assert_eq!(
            r.requests
                .count(RequestRow::ResultsTotal, Applicant::NaturalPerson),
            Some(21)
        );
        assert_eq!(
            r.requests.count(RequestRow::ResultsTotal, Applicant::Total),
            Some(126)
        );
        assert_eq!(
            r.appeals.count(AppealGroup::Review, Outcome::Total),
            Some(4)
        );
        r.requests
            .set(RequestRow::Granted, Applicant::Research, Cell::Blank);
        fill(&mut r);
        assert_eq!(
            r.requests.cell(RequestRow::Granted, Applicant::Total),
            Some(&Cell::Blank)
        );
        assert_eq!(
            r.requests
                .cell(RequestRow::ResultsTotal, Applicant::Research),
            Some(&Cell::Blank)
        );
        let result = crate::check(&r, &Default::default());
        assert!(
            result
                .diagnostics
                .iter()
                .all(|d| !matches!(d.code, "H1" | "H2" | "H4")
                    || d.severity != crate::Severity::Error)
        );
    }
}
