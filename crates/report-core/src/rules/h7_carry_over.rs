use super::arith::balance;
use super::{declare_rule, Context, Rule, RuleMeta};
use crate::diagnostic::Finding;

declare_rule! {
    /// ## What it checks
    ///
    /// This year's 表三 二、上年结转政府信息公开申请数量 equals last year's 四、结转下年度继续办理,
    /// column by column. Runs only when last year's report is given, and only if it covers the
    /// year before (otherwise an informative note says why nothing was compared).
    ///
    /// ## Why
    ///
    /// The applications carried forward at the end of one year are exactly those carried over at
    /// the start of the next.
    ///
    /// ## Example
    ///
    /// 平潭 2021 四、结转 总计 1; 平潭 2022 二、上年结转 总计 must then be 1.
    ///
    /// ## Source
    ///
    /// 国办公开办函〔2021〕30号, 表三 rows 二 and 四; docs/format.md, rule H7.
    pub struct CarryOver {
        code: "H7",
        name: "carry-over",
        severity: Error,
        since: "0.1.0",
        needs_previous: true,
        title_zh: "上年结转等于上年报告的结转下年度",
        title_en: "Carried over equals last year's carried forward",
        explanation_zh: "本年表三“二、上年结转政府信息公开申请数量”应逐列等于上年报告表三“四、结转下年度继续办理”。需要提供上年报告才能核对。",
    }
}

impl Rule for CarryOver {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(previous) = cx.previous else {
            return;
        };
        let expected = cx.report.year.saturating_sub(1);
        if previous.year != expected {
            out.push(Finding::PreviousYear {
                expected,
                found: previous.year,
            });
            return;
        }
        out.extend(balance(cx, Self::META.code));
    }
}
