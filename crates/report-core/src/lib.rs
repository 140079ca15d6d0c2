//! The data model and the consistency rules of the 政府信息公开工作年度报告 — the government
//! information disclosure annual report every Chinese administrative agency publishes each year.
//!
//! Data flows one way:
//!
//! 1. [`layout`] declares the official format (both editions) as data: every row and column with
//!    its JSON key and verbatim label.
//! 2. [`Report`] holds one report; its tables are laid out by [`layout`], its cells keep what was
//!    printed ([`Cell`]), and [`Report::from_json`] reads the JSON contract.
//! 3. [`check`] runs every rule in [`rules`] over a report (and, optionally, last year's report).
//!    Each rule returns typed [`Finding`]s; [`check`] turns them into [`Diagnostic`]s with a
//!    message in Chinese or English, every cell named by its JSON Pointer, and sorts them.
//!
//! The crate does no I/O and has no platform code: it builds for `wasm32-unknown-unknown` as it
//! does natively. Reading files, walking folders and talking to a page are for the crates that
//! use it.
//!
//! ```
//! use report_core::{check, CheckOptions, Report};
//!
//! let report = Report::from_json(r#"{
//!     "edition": "2021", "year": 2024, "agency": "某某局",
//!     "appeals": {"review": {"upheld": 10, "corrected": 1, "other": 0, "pending": 0, "total": 0}}
//! }"#).unwrap();
//! let result = check(&report, &CheckOptions::default());
//! let h4 = result.diagnostics.iter().find(|d| d.code == "H4").unwrap();
//! assert_eq!(h4.cells[0], "/appeals/review/total");
//! assert_eq!((h4.expected, h4.actual), (Some(11), Some(0)));
//! ```

pub mod aggregate;
pub mod cell;
pub mod compare;
pub mod date;
pub mod diagnostic;
pub mod edit;
pub mod equation;
#[cfg(feature = "js")]
pub mod js;
pub mod json;
pub mod layout;
pub mod merge;
pub mod message;
pub mod outliers;
pub mod place;
pub mod prose;
pub mod ready;
pub mod report;
pub mod rules;
#[cfg(feature = "schema")]
pub mod schema;
pub mod similar;
pub mod source;
pub mod table;
pub mod totals;
#[cfg(feature = "typescript")]
pub mod typescript;

use serde::Serialize;

pub use cell::Cell;
pub use diagnostic::{Counts, Diagnostic, Finding, ImportProblem, Lang, Severity};
pub use layout::{
    AppealGroup, Applicant, Edition, Outcome, ProactiveColumn, ProactiveItem, RequestRow, TableId,
};
pub use layout::{ProseField, Section};
pub use place::Place;
pub use report::{AgencyLevel, Date, Overview, ReadError, Report};
pub use rules::{Rule, RuleMeta, RULES};
pub use source::Source;

/// The version of the JSON contract (report, diagnostics and schema).
pub const CONTRACT_VERSION: &str = "1.1";

/// How to check a report.
#[derive(Clone, Copy, Debug, Default)]
pub struct CheckOptions<'a> {
    /// Last year's report of the same agency: turns on H7, S2, S6, S9 and S10.
    pub previous: Option<&'a Report>,
    /// The language of the messages.
    pub lang: Lang,
    /// Whether the totals are computed from their parts (as a form does): a blank total whose
    /// parts are not all filled then follows from them, and H5 lists only the parts, the cells
    /// a clerk can type into. Off for published reports, where a blank total is itself a defect.
    pub totals_computed: bool,
}

/// The result of checking one report.
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckResult {
    /// Whether the report has no errors (warnings and notes allowed).
    pub valid: bool,
    /// How many diagnostics of each severity.
    pub counts: Counts,
    /// The diagnostics, in the order of the places they name.
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks `report` against every rule.
pub fn check(report: &Report, options: &CheckOptions<'_>) -> CheckResult {
    let cx = rules::Context {
        report,
        previous: options.previous,
        totals_computed: options.totals_computed,
    };
    let mut ranked: Vec<(usize, Diagnostic)> = Vec::new();
    for (rank, rule) in RULES.iter().enumerate() {
        let mut findings = Vec::new();
        rule.check(&cx, &mut findings);
        ranked.extend(
            findings
                .into_iter()
                .map(|f| (rank, diagnose(rule.meta(), f, report, options.lang))),
        );
    }
    let mut diagnostics: Vec<Diagnostic> = {
        ranked.sort_by(|(ra, a), (rb, b)| {
            (a.places.first(), ra, &a.message).cmp(&(b.places.first(), rb, &b.message))
        });
        ranked.into_iter().map(|(_, d)| d).collect()
    };
    name_culprits(&mut diagnostics, report, options.lang);
    for d in &mut diagnostics {
        d.mark();
    }
    let counts = Counts::of(&diagnostics);
    CheckResult {
        valid: counts.errors == 0,
        counts,
        diagnostics,
    }
}

fn diagnose(meta: &'static RuleMeta, finding: Finding, report: &Report, lang: Lang) -> Diagnostic {
    let figures = match &finding {
        Finding::Imbalance {
            expected, actual, ..
        } => Some((*expected, *actual)),
        _ => None,
    };
    let severity = if finding.is_informative() {
        Severity::Info
    } else {
        meta.severity
    };
    Diagnostic::of(
        (meta.code, meta.name, severity),
        finding,
        report,
        lang,
        figures,
    )
}

/// Where a row equation and a column equation both fail through one cell, that cell is most
/// likely the one typed wrong: it is named on every failing equation that contains it.
fn name_culprits(diagnostics: &mut [Diagnostic], report: &Report, lang: Lang) {
    use equation::Equation;
    // Few equations fail at once: a list is enough.
    let mut crossings: Vec<(Place, (bool, bool))> = Vec::new();
    for d in diagnostics.iter() {
        if let Finding::Imbalance {
            equation, cells, ..
        } = &d.finding
        {
            if matches!(equation, Equation::CarryOver(_) | Equation::InForce(_)) {
                continue;
            }
            for cell in cells {
                let at = match crossings.iter().position(|(p, _)| p == cell) {
                    Some(at) => at,
                    None => {
                        crossings.push((*cell, (false, false)));
                        crossings.len() - 1
                    }
                };
                let entry = &mut crossings[at].1;
                if equation.is_row() {
                    entry.0 = true;
                } else {
                    entry.1 = true;
                }
            }
        }
    }
    for d in diagnostics.iter_mut() {
        let Finding::Imbalance { cells, .. } = &d.finding else {
            continue;
        };
        let candidates: Vec<Place> = cells
            .iter()
            .copied()
            .filter(|c| {
                crossings
                    .iter()
                    .any(|(p, seen)| p == c && *seen == (true, true))
            })
            .collect();
        if let [culprit] = candidates[..] {
            d.likely_culprit = Some(culprit.pointer());
            d.culprit = Some(culprit);
            d.message
                .push_str(&message::culprit_note(&culprit, report, lang));
        }
    }
}
