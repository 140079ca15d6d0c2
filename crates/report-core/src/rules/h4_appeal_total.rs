use super::arith::balance;
use super::{declare_rule, Context, Rule, RuleMeta};
use crate::diagnostic::Finding;

declare_rule! {
    /// ## What it checks
    ///
    /// In each group of 表四 — 行政复议, 未经复议直接起诉, 复议后起诉 — 结果维持 + 结果纠正 +
    /// 其他结果 + 尚未审结 = 总计.
    ///
    /// ## Why
    ///
    /// Every case ends in one of the three results or is still pending, so the four add up to the
    /// group's total.
    ///
    /// ## Example
    ///
    /// 洪泽区 2023, 行政复议: 10 + 1 + 0 + 0 = 11, but 总计 is printed as 0.
    ///
    /// ## Source
    ///
    /// 国办公开办函〔2021〕30号, 表四; likewise the 2019 trial format.
    pub struct AppealTotal {
        code: "H4",
        name: "appeal-total",
        severity: Error,
        since: "0.1.0",
        needs_previous: false,
        title_zh: "表四每组：四种结果之和等于总计",
        title_en: "Table 4 groups: the four outcomes add up to the total",
        explanation_zh: "表四“行政复议”“未经复议直接起诉”“复议后起诉”三组中，每组的结果维持、结果纠正、其他结果、尚未审结四项之和应等于该组“总计”。",
    }
}

impl Rule for AppealTotal {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        out.extend(balance(cx, Self::META.code));
    }
}
