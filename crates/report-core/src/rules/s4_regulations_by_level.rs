use super::{declare_rule, Context, Rule, RuleMeta};
use crate::diagnostic::Finding;
use crate::layout::{ProactiveColumn as C, ProactiveItem};
use crate::place::proactive;
use crate::report::AgencyLevel;

declare_rule! {
    /// ## What it checks
    ///
    /// 表二 规章 is 0 for agencies that cannot make 规章: 乡镇/街道, counties, county-level cities
    /// and districts, and their departments. The level is the report's `agency_level` or, where the
    /// name leaves no doubt (…街道…, …县…, …区人民政府), inferred from the agency's name.
    ///
    /// ## Why
    ///
    /// Under the 立法法, 规章 are made only by State Council departments and by the governments of
    /// provinces and of cities divided into districts. A county-level report with 规章 has usually
    /// put its 行政规范性文件 in the wrong row.
    ///
    /// ## Example
    ///
    /// A 街道办事处 reports 规章 本年制发件数 2.
    ///
    /// ## Source
    ///
    /// 《中华人民共和国立法法》第九十一条、第九十三条; docs/format.md, rule S4.
    pub struct RegulationsByLevel {
        code: "S4",
        name: "regulations-by-level",
        severity: Warning,
        since: "0.1.0",
        needs_previous: false,
        title_zh: "县级及以下机关不应有规章",
        title_en: "Agencies at county level and below have no 规章",
        explanation_zh: "规章只能由国务院部门和省级、设区的市级人民政府制定。乡镇（街道）、县级政府及其部门的表二“规章”一般应为 0，如有数字，多半是把行政规范性文件填错了行。",
    }
}

impl Rule for RegulationsByLevel {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(level @ (AgencyLevel::County | AgencyLevel::Township)) = cx.report.level() else {
            return;
        };
        let columns = [
            C::Issued,
            C::InForce,
            C::Made,
            C::Published,
            C::TotalPublished,
        ];
        let cells: Vec<_> = columns
            .into_iter()
            .map(|c| proactive(ProactiveItem::Regulations, c))
            .filter(|p| {
                cx.report
                    .cell(*p)
                    .and_then(|c| c.count())
                    .is_some_and(|n| n > 0)
            })
            .collect();
        if !cells.is_empty() {
            out.push(Finding::RegulationsAtLevel { level, cells });
        }
    }
}
