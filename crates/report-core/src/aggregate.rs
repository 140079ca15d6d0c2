//! Adding reports up: the roll-up a county makes of its towns' and departments' reports.
//!
//! 表二, 表三 and 表四 are added cell by cell. A cell is summed only when every report gives a
//! number for it; if one leaves it blank (or prints text, or does not print it), the sum is
//! blank too, since blank is not zero, and the cell is listed in [`Sum::incomplete`].

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::cell::Cell;
use crate::layout::{CellKind, Edition};
use crate::place::Place;
use crate::report::Report;

/// The roll-up of several reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sum {
    /// The summed report: the inputs' edition and year, the given agency, no prose.
    pub report: Report,
    /// The cells left blank because some input had no number there.
    pub incomplete: Vec<Place>,
}

/// Why reports cannot be added up.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SumError {
    /// No report was given.
    #[error("没有要汇总的报告")]
    Empty,
    /// The reports follow different editions of the format.
    #[error("报告的格式版本不一致（{}），不同版本的表格不能相加", list(.0, |e| format!("{} 年版", e.key())))]
    MixedEditions(Vec<Edition>),
    /// The reports cover different years.
    #[error("报告的年度不一致（{}），只能汇总同一年度的报告", list(.0, |y| format!("{y} 年度")))]
    MixedYears(Vec<u16>),
}

fn list<T>(items: &[T], show: impl Fn(&T) -> String) -> String {
    items.iter().map(show).collect::<Vec<_>>().join("、")
}

/// A number a cell holds, in a type wide enough for any sum.
enum Number {
    Whole(i128),
    Money(Decimal),
}

fn number(cell: &Cell) -> Option<Number> {
    match cell {
        Cell::Count(n) => Some(Number::Whole(i128::from(*n))),
        Cell::Signed(n) => Some(Number::Whole(i128::from(*n))),
        Cell::Money(d) => Some(Number::Money(*d)),
        Cell::Blank | Cell::Text(_) => None,
    }
}

/// Adds `cells` up as `kind`; `None` when one is not a number (or the sum does not fit).
fn add(kind: CellKind, cells: &[Option<&Cell>]) -> Option<Cell> {
    let mut whole: i128 = 0;
    let mut money = Decimal::ZERO;
    for cell in cells {
        match number(cell.as_ref()?)? {
            Number::Whole(n) => whole = whole.checked_add(n)?,
            Number::Money(d) => money = money.checked_add(d)?,
        }
    }
    match kind {
        CellKind::Count => u64::try_from(whole).ok().map(Cell::Count),
        CellKind::SignedCount => i64::try_from(whole).ok().map(Cell::Signed),
        CellKind::Money => Decimal::from_i128_with_scale(whole, 0)
            .checked_add(money)
            .map(Cell::Money),
        CellKind::Text => None,
    }
}

/// Adds `reports` up, cell by cell, as the report of `agency`.
pub fn sum(reports: &[&Report], agency: &str) -> Result<Sum, SumError> {
    let first = reports.first().ok_or(SumError::Empty)?;
    let editions: BTreeSet<Edition> = reports.iter().map(|r| r.edition).collect();
    if editions.len() > 1 {
        return Err(SumError::MixedEditions(editions.into_iter().collect()));
    }
    let years: BTreeSet<u16> = reports.iter().map(|r| r.year).collect();
    if years.len() > 1 {
        return Err(SumError::MixedYears(years.into_iter().collect()));
    }
    let mut report = Report::empty(first.edition, first.year, agency);
    let places: BTreeSet<Place> = reports
        .iter()
        .flat_map(|r| r.cells().map(|(p, _)| p))
        .collect();
    let mut incomplete = Vec::new();
    for place in places {
        let Some(kind) = place.kind() else { continue };
        let cells: Vec<Option<&Cell>> = reports.iter().map(|r| r.cell(place)).collect();
        let cell = add(kind, &cells).unwrap_or_else(|| {
            incomplete.push(place);
            Cell::Blank
        });
        report.set_cell(place, cell);
    }
    Ok(Sum { report, incomplete })
}

/// The code and name of a roll-up's diagnostics: not a rule of [`crate::RULES`], since it needs
/// the units' reports.
pub const ROLL_UP_CODE: &str = "U1";

/// Compares `report`, which says it adds up its `units` (a county's report and its towns' and
/// departments'), with their sum, cell by cell. Each cell where both give a number and they
/// differ is a warning naming the cell, what the report states and what the units add up to; a
/// cell that some unit leaves blank cannot be compared and is not judged. `lang` is the
/// language of the messages.
pub fn roll_up(
    report: &Report,
    units: &[&Report],
    lang: crate::Lang,
) -> Result<Vec<crate::Diagnostic>, SumError> {
    let mut all: Vec<&Report> = vec![report];
    all.extend(units);
    // The same edition and year for all, or the sums mean nothing.
    sum(&all, "")?;
    let total = sum(units, &report.agency)?;
    let mut out = Vec::new();
    for (place, stated) in report.cells() {
        let Some(added) = total.report.cell(place) else {
            continue;
        };
        let (Some(a), Some(b)) = (number(stated), number(added)) else {
            continue;
        };
        // Counts carry the figures (expected, actual, difference); amounts are in the message.
        let figures = match (a, b) {
            (Number::Whole(a), Number::Whole(b)) if a != b => Some((b, a)),
            (Number::Money(a), Number::Money(b)) if a != b => None,
            _ => continue,
        };
        let finding = crate::diagnostic::Finding::RollUp {
            cell: place,
            stated: stated.display(),
            units: added.display(),
            count: units.len(),
        };
        let mut diagnostic = crate::Diagnostic::of(
            (ROLL_UP_CODE, "roll-up", crate::Severity::Warning),
            finding,
            report,
            lang,
            figures,
        );
        diagnostic.mark();
        out.push(diagnostic);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{AppealGroup, Outcome, ProactiveColumn, ProactiveItem};
    use crate::place::appeal;

    #[test]
    fn cells_add_up_and_a_blank_anywhere_leaves_the_sum_blank() {
        let mut a = Report::blank(Edition::V2021, 2024, "甲镇");
        let mut b = Report::blank(Edition::V2021, 2024, "乙镇");
        let upheld = appeal(AppealGroup::Review, Outcome::Upheld);
        let fees = Place::Proactive(ProactiveItem::Fees, Some(ProactiveColumn::FeeAmount));
        a.set_cell(upheld, Cell::Count(2));
        b.set_cell(upheld, Cell::Count(3));
        a.set_cell(fees, Cell::parse(CellKind::Money, "1.50"));
        b.set_cell(fees, Cell::parse(CellKind::Money, "2.25"));
        let corrected = appeal(AppealGroup::Review, Outcome::Corrected);
        a.set_cell(corrected, Cell::Count(1));
        let total = sum(&[&a, &b], "某县").expect("same edition and year");
        assert_eq!(total.report.cell(upheld), Some(&Cell::Count(5)));
        assert_eq!(
            total.report.cell(fees).map(Cell::display).as_deref(),
            Some("3.75")
        );
        assert_eq!(total.report.cell(corrected), Some(&Cell::Blank));
        assert!(total.incomplete.contains(&corrected));
        assert!(!total.incomplete.contains(&upheld));
    }

    #[test]
    fn different_years_or_editions_are_refused() {
        let a = Report::blank(Edition::V2021, 2024, "甲");
        let b = Report::blank(Edition::V2021, 2023, "乙");
        assert_eq!(
            sum(&[&a, &b], "x"),
            Err(SumError::MixedYears(vec![2023, 2024]))
        );
        let c = Report::blank(Edition::V2019, 2024, "丙");
        assert!(matches!(
            sum(&[&a, &c], "x"),
            Err(SumError::MixedEditions(_))
        ));
        assert_eq!(sum(&[], "x"), Err(SumError::Empty));
    }
}
