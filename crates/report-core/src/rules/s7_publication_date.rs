use super::{declare_rule, Context, Rule, RuleMeta};
use crate::diagnostic::{DateProblem, Finding};
use crate::layout::ProseField;
use crate::report::{AgencyLevel, Date};

declare_rule! {
    /// ## What it checks
    ///
    /// When the report gives its publication date (`published`), or else ends with the date it is
    /// signed with (落款日期, the last line of 六 alone: "2025年1月20日"): a department's report is
    /// published by 31 January of the next year, a government's own report (an agency named
    /// …人民政府 or a zone's 管委会, or any name that is not a department's, above 乡镇) by 31 March;
    /// and no report is published (or signed) before its year has ended.
    /// 乡镇/街道 deadlines are set by provincial or local notices and are not checked.
    ///
    /// ## Why
    ///
    /// The deadlines are statutory, and evaluations check them.
    ///
    /// ## Example
    ///
    /// A 教育局's report for 2024 published on 2025-02-15.
    ///
    /// ## Source
    ///
    /// 《中华人民共和国政府信息公开条例》第四十九条.
    pub struct PublicationDate {
        code: "S7",
        name: "publication-date",
        severity: Warning,
        since: "0.1.0",
        needs_previous: false,
        title_zh: "按期发布",
        title_en: "Published on time",
        explanation_zh: "《条例》第四十九条：县级以上人民政府部门应于每年 1 月 31 日前公布本部门上一年度的年度报告，县级以上人民政府应于每年 3 月 31 日前公布本级政府上一年度的年度报告。乡镇（街道）的期限由各地规定，不在此核对。",
    }
}

/// Whether an agency is a government (or a zone's administrative committee acting as one) rather
/// than one of its departments: departments are named for their office (…局, …委员会, …办公厅).
fn is_government(agency: &str) -> bool {
    const DEPARTMENTS: [&str; 15] = [
        "局",
        "委",
        "委员会",
        "办",
        "办公室",
        "办公厅",
        "厅",
        "中心",
        "院",
        "所",
        "站",
        "队",
        "处",
        "署",
        "部",
    ];
    let name = agency.trim();
    name.ends_with("人民政府")
        || name.ends_with("管委会")
        || name.ends_with("管理委员会")
        || !DEPARTMENTS.iter().any(|d| name.ends_with(d))
}

impl Rule for PublicationDate {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let report = cx.report;
        // The publication date when the report gives one, else the date it is signed with.
        let (published, signed) = match (report.published, signed(report)) {
            (Some(date), _) => (date, None),
            (None, Some((field, date))) => (date, Some(field)),
            (None, None) => return,
        };
        let next = report.year.saturating_add(1);
        if published
            < (Date {
                year: next,
                month: 1,
                day: 1,
            })
        {
            out.push(Finding::Publication(DateProblem::Early {
                published,
                signed,
            }));
            return;
        }
        if report.level() == Some(AgencyLevel::Township) {
            return;
        }
        let government = is_government(&report.agency);
        let deadline = Date {
            year: next,
            month: if government { 3 } else { 1 },
            day: 31,
        };
        if published > deadline {
            out.push(Finding::Publication(DateProblem::Late {
                deadline,
                published,
                government,
                signed,
            }));
        }
    }
}

/// The date a report is signed with at its end (落款日期): the last line of 六 (or of 五, when 六
/// is empty) when it is a date alone ("2025年1月20日", "二〇二五年一月二十日"). A report is
/// published on or after it, so a signing date past the deadline, or before the year ended, is
/// as wrong as such a publication date.
fn signed(report: &crate::Report) -> Option<(ProseField, Date)> {
    let field = [ProseField::OtherMatters, ProseField::Problems]
        .into_iter()
        .find(|&f| report.prose(f).is_some_and(|t| !t.trim().is_empty()))?;
    let text = report.prose(field)?;
    let last = text.lines().rev().find(|l| !l.trim().is_empty())?;
    Some((field, Date::parse_written(last)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn governments_are_told_from_departments() {
        assert!(is_government("淮安市人民政府"));
        assert!(is_government("平潭综合实验区"));
        assert!(is_government("平潭综合实验区管委会"));
        assert!(!is_government("上海市人民政府办公厅"));
        assert!(!is_government("某某市教育局"));
        assert!(!is_government("某某市卫生健康委员会"));
    }
}
