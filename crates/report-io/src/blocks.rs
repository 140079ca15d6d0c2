//! What every import front end produces: paragraphs and table rows, with their sources.

pub use report_core::Source;

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
        /// Which positions a merged cell covers without starting there (`colspan`, `rowspan`,
        /// `w:gridSpan`, `w:vMerge`): empty text that is no blank cell of its own. Empty where
        /// the document does not say (text formats).
        covered: Vec<bool>,
        /// Whether the row's numbers were printed over several lines (a number wrapped in its
        /// narrow cell, "3001" as "300" over "1"): which number is in which cell cannot be
        /// told, so none is read.
        wrapped: bool,
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
            covered: Vec::new(),
            wrapped: false,
        }
    }

    /// A table row laid on a grid of merged cells: `covered` marks the positions a merged cell
    /// covers without starting there.
    pub fn merged_row(cells: Vec<String>, covered: Vec<bool>, source: Source) -> Block {
        Block::Row {
            cells,
            source,
            run_together: false,
            covered,
            wrapped: false,
        }
    }

    /// A row of numbers that may run together ("640020470"), after its label.
    pub fn run_row(cells: Vec<String>, source: Source) -> Block {
        Block::Row {
            cells,
            source,
            run_together: true,
            covered: Vec::new(),
            wrapped: false,
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
