//! What every import front end produces: paragraphs and table rows, with their sources.

use serde::Serialize;

/// Where something came from in the imported document.
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The line (1-based) of a text document.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub line: Option<usize>,
    /// The table (1-based, in document order) of an HTML or Word document.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub table: Option<usize>,
    /// The row (1-based) within the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub row: Option<usize>,
    /// The column (1-based) within the row, counting merged cells as the grid does.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub column: Option<usize>,
}

impl Source {
    /// A line of a text document.
    pub fn line(line: usize) -> Source {
        Source {
            line: Some(line),
            ..Source::default()
        }
    }

    /// A row of a table.
    pub fn table_row(table: usize, row: usize) -> Source {
        Source {
            table: Some(table),
            row: Some(row),
            ..Source::default()
        }
    }

    /// The same place, narrowed to a column (1-based).
    pub fn column(self, column: usize) -> Source {
        Source {
            column: Some(column),
            ..self
        }
    }

    /// A Chinese description, e.g. "第 12 行" or "第 2 个表格第 5 行第 4 列".
    pub fn describe_zh(&self) -> String {
        let mut out = String::new();
        if let Some(table) = self.table {
            out.push_str(&format!("第 {table} 个表格"));
        }
        if let Some(line) = self.line {
            out.push_str(&format!("第 {line} 行"));
        } else if let Some(row) = self.row {
            out.push_str(&format!("第 {row} 行"));
        }
        if let Some(column) = self.column {
            out.push_str(&format!("第 {column} 列"));
        }
        out
    }
}

/// A piece of a document, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph or line of text.
    Para {
        /// The text.
        text: String,
        /// Where it came from.
        source: Source,
    },
    /// A table row.
    Row {
        /// The cells, merged cells expanded to the grid (covered positions empty).
        cells: Vec<String>,
        /// Where the row came from; a cell's source adds its column.
        source: Source,
        /// Whether the numbers of the row may run together with no separator ("640020470").
        run_together: bool,
    },
}

impl Block {
    /// A paragraph.
    pub fn para(text: impl Into<String>, source: Source) -> Block {
        Block::Para {
            text: text.into(),
            source,
        }
    }

    /// A table row whose cells are separated.
    pub fn row(cells: Vec<String>, source: Source) -> Block {
        Block::Row {
            cells,
            source,
            run_together: false,
        }
    }

    /// The source of the block.
    pub fn source(&self) -> Source {
        match self {
            Block::Para { source, .. } | Block::Row { source, .. } => *source,
        }
    }

    /// The text of a paragraph, or the cells of a row joined by spaces.
    pub fn text(&self) -> String {
        match self {
            Block::Para { text, .. } => text.clone(),
            Block::Row { cells, .. } => cells.join(" "),
        }
    }
}
