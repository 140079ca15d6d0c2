//! Places in a report that a diagnostic can point at, and their JSON Pointers.

use std::cmp::Ordering;

use crate::layout::{
    AppealGroup, Applicant, Edition, Outcome, ProactiveColumn, ProactiveItem, ProseField,
    RequestRow, TableId,
};

/// A place in a report: a table cell, a whole table row, a prose field or a metadata field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// A cell of 表二, or its whole row when the column is `None`.
    Proactive(ProactiveItem, Option<ProactiveColumn>),
    /// A cell of 表三, or its whole row when the column is `None`.
    Requests(RequestRow, Option<Applicant>),
    /// A cell of 表四, or a whole group when the column is `None`.
    Appeals(AppealGroup, Option<Outcome>),
    /// A prose field.
    Prose(ProseField),
    /// A metadata field: `edition`, `year`, `agency` or `published`.
    Meta(MetaField),
}

/// A metadata field of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MetaField {
    /// `/edition`.
    Edition,
    /// `/year`.
    Year,
    /// `/agency`.
    Agency,
    /// `/published`.
    Published,
}

impl MetaField {
    /// The JSON key of the field.
    pub const fn key(self) -> &'static str {
        match self {
            MetaField::Edition => "edition",
            MetaField::Year => "year",
            MetaField::Agency => "agency",
            MetaField::Published => "published",
        }
    }
}

/// Shorthand for a 表三 cell.
pub const fn req(row: RequestRow, col: Applicant) -> Place {
    Place::Requests(row, Some(col))
}

/// Shorthand for a 表四 cell.
pub const fn appeal(group: AppealGroup, col: Outcome) -> Place {
    Place::Appeals(group, Some(col))
}

/// Shorthand for a 表二 cell.
pub const fn proactive(item: ProactiveItem, col: ProactiveColumn) -> Place {
    Place::Proactive(item, Some(col))
}

impl Place {
    /// The JSON Pointer of the place in the report JSON, e.g. `/requests/new/total`.
    pub fn pointer(&self) -> String {
        fn join(table: TableId, row: &str, col: Option<&str>) -> String {
            match col {
                Some(col) => format!("/{}/{row}/{col}", table.key()),
                None => format!("/{}/{row}", table.key()),
            }
        }
        match *self {
            Place::Proactive(item, col) => {
                join(TableId::Proactive, item.key(), col.map(|c| c.key()))
            }
            Place::Requests(row, col) => join(TableId::Requests, row.key(), col.map(|c| c.key())),
            Place::Appeals(group, col) => join(TableId::Appeals, group.key(), col.map(|c| c.key())),
            Place::Prose(field) => field.pointer().to_owned(),
            Place::Meta(field) => format!("/{}", field.key()),
        }
    }

    /// Parses a JSON Pointer back into a place.
    pub fn from_pointer(pointer: &str) -> Option<Place> {
        let mut parts = pointer.strip_prefix('/')?.split('/');
        let first = parts.next()?;
        let second = parts.next();
        let third = parts.next();
        if parts.next().is_some() {
            return None;
        }
        let place = match (first, second, third) {
            ("proactive", Some(row), col) => {
                let item = ProactiveItem::from_key(row)?;
                Place::Proactive(
                    item,
                    col.map(|c| item.column_by_key(c))
                        .map_or(Some(None), |c| c.map(Some))?,
                )
            }
            ("requests", Some(row), col) => Place::Requests(
                RequestRow::from_key(row)?,
                col.map(Applicant::from_key)
                    .map_or(Some(None), |c| c.map(Some))?,
            ),
            ("appeals", Some(row), col) => Place::Appeals(
                AppealGroup::from_key(row)?,
                col.map(Outcome::from_key)
                    .map_or(Some(None), |c| c.map(Some))?,
            ),
            ("overview", Some(_), None) | ("problems" | "other_matters", None, None) => {
                Place::Prose(
                    ProseField::ALL
                        .into_iter()
                        .find(|f| f.pointer() == pointer)?,
                )
            }
            (key, None, None) => Place::Meta(
                [
                    MetaField::Edition,
                    MetaField::Year,
                    MetaField::Agency,
                    MetaField::Published,
                ]
                .into_iter()
                .find(|f| f.key() == key)?,
            ),
            _ => return None,
        };
        Some(place)
    }

    /// The table the place is in, if any.
    pub fn table(&self) -> Option<TableId> {
        match self {
            Place::Proactive(..) => Some(TableId::Proactive),
            Place::Requests(..) => Some(TableId::Requests),
            Place::Appeals(..) => Some(TableId::Appeals),
            Place::Prose(_) | Place::Meta(_) => None,
        }
    }

    /// Whether `edition` has this place (a row or cell of the other edition has not).
    pub fn in_edition(&self, edition: Edition) -> bool {
        use crate::table::{AppealsLayout, ProactiveLayout, RequestsLayout, TableLayout};
        fn has<L: TableLayout>(row: L::Row, col: Option<L::Col>, edition: Edition) -> bool {
            L::row_in_edition(row, edition)
                && col.is_none_or(|c| L::columns(row).contains(&c) && L::col_in_edition(c, edition))
        }
        match *self {
            Place::Proactive(item, col) => has::<ProactiveLayout>(item, col, edition),
            Place::Requests(row, col) => has::<RequestsLayout>(row, col, edition),
            Place::Appeals(group, col) => has::<AppealsLayout>(group, col, edition),
            Place::Prose(_) | Place::Meta(_) => true,
        }
    }

    /// What the cell at this place holds, if the place is a cell.
    pub fn kind(&self) -> Option<crate::layout::CellKind> {
        match *self {
            Place::Proactive(_, Some(col)) => Some(col.def().kind),
            Place::Requests(_, Some(col)) => Some(col.def().kind),
            Place::Appeals(_, Some(col)) => Some(col.def().kind),
            _ => None,
        }
    }

    /// The position of the place in the printed report, for sorting: metadata, then 一, the
    /// tables in order, then 五 and 六.
    fn position(&self) -> (u8, usize, usize) {
        let col = |c: Option<usize>| c.map_or(0, |i| i + 1);
        match *self {
            Place::Meta(field) => (0, field as usize, 0),
            Place::Prose(field) => match field {
                ProseField::Problems => (5, 0, 0),
                ProseField::OtherMatters => (6, 0, 0),
                other => (1, other as usize, 0),
            },
            Place::Proactive(item, c) => (2, item.index(), col(c.map(|c| c.index()))),
            Place::Requests(row, c) => (3, row.index(), col(c.map(|c| c.index()))),
            Place::Appeals(group, c) => (4, group.index(), col(c.map(|c| c.index()))),
        }
    }

    /// A short Chinese description of the place, e.g. 表三「一、本年新收」行「总计」列.
    pub fn describe_zh(&self, edition: Edition) -> String {
        match *self {
            Place::Proactive(item, col) => {
                let row = item.def().labels.any(edition);
                match col {
                    Some(c) => format!("表二「{row}」行「{}」列", c.def().labels.any(edition)),
                    None => format!("表二「{row}」行"),
                }
            }
            Place::Requests(row, col) => match col {
                Some(c) => format!("表三「{}」行「{}」列", row.def().short, c.short()),
                None => format!("表三「{}」行", row.def().short),
            },
            Place::Appeals(group, col) => {
                let name = match group.def().parent {
                    Some(parent) => format!("{parent}·{}", group.def().label),
                    None => group.def().label.to_owned(),
                };
                match col {
                    Some(c) => format!("表四「{name}」的「{}」", c.def().labels.any(edition)),
                    None => format!("表四「{name}」"),
                }
            }
            Place::Prose(field) => format!("「{}」部分", field.heading()),
            Place::Meta(field) => match field {
                MetaField::Edition => "格式版本".to_owned(),
                MetaField::Year => "报告年度".to_owned(),
                MetaField::Agency => "发布机关".to_owned(),
                MetaField::Published => "发布日期".to_owned(),
            },
        }
    }

    /// A short English description of the place.
    pub fn describe_en(&self) -> String {
        self.pointer()
    }
}

impl PartialOrd for Place {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Place {
    fn cmp(&self, other: &Self) -> Ordering {
        self.position().cmp(&other.position())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_round_trip() {
        let places = [
            req(RequestRow::New, Applicant::Total),
            Place::Requests(RequestRow::Other, None),
            appeal(AppealGroup::LitigationAfterReview, Outcome::Pending),
            proactive(ProactiveItem::Fees, ProactiveColumn::FeeAmount),
            proactive(
                ProactiveItem::Procurement,
                ProactiveColumn::ProcurementAmount,
            ),
            Place::Prose(ProseField::DisclosureOnRequest),
            Place::Prose(ProseField::Problems),
            Place::Meta(MetaField::Published),
        ];
        for place in places {
            assert_eq!(
                Place::from_pointer(&place.pointer()),
                Some(place),
                "{}",
                place.pointer()
            );
        }
        assert_eq!(
            req(RequestRow::New, Applicant::Total).pointer(),
            "/requests/new/total"
        );
        assert_eq!(Place::from_pointer("/requests/new/robots"), None);
    }

    #[test]
    fn places_sort_in_printed_order() {
        let mut places = [
            appeal(AppealGroup::Review, Outcome::Total),
            req(RequestRow::CarriedForward, Applicant::Total),
            req(RequestRow::New, Applicant::Total),
            req(RequestRow::New, Applicant::NaturalPerson),
            Place::Prose(ProseField::Problems),
        ];
        places.sort();
        assert_eq!(places[0], req(RequestRow::New, Applicant::NaturalPerson));
        assert_eq!(places[4], Place::Prose(ProseField::Problems));
    }
}
