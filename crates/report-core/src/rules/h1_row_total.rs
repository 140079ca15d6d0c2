use super::arith::balance;
use super::{declare_rule, Context, Rule, RuleMeta};
use crate::diagnostic::Finding;

declare_rule! {
    /// ## What it checks
    ///
    /// In every row of 表三, the six applicant columns (自然人, 商业企业, 科研机构, 社会公益组织,
    /// 法律服务机构, 其他) add up to 总计.
    ///
    /// ## Why
    ///
    /// 总计 is the row's total by construction; a clerk who adds up by hand slips here more than
    /// anywhere. There is no subtotal column for 法人或其他组织, so all six columns count.
    ///
    /// ## Example
    ///
    /// 一、本年新收: 自然人 21, 商业企业 3, others 0, 总计 23 — the columns give 24.
    ///
    /// A blank column makes the row unverifiable rather than wrong (rule H5 lists blanks), unless
    /// the filled columns alone already exceed 总计.
    ///
    /// ## Source
    ///
    /// 国办公开办函〔2021〕30号, 表三 (column 总计); likewise the 2019 trial format.
    pub struct RowTotal {
        code: "H1",
        name: "row-total",
        severity: Error,
        since: "0.1.0",
        needs_previous: false,
        title_zh: "表三每行：各类申请人之和等于总计",
        title_en: "Table 3 rows: the applicant columns add up to the total",
        explanation_zh: "表三每一行中，自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和应等于该行“总计”。注意“法人或其他组织”没有小计列，五列都要计入。有空白单元格时暂不判定，但已填各列之和超过总计时即为错误。",
    }
}

impl Rule for RowTotal {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        out.extend(balance(cx, Self::META.code));
    }
}
