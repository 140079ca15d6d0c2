//! Import diagnostics: what could not be read, in the same shape as the rules' diagnostics.

use report_core::Severity;
use serde::Serialize;

use crate::blocks::Source;

/// What went wrong reading a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum ImportProblem {
    /// A table was not found.
    MissingTable,
    /// A table row's label matches no row of the format; its numbers were not used.
    UnrecognisedRow,
    /// A row's numbers could not be placed in its cells.
    UnreadableRow,
    /// Numbers run together split into cells in more than one way that every rule accepts.
    AmbiguousCell,
    /// A section heading was not found.
    MissingHeading,
    /// The report year or the agency could not be found in the title.
    MissingTitle,
    /// A section heading is printed with a variant or typo.
    HeadingVariant,
}

impl ImportProblem {
    /// The stable code.
    pub const fn code(self) -> &'static str {
        match self {
            ImportProblem::MissingTable => "I1",
            ImportProblem::UnrecognisedRow => "I2",
            ImportProblem::UnreadableRow => "I3",
            ImportProblem::AmbiguousCell => "I4",
            ImportProblem::MissingHeading => "I5",
            ImportProblem::MissingTitle => "I6",
            ImportProblem::HeadingVariant => "I7",
        }
    }

    /// The stable name.
    pub const fn name(self) -> &'static str {
        match self {
            ImportProblem::MissingTable => "missing-table",
            ImportProblem::UnrecognisedRow => "unrecognised-row",
            ImportProblem::UnreadableRow => "unreadable-row",
            ImportProblem::AmbiguousCell => "ambiguous-cell",
            ImportProblem::MissingHeading => "missing-heading",
            ImportProblem::MissingTitle => "missing-title",
            ImportProblem::HeadingVariant => "heading-variant",
        }
    }

    /// How serious it is: whatever leaves cells unknown is an error.
    pub const fn severity(self) -> Severity {
        match self {
            ImportProblem::MissingTable
            | ImportProblem::UnreadableRow
            | ImportProblem::AmbiguousCell => Severity::Error,
            ImportProblem::UnrecognisedRow
            | ImportProblem::MissingHeading
            | ImportProblem::MissingTitle => Severity::Warning,
            ImportProblem::HeadingVariant => Severity::Info,
        }
    }
}

/// One import diagnostic. Serialised with the fields of a rule diagnostic (`code`, `rule`,
/// `severity`, `message`, `cells`), plus the `candidates` of an ambiguous cell and the `source`.
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImportDiagnostic {
    /// The stable code, `I1`…`I7`.
    pub code: &'static str,
    /// The stable name.
    pub rule: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong, in Chinese.
    pub message: String,
    /// The cells concerned, as JSON Pointers into the imported report.
    pub cells: Vec<String>,
    /// For an ambiguous cell: every value it may hold, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "typescript", ts(optional, as = "Option<Vec<String>>"))]
    pub candidates: Vec<String>,
    /// Where in the document it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub source: Option<Source>,
    /// What went wrong.
    #[serde(skip)]
    pub problem: ImportProblem,
}

impl ImportDiagnostic {
    /// A diagnostic of `problem` with `message`.
    pub fn new(problem: ImportProblem, message: impl Into<String>) -> ImportDiagnostic {
        ImportDiagnostic {
            code: problem.code(),
            rule: problem.name(),
            severity: problem.severity(),
            message: message.into(),
            cells: Vec::new(),
            candidates: Vec::new(),
            source: None,
            problem,
        }
    }

    /// Names the cells concerned.
    pub fn cells(mut self, cells: Vec<String>) -> Self {
        self.cells = cells;
        self
    }

    /// Says where in the document.
    pub fn at(mut self, source: Source) -> Self {
        self.source = Some(source);
        let place = source.describe_zh();
        if !place.is_empty() && !self.message.starts_with('第') {
            self.message = format!("{place}：{}", self.message);
        }
        self
    }

    /// Lists the candidates of an ambiguous cell.
    pub fn candidates(mut self, candidates: Vec<String>) -> Self {
        self.candidates = candidates;
        self
    }
}
