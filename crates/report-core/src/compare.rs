//! What changed between two reports, place by place: the report's year, agency, edition and date,
//! every table cell either prints, and the prose sections.

use crate::cell::Cell;
use crate::layout::ProseField;
use crate::place::{MetaField, Place};
use crate::report::Report;

/// What a report has at a place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// The report does not print the place (a row or column it lacks, a section it omits).
    Absent,
    /// A table cell.
    Cell(Cell),
    /// The value of a metadata field, or a prose section.
    Text(String),
}

impl Entry {
    /// How to show it: a cell as printed, blank as empty text.
    pub fn display(&self) -> Option<String> {
        match self {
            Entry::Absent => None,
            Entry::Cell(cell) => Some(cell.display()),
            Entry::Text(text) => Some(text.clone()),
        }
    }
}

/// One difference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Where.
    pub place: Place,
    /// What the old report has.
    pub old: Entry,
    /// What the new report has.
    pub new: Entry,
    /// New minus old, when both are numbers.
    pub difference: Option<i128>,
}

fn whole(entry: &Entry) -> Option<i128> {
    match entry {
        Entry::Cell(Cell::Count(n)) => Some(i128::from(*n)),
        Entry::Cell(Cell::Signed(n)) => Some(i128::from(*n)),
        _ => None,
    }
}

fn meta(report: &Report, field: MetaField) -> Entry {
    match field {
        MetaField::Edition => Entry::Text(report.edition.key().to_owned()),
        MetaField::Year => Entry::Text(report.year.to_string()),
        MetaField::Agency => Entry::Text(report.agency.clone()),
        MetaField::Published => report
            .published
            .map_or(Entry::Absent, |d| Entry::Text(d.to_string())),
    }
}

fn prose(report: &Report, field: ProseField) -> Entry {
    report
        .prose(field)
        .filter(|t| !t.trim().is_empty())
        .map_or(Entry::Absent, |t| Entry::Text(t.to_owned()))
}

/// Every place where `old` and `new` differ: metadata first, then the tables' cells in the
/// official order, then the prose.
pub fn diff(old: &Report, new: &Report) -> Vec<Change> {
    let mut places: Vec<Place> = [
        MetaField::Edition,
        MetaField::Year,
        MetaField::Agency,
        MetaField::Published,
    ]
    .into_iter()
    .map(Place::Meta)
    .collect();
    let mut cells: Vec<Place> = old.cells().chain(new.cells()).map(|(p, _)| p).collect();
    cells.sort();
    cells.dedup();
    places.extend(cells);
    places.extend(ProseField::ALL.into_iter().map(Place::Prose));

    let entry = |report: &Report, place: Place| match place {
        Place::Meta(field) => meta(report, field),
        Place::Prose(field) => prose(report, field),
        _ => report
            .cell(place)
            .map_or(Entry::Absent, |c| Entry::Cell(c.clone())),
    };
    places
        .into_iter()
        .filter_map(|place| {
            let (a, b) = (entry(old, place), entry(new, place));
            (a != b).then(|| Change {
                place,
                difference: whole(&a).zip(whole(&b)).map(|(a, b)| b - a),
                old: a,
                new: b,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{AppealGroup, Edition, Outcome};
    use crate::place::appeal;

    #[test]
    fn changed_cells_are_named_with_the_difference() {
        let mut old = Report::blank(Edition::V2021, 2024, "某局");
        let upheld = appeal(AppealGroup::Review, Outcome::Upheld);
        old.set_cell(upheld, Cell::Count(3));
        let mut new = old.clone();
        assert!(diff(&old, &new).is_empty());
        new.set_cell(upheld, Cell::Count(5));
        new.agency = "某某局".into();
        *new.prose_mut(ProseField::Problems) = Some("问题".into());
        let changes = diff(&old, &new);
        let places: Vec<Place> = changes.iter().map(|c| c.place).collect();
        assert_eq!(
            places,
            [
                Place::Meta(MetaField::Agency),
                upheld,
                Place::Prose(ProseField::Problems)
            ]
        );
        assert_eq!(changes[1].difference, Some(2));
        assert_eq!(changes[2].old, Entry::Absent);
    }
}
