//! What the rules find, and the diagnostics people and programs read.
//!
//! Rules return typed [`Finding`]s: the cells involved, the reported value, the computed value.
//! The engine turns each into a [`Diagnostic`] with the rule's code and severity and a message in
//! the requested language (see `message.rs`); nothing else writes message text.

use serde::{Serialize, Serializer};

use crate::equation::{Bound, Equation};
use crate::layout::ProseField;
use crate::layout::{Edition, TableId};
use crate::place::Place;
use crate::prose::Statement;
use crate::report::AgencyLevel;
use crate::source::Source;

/// How serious a diagnostic is.
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The report is wrong: an official consistency rule is broken.
    Error,
    /// The report is probably wrong or will be marked down; a person should look.
    Warning,
    /// Worth knowing, nothing to fix yet (for example a sum that blanks make unverifiable).
    Info,
}

impl Severity {
    /// The Chinese name of the severity.
    pub const fn zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
    /// The English name of the severity.
    pub const fn en(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// The language of messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Chinese (the default).
    #[default]
    Zh,
    /// English.
    En,
}

/// What a value in a cell is wrong with (H6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueProblem {
    /// A negative number where only non-negative ones are allowed.
    Negative,
    /// A number with a fractional part where a whole number is required.
    NotWhole,
    /// Something that is not a number at all.
    NotANumber,
}

/// A defect of the report's layout (H8).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LayoutProblem {
    /// The edition does not match the report year.
    EditionForYear {
        /// The report year.
        year: u16,
        /// The edition the report uses.
        edition: Edition,
        /// The edition the year calls for, if the year had a national table at all.
        expected: Option<Edition>,
    },
    /// A 2021-format report prints （六）其他处理 as one row.
    CollapsedOtherProcessing,
    /// A report prints （六）其他处理 both as one row and split into its three rows.
    DoubleOtherProcessing,
    /// Rows of the edition that the report does not print.
    MissingRows {
        /// The table.
        table: TableId,
        /// The missing rows.
        rows: Vec<Place>,
    },
    /// Cells of printed rows that the report does not print.
    MissingCells {
        /// The table.
        table: TableId,
        /// The missing cells.
        cells: Vec<Place>,
    },
}

/// A prose statement that disagrees with the tables (S1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProseMismatch {
    /// What the statement is about.
    pub statement: Statement,
    /// The sentence the number was read from.
    pub quote: String,
    /// The number the prose states.
    pub stated: u64,
    /// What the tables give (the sum of their filled cells).
    pub table: i128,
    /// Whether some cell of the table side is blank (then `table` is only a lower bound).
    pub table_incomplete: bool,
    /// The percentage the prose states next to the number, if any, and what the tables give.
    pub percent: Option<(String, String)>,
    /// Whether the number itself agrees (only the percentage may be off).
    pub count_agrees: bool,
    /// The filled table cells the statement was compared with.
    pub cells: Vec<Place>,
    /// What the stated number does equal, when it is not what it says.
    pub equals: Option<Equals>,
}

/// What a prose number that disagrees with its row does equal (S1): where it was likely taken
/// from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Equals {
    /// One applicant column of the rows, added up (a column copied, not the total).
    Column(crate::layout::Applicant),
    /// A single cell.
    Cell(Place),
    /// The same figure in last year's report.
    LastYear,
}

/// Results listed in the prose that do not add up to the total it states (S1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breakdown {
    /// The section.
    pub field: ProseField,
    /// The total stated ("答复…X件").
    pub total: u64,
    /// The listed results added up.
    pub parts: u64,
    /// Their stated percentages added up, as written (when each part gives one).
    pub percent: Option<String>,
    /// The sentence listing them.
    pub quote: String,
}

/// A problem with how 六 reports fees (S3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeeProblem {
    /// Applications were dropped for unpaid fees, or 六 mentions fees, but no amount is stated.
    AmountNotStated {
        /// Applications dropped for unpaid fees.
        unpaid: Option<u64>,
    },
    /// 信息处理费 stated in 万元, the unit of 表二's 行政事业性收费.
    WrongUnit,
    /// The 信息处理费 stated equals 表二's 行政事业性收费, which is a different thing.
    SameAsAdministrativeFees {
        /// The amount both state.
        amount: String,
    },
}

/// What a sweeping claim of the prose says (S8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Claim {
    /// Every 行政复议 or 行政诉讼 was upheld ("均获维持").
    AllUpheld,
    /// No 行政诉讼 was lost ("零败诉").
    NoLitigationLost,
    /// No decision was corrected ("零纠错").
    NoCorrection,
    /// Every application was concluded ("均已办结", "办结率100%").
    AllConcluded,
    /// No 行政复议 was brought ("未发生行政复议").
    NoReview,
    /// No 行政诉讼 was brought ("未发生行政诉讼").
    NoLitigation,
}

/// A claim of the prose that the tables contradict (S8).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimProblem {
    /// What the prose claims.
    pub claim: Claim,
    /// The section saying it.
    pub field: ProseField,
    /// The sentence.
    pub quote: String,
    /// The table cells that contradict it (those with a count above 0).
    pub cells: Vec<Place>,
    /// Their sum.
    pub count: u64,
}

/// A problem with section 五 (S5).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanProblem {
    /// 五 is missing or empty.
    Missing,
    /// 五 is too short or template text.
    Boilerplate {
        /// The number of characters of substance.
        chars: usize,
    },
    /// 五 plans for a year other than the next one.
    WrongYear {
        /// The year it plans for.
        found: u16,
        /// The year it should plan for.
        expected: u16,
        /// The sentence.
        quote: String,
    },
}

/// A problem with the publication date (S7).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Published (or signed) after the legal deadline.
    Late {
        /// The deadline.
        deadline: crate::report::Date,
        /// When it was published, or signed.
        published: crate::report::Date,
        /// Whether the deadline is that of a government's own report (31 March).
        government: bool,
        /// When the date is the one the report is signed with at its end (落款日期), not its
        /// publication date: the prose field it closes.
        signed: Option<ProseField>,
    },
    /// Published (or signed) before the year it covers had ended.
    Early {
        /// When it was published, or signed.
        published: crate::report::Date,
        /// When the date is the one the report is signed with at its end: the field it closes.
        signed: Option<ProseField>,
    },
}

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
    /// Numbers run together were split by last year's report (表二's 现行有效件数 carried on).
    SettledByPrevious,
    /// Cells inferred rather than read apart, to compare with the original: numbers run together
    /// split one way once the table's arithmetic (or the prose) ruled out the others, or a PDF
    /// row's numbers put in their columns by their alignment with the header.
    Inferred,
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
            ImportProblem::SettledByPrevious => "I8",
            ImportProblem::Inferred => "I9",
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
            ImportProblem::SettledByPrevious => "settled-by-previous",
            ImportProblem::Inferred => "inferred-cells",
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
            ImportProblem::HeadingVariant
            | ImportProblem::SettledByPrevious
            | ImportProblem::Inferred => Severity::Info,
        }
    }

    /// A short Chinese title, as a rule's `title_zh`.
    pub const fn title_zh(self) -> &'static str {
        match self {
            ImportProblem::MissingTable => "没有找到表格",
            ImportProblem::UnrecognisedRow => "表格中有认不出的行",
            ImportProblem::UnreadableRow => "一行的数字无法对应到单元格",
            ImportProblem::AmbiguousCell => "连在一起的数字有多种拆法",
            ImportProblem::MissingHeading => "没有找到章节标题",
            ImportProblem::MissingTitle => "标题中没有找到年度或机关",
            ImportProblem::HeadingVariant => "章节标题写法与官方格式不同",
            ImportProblem::SettledByPrevious => "连在一起的数字按上年报告拆分",
            ImportProblem::Inferred => "单元格为推断所得，需对照原文",
        }
    }

    /// Every import problem, in the order of their codes.
    pub const ALL: [ImportProblem; 9] = [
        ImportProblem::MissingTable,
        ImportProblem::UnrecognisedRow,
        ImportProblem::UnreadableRow,
        ImportProblem::AmbiguousCell,
        ImportProblem::MissingHeading,
        ImportProblem::MissingTitle,
        ImportProblem::HeadingVariant,
        ImportProblem::SettledByPrevious,
        ImportProblem::Inferred,
    ];
}

/// What a rule found, before it is put into words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// An equation between cells does not hold.
    Imbalance {
        /// Which equation.
        equation: Equation,
        /// Every cell of the equation, primary first.
        cells: Vec<Place>,
        /// What the parts side gives.
        expected: i128,
        /// What the total side says.
        actual: i128,
        /// Whether the figures are exact or bounds.
        bound: Bound,
    },
    /// Equations that blanks make unverifiable.
    Incomplete {
        /// The equations, in order.
        equations: Vec<Equation>,
        /// The total cell of each.
        cells: Vec<Place>,
    },
    /// Blank cells (H5).
    Blanks {
        /// The table.
        table: TableId,
        /// The blank cells.
        cells: Vec<Place>,
    },
    /// Cells holding a mark such as "/" or "无" instead of a number (H5).
    Placeholders {
        /// The table.
        table: TableId,
        /// The cells and what they hold.
        cells: Vec<(Place, String)>,
    },
    /// A cell whose value is of the wrong type (H6).
    BadValue {
        /// The cell.
        cell: Place,
        /// What it holds.
        text: String,
        /// What is wrong.
        problem: ValueProblem,
    },
    /// A layout defect (H8).
    Layout(LayoutProblem),
    /// Last year's report is not the report of the year before (H7, S2, S6 cannot compare).
    PreviousYear {
        /// The year last year's report should cover.
        expected: u16,
        /// The year it covers.
        found: u16,
    },
    /// Prose that disagrees with the tables (S1).
    Prose(ProseMismatch),
    /// Results listed in the prose that do not add up to its total (S1).
    Breakdown(Breakdown),
    /// Fees reported wrongly (S3).
    Fees(FeeProblem),
    /// 规章 reported by an agency that cannot make them (S4).
    RegulationsAtLevel {
        /// The agency's level.
        level: AgencyLevel,
        /// The cells with a non-zero count.
        cells: Vec<Place>,
    },
    /// Section 五 is empty, boilerplate, or plans for the wrong year (S5).
    Plan(PlanProblem),
    /// The prose is largely the same as last year's (S6).
    Duplication {
        /// The share of this year's prose found in last year's, in percent.
        percent: u32,
        /// The first prose field of the report, where the finding is shown.
        field: ProseField,
    },
    /// The publication date (S7).
    Publication(DateProblem),
    /// A section of 一 gives an account of another year than the report's (S11).
    ProseYear {
        /// The section.
        field: ProseField,
        /// The year it speaks of.
        found: u16,
        /// The sentence.
        quote: String,
    },
    /// A sweeping claim of the prose that the tables contradict (S8).
    Claim(ClaimProblem),
    /// Tables the same as last year's, cell for cell (S9).
    CopiedTables {
        /// The tables.
        tables: Vec<crate::layout::TableId>,
        /// A cell of each, where the finding is shown.
        cells: Vec<Place>,
    },
    /// A cell of a roll-up that is not the sum of its units' ([`crate::aggregate::roll_up`]).
    RollUp {
        /// The cell.
        cell: Place,
        /// What the roll-up states.
        stated: String,
        /// What the units add up to.
        units: String,
        /// How many units.
        count: usize,
    },
    /// The report is alike another agency's of the same batch ([`crate::similar`]).
    Alike {
        /// The other report's file.
        other: String,
        /// The other report's agency.
        agency: String,
        /// The tables the same, count for count.
        tables: Vec<TableId>,
        /// The share of the prose the same, when largely the same.
        prose_percent: Option<u32>,
    },
    /// A 纠错率 far above the other reports' of the batch (B2).
    CorrectionRate {
        /// The 结果纠正 cells.
        cells: Vec<Place>,
        /// The kind of case, in Chinese (行政复议, 行政诉讼).
        kind: &'static str,
        /// Results corrected.
        corrected: u64,
        /// Results decided.
        decided: u64,
        /// The other reports' results corrected.
        others_corrected: u64,
        /// The other reports' results decided.
        others_decided: u64,
    },
    /// A main count changed five-fold or more from last year's (S10).
    YearOnYear {
        /// The cell.
        cell: Place,
        /// This year's count.
        this_year: u64,
        /// Last year's.
        last_year: u64,
    },
    /// Something of the document could not be read (an importer's finding, I1–I7). Its places
    /// are those the diagnostic names.
    Import(ImportProblem),
}

impl Finding {
    /// The places the finding names, primary first.
    pub fn places(&self) -> Vec<Place> {
        use crate::place::MetaField;
        match self {
            Finding::Imbalance { cells, .. }
            | Finding::Incomplete { cells, .. }
            | Finding::Blanks { cells, .. } => cells.clone(),
            Finding::Placeholders { cells, .. } => cells.iter().map(|(p, _)| *p).collect(),
            Finding::BadValue { cell, .. } => vec![*cell],
            Finding::Layout(problem) => match problem {
                LayoutProblem::EditionForYear { .. } => vec![Place::Meta(MetaField::Edition)],
                LayoutProblem::CollapsedOtherProcessing => {
                    vec![Place::Requests(crate::layout::RequestRow::Other, None)]
                }
                LayoutProblem::DoubleOtherProcessing => {
                    let mut rows = vec![Place::Requests(crate::layout::RequestRow::Other, None)];
                    rows.extend(
                        crate::layout::RequestRow::OTHER_SPLIT.map(|r| Place::Requests(r, None)),
                    );
                    rows
                }
                LayoutProblem::MissingRows { rows, .. } => rows.clone(),
                LayoutProblem::MissingCells { cells, .. } => cells.clone(),
            },
            Finding::PreviousYear { .. } => vec![Place::Meta(MetaField::Year)],
            Finding::Prose(mismatch) => mismatch.cells.clone(),
            Finding::Breakdown(b) => vec![Place::Prose(b.field)],
            Finding::Fees(_) => vec![Place::Prose(ProseField::OtherMatters)],
            Finding::RegulationsAtLevel { cells, .. } => cells.clone(),
            Finding::Plan(_) => vec![Place::Prose(ProseField::Problems)],
            Finding::Duplication { field, .. } => vec![Place::Prose(*field)],
            Finding::Publication(
                DateProblem::Late {
                    signed: Some(field),
                    ..
                }
                | DateProblem::Early {
                    signed: Some(field),
                    ..
                },
            ) => vec![Place::Prose(*field)],
            Finding::Publication(_) => vec![Place::Meta(MetaField::Published)],
            Finding::ProseYear { field, .. } => vec![Place::Prose(*field)],
            Finding::CopiedTables { cells, .. } => cells.clone(),
            Finding::Alike { .. } => vec![Place::Meta(MetaField::Agency)],
            Finding::CorrectionRate { cells, .. } => cells.clone(),
            Finding::YearOnYear { cell, .. } | Finding::RollUp { cell, .. } => vec![*cell],
            Finding::Claim(problem) => std::iter::once(Place::Prose(problem.field))
                .chain(problem.cells.iter().copied())
                .collect(),
            Finding::Import(_) => Vec::new(),
        }
    }

    /// Findings that are only informative whatever their rule's severity.
    pub fn is_informative(&self) -> bool {
        matches!(
            self,
            Finding::Incomplete { .. } | Finding::PreviousYear { .. }
        )
    }
}

/// A diagnostic: one finding of one rule, in words, with the cells it names.
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The rule's stable code, e.g. `H4`.
    pub code: &'static str,
    /// The rule's stable name, e.g. `appeal-total`.
    pub rule: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong, in the requested language.
    pub message: String,
    /// Every cell (or field) involved, as JSON Pointers, primary first.
    pub cells: Vec<String>,
    /// For arithmetic rules: the value the other cells of the equation give.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "number")]
    #[cfg_attr(feature = "typescript", ts(optional, type = "number | string"))]
    pub expected: Option<i128>,
    /// For arithmetic rules: the value the report states.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "number")]
    #[cfg_attr(feature = "typescript", ts(optional, type = "number | string"))]
    pub actual: Option<i128>,
    /// For arithmetic rules: `actual − expected`.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "number")]
    #[cfg_attr(feature = "typescript", ts(optional, type = "number | string"))]
    pub difference: Option<i128>,
    /// When a row rule and a column rule both fail through one cell: that cell.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub likely_culprit: Option<String>,
    /// The cells a form or a published page marks for this diagnostic, as JSON Pointers: the
    /// same cells in every front end; absent when it marks none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "typescript", ts(optional, as = "Option<Vec<String>>"))]
    pub marks: Vec<String>,
    /// For a cell whose numbers run together (I4): every value it may hold, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "typescript", ts(optional, as = "Option<Vec<String>>"))]
    pub candidates: Vec<String>,
    /// Where in the imported document it is: for an import diagnostic the place it read, for a
    /// rule's the place its first cell was read from.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub source: Option<Source>,
    /// The places named, primary first (the same as `cells`, typed).
    #[serde(skip)]
    pub places: Vec<Place>,
    /// What the rule found.
    #[serde(skip)]
    pub finding: Finding,
    /// The likely culprit, typed.
    #[serde(skip)]
    pub culprit: Option<Place>,
}

/// Writes a figure as a JSON number when it is exact in every JSON reader (|n| < 2^53), and as a
/// string otherwise, so that no reader silently rounds it.
fn number<S: Serializer>(value: &Option<i128>, serializer: S) -> Result<S::Ok, S::Error> {
    const SAFE: i128 = 1 << 53;
    match value {
        Some(n) if n.abs() < SAFE => serializer.serialize_i64(*n as i64),
        Some(n) => serializer.collect_str(n),
        None => serializer.serialize_none(),
    }
}

impl Diagnostic {
    /// The prose the diagnostic is about, if any: the field and, where the rule read one, the
    /// sentence as it quotes it (normalised: find it in the text with [`crate::prose::locate`]).
    pub fn passage(&self) -> Option<(ProseField, Option<&str>)> {
        match &self.finding {
            Finding::Prose(m) => Some((m.statement.field, Some(m.quote.as_str()))),
            Finding::Breakdown(b) => Some((b.field, Some(b.quote.as_str()))),
            Finding::Claim(c) => Some((c.field, Some(c.quote.as_str()))),
            Finding::ProseYear { field, quote, .. } => Some((*field, Some(quote.as_str()))),
            Finding::Plan(PlanProblem::WrongYear { quote, .. }) => {
                Some((ProseField::Problems, Some(quote.as_str())))
            }
            _ => self.places.iter().find_map(|p| match p {
                Place::Prose(field) => Some((*field, None)),
                _ => None,
            }),
        }
    }

    /// The table the diagnostic is about, if any.
    pub fn table(&self) -> Option<TableId> {
        self.places.first().and_then(Place::table)
    }

    /// The cells a form or a published page marks for this diagnostic, for every front end
    /// alike: none for a note, for blanks (H5, shown as blanks instead) or for sums that blanks
    /// leave unverifiable; for a broken equation the cell that states its result (its first
    /// cell) and the likely culprit; otherwise every place named.
    pub fn marked_places(&self) -> Vec<Place> {
        if self.severity == Severity::Info {
            return Vec::new();
        }
        match &self.finding {
            Finding::Blanks { .. } | Finding::Incomplete { .. } => Vec::new(),
            Finding::Imbalance { cells, .. } => {
                let mut marked: Vec<Place> = cells.first().copied().into_iter().collect();
                marked.extend(self.culprit.filter(|c| !marked.contains(c)));
                marked
            }
            _ => self.places.clone(),
        }
    }

    /// Sets [`Diagnostic::marks`] from [`Diagnostic::marked_places`].
    pub fn mark(&mut self) {
        self.marks = self.marked_places().iter().map(Place::pointer).collect();
    }

    /// The diagnostic of `finding`, put into words for `report` in `lang`, naming the finding's
    /// places; `figures` are what an equation expects and what the report states.
    pub fn of(
        (code, rule, severity): (&'static str, &'static str, Severity),
        finding: Finding,
        report: &crate::report::Report,
        lang: Lang,
        figures: Option<(i128, i128)>,
    ) -> Diagnostic {
        let places = finding.places();
        Diagnostic {
            code,
            rule,
            severity,
            message: crate::message::render(&finding, report, lang),
            cells: places.iter().map(Place::pointer).collect(),
            expected: figures.map(|(e, _)| e),
            actual: figures.map(|(_, a)| a),
            difference: figures.map(|(e, a)| a - e),
            likely_culprit: None,
            marks: Vec::new(),
            candidates: Vec::new(),
            source: None,
            places,
            finding,
            culprit: None,
        }
    }

    /// An importer's diagnostic of `problem` with `message` (in Chinese).
    pub fn import(problem: ImportProblem, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code: problem.code(),
            rule: problem.name(),
            severity: problem.severity(),
            message: message.into(),
            cells: Vec::new(),
            expected: None,
            actual: None,
            difference: None,
            likely_culprit: None,
            marks: Vec::new(),
            candidates: Vec::new(),
            source: None,
            places: Vec::new(),
            finding: Finding::Import(problem),
            culprit: None,
        }
    }

    /// Names the places concerned, primary first.
    pub fn with_places(mut self, places: Vec<Place>) -> Self {
        self.cells = places.iter().map(Place::pointer).collect();
        self.places = places;
        self.mark();
        self
    }

    /// Names places that are no [`Place`] (a whole table, `/requests`) by their JSON Pointers.
    pub fn with_pointers(mut self, pointers: Vec<String>) -> Self {
        self.cells = pointers;
        self
    }

    /// Says where in the document; the message of an import diagnostic then starts with it.
    pub fn at(mut self, source: Source) -> Self {
        self.source = Some(source);
        let place = source.describe_zh();
        if matches!(self.finding, Finding::Import(_))
            && !place.is_empty()
            && !self.message.starts_with('第')
        {
            self.message = format!("{place}：{}", self.message);
        }
        self
    }

    /// Lists the values an ambiguous cell may hold.
    pub fn with_candidates(mut self, candidates: Vec<String>) -> Self {
        self.candidates = candidates;
        self
    }

    /// The import problem, for an importer's diagnostic.
    pub fn import_problem(&self) -> Option<ImportProblem> {
        match self.finding {
            Finding::Import(problem) => Some(problem),
            _ => None,
        }
    }
}

/// How many diagnostics of each severity.
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Informative notes.
    pub infos: usize,
}

impl Counts {
    /// Counts `diagnostics` by severity.
    pub fn of(diagnostics: &[Diagnostic]) -> Counts {
        let mut counts = Counts::default();
        for d in diagnostics {
            counts.add(d.severity);
        }
        counts
    }

    /// Counts one more diagnostic of `severity`.
    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }
}
