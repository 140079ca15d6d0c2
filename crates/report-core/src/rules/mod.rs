//! The consistency rules, one per file, and their registry.
//!
//! Each rule is a unit struct declared with [`declare_rule!`]: its doc comment is its
//! documentation (what it checks, why, a failing example, the official source) and is kept as
//! [`RuleMeta::docs`] so that the CLI and the app can show it. Codes are stable and never reused.

use crate::diagnostic::{Finding, Severity};
use crate::report::Report;

mod arith;
mod h1_row_total;
mod h2_results_total;
mod h3_intake_balance;
mod h4_appeal_total;
mod h5_completeness;
mod h6_value_types;
mod h7_carry_over;
mod h8_structure;
mod s10_year_on_year;
mod s11_prose_year;
mod s1_prose_numbers;
mod s2_documents_in_force;
mod s3_processing_fees;
mod s4_regulations_by_level;
mod s5_improvement_plan;
mod s6_duplication;
mod s7_publication_date;
mod s8_prose_claims;
mod s9_copied_tables;

pub use h1_row_total::RowTotal;
pub use h2_results_total::ResultsTotal;
pub use h3_intake_balance::IntakeBalance;
pub use h4_appeal_total::AppealTotal;
pub use h5_completeness::Completeness;
pub use h6_value_types::ValueTypes;
pub use h7_carry_over::CarryOver;
pub use h8_structure::Structure;
pub use s10_year_on_year::YearOnYear;
pub use s11_prose_year::ProseYear;
pub use s1_prose_numbers::ProseNumbers;
pub use s2_documents_in_force::DocumentsInForce;
pub use s3_processing_fees::ProcessingFees;
pub use s4_regulations_by_level::RegulationsByLevel;
pub use s5_improvement_plan::ImprovementPlan;
pub use s6_duplication::Duplication;
pub use s7_publication_date::PublicationDate;
pub use s8_prose_claims::ProseClaims;
pub use s9_copied_tables::{counts, has_figures, same_tables, CopiedTables};
/// How many times last year's count (or a fifth of it) rule S10 notes.
pub const YEAR_ON_YEAR_FACTOR: u64 = s10_year_on_year::FACTOR;

/// What every rule says about itself.
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RuleMeta {
    /// The stable code, e.g. `H1`. Never reused.
    pub code: &'static str,
    /// The stable name, e.g. `row-total`.
    pub name: &'static str,
    /// The severity of what the rule finds.
    pub severity: Severity,
    /// The version the rule first appeared in.
    pub since: &'static str,
    /// Whether the rule needs last year's report.
    pub needs_previous: bool,
    /// A one-line Chinese title.
    pub title_zh: &'static str,
    /// A one-line English title.
    pub title_en: &'static str,
    /// A Chinese explanation for the people who fill and check reports.
    pub explanation_zh: &'static str,
    /// The rule's documentation (its doc comment), in English; empty when the crate is built
    /// without the `docs` feature.
    pub docs: &'static str,
}

/// What a rule gets to look at.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The report being checked.
    pub report: &'a Report,
    /// Last year's report of the same agency, when given.
    pub previous: Option<&'a Report>,
    /// Whether the totals are computed from their parts ([`crate::CheckOptions::totals_computed`]).
    pub totals_computed: bool,
}

impl<'a> Context<'a> {
    /// Last year's report, when it is of the year before this report's: what the rules that
    /// compare the two years read (a report of another year compares with nothing).
    pub fn last_year(&self) -> Option<&'a Report> {
        self.previous
            .filter(|p| p.year == self.report.year.saturating_sub(1))
    }
}

/// A consistency rule.
pub trait Rule: Sync {
    /// The rule's metadata.
    fn meta(&self) -> &'static RuleMeta;
    /// Adds what the rule finds in `cx` to `out`.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>);
}

/// Declares a rule: a unit struct carrying its doc comment, plus a `META` constant holding the
/// metadata and that same doc comment as text.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:tt])*
        pub struct $name:ident {
            code: $code:literal,
            name: $rule_name:literal,
            severity: $severity:ident,
            since: $since:literal,
            needs_previous: $needs_previous:literal,
            title_zh: $title_zh:literal,
            title_en: $title_en:literal,
            explanation_zh: $explanation_zh:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $name;

        impl $name {
            /// The rule's metadata and documentation.
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                code: $code,
                name: $rule_name,
                severity: $crate::diagnostic::Severity::$severity,
                since: $since,
                needs_previous: $needs_previous,
                title_zh: $title_zh,
                title_en: $title_en,
                explanation_zh: $explanation_zh,
                // Pages that show only the Chinese explanation leave the English docs out.
                docs: if cfg!(feature = "docs") { concat!($($doc, "\n"),*) } else { "" },
            };
        }
    };
}
pub(crate) use declare_rule;

/// Every rule, sorted by code.
pub static RULES: &[&dyn Rule] = &[
    &RowTotal,
    &ResultsTotal,
    &IntakeBalance,
    &AppealTotal,
    &Completeness,
    &ValueTypes,
    &CarryOver,
    &Structure,
    &ProseNumbers,
    &DocumentsInForce,
    &ProcessingFees,
    &RegulationsByLevel,
    &ImprovementPlan,
    &Duplication,
    &PublicationDate,
    &ProseClaims,
    &CopiedTables,
    &YearOnYear,
    &ProseYear,
];

/// The rule with `code`, if any.
pub fn by_code(code: &str) -> Option<&'static dyn Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.meta().code.eq_ignore_ascii_case(code))
}

/// The metadata of every rule, sorted by code.
pub fn catalogue() -> impl Iterator<Item = &'static RuleMeta> {
    RULES.iter().map(|r| r.meta())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_sorted() {
        let codes: Vec<_> = catalogue().map(|m| m.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_by_key(|c| (c.as_bytes()[0], c[1..].parse::<u32>().unwrap_or(0)));
        sorted.dedup();
        assert_eq!(codes, sorted);
    }

    #[test]
    fn every_rule_is_documented() {
        for meta in catalogue() {
            for section in ["## What it checks", "## Why", "## Example", "## Source"] {
                assert!(meta.docs.contains(section), "{} lacks {section}", meta.code);
            }
            assert!(
                !meta.explanation_zh.is_empty() && !meta.title_zh.is_empty(),
                "{}",
                meta.code
            );
        }
    }
}
