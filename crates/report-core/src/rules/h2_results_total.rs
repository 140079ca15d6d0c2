use super::arith::balance;
use super::{declare_rule, Context, Rule, RuleMeta};
use crate::diagnostic::Finding;

declare_rule! {
    /// ## What it checks
    ///
    /// In every column of 表三, （七）总计 equals the sum of the result rows: （一）予以公开 +
    /// （二）部分公开 + all rows of （三）不予公开, （四）无法提供, （五）不予处理 and （六）其他处理.
    ///
    /// ## Why
    ///
    /// （七）总计 is the number of applications handled this year; each handled application is
    /// counted under exactly one result (部分公开 "只计这一情形，不计其他情形").
    ///
    /// ## Example
    ///
    /// 自然人: （一）258 + （二）3 + （三）32 + （四）321 + （五）153 = 767, but （七）总计 says 760.
    ///
    /// When （六）其他处理 is printed as one row (2019 format, or an out-of-date 2021 report), that row
    /// is summed instead of its three sub-rows.
    ///
    /// ## Source
    ///
    /// 国办公开办函〔2021〕30号, 表三 row （七）总计; likewise the 2019 trial format.
    pub struct ResultsTotal {
        code: "H2",
        name: "results-total",
        severity: Error,
        since: "0.1.0",
        needs_previous: false,
        title_zh: "表三每列：各项办理结果之和等于（七）总计",
        title_en: "Table 3 columns: the result rows add up to （七）总计",
        explanation_zh: "表三每一列中，（一）予以公开、（二）部分公开，以及（三）不予公开、（四）无法提供、（五）不予处理、（六）其他处理下各小项之和，应等于“（七）总计”。每件申请只能计入一种办理结果。",
    }
}

impl Rule for ResultsTotal {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        out.extend(balance(cx, Self::META.code));
    }
}
