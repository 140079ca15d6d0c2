use super::arith::balance;
use super::{declare_rule, Context, Rule, RuleMeta};
use crate::diagnostic::Finding;

declare_rule! {
    /// ## What it checks
    ///
    /// In every column of 表三: 一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理.
    ///
    /// ## Why
    ///
    /// Every application to be handled this year (new or carried over) is either handled or carried
    /// forward. The table prints this rule in its own header cell:
    /// "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）".
    ///
    /// ## Example
    ///
    /// 总计: 859 new + 18 carried over = 877, but 805 handled + 70 carried forward = 875.
    ///
    /// ## Source
    ///
    /// 国办公开办函〔2021〕30号, 表三 header note; likewise the 2019 trial format.
    pub struct IntakeBalance {
        code: "H3",
        name: "intake-balance",
        severity: Error,
        since: "0.1.0",
        needs_previous: false,
        title_zh: "表三每列：一＋二＝（七）总计＋四",
        title_en: "Table 3 columns: new + carried over = handled + carried forward",
        explanation_zh: "表三表头注明“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”，即每一列中“一、本年新收”加“二、上年结转”，应等于“（七）总计”加“四、结转下年度继续办理”。",
    }
}

impl Rule for IntakeBalance {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        out.extend(balance(cx, Self::META.code));
    }
}
