//! A table of cells laid out by the official format.
//!
//! [`Table`] is generic over a [`TableLayout`] — 表二, 表三 or 表四 — and stores which rows and
//! columns the report prints. A row or column that is absent is not the same as one whose cells
//! are blank: the first is a layout defect (H8), the second missing data (H5). JSON reading and
//! writing are driven by the layout, so the keys accepted are exactly those of `layout.rs`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::cell::{Cell, CellSeed};
use crate::layout::{
    AppealGroup, Applicant, CellKind, Edition, Labels, Outcome, ProactiveColumn, ProactiveItem,
    RequestRow, TableId,
};

/// How a table's rows and columns are named and which columns each row has.
pub trait TableLayout: 'static {
    /// The row key type.
    type Row: Copy + Eq + Ord + fmt::Debug + 'static;
    /// The column key type.
    type Col: Copy + Eq + Ord + fmt::Debug + 'static;
    /// Which table this is.
    const ID: TableId;
    /// Every row, in printed order, across both editions.
    fn rows() -> &'static [Self::Row];
    /// The number of distinct column keys.
    fn column_count() -> usize;
    /// The columns of `row`, in printed order, across both editions.
    fn columns(row: Self::Row) -> &'static [Self::Col];
    /// The position of a row in [`TableLayout::rows`].
    fn row_index(row: Self::Row) -> usize;
    /// The position of a column among all column keys.
    fn col_index(col: Self::Col) -> usize;
    /// The JSON key of a row.
    fn row_key(row: Self::Row) -> &'static str;
    /// The JSON key of a column.
    fn col_key(col: Self::Col) -> &'static str;
    /// What the cells of `col` hold.
    fn col_kind(col: Self::Col) -> CellKind;
    /// The verbatim labels of a row.
    fn row_labels(row: Self::Row) -> Labels;
    /// The verbatim labels of a column.
    fn col_labels(col: Self::Col) -> Labels;
    /// Whether `row` exists in `edition`.
    fn row_in_edition(row: Self::Row, edition: Edition) -> bool;
    /// Whether `col` exists in `edition` (within a row that exists).
    fn col_in_edition(col: Self::Col, edition: Edition) -> bool;
}

/// 表二 主动公开政府信息情况.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProactiveLayout;
/// 表三 收到和处理政府信息公开申请情况.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestsLayout;
/// 表四 政府信息公开行政复议、行政诉讼情况.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AppealsLayout;

impl TableLayout for ProactiveLayout {
    type Row = ProactiveItem;
    type Col = ProactiveColumn;
    const ID: TableId = TableId::Proactive;
    fn rows() -> &'static [ProactiveItem] {
        ProactiveItem::ALL
    }
    fn column_count() -> usize {
        ProactiveColumn::ALL.len()
    }
    fn columns(row: ProactiveItem) -> &'static [ProactiveColumn] {
        row.def().columns
    }
    fn row_index(row: ProactiveItem) -> usize {
        row.index()
    }
    fn col_index(col: ProactiveColumn) -> usize {
        col.index()
    }
    fn row_key(row: ProactiveItem) -> &'static str {
        row.key()
    }
    fn col_key(col: ProactiveColumn) -> &'static str {
        col.key()
    }
    fn col_kind(col: ProactiveColumn) -> CellKind {
        col.def().kind
    }
    fn row_labels(row: ProactiveItem) -> Labels {
        row.def().labels
    }
    fn col_labels(col: ProactiveColumn) -> Labels {
        col.def().labels
    }
    fn row_in_edition(row: ProactiveItem, edition: Edition) -> bool {
        row.def().labels.in_edition(edition)
    }
    fn col_in_edition(col: ProactiveColumn, edition: Edition) -> bool {
        col.def().labels.in_edition(edition)
    }
}

impl TableLayout for RequestsLayout {
    type Row = RequestRow;
    type Col = Applicant;
    const ID: TableId = TableId::Requests;
    fn rows() -> &'static [RequestRow] {
        RequestRow::ALL
    }
    fn column_count() -> usize {
        Applicant::ALL.len()
    }
    fn columns(_: RequestRow) -> &'static [Applicant] {
        Applicant::ALL
    }
    fn row_index(row: RequestRow) -> usize {
        row.index()
    }
    fn col_index(col: Applicant) -> usize {
        col.index()
    }
    fn row_key(row: RequestRow) -> &'static str {
        row.key()
    }
    fn col_key(col: Applicant) -> &'static str {
        col.key()
    }
    fn col_kind(col: Applicant) -> CellKind {
        col.def().kind
    }
    fn row_labels(row: RequestRow) -> Labels {
        row.def().labels
    }
    fn col_labels(col: Applicant) -> Labels {
        col.def().labels
    }
    fn row_in_edition(row: RequestRow, edition: Edition) -> bool {
        row.def().labels.in_edition(edition)
    }
    fn col_in_edition(col: Applicant, edition: Edition) -> bool {
        col.def().labels.in_edition(edition)
    }
}

impl TableLayout for AppealsLayout {
    type Row = AppealGroup;
    type Col = Outcome;
    const ID: TableId = TableId::Appeals;
    fn rows() -> &'static [AppealGroup] {
        AppealGroup::ALL
    }
    fn column_count() -> usize {
        Outcome::ALL.len()
    }
    fn columns(_: AppealGroup) -> &'static [Outcome] {
        Outcome::ALL
    }
    fn row_index(row: AppealGroup) -> usize {
        row.index()
    }
    fn col_index(col: Outcome) -> usize {
        col.index()
    }
    fn row_key(row: AppealGroup) -> &'static str {
        row.key()
    }
    fn col_key(col: Outcome) -> &'static str {
        col.key()
    }
    fn col_kind(col: Outcome) -> CellKind {
        col.def().kind
    }
    fn row_labels(row: AppealGroup) -> Labels {
        Labels::both(row.def().label)
    }
    fn col_labels(col: Outcome) -> Labels {
        col.def().labels
    }
    fn row_in_edition(_: AppealGroup, _: Edition) -> bool {
        true
    }
    fn col_in_edition(col: Outcome, edition: Edition) -> bool {
        col.def().labels.in_edition(edition)
    }
}

/// The cells a report prints in one table.
pub struct Table<L: TableLayout> {
    /// One entry per layout row: `None` when the report does not print the row; inside, one entry
    /// per column key: `None` when the row does not print that column.
    rows: Vec<Option<Vec<Option<Cell>>>>,
    layout: PhantomData<L>,
}

/// 表二 of a report.
pub type Proactive = Table<ProactiveLayout>;
/// 表三 of a report.
pub type Requests = Table<RequestsLayout>;
/// 表四 of a report.
pub type Appeals = Table<AppealsLayout>;

impl<L: TableLayout> Clone for Table<L> {
    fn clone(&self) -> Self {
        Table {
            rows: self.rows.clone(),
            layout: PhantomData,
        }
    }
}

impl<L: TableLayout> PartialEq for Table<L> {
    fn eq(&self, other: &Self) -> bool {
        self.rows == other.rows
    }
}

impl<L: TableLayout> Eq for Table<L> {}

impl<L: TableLayout> fmt::Debug for Table<L> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for &row in L::rows() {
            if let Some(cells) = self.row_cells(row) {
                let present: Vec<_> = L::columns(row)
                    .iter()
                    .filter_map(|&c| cells[L::col_index(c)].as_ref().map(|v| (L::col_key(c), v)))
                    .collect();
                map.entry(&L::row_key(row), &present);
            }
        }
        map.finish()
    }
}

impl<L: TableLayout> Default for Table<L> {
    fn default() -> Self {
        Self::empty()
    }
}

impl<L: TableLayout> Table<L> {
    /// A table that prints no rows at all.
    pub fn empty() -> Self {
        Table {
            rows: vec![None; L::rows().len()],
            layout: PhantomData,
        }
    }

    /// The table of `edition` with every row and column present and every cell blank.
    pub fn blank(edition: Edition) -> Self {
        let mut table = Self::empty();
        for &row in L::rows() {
            if L::row_in_edition(row, edition) {
                table.insert_row(row, edition);
            }
        }
        table
    }

    fn row_cells(&self, row: L::Row) -> Option<&Vec<Option<Cell>>> {
        self.rows[L::row_index(row)].as_ref()
    }

    /// Adds `row` with the columns of `edition`, all blank, unless it is already there.
    pub fn insert_row(&mut self, row: L::Row, edition: Edition) {
        let slot = &mut self.rows[L::row_index(row)];
        if slot.is_none() {
            let mut cells = vec![None; L::column_count()];
            for &col in L::columns(row) {
                if L::col_in_edition(col, edition) {
                    cells[L::col_index(col)] = Some(Cell::Blank);
                }
            }
            *slot = Some(cells);
        }
    }

    /// Removes a row from the table.
    pub fn remove_row(&mut self, row: L::Row) {
        self.rows[L::row_index(row)] = None;
    }

    /// Whether the report prints `row`.
    pub fn has_row(&self, row: L::Row) -> bool {
        self.row_cells(row).is_some()
    }

    /// The cell at `row`, `col`, or `None` when the report does not print that cell at all.
    pub fn cell(&self, row: L::Row, col: L::Col) -> Option<&Cell> {
        self.row_cells(row)?[L::col_index(col)].as_ref()
    }

    /// The count at `row`, `col`, when the cell holds a valid count.
    pub fn count(&self, row: L::Row, col: L::Col) -> Option<u64> {
        self.cell(row, col).and_then(Cell::count)
    }

    /// Sets a cell, adding its row and column when the report did not print them.
    pub fn set(&mut self, row: L::Row, col: L::Col, cell: Cell) {
        let cells =
            self.rows[L::row_index(row)].get_or_insert_with(|| vec![None; L::column_count()]);
        cells[L::col_index(col)] = Some(cell);
    }

    /// Removes a column from a row (the report does not print it).
    pub fn remove_cell(&mut self, row: L::Row, col: L::Col) {
        if let Some(cells) = self.rows[L::row_index(row)].as_mut() {
            cells[L::col_index(col)] = None;
        }
    }

    /// The rows the report prints, in order.
    pub fn present_rows(&self) -> impl Iterator<Item = L::Row> + '_ {
        L::rows().iter().copied().filter(|&r| self.has_row(r))
    }

    /// Every printed cell with its row and column, in printed order.
    pub fn cells(&self) -> impl Iterator<Item = (L::Row, L::Col, &Cell)> + '_ {
        self.present_rows().flat_map(move |row| {
            L::columns(row)
                .iter()
                .filter_map(move |&col| self.cell(row, col).map(|c| (row, col, c)))
        })
    }

    /// Every printed cell, mutably.
    pub fn cells_mut(&mut self) -> impl Iterator<Item = &mut Cell> + '_ {
        self.rows
            .iter_mut()
            .flatten()
            .flat_map(|cells| cells.iter_mut().flatten())
    }
}

impl<L: TableLayout> Serialize for Table<L> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for row in self.present_rows() {
            map.serialize_entry(L::row_key(row), &RowRef::<L> { table: self, row })?;
        }
        map.end()
    }
}

struct RowRef<'a, L: TableLayout> {
    table: &'a Table<L>,
    row: L::Row,
}

impl<L: TableLayout> Serialize for RowRef<'_, L> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for &col in L::columns(self.row) {
            if let Some(cell) = self.table.cell(self.row, col) {
                map.serialize_entry(L::col_key(col), cell)?;
            }
        }
        map.end()
    }
}

fn expected_keys<'a>(keys: impl Iterator<Item = &'a str>) -> String {
    keys.map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A map key looked up among known keys as it is read, without copying it.
enum Key<T> {
    Known(T),
    Unknown(String),
}

struct KeySeed<F>(F);

impl<'de, T, F: Fn(&str) -> Option<T>> DeserializeSeed<'de> for KeySeed<F> {
    type Value = Key<T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, T, F: Fn(&str) -> Option<T>> Visitor<'de> for KeySeed<F> {
    type Value = Key<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key<T>, E> {
        Ok(match (self.0)(key) {
            Some(found) => Key::Known(found),
            None => Key::Unknown(key.to_owned()),
        })
    }
}

impl<'de, L: TableLayout> Deserialize<'de> for Table<L> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(TableVisitor::<L>(PhantomData))
    }
}

struct TableVisitor<L>(PhantomData<L>);

impl<'de, L: TableLayout> Visitor<'de> for TableVisitor<L> {
    type Value = Table<L>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object with the rows of {}", L::ID.key())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Table<L>, A::Error> {
        let mut table = Table::<L>::empty();
        let lookup = |key: &str| L::rows().iter().copied().find(|&r| L::row_key(r) == key);
        while let Some(key) = map.next_key_seed(KeySeed(lookup))? {
            let row = match key {
                Key::Known(row) => row,
                Key::Unknown(key) => {
                    return Err(de::Error::custom(format_args!(
                        "unknown field `{key}`, expected one of {}",
                        expected_keys(L::rows().iter().map(|&r| L::row_key(r)))
                    )))
                }
            };
            if table.has_row(row) {
                return Err(de::Error::custom(format_args!(
                    "duplicate field `{}`",
                    L::row_key(row)
                )));
            }
            let cells = map.next_value_seed(RowSeed::<L> {
                row,
                layout: PhantomData,
            })?;
            table.rows[L::row_index(row)] = Some(cells);
        }
        Ok(table)
    }
}

struct RowSeed<L: TableLayout> {
    row: L::Row,
    layout: PhantomData<L>,
}

impl<'de, L: TableLayout> DeserializeSeed<'de> for RowSeed<L> {
    type Value = Vec<Option<Cell>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, L: TableLayout> Visitor<'de> for RowSeed<L> {
    type Value = Vec<Option<Cell>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "an object with the cells of row `{}`",
            L::row_key(self.row)
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut cells = vec![None; L::column_count()];
        let columns = L::columns(self.row);
        let lookup = |key: &str| columns.iter().copied().find(|&c| L::col_key(c) == key);
        while let Some(key) = map.next_key_seed(KeySeed(lookup))? {
            let col = match key {
                Key::Known(col) => col,
                Key::Unknown(key) => {
                    return Err(de::Error::custom(format_args!(
                        "unknown field `{key}`, expected one of {}",
                        expected_keys(columns.iter().map(|&c| L::col_key(c)))
                    )))
                }
            };
            let slot = &mut cells[L::col_index(col)];
            if slot.is_some() {
                return Err(de::Error::custom(format_args!(
                    "duplicate field `{}`",
                    L::col_key(col)
                )));
            }
            *slot = Some(map.next_value_seed(CellSeed(L::col_kind(col)))?);
        }
        Ok(cells)
    }
}
