//! A region's check of its 政府信息公开工作年度报告, as people above and beside the checker read it:
//! a self-contained web page with charts for a leader ([`html`]), and an Excel workbook for
//! whoever works on the figures ([`xlsx`]).
//!
//! The caller reads and checks the reports (as `nianbao check` does) and describes each one as a
//! [`Unit`]; this crate only tallies ([`summary`], [`figures`]) and writes. Every rule, message
//! and label comes from `report-core`.
//!
//! ```
//! use report_core::{check, CheckOptions, Report};
//! use report_region::{html, Region, Unit};
//!
//! let report = Report::from_json(r#"{"edition": "2021", "year": 2024, "agency": "某某局"}"#).unwrap();
//! let result = check(&report, &CheckOptions::default());
//! let region = Region {
//!     units: vec![Unit::read("某某局.json", &report, &result)],
//!     generated: None,
//! };
//! let page = html::page(&region);
//! assert!(page.contains("某某局"));
//! ```

pub mod figures;
pub mod html;
pub mod summary;
mod svg;
pub mod xlsx;

use report_core::{CheckResult, Report};

/// One report of the region, as the caller read and checked it.
#[derive(Clone, Debug)]
pub struct Unit<'a> {
    /// The file, as the caller shows it.
    pub file: &'a str,
    /// The report and its check, or why the file could not be read.
    pub outcome: Result<Read<'a>, &'a str>,
    /// What there is to say about the file beside its findings (how last year's report was
    /// found, or why none was used).
    pub note: Option<String>,
}

/// A report that was read, and what checking it gave.
#[derive(Clone, Debug)]
pub struct Read<'a> {
    /// The report.
    pub report: &'a Report,
    /// Its check.
    pub result: &'a CheckResult,
    /// The same agency's report of the year before, when one was used.
    pub last_year: Option<LastYear>,
}

impl<'a> Unit<'a> {
    /// A report read and checked, with nothing more to say.
    pub fn read(file: &'a str, report: &'a Report, result: &'a CheckResult) -> Unit<'a> {
        Unit {
            file,
            outcome: Ok(Read {
                report,
                result,
                last_year: None,
            }),
            note: None,
        }
    }

    /// A file that could not be read, and why.
    pub fn unreadable(file: &'a str, why: &'a str) -> Unit<'a> {
        Unit {
            file,
            outcome: Err(why),
            note: None,
        }
    }
}

/// What is kept of a unit's report of the year before: its check's outcome and its figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastYear {
    /// Its file.
    pub file: String,
    /// Whether it had no errors.
    pub valid: bool,
    /// Its errors.
    pub errors: usize,
    /// Its warnings.
    pub warnings: usize,
    /// Its figures, in the order of [`figures::FIGURES`].
    pub figures: Vec<Option<u64>>,
}

impl LastYear {
    /// Checks last year's `report` (read from `file`) on its own and keeps what the region's
    /// page compares.
    pub fn of(file: &str, report: &Report) -> LastYear {
        let result = report_core::check(report, &report_core::CheckOptions::default());
        LastYear {
            file: file.to_owned(),
            valid: result.valid,
            errors: result.counts.errors,
            warnings: result.counts.warnings,
            figures: figures::FIGURES.iter().map(|f| f.of(report)).collect(),
        }
    }
}

/// The region's reports, as checked.
#[derive(Clone, Debug, Default)]
pub struct Region<'a> {
    /// Every report, in the order to show them.
    pub units: Vec<Unit<'a>>,
    /// The day the check was made, to print on the page.
    pub generated: Option<report_core::Date>,
}
