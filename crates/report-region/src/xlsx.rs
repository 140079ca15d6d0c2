//! The region's check as an Excel workbook: an overview, one row per unit, one row per finding,
//! and every cell of every report (one row per report, one column per cell, headed by the
//! official labels) for pivot tables.

use report_core::{Cell, Edition, Report, Severity};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::figures::FIGURES;
use crate::summary::{self, Tally, Verdict};
use crate::{html::unit_name, Region, Unit};

/// The workbook, as the bytes of an `.xlsx` file.
pub fn workbook(region: &Region<'_>) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let mut properties = DocProperties::new().set_title("政府信息公开工作年度报告核查结果");
    // The day of the check stands for the file's creation time, so that the same reports
    // checked the same day give the same file.
    if let Some(date) = region.generated {
        let day = ExcelDateTime::from_ymd(date.year, date.month, date.day)?;
        properties = properties.set_creation_datetime(&day);
    }
    book.set_properties(&properties);
    let bold = Format::new().set_bold();
    overview(book.add_worksheet(), region, &bold)?;
    units(book.add_worksheet(), &region.units, &bold)?;
    findings(book.add_worksheet(), &region.units, &bold)?;
    for edition in [Edition::V2021, Edition::V2019] {
        let of_edition: Vec<(&Unit<'_>, &Report)> = region
            .units
            .iter()
            .filter_map(|u| u.outcome.as_ref().ok().map(|r| (u, r.report)))
            .filter(|(_, r)| r.edition == edition)
            .collect();
        if !of_edition.is_empty() {
            cells(book.add_worksheet(), edition, &of_edition, &bold)?;
        }
    }
    book.save_to_buffer()
}

/// The sheet's name for the cells of `edition`'s reports.
pub fn cells_sheet_name(edition: Edition) -> &'static str {
    match edition {
        Edition::V2021 => "单元格（2021年版）",
        Edition::V2019 => "单元格（2019年试行）",
    }
}

/// Writes a header row, frozen and filterable, with the widths given.
fn header(
    sheet: &mut Worksheet,
    names: &[&str],
    widths: &[f64],
    rows: usize,
    bold: &Format,
) -> Result<(), XlsxError> {
    for (col, name) in names.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *name, bold)?;
        let width = widths.get(col).copied().unwrap_or(14.0);
        sheet.set_column_width(col as u16, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    if !names.is_empty() {
        sheet.autofilter(0, 0, rows as u32, (names.len() - 1) as u16)?;
    }
    Ok(())
}

fn overview(sheet: &mut Worksheet, region: &Region<'_>, bold: &Format) -> Result<(), XlsxError> {
    sheet.set_name("概况")?;
    let tally = Tally::of(&region.units);
    sheet.set_column_width(0, 34.0)?;
    sheet.set_column_width(1, 30.0)?;
    sheet.set_column_width(2, 10.0)?;
    sheet.set_column_width(3, 10.0)?;
    sheet.set_column_width(4, 10.0)?;
    sheet.write_string_with_format(0, 0, "核查结果", bold)?;
    let lines: [(&str, usize); 5] = [
        ("报告", tally.total),
        ("通过", tally.passed + tally.warned),
        ("其中有警告", tally.warned),
        ("有错误", tally.failed),
        ("无法读取", tally.unreadable),
    ];
    for (i, (name, n)) in lines.iter().enumerate() {
        sheet.write_string(1 + i as u32, 0, *name)?;
        sheet.write_number(1 + i as u32, 1, *n as f64)?;
    }
    if let Some(date) = region.generated {
        sheet.write_string(6, 0, "核查日期")?;
        sheet.write_string(6, 1, date.to_string())?;
    }
    let top = 8;
    for (col, name) in ["代码", "规则", "严重程度", "单位数", "发现处数"]
        .iter()
        .enumerate()
    {
        sheet.write_string_with_format(top, col as u16, *name, bold)?;
    }
    for (i, t) in summary::by_rule(&region.units).iter().enumerate() {
        let row = top + 1 + i as u32;
        sheet.write_string(row, 0, t.code)?;
        sheet.write_string(row, 1, t.title)?;
        sheet.write_string(row, 2, t.severity.zh())?;
        sheet.write_number(row, 3, t.units as f64)?;
        sheet.write_number(row, 4, t.findings as f64)?;
    }
    Ok(())
}

fn units(sheet: &mut Worksheet, units: &[Unit<'_>], bold: &Format) -> Result<(), XlsxError> {
    sheet.set_name("单位")?;
    let mut names = vec![
        "文件",
        "机关",
        "年度",
        "格式版本",
        "结果",
        "错误",
        "警告",
        "提示",
        "错误代码",
        "警告代码",
    ];
    names.extend(FIGURES.iter().map(|f| f.name));
    names.extend(["上年报告", "说明"]);
    let mut widths = vec![36.0, 30.0, 7.0, 16.0, 14.0, 7.0, 7.0, 7.0, 18.0, 18.0];
    widths.extend(FIGURES.iter().map(|_| 13.0));
    widths.extend([30.0, 50.0]);
    header(sheet, &names, &widths, units.len(), bold)?;
    for (i, unit) in units.iter().enumerate() {
        let row = 1 + i as u32;
        sheet.write_string(row, 0, unit.file)?;
        sheet.write_string(row, 4, Verdict::of(unit).zh())?;
        let at_note = 10 + FIGURES.len() as u16;
        match &unit.outcome {
            Ok(read) => {
                let report = read.report;
                let counts = read.result.counts;
                sheet.write_string(row, 1, &report.agency)?;
                sheet.write_number(row, 2, f64::from(report.year))?;
                sheet.write_string(
                    row,
                    3,
                    report_core::message::edition_short_zh(report.edition),
                )?;
                sheet.write_number(row, 5, counts.errors as f64)?;
                sheet.write_number(row, 6, counts.warnings as f64)?;
                sheet.write_number(row, 7, counts.infos as f64)?;
                sheet.write_string(row, 8, summary::codes(unit, Severity::Error))?;
                sheet.write_string(row, 9, summary::codes(unit, Severity::Warning))?;
                for (f, figure) in FIGURES.iter().enumerate() {
                    if let Some(n) = figure.of(report) {
                        sheet.write_number(row, 10 + f as u16, n as f64)?;
                    }
                }
                if let Some(last) = &read.last_year {
                    sheet.write_string(row, at_note, &last.file)?;
                }
                if let Some(note) = &unit.note {
                    sheet.write_string(row, at_note + 1, note)?;
                }
            }
            Err(why) => {
                sheet.write_string(row, 1, unit_name(unit))?;
                sheet.write_string(row, at_note + 1, *why)?;
            }
        }
    }
    Ok(())
}

fn findings(sheet: &mut Worksheet, units: &[Unit<'_>], bold: &Format) -> Result<(), XlsxError> {
    sheet.set_name("问题")?;
    let names = [
        "文件",
        "机关",
        "年度",
        "代码",
        "规则",
        "严重程度",
        "说明",
        "位置",
        "原文",
    ];
    let widths = [36.0, 30.0, 7.0, 7.0, 26.0, 9.0, 80.0, 40.0, 16.0];
    let mut row = 0u32;
    for unit in units {
        let Ok(read) = &unit.outcome else { continue };
        let edition = read.report.edition;
        for d in &read.result.diagnostics {
            row += 1;
            sheet.write_string(row, 0, unit.file)?;
            sheet.write_string(row, 1, &read.report.agency)?;
            sheet.write_number(row, 2, f64::from(read.report.year))?;
            sheet.write_string(row, 3, d.code)?;
            sheet.write_string(
                row,
                4,
                report_core::message::code_title_zh(d.code).unwrap_or_default(),
            )?;
            sheet.write_string(row, 5, d.severity.zh())?;
            sheet.write_string(row, 6, &d.message)?;
            let places: Vec<String> = d.places.iter().map(|p| p.describe_zh(edition)).collect();
            sheet.write_string(row, 7, places.join("、"))?;
            if let Some(source) = d.source {
                sheet.write_string(row, 8, source.describe_zh())?;
            }
        }
    }
    header(sheet, &names, &widths, row as usize, bold)
}

fn cells(
    sheet: &mut Worksheet,
    edition: Edition,
    reports: &[(&Unit<'_>, &Report)],
    bold: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name(cells_sheet_name(edition))?;
    // Every cell the edition prints, in printed order.
    let places: Vec<report_core::Place> = Report::blank(edition, 2000, "")
        .cells()
        .map(|(place, _)| place)
        .collect();
    let labels: Vec<String> = places.iter().map(|p| p.describe_zh(edition)).collect();
    let mut names = vec!["文件", "机关", "年度"];
    names.extend(labels.iter().map(String::as_str));
    let mut widths = vec![36.0, 30.0, 7.0];
    widths.extend(places.iter().map(|_| 12.0));
    header(sheet, &names, &widths, reports.len(), bold)?;
    for (i, (unit, report)) in reports.iter().enumerate() {
        let row = 1 + i as u32;
        sheet.write_string(row, 0, unit.file)?;
        sheet.write_string(row, 1, &report.agency)?;
        sheet.write_number(row, 2, f64::from(report.year))?;
        for (c, place) in places.iter().enumerate() {
            let col = 3 + c as u16;
            match report.cell(*place) {
                None | Some(Cell::Blank) => {}
                Some(Cell::Count(n)) => {
                    sheet.write_number(row, col, *n as f64)?;
                }
                Some(Cell::Signed(n)) => {
                    sheet.write_number(row, col, *n as f64)?;
                }
                Some(other) => {
                    // Amounts keep their exact digits as numbers when they fit; anything else
                    // is written as printed.
                    let text = other.display();
                    match (other, text.parse::<f64>()) {
                        (Cell::Money(_), Ok(n)) => sheet.write_number(row, col, n)?,
                        _ => sheet.write_string(row, col, text)?,
                    };
                }
            }
        }
    }
    Ok(())
}
