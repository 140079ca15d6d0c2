use super::{declare_rule, Context, Rule, RuleMeta};
use crate::diagnostic::Finding;
use crate::layout::ProseField;
use crate::prose::{normalise, sentences, years_in};

declare_rule! {
    /// ## What it checks
    ///
    /// The preface (导语) and the account of the year in 一、总体情况 speak of the report's year:
    /// a sentence there that opens with an earlier year ("2023年，我局……" in the report for 2024)
    /// is named, and so is a statistics period stated for another year ("本报告所列数据统计期限
    /// 自2023年1月1日起至2023年12月31日止", most often in the preface). One finding a field, for
    /// its first such sentence.
    ///
    /// Sentences that only mention an earlier year (comparisons such as "较2023年增长", "2023年度
    ///报告中的问题已整改") are not judged, nor are 五 and 六, which look back and ahead by design
    /// (S5 checks the year 五 plans for).
    ///
    /// ## Why
    ///
    /// A report written from last year's keeps last year's year in its opening sentences; the
    /// title says one year and the account another. Evaluations count such reports as copied.
    ///
    /// ## Example
    ///
    /// In the report for 2024, 一（一）: "2023年，我局通过门户网站主动公开政府信息1200条。"
    ///
    /// ## Source
    ///
    /// 《政府信息公开条例》第五十条 (the report covers the agency's work of the year); the
    /// official format's 统计期限 sentence; docs/format.md, rule S11.
    pub struct ProseYear {
        code: "S11",
        name: "prose-year",
        severity: Warning,
        since: "0.1.0",
        needs_previous: false,
        title_zh: "正文所述年度与报告年度一致",
        title_en: "The prose speaks of the report's year",
        explanation_zh: "“总体情况”应写报告年度的工作；以往年份开头的句子、其他年份的统计期限，多是沿用往年报告未改。",
    }
}

/// What may follow "YYYY年" for a sentence to be about that year: "2023年，", "2023年以来，",
/// "2023年度，", "2023年全年".
const OPENINGS: [&str; 6] = ["，", ",", "以来", "度，", "度,", "全年"];

/// Words that mark a sentence stating the statistics period.
const PERIOD: [&str; 3] = ["统计期限", "统计期间", "统计时限"];

/// Marks that may come before a sentence's first word: brackets and numbers of a list.
const LIST_MARKS: [char; 16] = [
    '（', '(', '）', ')', '、', '.', '·', '一', '二', '三', '四', '五', '六', '七', '八', '九',
];

/// The year `sentence` opens with, when it opens as an account of that year.
fn opening_year(sentence: &str) -> Option<u16> {
    let text = sentence.trim_start_matches(LIST_MARKS);
    let digits = text.get(..4)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = text[4..].strip_prefix('年')?;
    let year = digits.parse().ok()?;
    OPENINGS
        .iter()
        .any(|o| rest.starts_with(*o))
        .then_some(year)
}

impl Rule for ProseYear {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let report = cx.report;
        let fields = [ProseField::Preface, ProseField::Summary]
            .into_iter()
            .chain(ProseField::SUB_PARTS);
        for field in fields {
            let text = normalise(report.prose(field).unwrap_or_default());
            let found = sentences(&text).find_map(|sentence| {
                let year = if PERIOD.iter().any(|p| sentence.contains(p)) {
                    years_in(sentence).into_iter().find(|&y| y != report.year)
                } else {
                    opening_year(sentence).filter(|&y| y < report.year)
                }?;
                Some((year, sentence))
            });
            if let Some((year, sentence)) = found {
                out.push(Finding::ProseYear {
                    field,
                    found: year,
                    quote: sentence.to_owned(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_opens_with_a_year_only_as_an_account_of_it() {
        assert_eq!(opening_year("2023年，我局公开信息"), Some(2023));
        assert_eq!(opening_year("（一）主动公开情况2023年以来，累计"), None);
        assert_eq!(opening_year("2023年度，全区"), Some(2023));
        assert_eq!(opening_year("2023年相比增长"), None);
        assert_eq!(opening_year("2023年度报告中的问题已整改"), None);
        assert_eq!(opening_year("较2023年，增长"), None);
    }
}
