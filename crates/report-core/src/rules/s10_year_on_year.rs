use super::{declare_rule, Context, Rule, RuleMeta};
use crate::diagnostic::Finding;
use crate::layout::{AppealGroup, Applicant, Outcome, RequestRow};
use crate::place::Place;

declare_rule! {
    /// ## What it checks
    ///
    /// With last year's report (of the year before): the report's main counts did not change
    /// five-fold or more, up or down. The counts are 表三's new applications (本年新收 总计) and
    /// 表四's totals of 行政复议, 未经复议直接起诉 and 复议后起诉. A change is noted when the larger
    /// of the two years is at least 20 and at least five times the smaller (so 0 → 25 is noted,
    /// 2 → 10 is not).
    ///
    /// This is a question an evaluator asks, not an error: a new policy, a campaign or a merger
    /// explains many such changes. It is a note (提示).
    ///
    /// ## Why
    ///
    /// A count five times last year's is often a unit slip (a 总计 typed into a part), a figure
    /// from another agency, or last year's report read wrongly; it is worth a second look.
    ///
    /// ## Example
    ///
    /// 本年新收 总计 620 against 58 last year.
    ///
    /// ## Source
    ///
    /// Evaluation practice (year-on-year comparison of reports); docs/format.md, rule S10.
    pub struct YearOnYear {
        code: "S10",
        name: "year-on-year",
        severity: Info,
        since: "0.2.0",
        needs_previous: true,
        title_zh: "主要件数与上年相比变化过大",
        title_en: "Main counts did not change five-fold from last year",
        explanation_zh: "本年新收申请数和行政复议、行政诉讼总计与上年报告相比变化 5 倍以上（且较大的一年不少于 20 件）时提示核对：这常是填错行列、误用他单位数字或上年数字读错所致，也可能确有原因。需要提供上年报告。",
    }
}

/// A change is noted when the larger year is at least this many times the smaller…
pub(crate) const FACTOR: u64 = 5;
/// …and at least this large.
pub(crate) const AT_LEAST: u64 = 20;

/// The counts compared with last year's.
const COMPARED: [Place; 4] = [
    Place::Requests(RequestRow::New, Some(Applicant::Total)),
    Place::Appeals(AppealGroup::Review, Some(Outcome::Total)),
    Place::Appeals(AppealGroup::LitigationDirect, Some(Outcome::Total)),
    Place::Appeals(AppealGroup::LitigationAfterReview, Some(Outcome::Total)),
];

impl Rule for YearOnYear {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(previous) = cx.last_year() else {
            return;
        };
        for place in COMPARED {
            let (Some(now), Some(then)) = (
                cx.report.cell(place).and_then(crate::cell::Cell::count),
                previous.cell(place).and_then(crate::cell::Cell::count),
            ) else {
                continue;
            };
            let (small, large) = (now.min(then), now.max(then));
            if large >= AT_LEAST && large >= small.saturating_mul(FACTOR) {
                out.push(Finding::YearOnYear {
                    cell: place,
                    this_year: now,
                    last_year: then,
                });
            }
        }
    }
}
