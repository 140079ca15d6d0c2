//! Computing the totals a report derives from its other cells: 表三's 总计 column and （七）总计
//! row, and 表四's 总计 of each group. A form fills them for the clerk; a total whose parts are
//! not all filled stays blank, since blank is not zero.

use crate::cell::Cell;
use crate::equation::{table_equations, Equation};
use crate::place::Place;
use crate::report::Report;

/// The sum of `places` when every one holds a count, else blank.
fn sum(report: &Report, places: impl IntoIterator<Item = Place>) -> Cell {
    let mut total: u64 = 0;
    for place in places {
        match report.cell(place).and_then(Cell::count) {
            Some(n) => match total.checked_add(n) {
                Some(t) => total = t,
                None => return Cell::Blank,
            },
            None => return Cell::Blank,
        }
    }
    Cell::Count(total)
}

/// The cells [`fill`] computes: the totals the equations of the format define
/// ([`Equation::computed_total`]) for the rows and groups the report prints.
pub fn computed_cells(report: &Report) -> Vec<Place> {
    table_equations(report)
        .into_iter()
        .filter_map(Equation::computed_total)
        .collect()
}

/// Sets every total of `report` to the sum of its parts (blank when a part is not a count).
/// The equations come in the order their totals depend on each other, so one pass suffices.
pub fn fill(report: &mut Report) {
    for equation in table_equations(report) {
        let Some(total) = equation.computed_total() else {
            continue;
        };
        let terms = equation.terms(report);
        let value = sum(report, terms.parts.iter().map(|t| t.place));
        report.set_cell(total, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{AppealGroup, Applicant, Edition, Outcome, RequestRow};

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
