use super::{declare_rule, Context, Rule, RuleMeta};
use crate::cell::Cell;
use crate::diagnostic::{Finding, ValueProblem};
use crate::layout::CellKind;

declare_rule! {
    /// ## What it checks
    ///
    /// Each cell holds the kind of value its column calls for: counts are non-negative whole
    /// numbers; 本年收费金额 is a non-negative decimal (万元); the 2019 format's 本年增/减 is a whole
    /// number that may be negative. Text in a number column that is not a blank-mark (those are
    /// H5's) is reported here.
    ///
    /// ## Why
    ///
    /// A negative count or a fraction of a decision cannot be right, and text where a number
    /// belongs cannot be added up.
    ///
    /// ## Example
    ///
    /// 行政处罚 本年处理决定数量 "-3"; 自然人 "2.5"; 行政事业性收费 "约100".
    ///
    /// ## Source
    ///
    /// 国办公开办函〔2021〕30号, 表二 and 表三 (counts of documents, decisions, applications);
    /// 表二 第二十条第（八）项 (单位：万元).
    pub struct ValueTypes {
        code: "H6",
        name: "value-types",
        severity: Error,
        since: "0.1.0",
        needs_previous: false,
        title_zh: "数值类型：件数为非负整数，金额为非负数",
        title_en: "Value types: counts are non-negative integers, amounts non-negative decimals",
        explanation_zh: "件数、决定数、申请数、案件数都应是非负整数；表二“本年收费金额”以万元为单位，可以有小数但不能为负；2019 年试行格式的“本年增/减”可以为负数。",
    }
}

/// Why `text` is not a valid value of `kind`.
fn problem(kind: CellKind, text: &str) -> Option<ValueProblem> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .collect();
    let number = compact
        .strip_prefix(['-', '－', '−'])
        .map_or((false, compact.as_str()), |rest| (true, rest));
    let numeric = !number.1.is_empty()
        && number.1.chars().all(|c| c.is_ascii_digit() || c == '.')
        && number.1.chars().filter(|&c| c == '.').count() <= 1;
    Some(match (kind, numeric, number.0) {
        (CellKind::Text, ..) => return None,
        (_, false, _) => ValueProblem::NotANumber,
        (CellKind::SignedCount, true, _) => ValueProblem::NotWhole,
        (_, true, true) => ValueProblem::Negative,
        (CellKind::Count, true, false) => ValueProblem::NotWhole,
        // A non-negative decimal would have been read as money; what is left is malformed.
        (CellKind::Money, true, false) => ValueProblem::NotANumber,
    })
}

impl Rule for ValueTypes {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for (place, cell) in cx.report.cells() {
            let (Cell::Text(text), Some(kind)) = (cell, place.kind()) else {
                continue;
            };
            if cell.is_placeholder() {
                continue;
            }
            if let Some(problem) = problem(kind, text) {
                out.push(Finding::BadValue {
                    cell: place,
                    text: text.clone(),
                    problem,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_are_told_apart() {
        assert_eq!(problem(CellKind::Count, "-3"), Some(ValueProblem::Negative));
        assert_eq!(
            problem(CellKind::Count, "2.5"),
            Some(ValueProblem::NotWhole)
        );
        assert_eq!(
            problem(CellKind::Count, "约100"),
            Some(ValueProblem::NotANumber)
        );
        assert_eq!(
            problem(CellKind::Money, "-1.5"),
            Some(ValueProblem::Negative)
        );
        assert_eq!(
            problem(CellKind::SignedCount, "1.5"),
            Some(ValueProblem::NotWhole)
        );
        assert_eq!(problem(CellKind::Text, "251000元"), None);
    }
}
