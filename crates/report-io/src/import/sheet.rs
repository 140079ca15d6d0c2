//! Spreadsheets (`.xlsx`, `.xls`, `.ods`), read with calamine: a workbook whose sheets hold the
//! report's tables laid out like the template (merged cells as the template merges them), on one
//! sheet under their section headings or one table a sheet named after it ("表三", "收到和处理…").
//!
//! Each sheet's rows become table rows on their grid, positions a merged cell covers marked as
//! such; a row of one text cell (a title, a heading, a caption) becomes a paragraph.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Dimensions, Reader, Sheets};
use report_core::layout::{Edition, Section};

use super::interpret::heading;
use super::ImportError;
use crate::blocks::{Block, Source};
use crate::text::is_value;

/// More cells than the three tables of any report have, many times over.
const MAX_CELLS: usize = 200_000;

/// More than the unpacked size of any report's workbook, many times over.
const MAX_UNPACKED: u64 = 64 << 20;

/// Whether the bytes are a zip package holding a workbook (`.xlsx`, `.ods`) rather than a
/// Word document.
pub(crate) fn is_workbook_zip(bytes: &[u8]) -> bool {
    let Ok(archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return false;
    };
    let workbook = archive
        .file_names()
        .any(|n| n == "xl/workbook.xml" || n == "content.xml" || n == "xl/workbook.bin");
    workbook
}

pub(crate) fn unreadable() -> ImportError {
    ImportError::Spreadsheet(
        "这个电子表格文件已损坏或无法读取。请在 Excel 或 WPS 中打开后重新保存为 .xlsx，或另存为 PDF 后再导入".to_owned(),
    )
}

/// The blocks of a workbook, sheet by sheet.
pub(crate) fn blocks(bytes: &[u8]) -> Result<Vec<Block>, ImportError> {
    if let Ok(archive) = zip::ZipArchive::new(Cursor::new(bytes)) {
        // A zip bomb is refused before anything is unpacked.
        let unpacked: u64 = archive
            .decompressed_size()
            .unwrap_or(0)
            .try_into()
            .unwrap_or(u64::MAX);
        if unpacked > MAX_UNPACKED {
            return Err(ImportError::Spreadsheet(
                "这个电子表格解压后过大，不像是一份年度报告".to_owned(),
            ));
        }
    }
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| unreadable())?;
    let mut out = Vec::new();
    let mut cells = 0usize;
    for (index, name) in workbook.sheet_names().into_iter().enumerate() {
        let Ok(range) = workbook.worksheet_range(&name) else {
            continue;
        };
        let (height, width) = range.get_size();
        cells = cells.saturating_add(height.saturating_mul(width));
        if cells > MAX_CELLS {
            return Err(ImportError::Spreadsheet(
                "这个电子表格的单元格过多，不像是一份年度报告".to_owned(),
            ));
        }
        let merges = merges(&mut workbook, &name);
        let (Some(start), Some(end)) = (range.start(), range.end()) else {
            continue;
        };
        let mut sheet = Vec::new();
        // Which section the rows are in (a sheet named after its table starts in it), and
        // whether its table has begun: inside a table, a row of one label is a row of blanks.
        let mut section = section_named(&name).map_or(0, Section::number);
        let mut numbers = false;
        for r in start.0..=end.0 {
            let mut texts = Vec::new();
            let mut covered = Vec::new();
            for c in start.1..=end.1 {
                let inside = merges.iter().find(|m| m.contains(r, c));
                let is_covered = inside.is_some_and(|m| m.start != (r, c));
                let text = if is_covered {
                    String::new()
                } else {
                    range.get_value((r, c)).map(text_of).unwrap_or_default()
                };
                texts.push(text);
                covered.push(is_covered);
            }
            let source = Source::table_row(index + 1, (r - start.0) as usize + 1);
            let filled: Vec<&String> = texts.iter().filter(|t| !t.is_empty()).collect();
            let titled = match filled.as_slice() {
                [] => continue,
                [only] if !is_value(only) => Some(heading(only)),
                _ => None,
            };
            match titled {
                Some(Some((number, _))) => {
                    section = number;
                    numbers = false;
                    sheet.push(Block::para(filled[0].as_str(), source));
                }
                Some(None) if !(matches!(section, 2..=4) && numbers) => {
                    sheet.push(Block::para(filled[0].as_str(), source));
                }
                _ => {
                    numbers |= texts.iter().any(|t| is_value(t));
                    sheet.push(Block::merged_row(texts, covered, source));
                }
            }
        }
        // A sheet named after its table and printing no heading of its own gets the heading.
        let headed = sheet
            .iter()
            .any(|b| matches!(b, Block::Para { text, .. } if heading(text).is_some()));
        if !headed {
            if let Some(section) = section_named(&name) {
                out.push(Block::para(
                    section.heading(Edition::V2021),
                    Source::table_row(index + 1, 0),
                ));
            }
        }
        out.extend(sheet);
    }
    Ok(out)
}

/// The merged regions of a sheet, where the format records them.
fn merges(workbook: &mut Sheets<Cursor<&[u8]>>, name: &str) -> Vec<Dimensions> {
    match workbook {
        Sheets::Xlsx(x) => x
            .worksheet_merge_cells(name)
            .and_then(Result::ok)
            .unwrap_or_default(),
        Sheets::Xls(x) => x.worksheet_merge_cells(name).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// A cell as printed: whole numbers without a fraction, money as its shortest decimal.
fn text_of(data: &Data) -> String {
    match data {
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_owned(),
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::Bool(_) | Data::Error(_) | Data::Empty => String::new(),
    }
}

/// The section a sheet's name says it holds: "表三", "收到和处理政府信息公开申请情况".
fn section_named(name: &str) -> Option<Section> {
    let name: String = name.split_whitespace().collect();
    [("表二", 2), ("表三", 3), ("表四", 4)]
        .iter()
        .find(|(t, _)| name.contains(t))
        .and_then(|&(_, n)| Section::from_number(n))
        .or_else(|| {
            (2..=4)
                .filter_map(Section::from_number)
                .find(|s| s.def().words.iter().any(|w| name.contains(w)))
        })
}
