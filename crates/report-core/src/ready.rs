//! Whether a report is ready to publish, beyond its consistency: a report the rules find no
//! error in may still lack its agency, have an impossible year, or leave a prose section empty.
//! A form shows these before it says the report can be published.

use crate::diagnostic::Lang;
use crate::layout::{ProseField, Section};
use crate::place::{MetaField, Place};
use crate::report::Report;

/// The first year the format was used (the 2019 trial format).
pub const FIRST_YEAR: u16 = 2019;

/// Something a report needs before it is published.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// No agency is named.
    NoAgency,
    /// The year is before the format existed or after `latest`.
    Year {
        /// The report's year.
        year: u16,
        /// The latest plausible year.
        latest: u16,
    },
    /// A prose section (一, 五 or 六) is empty.
    EmptySection(Section),
}

impl Gap {
    /// Where the gap is: the field a form sends the clerk to.
    pub fn place(self) -> Place {
        match self {
            Gap::NoAgency => Place::Meta(MetaField::Agency),
            Gap::Year { .. } => Place::Meta(MetaField::Year),
            Gap::EmptySection(Section::Problems) => Place::Prose(ProseField::Problems),
            Gap::EmptySection(Section::OtherMatters) => Place::Prose(ProseField::OtherMatters),
            Gap::EmptySection(_) => Place::Prose(ProseField::Summary),
        }
    }

    /// What is missing, in `lang`.
    pub fn describe(self, lang: Lang) -> String {
        match (self, lang) {
            (Gap::NoAgency, Lang::Zh) => "尚未填写发布机关。".into(),
            (Gap::NoAgency, Lang::En) => "No agency is named.".into(),
            (Gap::Year { year, latest }, Lang::Zh) => {
                format!("报告年度 {year} 不在 {FIRST_YEAR}—{latest} 年之间，请核对。")
            }
            (Gap::Year { year, latest }, Lang::En) => {
                format!("The year {year} is outside {FIRST_YEAR}–{latest}.")
            }
            (Gap::EmptySection(section), Lang::Zh) => {
                format!(
                    "“{}”尚未填写。",
                    section.heading(crate::layout::Edition::V2021)
                )
            }
            (Gap::EmptySection(section), Lang::En) => {
                format!("Section {} is empty.", section.number())
            }
        }
    }
}

fn filled(report: &Report, field: ProseField) -> bool {
    report.prose(field).is_some_and(|t| !t.trim().is_empty())
}

/// What `report` lacks before it can be published, given the current calendar year (a report
/// covers a past year; one year ahead is allowed for a report drafted early).
pub fn gaps(report: &Report, calendar_year: u16) -> Vec<Gap> {
    let mut out = Vec::new();
    if report.agency.trim().is_empty() {
        out.push(Gap::NoAgency);
    }
    let latest = calendar_year.saturating_add(1);
    if !(FIRST_YEAR..=latest).contains(&report.year) {
        out.push(Gap::Year {
            year: report.year,
            latest,
        });
    }
    let overview = ProseField::ALL
        .into_iter()
        .filter(|f| f.section() == Some(Section::Overview))
        .any(|f| filled(report, f));
    if !overview {
        out.push(Gap::EmptySection(Section::Overview));
    }
    for (field, section) in [
        (ProseField::Problems, Section::Problems),
        (ProseField::OtherMatters, Section::OtherMatters),
    ] {
        if !filled(report, field) {
            out.push(Gap::EmptySection(section));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Edition;

    #[test]
    fn a_blank_report_lacks_agency_and_prose() {
        let r = Report::blank(Edition::V2021, 2025, "");
        assert_eq!(
            gaps(&r, 2026),
            vec![
                Gap::NoAgency,
                Gap::EmptySection(Section::Overview),
                Gap::EmptySection(Section::Problems),
                Gap::EmptySection(Section::OtherMatters),
            ]
        );
    }

    #[test]
    fn a_year_far_ahead_or_before_the_format_is_a_gap() {
        let mut r = Report::blank(Edition::V2021, 2205, "某某局");
        r.overview.platforms = Some("平台建设情况".into());
        r.problems = Some("问题".into());
        r.other_matters = Some("无".into());
        assert_eq!(
            gaps(&r, 2026),
            vec![Gap::Year {
                year: 2205,
                latest: 2027
            }]
        );
        r.year = 2018;
        assert_eq!(gaps(&r, 2026).len(), 1);
        r.year = 2025;
        assert!(gaps(&r, 2026).is_empty());
        assert!(gaps(&r, 2026)
            .iter()
            .all(|g| !g.describe(Lang::Zh).is_empty()));
    }
}
