//! Operations a form applies to a whole report: building it from a form's fields, changing its
//! edition without losing what the other edition lacks, carrying last year's figures over, and
//! filling blanks with 0. Each says what it changed, so that a front end can show it and undo it.

use crate::cell::Cell;
use crate::equation::{cross_year_equations, Equation, Year};
use crate::layout::{CellKind, Edition};
use crate::place::{MetaField, Place};
use crate::report::{Date, Report};

/// Cells kept aside while a report is in an edition that has no place for them.
pub type SetAside = Vec<(Place, Cell)>;

/// The filled cells of `report` that `edition` has no place for: what changing to it would set
/// aside.
pub fn cells_without_place(report: &Report, edition: Edition) -> Vec<Place> {
    report
        .cells()
        .filter(|(p, c)| !c.is_blank() && !p.in_edition(edition))
        .map(|(p, _)| p)
        .collect()
}

/// `report` in `edition`: metadata, prose and every cell both editions have are carried over;
/// cells `edition` has no place for are moved to `aside`, and cells kept in `aside` that
/// `edition` has are put back (when the report has nothing of its own there). Changing to
/// the other edition and back therefore gives the report back as it was.
pub fn change_edition(report: &Report, edition: Edition, aside: &mut SetAside) -> Report {
    if report.edition == edition {
        return report.clone();
    }
    let mut next = Report::blank(edition, report.year, report.agency.clone());
    next.published = report.published;
    next.agency_level = report.agency_level;
    next.overview = report.overview.clone();
    next.problems = report.problems.clone();
    next.other_matters = report.other_matters.clone();
    let mut kept = SetAside::new();
    for (place, cell) in report.cells() {
        if place.in_edition(edition) {
            next.set_cell(place, cell.clone());
        } else if !cell.is_blank() {
            kept.push((place, cell.clone()));
        }
    }
    for (place, cell) in std::mem::take(aside) {
        if place.in_edition(edition) && next.cell(place).is_none_or(Cell::is_blank) {
            next.set_cell(place, cell);
        } else if !kept.iter().any(|(p, _)| *p == place) && !place.in_edition(edition) {
            kept.push((place, cell));
        }
    }
    *aside = kept;
    next
}

/// Fills this year's cells that the cross-year equations copy from last year (二、上年结转 from
/// last year's 四、结转下年度继续办理) with last year's values. Returns the cells changed.
pub fn carry_over(report: &mut Report, previous: &Report) -> Vec<Place> {
    let mut changed = Vec::new();
    for equation in cross_year_equations() {
        let Equation::CarryOver(_) = equation else {
            continue;
        };
        let terms = equation.terms(report);
        let (Some(&target), [source]) = (terms.totals.first(), &terms.parts[..]) else {
            continue;
        };
        if source.year != Year::Last {
            continue;
        }
        if let Some(cell) = previous.cell(source.place) {
            if report.cell(target) != Some(cell) {
                report.set_cell(target, cell.clone());
                changed.push(target);
            }
        }
    }
    changed
}

/// Fills every blank cell of the tables with 0 (in the cell's kind; text cells stay blank).
/// Returns the cells filled.
pub fn fill_blanks_with_zero(report: &mut Report) -> Vec<Place> {
    let blanks: Vec<Place> = report
        .cells()
        .filter(|(_, c)| c.is_blank())
        .map(|(p, _)| p)
        .collect();
    let mut filled = Vec::new();
    for place in blanks {
        let zero = match place.kind() {
            Some(CellKind::Count) => Cell::Count(0),
            Some(CellKind::SignedCount) => Cell::Signed(0),
            Some(CellKind::Money) => Cell::parse(CellKind::Money, "0"),
            _ => continue,
        };
        report.set_cell(place, zero);
        filled.push(place);
    }
    filled
}

/// What a page says of the report where its form has no field for it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormDefaults {
    /// The edition's key, `"2021"` or `"2019"`.
    pub edition: Option<String>,
    /// The report year.
    pub year: Option<u16>,
    /// The agency.
    pub agency: Option<String>,
}

/// Builds a report from a form's fields, each a JSON Pointer and the text typed: every cell as
/// typed (blank stays blank), the prose, and the report's year, edition, agency and date of
/// publication (a field for them wins over `defaults`; the edition otherwise follows the year).
/// Returns the pointers that name no place of the report in its edition.
pub fn from_fields(fields: &[(String, String)], defaults: &FormDefaults) -> (Report, Vec<String>) {
    let field = |key: MetaField| {
        let pointer = Place::Meta(key).pointer();
        fields
            .iter()
            .find(|(p, _)| *p == pointer)
            .map(|(_, v)| v.trim().to_owned())
    };
    let year = field(MetaField::Year)
        .and_then(|y| y.parse::<u16>().ok())
        .or(defaults.year)
        .unwrap_or(0);
    let edition = field(MetaField::Edition)
        .or(defaults.edition.clone())
        .and_then(|e| Edition::from_key(&e))
        .or_else(|| Edition::for_year(year))
        .unwrap_or(Edition::V2021);
    let agency = field(MetaField::Agency)
        .or(defaults.agency.clone())
        .unwrap_or_default();
    let mut report = Report::empty(edition, year, agency);
    report.published = field(MetaField::Published).and_then(|d| Date::parse(&d));
    let mut unknown = Vec::new();
    for (pointer, value) in fields {
        match Place::from_pointer(pointer) {
            Some(Place::Prose(prose)) => {
                *report.prose_mut(prose) = Some(value.clone()).filter(|v| !v.trim().is_empty());
            }
            Some(Place::Meta(_)) => {}
            Some(place) => match place.kind() {
                Some(kind) if place.in_edition(edition) => {
                    report.set_cell(place, Cell::parse(kind, value));
                }
                _ => unknown.push(pointer.clone()),
            },
            None => unknown.push(pointer.clone()),
        }
    }
    (report, unknown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Applicant, ProactiveColumn, ProactiveItem, RequestRow};
    use crate::place::{proactive, req};

    fn filled(edition: Edition) -> Report {
        let mut r = Report::blank(edition, 2024, "某某局");
        let places: Vec<Place> = r.cells().map(|(p, _)| p).collect();
        for (n, place) in places.into_iter().enumerate() {
            let kind = place.kind().unwrap_or(CellKind::Count);
            let text = if kind == CellKind::Text {
                "251000元".to_owned()
            } else {
                (n + 1).to_string()
            };
            r.set_cell(place, Cell::parse(kind, &text));
        }
        r.problems = Some("问题".into());
        r
    }

    #[test]
    fn changing_the_edition_and_back_keeps_every_value() {
        for edition in Edition::ALL {
            let other = if edition == Edition::V2021 {
                Edition::V2019
            } else {
                Edition::V2021
            };
            let report = filled(edition);
            let mut aside = SetAside::new();
            let lacking = cells_without_place(&report, other);
            assert!(!lacking.is_empty());
            let switched = change_edition(&report, other, &mut aside);
            assert_eq!(switched.edition, other);
            assert_eq!(switched.problems, report.problems);
            let kept: Vec<Place> = aside.iter().map(|(p, _)| *p).collect();
            assert_eq!(kept, lacking);
            // A cell both editions have is carried over.
            let shared = req(RequestRow::New, Applicant::NaturalPerson);
            assert_eq!(switched.cell(shared), report.cell(shared));
            let back = change_edition(&switched, edition, &mut aside);
            assert_eq!(back, report, "{edition:?} → {other:?} → back");
            assert!(aside.is_empty());
        }
    }

    #[test]
    fn a_value_typed_in_the_meantime_is_not_overwritten_by_one_set_aside() {
        let report = filled(Edition::V2021);
        let issued = proactive(ProactiveItem::Regulations, ProactiveColumn::Issued);
        let mut aside = SetAside::new();
        let mut switched = change_edition(&report, Edition::V2019, &mut aside);
        assert!(aside.iter().any(|(p, _)| *p == issued));
        let made = proactive(ProactiveItem::Regulations, ProactiveColumn::Made);
        switched.set_cell(made, Cell::Count(7));
        let back = change_edition(&switched, Edition::V2021, &mut aside);
        assert_eq!(back.cell(issued), report.cell(issued));
        assert!(aside
            .iter()
            .any(|(p, c)| *p == made && *c == Cell::Count(7)));
    }

    #[test]
    fn last_years_carried_forward_becomes_this_years_carried_over() {
        let previous = filled(Edition::V2021);
        let mut report = Report::blank(Edition::V2021, 2025, "某某局");
        let changed = carry_over(&mut report, &previous);
        assert_eq!(changed.len(), Applicant::ALL.len());
        for &col in Applicant::ALL {
            assert_eq!(
                report.cell(req(RequestRow::CarriedOver, col)),
                previous.cell(req(RequestRow::CarriedForward, col))
            );
        }
        assert!(carry_over(&mut report, &previous).is_empty());
    }

    #[test]
    fn a_form_becomes_a_report_and_unknown_fields_are_named() {
        let fields: Vec<(String, String)> = [
            ("/year", "2019"),
            ("/requests/new/natural_person", "3"),
            ("/requests/new/commercial", ""),
            ("/requests/other_fee_unpaid/total", "1"),
            ("/problems", "问题"),
            ("/nowhere", "1"),
        ]
        .iter()
        .map(|(p, v)| (p.to_string(), v.to_string()))
        .collect();
        let (report, unknown) = from_fields(&fields, &FormDefaults::default());
        assert_eq!((report.year, report.edition), (2019, Edition::V2019));
        assert_eq!(
            report.cell(req(RequestRow::New, Applicant::NaturalPerson)),
            Some(&Cell::Count(3))
        );
        assert!(report
            .cell(req(RequestRow::New, Applicant::Commercial))
            .is_some_and(Cell::is_blank));
        assert_eq!(report.problems.as_deref(), Some("问题"));
        assert_eq!(unknown, ["/requests/other_fee_unpaid/total", "/nowhere"]);
    }

    #[test]
    fn blanks_become_zero_of_their_kind_and_values_stay() {
        let mut report = Report::blank(Edition::V2019, 2020, "某某局");
        let typed = req(RequestRow::New, Applicant::NaturalPerson);
        report.set_cell(typed, Cell::Count(3));
        let filled = fill_blanks_with_zero(&mut report);
        assert!(!filled.contains(&typed));
        assert_eq!(report.cell(typed), Some(&Cell::Count(3)));
        let change = proactive(ProactiveItem::Licensing, ProactiveColumn::Change);
        assert_eq!(report.cell(change), Some(&Cell::Signed(0)));
        let amount = proactive(
            ProactiveItem::Procurement,
            ProactiveColumn::ProcurementAmount,
        );
        assert!(report.cell(amount).is_some_and(Cell::is_blank));
    }
}
