use super::{declare_rule, Context, Rule, RuleMeta};
use crate::diagnostic::{Finding, PlanProblem};
use crate::layout::ProseField;
use crate::prose::{normalise, sentences, years_in};

declare_rule! {
    /// ## What it checks
    ///
    /// Section 五、存在的主要问题及改进情况 is there, has substance (not a line or the template's
    /// "（文字描述）"), and where it plans ahead with a year, plans for the year after the report year.
    ///
    /// ## Why
    ///
    /// Evaluations mark down an empty or boilerplate 五, and a plan "for 2024" in the 2024 report
    /// shows that last year's text was copied.
    ///
    /// ## Example
    ///
    /// In the 2024 report: "下一步，2024年将继续加强政策解读。"
    ///
    /// Reports given without any prose (tables only) are not checked.
    ///
    /// ## Source
    ///
    /// 《政府信息公开条例》第五十条 (the report covers problems and improvements); docs/format.md, rule S5.
    pub struct ImprovementPlan {
        code: "S5",
        name: "improvement-plan",
        severity: Warning,
        since: "0.1.0",
        needs_previous: false,
        title_zh: "“五”写明问题和下一年的改进计划",
        title_en: "Section 五 states problems and a plan for the next year",
        explanation_zh: "报告第五部分应具体写明存在的主要问题和改进措施，不能空着或只写套话；其中的工作计划应针对报告年度的下一年。",
    }
}

/// Fewer characters than this is not a section of substance.
const MIN_CHARS: usize = 30;
const PLANNING: [&str; 12] = [
    "下一步",
    "明年",
    "下一年",
    "新的一年",
    "来年",
    "将继续",
    "将进一步",
    "将着力",
    "将持续",
    "计划",
    "拟",
    "力争",
];

impl Rule for ImprovementPlan {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let report = cx.report;
        if !report.has_prose() {
            return;
        }
        let text = normalise(report.prose(ProseField::Problems).unwrap_or_default());
        let substance: String = text
            .replace("（文字描述）", "")
            .chars()
            .filter(|c| !c.is_ascii_punctuation())
            .collect();
        let chars = substance.chars().count();
        if chars == 0 {
            out.push(Finding::Plan(PlanProblem::Missing));
            return;
        }
        if chars < MIN_CHARS {
            out.push(Finding::Plan(PlanProblem::Boilerplate { chars }));
            return;
        }
        let expected = report.year.saturating_add(1);
        for sentence in sentences(&text) {
            if !PLANNING.iter().any(|w| sentence.contains(w)) {
                continue;
            }
            // A later year may be a long-term goal; the report's own year or an earlier one is a
            // plan copied from an old report.
            if let Some(&found) = years_in(sentence).iter().find(|&&y| y <= report.year) {
                out.push(Finding::Plan(PlanProblem::WrongYear {
                    found,
                    expected,
                    quote: sentence.to_owned(),
                }));
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_read_only_when_written_as_years() {
        assert_eq!(years_in("2024年将继续，12024年不是，共2025件"), vec![2024]);
    }
}
