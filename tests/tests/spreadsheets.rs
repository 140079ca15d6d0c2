//! Spreadsheets laid out like the template: every published report's tables written to an
//! `.xlsx` (merged cells as the template merges them) on one sheet under their headings, or one
//! table a sheet named after it, read back to its cells.

use nianbao_tests::{differences, truth, truth_names};
use report_core::layout::Section;
use report_core::Report;
use report_io::export::grid::{self, Grid};
use report_io::Format;
use rust_xlsxwriter::{Workbook, Worksheet};

/// Writes `grid` from `row` down; returns the next free row.
fn write_grid(sheet: &mut Worksheet, grid: &Grid, row: u32) -> u32 {
    for (r, i, c) in grid.placements() {
        let cell = &grid.rows[r][i];
        let (top, left) = (row + r as u32, c as u16);
        let (bottom, right) = (
            top + cell.rowspan as u32 - 1,
            left + cell.colspan as u16 - 1,
        );
        let number = cell
            .place
            .is_some()
            .then(|| cell.text.parse::<f64>().ok())
            .flatten();
        if (bottom, right) != (top, left) {
            let format = rust_xlsxwriter::Format::new();
            sheet
                .merge_range(top, left, bottom, right, &cell.text, &format)
                .expect("merged");
            if let Some(n) = number {
                sheet.write_number(top, left, n).expect("written");
            }
        } else if let Some(n) = number {
            sheet.write_number(top, left, n).expect("written");
        } else if !cell.text.is_empty() {
            sheet.write_string(top, left, &cell.text).expect("written");
        }
    }
    row + grid.rows.len() as u32
}

fn title(report: &Report) -> String {
    format!("{}{}年政府信息公开工作年度报告", report.agency, report.year)
}

fn grids(report: &Report) -> [(Section, Grid); 3] {
    let section = |n| Section::from_number(n).expect("a section");
    [
        (section(2), grid::proactive(report)),
        (section(3), grid::requests(report)),
        (section(4), grid::appeals(report)),
    ]
}

/// One sheet: the title, then each table under its section heading.
fn one_sheet(report: &Report) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, title(report)).expect("title");
    let mut row = 2;
    for (section, grid) in grids(report) {
        sheet
            .write_string(row, 0, section.heading(report.edition))
            .expect("heading");
        row = write_grid(sheet, &grid, row + 1) + 1;
    }
    book.save_to_buffer().expect("an xlsx")
}

/// One table a sheet, named "表二", "表三", "表四", with no heading; the title on the first.
fn sheet_a_table(report: &Report) -> Vec<u8> {
    let mut book = Workbook::new();
    for (k, (_, grid)) in grids(report).into_iter().enumerate() {
        let sheet = book.add_worksheet();
        sheet.set_name(["表二", "表三", "表四"][k]).expect("a name");
        let mut row = 0;
        if k == 0 {
            sheet.write_string(0, 0, title(report)).expect("title");
            row = 2;
        }
        write_grid(sheet, &grid, row);
    }
    book.save_to_buffer().expect("an xlsx")
}

#[test]
fn a_spreadsheet_laid_out_like_the_template_reads_to_its_cells() {
    let mut failures = Vec::new();
    for name in truth_names() {
        let truth = truth(&name);
        for (layout, bytes) in [
            ("one sheet", one_sheet(&truth)),
            ("a sheet per table", sheet_a_table(&truth)),
        ] {
            let read = match report_io::import(&bytes) {
                Ok(read) => read,
                Err(e) => {
                    failures.push(format!("{name} ({layout}): {e}"));
                    continue;
                }
            };
            assert_eq!(read.format, Format::Spreadsheet);
            let diffs = differences(&read, &truth);
            if !diffs.is_empty() {
                failures.push(format!("{name} ({layout}): {}", diffs.join("; ")));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_damaged_spreadsheet_is_refused_with_what_to_do() {
    let mut bytes = one_sheet(&truth("2024-huaian-city-gov"));
    // Cut the package short: the zip's directory at its end is lost.
    bytes.truncate(bytes.len() / 2);
    let err = report_io::import(&bytes).expect_err("not read");
    assert!(!err.to_string().is_empty());
    assert!(
        !err.to_string().contains("zip"),
        "no tool words for a clerk: {err}"
    );
}

/// The same workbook saved as an old Excel `.xls` and as OpenDocument `.ods` by LibreOffice
/// Calc (which `scripts/setup.sh` installs) reads to the same cells.
#[test]
fn old_excel_and_opendocument_workbooks_read_as_the_xlsx() {
    use std::process::Command;
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("workbooks");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    let name = "2024-huaian-city-gov";
    let truth = truth(name);
    let xlsx = dir.join(format!("{name}.xlsx"));
    std::fs::write(&xlsx, one_sheet(&truth)).expect("written");
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    for to in ["xls", "ods"] {
        let out = Command::new("libreoffice")
            .args([
                profile.as_str(),
                "--headless",
                "--convert-to",
                to,
                "--outdir",
            ])
            .arg(&dir)
            .arg(&xlsx)
            .output()
            .expect("libreoffice runs (scripts/setup.sh installs it)");
        let converted = dir.join(format!("{name}.{to}"));
        assert!(
            converted.exists(),
            "LibreOffice Calc wrote no .{to}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let read = report_io::import(&std::fs::read(&converted).expect("readable"))
            .unwrap_or_else(|e| panic!(".{to}: {e}"));
        assert_eq!(read.format, Format::Spreadsheet);
        assert_eq!(differences(&read, &truth), Vec::<String>::new(), ".{to}");
    }
}

#[test]
fn the_made_workbook_reads_to_its_report() {
    // `made/2024-huaian-city-gov.xlsx`: 淮安市 2024's tables, one a sheet, as `sheet_a_table`
    // writes them; the page's browser test imports it too.
    let path = nianbao_tests::fixtures().join("made/2024-huaian-city-gov.xlsx");
    let read = report_io::import(&std::fs::read(path).expect("fixture")).expect("reads");
    assert_eq!(read.format, Format::Spreadsheet);
    assert_eq!(
        differences(&read, &truth("2024-huaian-city-gov")),
        Vec::<String>::new()
    );
}
