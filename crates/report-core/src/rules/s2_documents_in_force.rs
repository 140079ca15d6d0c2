use super::arith::Balances;
use super::{declare_rule, Context, Rule, RuleMeta};
use crate::diagnostic::Finding;
use crate::equation::{Equation, Side};
use crate::layout::{Edition, ProactiveColumn as C, ProactiveItem};
use crate::place::proactive;

declare_rule! {
    /// ## What it checks
    ///
    /// 表二 第二十条第（一）项: 现行有效件数 ≈ last year's 现行有效件数 + 本年制发件数 − 本年废止件数, for
    /// 规章 and 行政规范性文件 (2019 trial format: 对外公开总数量 ≈ last year's + 本年新公开数量). Runs
    /// only with last year's report of the same edition.
    ///
    /// ## Why
    ///
    /// The documents in force at the end of the year are those in force a year before, plus the
    /// new ones, minus the repealed ones. Real reports often fail this (documents expire, counts are
    /// re-based after a clean-up), so it is a warning, never an error.
    ///
    /// ## Example
    ///
    /// Last year 现行有效 60; this year 制发 8, 废止 2, 现行有效 70 — the arithmetic gives 66.
    ///
    /// ## Source
    ///
    /// 国办公开办函〔2021〕30号, 表二 第二十条第（一）项; FORMAT.md S2.
    pub struct DocumentsInForce {
        code: "S2",
        name: "documents-in-force",
        severity: Warning,
        since: "0.1.0",
        needs_previous: true,
        title_zh: "现行有效件数与上年衔接",
        title_en: "Documents in force follow from last year's",
        explanation_zh: "表二“现行有效件数”一般应等于上年现行有效件数加本年制发件数、减本年废止件数（2019 年试行格式为：对外公开总数量等于上年总数量加本年新公开数量）。因文件到期失效等原因常有出入，故只作提醒。",
    }
}

impl Rule for DocumentsInForce {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(previous) = cx.previous else {
            return;
        };
        let report = cx.report;
        if previous.year != report.year.saturating_sub(1) || previous.edition != report.edition {
            return;
        }
        let mut balances = Balances::default();
        for item in [
            ProactiveItem::Regulations,
            ProactiveItem::NormativeDocuments,
        ] {
            let (stock, added, removed) = match report.edition {
                Edition::V2021 => (C::InForce, C::Issued, Some(C::Repealed)),
                Edition::V2019 => (C::TotalPublished, C::Published, None),
            };
            let now = proactive(item, stock);
            if now.cell(report).is_none() {
                continue;
            }
            let before = Side::plus(previous, &[now]);
            let mut terms = vec![(proactive(item, added), 1)];
            terms.extend(removed.map(|c| (proactive(item, c), -1)));
            let change = Side::sum(report, &terms);
            // A subtraction gives no bound, so only complete figures are compared.
            if before.incomplete || change.incomplete {
                continue;
            }
            let parts = Side {
                known: before.known + change.known,
                incomplete: false,
                filled: change.filled,
            };
            let mut cells = vec![now];
            cells.extend(terms.iter().map(|(p, _)| *p));
            balances.record(
                Equation::InForce(item),
                cells,
                &parts,
                &Side::plus(report, &[now]),
            );
        }
        // Unverifiable stock counts are not worth a note: S2 is only a reminder.
        let mut findings = Vec::new();
        balances.finish(&mut findings);
        out.extend(findings.into_iter().filter(|f| !f.is_informative()));
    }
}
