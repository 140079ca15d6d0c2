use super::{declare_rule, Context, Rule, RuleMeta};
use crate::cell::Cell;
use crate::diagnostic::{FeeProblem, Finding};
use crate::layout::ProseField;
use crate::layout::{Applicant, ProactiveColumn, ProactiveItem, RequestRow};
use crate::prose::normalise;
use crate::report::Report;

declare_rule! {
    /// ## What it checks
    ///
    /// If 表三 （六）2 (applications dropped because the fee was not paid) is above 0, or section 六
    /// mentions a fee, the report states the 信息处理费 collected (an amount, or that none was
    /// collected). It also warns when the 信息处理费 is given in 万元, or equals 表二's
    /// 行政事业性收费: the two are different things.
    ///
    /// ## Why
    ///
    /// The template of 六 says "收取信息处理费情况在此处报告". 信息处理费 (《政府信息公开信息处理费管理办法》,
    /// 国办函〔2020〕109号) is charged to applicants and counted in 元; 表二's 行政事业性收费 is the
    /// agency's administrative fees in 万元. Confusing them misstates both.
    ///
    /// ## Example
    ///
    /// （六）2 is 3 but 六 says only "无。".
    ///
    /// ## Source
    ///
    /// 国办公开办函〔2021〕30号, section 六; 国办函〔2020〕109号; docs/format.md, rule S3.
    pub struct ProcessingFees {
        code: "S3",
        name: "processing-fees",
        severity: Warning,
        since: "0.1.0",
        needs_previous: false,
        title_zh: "信息处理费在“六”中说明，且不与行政事业性收费混淆",
        title_en: "Information processing fees are stated in section 六 and not confused with administrative fees",
        explanation_zh: "格式要求在报告第六部分说明收取信息处理费的情况。表三（六）2 有因逾期未缴费不再处理的申请，或正文提到收费时，应写明收取金额或“未收取”。信息处理费以元计，与表二以万元计的“行政事业性收费”不是一回事。",
    }
}

/// What a text says about the information processing fee.
#[derive(Default)]
struct FeeText {
    mentioned: bool,
    stated: bool,
    in_wan: bool,
    yuan: Vec<String>,
}

const NONE_COLLECTED: [&str; 9] = [
    "未收取",
    "无收取",
    "没有收取",
    "不收取",
    "未发生",
    "未产生",
    "零收费",
    "均未收",
    "免收",
];

fn read_fee_text(text: &str, into: &mut FeeText) {
    // Every sentence of interest names a fee (费); most prose has none.
    if !text.contains('费') {
        return;
    }
    for sentence in normalise(text).split(['。', '；', ';', '\n']) {
        if !(sentence.contains("处理费") || (sentence.contains("收取") && sentence.contains('费')))
        {
            continue;
        }
        into.mentioned = true;
        if NONE_COLLECTED.iter().any(|w| sentence.contains(w)) {
            into.stated = true;
        }
        let chars: Vec<char> = sentence.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let number: String = chars[start..i].iter().collect();
            match (chars.get(i), chars.get(i + 1)) {
                (Some('万'), Some('元')) => {
                    into.stated = true;
                    into.in_wan = true;
                }
                (Some('元'), _) => {
                    into.stated = true;
                    into.yuan.push(number);
                }
                _ => {}
            }
        }
    }
}

fn administrative_fees(report: &Report) -> Option<rust_decimal::Decimal> {
    match report
        .proactive
        .cell(ProactiveItem::Fees, ProactiveColumn::FeeAmount)
    {
        Some(Cell::Money(amount)) if !amount.is_zero() => Some(*amount),
        _ => None,
    }
}

impl Rule for ProcessingFees {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let report = cx.report;
        if !report.has_prose() {
            return;
        }
        let mut six = FeeText::default();
        if let Some(text) = report.prose(ProseField::OtherMatters) {
            read_fee_text(text, &mut six);
        }
        // The amount is accepted wherever the prose states it; 六 is only where it belongs.
        let mut anywhere = FeeText::default();
        for field in ProseField::ALL {
            if let Some(text) = report.prose(field) {
                read_fee_text(text, &mut anywhere);
            }
        }
        let unpaid = report
            .requests
            .count(RequestRow::OtherFeeUnpaid, Applicant::Total)
            .filter(|&n| n > 0);
        if (unpaid.is_some() || six.mentioned) && !anywhere.stated {
            out.push(Finding::Fees(FeeProblem::AmountNotStated { unpaid }));
        }
        if anywhere.in_wan {
            out.push(Finding::Fees(FeeProblem::WrongUnit));
        }
        if let Some(fees) = administrative_fees(report) {
            let same = anywhere
                .yuan
                .iter()
                .find(|y| y.parse::<rust_decimal::Decimal>().ok() == Some(fees));
            if let Some(amount) = same {
                out.push(Finding::Fees(FeeProblem::SameAsAdministrativeFees {
                    amount: amount.clone(),
                }));
            }
        }
    }
}
