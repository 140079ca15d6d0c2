//! Where something came from in a document a report was read from: a line of a text, or a
//! table, row and column of a web page or a Word document. Import diagnostics say where they
//! are, and so do rule diagnostics about a report that was imported.

use serde::Serialize;

/// Where something came from in the imported document.
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The page (1-based) of a PDF file.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub page: Option<usize>,
    /// The line (1-based) of a text document; in a PDF, the line of its page.
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
        if let Some(page) = self.page {
            out.push_str(&format!("第 {page} 页"));
        }
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
