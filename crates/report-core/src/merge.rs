//! Merging two versions of one report edited apart (two browser tabs on one draft, two clerks
//! on copies of one file): what each changed from their common version is kept, cell by cell,
//! and where both changed the same cell differently the first version's value stays and the
//! cell is reported, so that nothing either side typed is lost without a word.

use crate::cell::Cell;
use crate::layout::ProseField;
use crate::place::{MetaField, Place};
use crate::report::Report;

/// The outcome of [`merge`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    /// The merged report: every change of either side, and `ours` where both changed a place.
    pub report: Report,
    /// The places both sides changed to different values (`ours` was kept there).
    pub conflicts: Vec<Place>,
}

/// Takes one side's change: `theirs` where only they changed it, `ours` otherwise; reports a
/// conflict where both changed it differently.
fn pick<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> (T, bool) {
    if ours == base || ours == theirs {
        (theirs.clone(), false)
    } else if theirs == base {
        (ours.clone(), false)
    } else {
        (ours.clone(), true)
    }
}

/// A cell's value, with an absent cell read as blank.
fn value(report: &Report, place: Place) -> Cell {
    report.cell(place).cloned().unwrap_or_default()
}

/// Merges `ours` and `theirs`, two versions edited apart from `base`.
///
/// Metadata, each prose field and each table cell are merged on their own. When the two sides
/// chose different editions the tables cannot be lined up: `ours` is kept whole and the edition
/// is reported as the conflict.
pub fn merge(base: &Report, ours: &Report, theirs: &Report) -> Merged {
    if ours == theirs || theirs == base {
        return Merged {
            report: ours.clone(),
            conflicts: Vec::new(),
        };
    }
    if ours == base {
        return Merged {
            report: theirs.clone(),
            conflicts: Vec::new(),
        };
    }
    let mut conflicts = Vec::new();
    if ours.edition != theirs.edition {
        return Merged {
            report: ours.clone(),
            conflicts: vec![Place::Meta(MetaField::Edition)],
        };
    }
    let mut out = ours.clone();
    let mut note = |conflict: bool, place: Place| {
        if conflict {
            conflicts.push(place);
        }
    };
    let (v, c) = pick(&base.year, &ours.year, &theirs.year);
    out.year = v;
    note(c, Place::Meta(MetaField::Year));
    let (v, c) = pick(&base.agency, &ours.agency, &theirs.agency);
    out.agency = v;
    note(c, Place::Meta(MetaField::Agency));
    let (v, c) = pick(&base.published, &ours.published, &theirs.published);
    out.published = v;
    note(c, Place::Meta(MetaField::Published));
    let (v, _) = pick(&base.agency_level, &ours.agency_level, &theirs.agency_level);
    out.agency_level = v;
    for field in ProseField::ALL {
        let (v, c) = pick(
            &base.prose(field).map(str::to_owned),
            &ours.prose(field).map(str::to_owned),
            &theirs.prose(field).map(str::to_owned),
        );
        *out.prose_mut(field) = v;
        note(c, Place::Prose(field));
    }
    let mut places: Vec<Place> = ours.cells().map(|(p, _)| p).collect();
    for (place, _) in theirs.cells() {
        if !places.contains(&place) {
            places.push(place);
        }
    }
    for place in places {
        let (b, o, t) = (value(base, place), value(ours, place), value(theirs, place));
        let (v, c) = pick(&b, &o, &t);
        if v != o {
            out.set_cell(place, v);
        }
        note(c, place);
    }
    Merged {
        report: out,
        conflicts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Applicant, Edition, RequestRow};
    use crate::place::req;

    fn base() -> Report {
        Report::blank(Edition::V2021, 2024, "某某局")
    }

    #[test]
    fn changes_to_different_cells_are_both_kept() {
        let b = base();
        let mut ours = b.clone();
        ours.set_cell(
            req(RequestRow::New, Applicant::NaturalPerson),
            Cell::Count(3),
        );
        let mut theirs = b.clone();
        theirs.set_cell(req(RequestRow::New, Applicant::Research), Cell::Count(5));
        theirs.problems = Some("存在的问题".into());
        let m = merge(&b, &ours, &theirs);
        assert!(m.conflicts.is_empty());
        assert_eq!(
            m.report
                .requests
                .count(RequestRow::New, Applicant::NaturalPerson),
            Some(3)
        );
        assert_eq!(
            m.report
                .requests
                .count(RequestRow::New, Applicant::Research),
            Some(5)
        );
        assert_eq!(m.report.problems.as_deref(), Some("存在的问题"));
    }

    #[test]
    fn one_cell_changed_both_ways_keeps_ours_and_says_so() {
        let b = base();
        let place = req(RequestRow::New, Applicant::NaturalPerson);
        let mut ours = b.clone();
        ours.set_cell(place, Cell::Count(3));
        ours.agency = "甲".into();
        let mut theirs = b.clone();
        theirs.set_cell(place, Cell::Count(4));
        theirs.agency = "甲".into();
        let m = merge(&b, &ours, &theirs);
        assert_eq!(m.conflicts, vec![place]);
        assert_eq!(m.report.cell(place), Some(&Cell::Count(3)));
        assert_eq!(m.report.agency, "甲");
    }

    #[test]
    fn a_cell_cleared_on_one_side_is_cleared() {
        let mut b = base();
        let place = req(RequestRow::New, Applicant::NaturalPerson);
        b.set_cell(place, Cell::Count(3));
        let mut ours = b.clone();
        ours.agency = "乙".into();
        let mut theirs = b.clone();
        theirs.set_cell(place, Cell::Blank);
        let m = merge(&b, &ours, &theirs);
        assert!(m.conflicts.is_empty());
        assert_eq!(m.report.cell(place), Some(&Cell::Blank));
        assert_eq!(m.report.agency, "乙");
    }

    #[test]
    fn different_editions_keep_ours_whole() {
        let b = base();
        let mut ours = b.clone();
        ours.agency = "丙".into();
        let mut aside = Vec::new();
        let theirs = crate::edit::change_edition(&b, Edition::V2019, &mut aside);
        let m = merge(&b, &ours, &theirs);
        assert_eq!(m.report, ours);
        assert_eq!(m.conflicts, vec![Place::Meta(MetaField::Edition)]);
    }
}
