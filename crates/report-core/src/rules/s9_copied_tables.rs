use super::{declare_rule, Context, Rule, RuleMeta};
use crate::diagnostic::Finding;
use crate::layout::TableId;
use crate::place::Place;

declare_rule! {
    /// ## What it checks
    ///
    /// With last year's report (of the year before): no table is the same as last year's, cell
    /// for cell. A table counts as the same when every cell that holds a count in both reports
    /// holds the same count, no cell differs, and the table has figures enough not to be the
    /// same by chance: at least five counts above 0, adding up to 20 or more. Tables with fewer
    /// (a 表四 of zeros, or of three small cases) are not judged: they are often the same.
    ///
    /// ## Why
    ///
    /// A table identical to last year's, down to every count, is the mark of a report copied
    /// from last year's and not updated; evaluators look for it.
    ///
    /// ## Example
    ///
    /// The 2024 report's 表三 repeats the 2023 report's: 新收 52 from 自然人, 8 from 法人, every
    /// result the same.
    ///
    /// ## Source
    ///
    /// Evaluation practice of the provincial 政务公开 offices; docs/format.md, rule S9.
    pub struct CopiedTables {
        code: "S9",
        name: "copied-tables",
        severity: Warning,
        since: "0.2.0",
        needs_previous: true,
        title_zh: "表格不与上年报告完全相同",
        title_en: "No table is the same as last year's",
        explanation_zh: "表格中的每个数字都与上年报告相同，通常说明表格照搬了上年报告而没有更新。全部为 0 或数字很少的表格不在此列。需要提供上年报告才能核对。",
    }
}

/// A table needs at least this many counts above 0 to be judged…
const FIGURES: usize = 5;
/// …adding up to at least this.
const SUM: u64 = 20;

/// Every cell of the report's tables that holds a count, with the count.
pub fn counts(report: &crate::report::Report) -> Vec<(Place, u64)> {
    report
        .cells()
        .filter_map(|(place, cell)| Some((place, cell.count()?)))
        .collect()
}

/// Whether `table`, with these counts, has figures enough not to be the same as another's by
/// chance: at least five counts above 0, adding up to 20 or more.
pub fn has_figures(counts: &[(Place, u64)], table: TableId) -> bool {
    let (figures, sum) = counts
        .iter()
        .filter(|(p, _)| p.table() == Some(table))
        .fold((0, 0u64), |(f, s), &(_, n)| {
            (f + usize::from(n > 0), s.saturating_add(n))
        });
    figures >= FIGURES && sum >= SUM
}

/// The tables of `this` (its counts, as [`counts`] lists them) that are the same as `other`'s,
/// count for count, and have figures enough not to be the same by chance (the definition of
/// rule S9, used also to compare the reports of a batch with each other).
pub fn same_tables(this: &[(Place, u64)], other: impl Fn(Place) -> Option<u64>) -> Vec<TableId> {
    TableId::ALL
        .into_iter()
        .filter(|&table| {
            has_figures(this, table)
                && this
                    .iter()
                    .filter(|(p, _)| p.table() == Some(table))
                    .all(|&(place, n)| other(place).is_none_or(|then| then == n))
        })
        .collect()
}

impl Rule for CopiedTables {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(previous) = cx.last_year() else {
            return;
        };
        let this = counts(cx.report);
        let same = same_tables(&this, |p| {
            previous.cell(p).and_then(crate::cell::Cell::count)
        });
        // A cell of each, where the finding is shown.
        let cells: Vec<Place> = same
            .iter()
            .filter_map(|&t| {
                this.iter()
                    .find(|(p, n)| p.table() == Some(t) && *n > 0)
                    .map(|(p, _)| *p)
            })
            .collect();
        if !same.is_empty() {
            out.push(Finding::CopiedTables {
                tables: same,
                cells,
            });
        }
    }
}
