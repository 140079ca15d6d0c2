//! `.docx`: a filled copy of the official Word template (or any Word report).
//!
//! The package is a zip archive; only `word/document.xml` is read, through a size limit, so that a
//! zip bomb ends in an error rather than in exhausted memory. Paragraphs become paragraphs; tables
//! become rows on their grid, with horizontal merges (`w:gridSpan`) expanded and the continuation
//! cells of vertical merges (`w:vMerge`) left empty, as the HTML reader does with rowspan.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::ImportError;
use crate::blocks::{Block, Source};

/// The most `word/document.xml` may expand to. The official template is 250 KB.
const MAX_XML: u64 = 32 << 20;
/// The most entries a package may list.
const MAX_ENTRIES: usize = 10_000;
/// Merged cells wider than this are read as this wide.
const MAX_SPAN: usize = 64;
const MAX_DEPTH: usize = 32;

/// Whether bytes are a zip archive (as every `.docx` is).
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Why a `.docx` could not be read.
fn broken(what: &str) -> ImportError {
    ImportError::Docx(what.to_owned())
}

/// The text of `word/document.xml`.
fn document_xml(bytes: &[u8]) -> Result<String, ImportError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| broken("文件已损坏或不完整，不是有效的 Word 或 Excel 文件。请重新下载原文件，或在 Word、WPS 中打开后重新保存再导入"))?;
    if archive.len() > MAX_ENTRIES {
        return Err(broken("Word 文档包含的文件过多"));
    }
    let entry = archive
        .by_name("word/document.xml")
        .map_err(|_| broken("Word 文档中没有正文（word/document.xml）"))?;
    let mut xml = Vec::new();
    entry
        .take(MAX_XML + 1)
        .read_to_end(&mut xml)
        .map_err(|_| broken("Word 文档正文无法解压"))?;
    if xml.len() as u64 > MAX_XML {
        return Err(broken("Word 文档正文解压后过大"));
    }
    String::from_utf8(xml).map_err(|_| {
        broken("Word 文档正文的文字无法识别，文件可能已损坏；请用 Word 打开后重新保存再导入")
    })
}

#[derive(Default)]
struct Cell {
    text: String,
    span: usize,
    /// `Some(true)` starts a vertical merge, `Some(false)` continues one.
    merge: Option<bool>,
}

#[derive(Default)]
struct Table {
    rows: Vec<Vec<Cell>>,
}

fn attribute(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            // The document is UTF-8 text already; only entities are left to undo.
            let raw = std::str::from_utf8(&a.value).ok()?;
            quick_xml::escape::unescape(raw)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The blocks of a `.docx` file.
pub(crate) fn blocks(bytes: &[u8]) -> Result<Vec<Block>, ImportError> {
    let xml = document_xml(bytes)?;
    let mut reader = Reader::from_str(&xml);
    let mut out = Vec::new();
    let mut tables: Vec<Table> = Vec::new();
    let mut paragraph = String::new();
    let mut in_text = false;
    let mut paragraphs = 0usize;
    let mut table_count = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|_| broken("Word 文档正文的 XML 有误"))?;
        match event {
            Event::Start(e) if e.local_name().as_ref() == b"t" => in_text = true,
            Event::Start(e) | Event::Empty(e) => {
                // Elements are matched by local name: writers differ in their namespace prefixes.
                match e.local_name().as_ref() {
                    b"tab" => paragraph.push('\t'),
                    b"tbl" if tables.len() < MAX_DEPTH => tables.push(Table::default()),
                    b"tr" => {
                        if let Some(t) = tables.last_mut() {
                            t.rows.push(Vec::new());
                        }
                    }
                    b"tc" => {
                        if let Some(row) = tables.last_mut().and_then(|t| t.rows.last_mut()) {
                            row.push(Cell {
                                text: String::new(),
                                span: 1,
                                merge: None,
                            });
                        }
                    }
                    b"gridSpan" => {
                        let span = attribute(&e, b"val")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(1usize);
                        if let Some(cell) = tables
                            .last_mut()
                            .and_then(|t| t.rows.last_mut())
                            .and_then(|r| r.last_mut())
                        {
                            cell.span = span.clamp(1, MAX_SPAN);
                        }
                    }
                    b"vMerge" => {
                        let restart = attribute(&e, b"val").as_deref() == Some("restart");
                        if let Some(cell) = tables
                            .last_mut()
                            .and_then(|t| t.rows.last_mut())
                            .and_then(|r| r.last_mut())
                        {
                            cell.merge = Some(restart);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text => {
                paragraph.push_str(
                    &t.unescape()
                        .map_err(|_| broken("Word 文档正文的文字有误"))?,
                );
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => {
                    let text = std::mem::take(&mut paragraph);
                    match tables
                        .last_mut()
                        .and_then(|t| t.rows.last_mut())
                        .and_then(|r| r.last_mut())
                    {
                        // Paragraphs inside a cell are one label broken over lines.
                        Some(cell) => cell.text.push_str(text.trim()),
                        None => {
                            paragraphs += 1;
                            if !text.trim().is_empty() {
                                out.push(Block::para(text.trim(), Source::line(paragraphs)));
                            }
                        }
                    }
                }
                b"tbl" => {
                    if let Some(table) = tables.pop() {
                        table_count += 1;
                        out.extend(grid_rows(table, table_count));
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

fn grid_rows(table: Table, index: usize) -> Vec<Block> {
    let width = table
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.span).sum::<usize>())
        .max()
        .unwrap_or(0);
    table
        .rows
        .into_iter()
        .enumerate()
        .filter_map(|(r, row)| {
            let mut cells = Vec::with_capacity(width);
            let mut covered = Vec::with_capacity(width);
            for cell in row {
                // The continuation of a vertical merge is covered from above.
                let continues = cell.merge == Some(false);
                let text = if continues {
                    String::new()
                } else {
                    cell.text.split_whitespace().collect()
                };
                cells.push(text);
                covered.push(continues);
                cells.extend(std::iter::repeat_n(String::new(), cell.span - 1));
                covered.extend(std::iter::repeat_n(true, cell.span - 1));
            }
            cells.resize(width, String::new());
            covered.resize(width, false);
            cells
                .iter()
                .any(|c| !c.is_empty())
                .then(|| Block::merged_row(cells, covered, Source::table_row(index, r + 1)))
        })
        .collect()
}
