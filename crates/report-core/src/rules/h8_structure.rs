use super::{declare_rule, Context, Rule, RuleMeta};
use crate::diagnostic::{Finding, LayoutProblem};
use crate::layout::{Edition, RequestRow};
use crate::place::Place;
use crate::report::Report;
use crate::table::{Table, TableLayout};

declare_rule! {
    /// ## What it checks
    ///
    /// The report has the layout of its year: the edition matches the year (2019 trial format for
    /// 2019 and 2020, the 2021 format from 2021), and every row and column of the edition's three
    /// tables is printed, in the edition's form. A 2021-format report that prints （六）其他处理 as
    /// a single row (the 2019 layout) is reported on that row.
    ///
    /// Section headings and labels are checked by the importers, which see them; a report given
    /// as JSON has its layout in its keys.
    ///
    /// ## Why
    ///
    /// Reports are compared across agencies and years cell by cell; a missing row or an old layout
    /// breaks every such comparison, and the single （六） row cannot be split afterwards.
    ///
    /// ## Example
    ///
    /// 洪泽区 2023 (2021 format) prints "（六）其他处理" as one row without 1./2./3.
    ///
    /// ## Source
    ///
    /// 国办公开办函〔2021〕30号 (the format for the reports of 2021 onwards); 国办公开办函〔2019〕60号.
    pub struct Structure {
        code: "H8",
        name: "layout",
        severity: Error,
        since: "0.1.0",
        needs_previous: false,
        title_zh: "版式：格式版本与年度相符，各行各列齐全",
        title_en: "Layout: the edition fits the year and every row and column is present",
        explanation_zh: "2019、2020 年度报告使用 2019 年试行格式，2021 年度起使用 2021 年版格式（国办公开办函〔2021〕30号）。表格的各行各列应齐全、顺序一致；2021 年版格式中“（六）其他处理”应分为三行，不能合并为一行。",
    }
}

fn missing<L: TableLayout>(
    table: &Table<L>,
    edition: Edition,
    place: impl Fn(L::Row, Option<L::Col>) -> Place,
    skip_row: impl Fn(L::Row) -> bool,
    out: &mut Vec<Finding>,
) {
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    for &row in L::rows() {
        if !L::row_in_edition(row, edition) || skip_row(row) {
            continue;
        }
        if !table.has_row(row) {
            rows.push(place(row, None));
            continue;
        }
        for &col in L::columns(row) {
            if L::col_in_edition(col, edition) && table.cell(row, col).is_none() {
                cells.push(place(row, Some(col)));
            }
        }
    }
    if !rows.is_empty() {
        out.push(Finding::Layout(LayoutProblem::MissingRows {
            table: L::ID,
            rows,
        }));
    }
    if !cells.is_empty() {
        out.push(Finding::Layout(LayoutProblem::MissingCells {
            table: L::ID,
            cells,
        }));
    }
}

fn check_other_processing(report: &Report, out: &mut Vec<Finding>) -> bool {
    let single = report.requests.has_row(RequestRow::Other);
    let split = RequestRow::OTHER_SPLIT
        .iter()
        .any(|&r| report.requests.has_row(r));
    match (report.edition, single, split) {
        (Edition::V2021, true, false) => {
            out.push(Finding::Layout(LayoutProblem::CollapsedOtherProcessing))
        }
        (_, true, true) => out.push(Finding::Layout(LayoutProblem::DoubleOtherProcessing)),
        _ => {}
    }
    single
}

impl Rule for Structure {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let report = cx.report;
        let expected = Edition::for_year(report.year);
        if expected != Some(report.edition) {
            out.push(Finding::Layout(LayoutProblem::EditionForYear {
                year: report.year,
                edition: report.edition,
                expected,
            }));
        }
        let single_other = check_other_processing(report, out);
        missing(
            &report.proactive,
            report.edition,
            Place::Proactive,
            |_| false,
            out,
        );
        missing(
            &report.requests,
            report.edition,
            Place::Requests,
            // The three （六） rows are already reported when the single row stands for them.
            |row| single_other && RequestRow::OTHER_SPLIT.contains(&row),
            out,
        );
        missing(
            &report.appeals,
            report.edition,
            Place::Appeals,
            |_| false,
            out,
        );
    }
}
