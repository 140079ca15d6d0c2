use super::{declare_rule, Context, Rule, RuleMeta};
use crate::diagnostic::Finding;
use crate::layout::ProseField;
use crate::prose::shared_percent;

declare_rule! {
    /// ## What it checks
    ///
    /// This year's prose is not more than half the same as last year's report. Sameness is
    /// measured on overlapping runs of eight characters, ignoring digits, so a text copied with
    /// only its figures and years changed still counts as copied. Runs only with last year's
    /// report of the year before, and only when both have at least 200 characters of prose.
    ///
    /// ## Why
    ///
    /// Evaluations of disclosure work penalise reports that repeat last year's text.
    ///
    /// ## Example
    ///
    /// The 2024 report is last year's with "2023" replaced by "2024" and the figures updated.
    ///
    /// ## Source
    ///
    /// docs/format.md, rule S6 (evaluation practice of the provincial 政务公开 offices).
    pub struct Duplication {
        code: "S6",
        name: "duplication",
        severity: Warning,
        since: "0.1.0",
        needs_previous: true,
        title_zh: "正文不与上年报告雷同",
        title_en: "The prose is not a copy of last year's",
        explanation_zh: "年度报告正文与上年报告相同的部分超过一半，会在政务公开评估中被扣分。只改了年份和数字的段落也算作相同。需要提供上年报告才能核对。",
    }
}

/// More than this share (percent) of the prose the same as last year's is reported.
const LIMIT: u32 = 50;

impl Rule for Duplication {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(previous) = cx.last_year() else {
            return;
        };
        if let Some(percent) = shared_percent(cx.report, previous) {
            let field = ProseField::ALL
                .into_iter()
                .find(|&f| f != ProseField::Preface && cx.report.prose(f).is_some())
                .unwrap_or(ProseField::Summary);
            if percent > LIMIT {
                out.push(Finding::Duplication { percent, field });
            }
        }
    }
}
