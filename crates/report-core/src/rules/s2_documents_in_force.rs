use super::arith::balance;
use super::{declare_rule, Context, Rule, RuleMeta};
use crate::diagnostic::Finding;

declare_rule! {
    /// ## What it checks
    ///
    /// 表二 第二十条第（一）项: 现行有效件数 ≈ last year's 现行有效件数 + 本年制发件数 − 本年废止件数, for
    /// 规章 and 行政规范性文件 (2019 trial format: 对外公开总数量 ≈ last year's + 本年新公开数量). Runs
    /// only with last year's report of the same edition.
    ///
    /// ## Why
    ///
    /// The documents in force at the end of the year are those in force a year before, plus the
    /// new ones, minus the repealed ones. Real reports often fail this (documents expire, counts are
    /// re-based after a clean-up), so it is a warning, never an error.
    ///
    /// ## Example
    ///
    /// Last year 现行有效 60; this year 制发 8, 废止 2, 现行有效 70 — the arithmetic gives 66.
    ///
    /// ## Source
    ///
    /// 国办公开办函〔2021〕30号, 表二 第二十条第（一）项; docs/format.md, rule S2.
    pub struct DocumentsInForce {
        code: "S2",
        name: "documents-in-force",
        severity: Warning,
        since: "0.1.0",
        needs_previous: true,
        title_zh: "现行有效件数与上年衔接",
        title_en: "Documents in force follow from last year's",
        explanation_zh: "表二“现行有效件数”一般应等于上年现行有效件数加本年制发件数、减本年废止件数（2019 年试行格式为：对外公开总数量等于上年总数量加本年新公开数量）。因文件到期失效等原因常有出入，故只作提醒。",
    }
}

impl Rule for DocumentsInForce {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(previous) = cx.previous else {
            return;
        };
        let report = cx.report;
        if previous.year != report.year.saturating_sub(1) || previous.edition != report.edition {
            return;
        }
        // Unverifiable stock counts are not worth a note: S2 is only a reminder.
        out.extend(
            balance(cx, Self::META.code)
                .into_iter()
                .filter(|f| !f.is_informative()),
        );
    }
}
