//! The official format as data.
//!
//! Every row and column of 表二, 表三 and 表四 is declared exactly once here, with its JSON key
//! (`docs/format.md`, "JSON keys"), its verbatim label in each edition, its parent group and its
//! order; [`section`] does the same for the six section headings. The model, the JSON reader,
//! the rules, the messages, the schema, the importers and the exports all read these tables; no
//! label or heading is written anywhere else.
//!
//! A label of `None` for an edition means that the row or column does not exist in that edition.

use serde::{Deserialize, Serialize};

pub use appeals::*;
pub use proactive::*;
pub use requests::*;
pub use section::{ProseField, Section, SectionDef};

/// The edition of the national format a report follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Edition {
    /// 国办公开办函〔2021〕30号, used for the reports of 2021 onwards.
    #[serde(rename = "2021")]
    V2021,
    /// The trial format of 国办公开办函〔2019〕60号, used for the reports of 2019 and 2020.
    #[serde(rename = "2019")]
    V2019,
}

impl Edition {
    /// Both editions, newest first.
    pub const ALL: [Edition; 2] = [Edition::V2021, Edition::V2019];

    /// The edition's name as used in JSON and on the command line.
    pub const fn key(self) -> &'static str {
        match self {
            Edition::V2021 => "2021",
            Edition::V2019 => "2019",
        }
    }

    /// Parses `"2021"` or `"2019"`.
    pub fn from_key(key: &str) -> Option<Edition> {
        Edition::ALL.into_iter().find(|e| e.key() == key)
    }

    /// The edition an agency had to use for the report of `year`, if the year had a national table.
    pub const fn for_year(year: u16) -> Option<Edition> {
        match year {
            0..=2018 => None,
            2019 | 2020 => Some(Edition::V2019),
            _ => Some(Edition::V2021),
        }
    }
}

/// A label that may differ between the editions, or be missing from one of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Labels {
    /// The label printed in the 2021 format, if the item exists there.
    pub v2021: Option<&'static str>,
    /// The label printed in the 2019 trial format, if the item exists there.
    pub v2019: Option<&'static str>,
}

impl Labels {
    /// The same label in both editions.
    pub const fn both(label: &'static str) -> Labels {
        Labels {
            v2021: Some(label),
            v2019: Some(label),
        }
    }
    /// A label that exists only in the 2021 format.
    pub const fn only_2021(label: &'static str) -> Labels {
        Labels {
            v2021: Some(label),
            v2019: None,
        }
    }
    /// A label that exists only in the 2019 trial format.
    pub const fn only_2019(label: &'static str) -> Labels {
        Labels {
            v2021: None,
            v2019: Some(label),
        }
    }
    /// Different labels in the two editions.
    pub const fn differ(v2021: &'static str, v2019: &'static str) -> Labels {
        Labels {
            v2021: Some(v2021),
            v2019: Some(v2019),
        }
    }
    /// The label in `edition`, or `None` when the item does not exist in it.
    pub const fn get(&self, edition: Edition) -> Option<&'static str> {
        match edition {
            Edition::V2021 => self.v2021,
            Edition::V2019 => self.v2019,
        }
    }
    /// The label in `edition`, falling back to the other edition's label.
    pub const fn any(&self, edition: Edition) -> &'static str {
        match (self.get(edition), self.v2021, self.v2019) {
            (Some(label), _, _) | (None, Some(label), _) | (None, None, Some(label)) => label,
            (None, None, None) => "",
        }
    }
    /// Whether the item exists in `edition`.
    pub const fn in_edition(&self, edition: Edition) -> bool {
        self.get(edition).is_some()
    }
}

/// What kind of value a cell holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CellKind {
    /// A non-negative whole number (a count of documents, decisions, applications, cases).
    Count,
    /// A whole number that may be negative (2019 format 本年增/减).
    SignedCount,
    /// A non-negative exact decimal in 万元 (表二 本年收费金额).
    Money,
    /// Text as printed, unit included (2019 format 采购总金额).
    Text,
}

/// The definition of a column.
#[derive(Debug)]
pub struct ColumnDef {
    /// The JSON key.
    pub key: &'static str,
    /// The verbatim header label in each edition.
    pub labels: Labels,
    /// The merged header cell above this one, if any.
    pub parent: Option<&'static str>,
    /// What the cells of the column hold.
    pub kind: CellKind,
}

pub(crate) const fn column(
    key: &'static str,
    labels: Labels,
    parent: Option<&'static str>,
    kind: CellKind,
) -> ColumnDef {
    ColumnDef {
        key,
        labels,
        parent,
        kind,
    }
}

/// Declares a closed set of keys (rows or columns) with a definition per key, in official order.
macro_rules! layout_keys {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident: $def:ty {
            $( $(#[$vmeta:meta])* $variant:ident => $value:expr, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every key, in the official order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            const DEFS: &'static [$def] = &[$($value),*];

            /// The definition of this key.
            pub const fn def(self) -> &'static $def {
                &Self::DEFS[self as usize]
            }
            /// The JSON key (`docs/format.md`).
            pub const fn key(self) -> &'static str {
                self.def().key
            }
            /// The position in the official order.
            pub const fn index(self) -> usize {
                self as usize
            }
            /// Looks a JSON key up.
            pub fn from_key(key: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|k| k.key() == key)
            }
        }
    };
}

mod appeals;
mod proactive;
mod requests;
mod section;

/// Every label of the three tables with its editions: rows and columns of 表二, 表三 and 表四.
fn all_labels() -> impl Iterator<Item = Labels> {
    let requests = RequestRow::ALL.iter().map(|r| r.def().labels);
    let applicants = Applicant::ALL.iter().map(|c| c.def().labels);
    let items = ProactiveItem::ALL.iter().map(|i| i.def().labels);
    let proactive = ProactiveColumn::ALL.iter().map(|c| c.def().labels);
    let outcomes = Outcome::ALL.iter().map(|c| c.def().labels);
    requests
        .chain(applicants)
        .chain(items)
        .chain(proactive)
        .chain(outcomes)
}

/// The labels that only `edition` prints and that no label of the other edition contains (so
/// that finding one in a document is a sign of the edition, e.g. 2019's "本年增/减" or 2021's
/// "本年制发件数"; not 2019's "规范性文件", which 2021's "行政规范性文件" contains).
pub fn edition_marks(edition: Edition) -> Vec<&'static str> {
    let other = match edition {
        Edition::V2021 => Edition::V2019,
        Edition::V2019 => Edition::V2021,
    };
    let others: Vec<&str> = all_labels().filter_map(|l| l.get(other)).collect();
    let mut marks: Vec<&'static str> = all_labels()
        .filter(|l| !l.in_edition(other))
        .filter_map(|l| l.get(edition))
        .filter(|m| !others.iter().any(|o| o.contains(m)))
        .collect();
    marks.sort_unstable();
    marks.dedup();
    marks
}

/// The three tables of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TableId {
    /// 表二 主动公开政府信息情况.
    Proactive,
    /// 表三 收到和处理政府信息公开申请情况.
    Requests,
    /// 表四 政府信息公开行政复议、行政诉讼情况.
    Appeals,
}

impl TableId {
    /// All tables in the order they are printed.
    pub const ALL: [TableId; 3] = [TableId::Proactive, TableId::Requests, TableId::Appeals];

    /// The JSON key of the table.
    pub const fn key(self) -> &'static str {
        match self {
            TableId::Proactive => "proactive",
            TableId::Requests => "requests",
            TableId::Appeals => "appeals",
        }
    }
    /// The short name people use for the table.
    pub const fn short_name(self) -> &'static str {
        match self {
            TableId::Proactive => "表二",
            TableId::Requests => "表三",
            TableId::Appeals => "表四",
        }
    }
    /// The section heading the table sits under (2021 format).
    pub fn heading(self) -> &'static str {
        Section::of_table(self).heading(Edition::V2021)
    }
    /// The English name of the table.
    pub const fn english_name(self) -> &'static str {
        match self {
            TableId::Proactive => "Table 2 (proactive disclosure)",
            TableId::Requests => "Table 3 (applications)",
            TableId::Appeals => "Table 4 (review and litigation)",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_within_each_table() {
        let mut keys: Vec<_> = RequestRow::ALL.iter().map(|r| r.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), RequestRow::ALL.len());
        for item in ProactiveItem::ALL {
            let mut cols: Vec<_> = item.def().columns.iter().map(|c| c.key()).collect();
            cols.sort_unstable();
            cols.dedup();
            assert_eq!(cols.len(), item.def().columns.len(), "{}", item.key());
        }
    }

    #[test]
    fn the_2021_layout_has_25_rows_and_the_2019_layout_23() {
        assert_eq!(RequestRow::in_edition(Edition::V2021).count(), 25);
        assert_eq!(RequestRow::in_edition(Edition::V2019).count(), 23);
    }

    #[test]
    fn each_item_has_columns_in_each_of_its_editions() {
        for edition in Edition::ALL {
            for item in ProactiveItem::in_edition(edition) {
                assert!(
                    item.columns_in(edition).count() > 0,
                    "{} {}",
                    item.key(),
                    edition.key()
                );
            }
        }
        let cols: Vec<_> = ProactiveItem::Fees
            .columns_in(Edition::V2021)
            .map(|c| c.key())
            .collect();
        assert_eq!(cols, ["amount"]);
    }

    #[test]
    fn each_edition_has_labels_the_other_lacks() {
        let marks_2019 = edition_marks(Edition::V2019);
        let marks_2021 = edition_marks(Edition::V2021);
        for mark in [
            "本年增/减",
            "本年新制作数量",
            "其他对外管理服务事项",
            "政府集中采购",
        ] {
            assert!(marks_2019.contains(&mark), "{mark}");
        }
        assert!(marks_2021.contains(&"本年制发件数"));
        assert!(!marks_2019.contains(&"规范性文件"));
        assert!(!marks_2019.contains(&"处理决定数量"));
    }

    #[test]
    fn editions_follow_the_report_year() {
        assert_eq!(Edition::for_year(2018), None);
        assert_eq!(Edition::for_year(2020), Some(Edition::V2019));
        assert_eq!(Edition::for_year(2021), Some(Edition::V2021));
    }
}
