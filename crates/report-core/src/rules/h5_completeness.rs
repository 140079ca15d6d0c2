use super::{declare_rule, Context, Rule, RuleMeta};
use crate::cell::Cell;
use crate::diagnostic::Finding;
use crate::equation::table_equations;
use crate::layout::TableId;
use crate::place::Place;

declare_rule! {
    /// ## What it checks
    ///
    /// Every cell of 表二, 表三 and 表四 holds a value. A blank cell is not 0, and "/", "—" or "无"
    /// in a cell are defects to report, not zeros to assume. One finding per table lists its blank
    /// cells, another the cells holding such marks. Where a form computes the totals, a blank
    /// total whose parts are not all filled is not listed: filling the parts fills it.
    ///
    /// ## Why
    ///
    /// A reader cannot tell a blank from "not counted" or "forgot"; the format asks for a number in
    /// every cell, 0 where nothing happened. Blanks also leave the totals unverifiable.
    ///
    /// ## Example
    ///
    /// 上海市人民政府办公厅 2019: the 总计 column of every result row is left blank, as are the
    /// 科研机构 and 社会公益组织 columns.
    ///
    /// ## Source
    ///
    /// 国办公开办函〔2021〕30号 (every cell of the tables is to be filled); docs/format.md, rule H5.
    pub struct Completeness {
        code: "H5",
        name: "completeness",
        severity: Error,
        since: "0.1.0",
        needs_previous: false,
        title_zh: "每个单元格都应填写数字，空白不等于 0",
        title_en: "Every cell holds a number; blank is not zero",
        explanation_zh: "表二、表三、表四的每个单元格都应填写数字，没有发生的填 0。空白、“/”“—”“无”等都不等于 0：读者无法分辨是没有发生还是漏填，合计也无法核对。",
    }
}

impl Rule for Completeness {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        // Where a form computes the totals, a blank total whose parts are not all filled follows
        // from them: filling the parts fills it, so only the parts are listed.
        let blank = |p: Place| cx.report.cell(p).is_none_or(Cell::is_blank);
        let follows: Vec<Place> = if cx.totals_computed {
            table_equations(cx.report)
                .into_iter()
                .filter_map(|e| {
                    let total = e.computed_total()?;
                    let terms = e.terms(cx.report);
                    (blank(total) && terms.parts.iter().any(|t| blank(t.place))).then_some(total)
                })
                .collect()
        } else {
            Vec::new()
        };
        for table in TableId::ALL {
            let in_table = cx
                .report
                .cells()
                .filter(|(place, _)| place.table() == Some(table));
            let mut blanks = Vec::new();
            let mut placeholders = Vec::new();
            for (place, cell) in in_table {
                if cell.is_blank() {
                    if !follows.contains(&place) {
                        blanks.push(place);
                    }
                } else if cell.is_placeholder() {
                    placeholders.push((place, cell.display()));
                }
            }
            if !blanks.is_empty() {
                out.push(Finding::Blanks {
                    table,
                    cells: blanks,
                });
            }
            if !placeholders.is_empty() {
                out.push(Finding::Placeholders {
                    table,
                    cells: placeholders,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::layout::{Applicant, Edition, RequestRow};
    use crate::place::req;
    use crate::{check, CheckOptions, Finding, Report};

    fn listed_blanks(report: &Report, totals_computed: bool) -> Vec<crate::Place> {
        let options = CheckOptions {
            totals_computed,
            ..Default::default()
        };
        check(report, &options)
            .diagnostics
            .into_iter()
            .filter(|d| matches!(d.finding, Finding::Blanks { .. }))
            .flat_map(|d| d.places)
            .collect()
    }

    #[test]
    fn a_computed_total_blank_because_of_its_parts_is_not_listed() {
        let mut r = Report::blank(Edition::V2021, 2024, "某某局");
        crate::edit::fill_blanks_with_zero(&mut r);
        let part = req(RequestRow::New, Applicant::NaturalPerson);
        let total = req(RequestRow::New, Applicant::Total);
        r.set_cell(part, crate::Cell::Blank);
        crate::totals::fill(&mut r);
        let listed = listed_blanks(&r, true);
        assert!(listed.contains(&part));
        assert!(!listed.contains(&total), "{listed:?}");
        // In a published report the blank total is a defect of its own.
        assert!(listed_blanks(&r, false).contains(&total));
        // A total left blank although its parts are all filled is listed either way.
        r.set_cell(part, crate::Cell::Count(1));
        r.set_cell(total, crate::Cell::Blank);
        assert_eq!(listed_blanks(&r, true), vec![total]);
    }
}
