//! Import: detect the format, turn the document into blocks, interpret the blocks.

use std::collections::BTreeMap;

use report_core::Report;
use serde::Serialize;

use crate::blocks::{Block, Source};
use report_core::Diagnostic;

#[cfg(feature = "pdf")]
mod columns;
mod csv;
mod docx;
mod html;
mod interpret;
mod layout;
mod lines;
mod markdown;
#[cfg(feature = "pdf")]
pub mod pdf;
mod runs;
#[cfg(feature = "spreadsheets")]
mod sheet;
pub(crate) mod split;
mod tsv;

/// The file name extensions of the documents the importers read (report JSON aside), for file
/// choosers and folder searches.
pub const EXTENSIONS: &[&str] = &[
    "txt", "html", "htm", "md", "markdown", "csv", "docx", "pdf", "xlsx", "xls", "ods",
];

/// The largest document an importer reads. Real reports are far below it; a larger input is
/// refused at once rather than read slowly.
pub const MAX_BYTES: usize = 20 << 20;

/// More pages than any annual report has (they run to 5–30).
pub const MAX_PDF_PAGES: usize = 300;

/// The formats an imported document can be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Text from Word or a web page, table rows as tab-separated cells.
    TabText,
    /// `pdftotext -layout` output: columns aligned with spaces, labels broken over lines.
    PdfLayout,
    /// Web page text whose table cells run together with no separator.
    RunTogether,
    /// Text copied from a PDF viewer (or `pdftotext` without `-layout`): one cell a line.
    CellLines,
    /// HTML: a portal page, or what Word and WPS put on the clipboard.
    Html,
    /// Markdown with pipe tables, as OCR tools print it.
    Markdown,
    /// The tidy CSV that `render --to csv` writes.
    Csv,
    /// A Word document (`.docx`), such as a filled copy of the official template.
    Docx,
    /// A PDF file, read directly (its text layer).
    Pdf,
    /// A spreadsheet (`.xlsx`, `.xls`, `.ods`) holding the tables.
    Spreadsheet,
}

impl Format {
    /// The Chinese name of the format.
    pub const fn name_zh(self) -> &'static str {
        match self {
            Format::TabText => "制表符分隔的文本（Word 或网页复制）",
            Format::PdfLayout => "从 PDF 转换的排版文本",
            Format::RunTogether => "单元格连在一起的网页文本",
            Format::CellLines => "从 PDF 阅读器复制的文字（一格一行）",
            Format::Html => "HTML 网页",
            Format::Markdown => "Markdown（OCR 识别结果）",
            Format::Csv => "CSV（每个单元格一行）",
            Format::Docx => "Word 文档（.docx）",
            Format::Pdf => "PDF 文件",
            Format::Spreadsheet => "电子表格（.xlsx、.xls、.ods）",
        }
    }
}

/// Why a document could not be imported at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The document is empty.
    #[error("文件为空")]
    Empty,
    /// The document is larger than [`MAX_BYTES`].
    #[error("文件过大（{0} 字节），超过 {MAX_BYTES} 字节的上限，不像是一份年度报告")]
    TooLarge(usize),
    /// The document is not UTF-8 text.
    #[error("第 {line} 行（第 {offset} 字节）起的文字无法识别，文件可能是用旧的中文编码保存的。请用记事本或 Word 打开，“另存为”时在“编码”中选择“UTF-8”，再导入")]
    NotUtf8 {
        /// The line of the first invalid byte.
        line: usize,
        /// The offset of the first invalid byte.
        offset: usize,
    },
    /// A `.docx` file that cannot be read.
    #[error("{0}")]
    Docx(String),
    /// A spreadsheet that cannot be read.
    #[error("{0}")]
    Spreadsheet(String),
    /// A file of the old Word, WPS or Excel formats (`.doc`, `.wps`, `.xls`, `.et`).
    #[error("这是旧版 Word、WPS 或 Excel 文件（.doc、.wps、.xls、.et），无法直接读取。请在 Word 或 WPS 中打开，“另存为” Word 文档（.docx）或 PDF 后再导入；也可以全选复制正文，粘贴导入")]
    OldOffice,
    /// A PDF that cannot be read: damaged, or a font or content its reader cannot parse.
    #[error("{0}")]
    Pdf(String),
    /// A PDF protected by a password.
    #[error("这个 PDF 文件设置了打开密码，无法读取。请向发布机关索取未加密的版本，或在 PDF 阅读器中输入密码打开后全选复制正文，粘贴导入")]
    PdfEncrypted,
    /// A PDF with no text: a scan.
    #[error("这是扫描件，没有可读取的文字层：页面上的文字是图片。请向发布机关索取可复制文字的 PDF 或 Word 版本，或先用文字识别（OCR）软件识别，再把识别结果粘贴导入")]
    PdfScanned,
    /// A PDF with more pages than a report has.
    #[error("这个 PDF 有 {0} 页，超过 {MAX_PDF_PAGES} 页的上限，不像是一份年度报告")]
    PdfTooManyPages(usize),
    /// Nothing of a report was found in the document.
    #[error("没有找到年度报告的任何内容（标题、章节或表格）")]
    NotAReport,
}

/// What importing a document gives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Imported {
    /// The report, as far as it could be read.
    pub report: Report,
    /// What could not be read, or could be read only with doubt.
    pub diagnostics: Vec<Diagnostic>,
    /// The format the document was read as.
    #[serde(skip)]
    pub format: Format,
    /// Where each imported cell came from, by JSON Pointer.
    #[serde(skip)]
    pub sources: BTreeMap<String, Source>,
}

/// Tells the format of a document from its content.
pub fn detect(text: &str) -> Format {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with(&crate::export::CSV_HEADER.join(",")) {
        return Format::Csv;
    }
    let lower: String = head
        .chars()
        .take(2000)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with('<') || lower.contains("<table") || lower.contains("<html") {
        return Format::Html;
    }
    let lines: Vec<&str> = text.lines().collect();
    let count = |f: &dyn Fn(&str) -> bool| lines.iter().filter(|l| f(l)).count();
    if count(&|l| l.trim_start().starts_with('|') && l.matches('|').count() >= 3) >= 5 {
        return Format::Markdown;
    }
    if count(&|l| l.contains('\t')) >= 5 {
        return Format::TabText;
    }
    let aligned = count(&|l| {
        let t = l.trim();
        t.contains("   ")
            && t.split_whitespace()
                .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
                .count()
                >= 3
    });
    if aligned >= 3 {
        return Format::PdfLayout;
    }
    if lines::looks_like(text) {
        return Format::CellLines;
    }
    if runs::has_run_together_table(text) {
        return Format::RunTogether;
    }
    Format::PdfLayout
}

/// What an import may be given besides the document.
#[derive(Clone, Copy, Debug, Default)]
pub struct ImportOptions<'a> {
    /// Last year's report: where 表二's numbers run together ("693665") and neither the table
    /// nor the prose tells the split, this year's 现行有效件数 carried on from last year's
    /// (S2's recurrence) does, and the import says so (I8).
    pub previous: Option<&'a Report>,
}

/// Imports a document, detecting its format.
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    import_with(bytes, &ImportOptions::default())
}

/// [`import`], with what else the caller knows ([`ImportOptions`]).
pub fn import_with(bytes: &[u8], options: &ImportOptions<'_>) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    if bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        return import_pdf(bytes);
    }
    // The compound-file signature of .doc, .wps, .xls and .et: an old Excel workbook is read
    // where spreadsheets are, the others get a message.
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return import_spreadsheet(bytes).map_err(|_| ImportError::OldOffice);
    }
    if docx::is_zip(bytes) && is_workbook_zip(bytes) {
        return import_spreadsheet(bytes);
    }
    if docx::is_zip(bytes) {
        let blocks = docx::blocks(bytes)?;
        let mut imported =
            interpret::interpret(&blocks, Format::Docx).ok_or(ImportError::NotAReport)?;
        imported.format = Format::Docx;
        return Ok(imported);
    }
    let text = decode(bytes)?;
    import_as_with(&text, detect(&text), options)
}

/// Imports a spreadsheet.
#[cfg(feature = "spreadsheets")]
fn import_spreadsheet(bytes: &[u8]) -> Result<Imported, ImportError> {
    // A panic deep in the workbook parser is a damaged file, not a crash.
    let blocks = std::panic::catch_unwind(|| sheet::blocks(bytes))
        .unwrap_or_else(|_| Err(sheet::unreadable()))?;
    let mut imported =
        interpret::interpret(&blocks, Format::Spreadsheet).ok_or(ImportError::NotAReport)?;
    imported.format = Format::Spreadsheet;
    Ok(imported)
}

#[cfg(feature = "spreadsheets")]
fn is_workbook_zip(bytes: &[u8]) -> bool {
    sheet::is_workbook_zip(bytes)
}

/// Without the spreadsheet reader, a workbook is refused with what to do.
#[cfg(not(feature = "spreadsheets"))]
fn import_spreadsheet(_bytes: &[u8]) -> Result<Imported, ImportError> {
    Err(ImportError::Spreadsheet(
        "这里不读取电子表格；请在填报页面或命令行工具中导入，或在 Excel、WPS 中另存为 PDF 后导入"
            .to_owned(),
    ))
}

#[cfg(not(feature = "spreadsheets"))]
fn is_workbook_zip(bytes: &[u8]) -> bool {
    // Without a reader, a workbook is told apart by its main part's name.
    let names = [b"xl/workbook.xml".as_slice(), b"content.xml"];
    names
        .iter()
        .any(|n| bytes.windows(n.len()).any(|w| w == *n))
}

/// Imports a PDF file (its text layer).
#[cfg(feature = "pdf")]
fn import_pdf(bytes: &[u8]) -> Result<Imported, ImportError> {
    let (text, lines) = pdf::layout_text(bytes)?;
    let blocks = layout::blocks(&text);
    let mut imported =
        interpret::interpret(&blocks, Format::PdfLayout).ok_or(ImportError::NotAReport)?;
    imported.format = Format::Pdf;
    for source in imported.sources.values_mut() {
        pdf::locate(source, &lines);
    }
    for d in &mut imported.diagnostics {
        if let Some(source) = d.source.as_mut() {
            let before = source.describe_zh();
            pdf::locate(source, &lines);
            // The message names the place; name it in the PDF's pages.
            if let Some(rest) = d.message.strip_prefix(&format!("{before}：")) {
                d.message = format!("{}：{rest}", source.describe_zh());
            }
        }
    }
    Ok(imported)
}

/// Without the PDF reader (the embed's importers, which read web pages), a PDF is refused.
#[cfg(not(feature = "pdf"))]
fn import_pdf(_bytes: &[u8]) -> Result<Imported, ImportError> {
    Err(ImportError::Pdf(
        "这里只读取网页和文字，不读取 PDF 文件；请在填报页面或命令行工具中导入 PDF".to_owned(),
    ))
}

/// Imports a document read as `format`.
pub fn import_as(text: &str, format: Format) -> Result<Imported, ImportError> {
    import_as_with(text, format, &ImportOptions::default())
}

/// [`import_as`], with what else the caller knows ([`ImportOptions`]).
pub fn import_as_with(
    text: &str,
    format: Format,
    options: &ImportOptions<'_>,
) -> Result<Imported, ImportError> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    match format {
        Format::Csv => return csv::import(text),
        Format::Docx | Format::Pdf | Format::Spreadsheet => return import(text.as_bytes()),
        _ => {}
    }
    let blocks = blocks(text, format);
    let mut imported = interpret::interpret_with(&blocks, format, options.previous)
        .ok_or(ImportError::NotAReport)?;
    imported.format = format;
    Ok(imported)
}

/// The text of a document: UTF-8, or (with the `encodings` feature) UTF-16 with its byte-order
/// mark, as Notepad saves "Unicode", or GBK/GB18030, as Chinese Windows saves text and as many
/// portals serve their pages.
fn decode(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    let not_utf8 = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(text.into()),
        Err(e) => {
            let offset = e.valid_up_to();
            let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
            ImportError::NotUtf8 { line, offset }
        }
    };
    legacy_text(bytes).map(Into::into).ok_or(not_utf8)
}

#[cfg(feature = "encodings")]
fn legacy_text(bytes: &[u8]) -> Option<String> {
    let (encoding, bom) =
        encoding_rs::Encoding::for_bom(bytes).unwrap_or((encoding_rs::GB18030, 0));
    let text = encoding
        .decode_without_bom_handling_and_without_replacement(&bytes[bom..])?
        .into_owned();
    // Binary that happens to decode is no text: text has no control characters but line ends
    // and tabs.
    let binary = text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'));
    (!binary).then_some(text)
}

#[cfg(not(feature = "encodings"))]
fn legacy_text(_bytes: &[u8]) -> Option<String> {
    None
}

/// The blocks of a document, for tools that want to see what an importer saw.
pub fn blocks(text: &str, format: Format) -> Vec<Block> {
    match format {
        Format::TabText => tsv::blocks(text),
        Format::PdfLayout => layout::blocks(text),
        Format::RunTogether => runs::blocks(text),
        Format::CellLines => layout::rebuilt_blocks(&lines::to_layout(text)),
        Format::Html => html::blocks(text),
        Format::Markdown => markdown::blocks(text),
        Format::Csv | Format::Docx | Format::Pdf | Format::Spreadsheet => Vec::new(),
    }
}
