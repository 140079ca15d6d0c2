//! PDF files, read directly: the glyphs of every page with their positions (Chinese fonts
//! through their ToUnicode and CID maps, by `pdf-extract` on `lopdf`), put back into lines and
//! columns as they are printed, and then read as printed layout text (`layout.rs`), so a PDF and
//! the text a PDF tool prints from it read to the same cells.
//!
//! Lines are glyphs at the same height; within a line a gap wider than a character starts a new
//! cell (at least two spaces), a narrower one is a space. Page numbers and the breaks between
//! pages are dropped by the layout reader.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::ImportError;

use super::MAX_PDF_PAGES as MAX_PAGES;

/// One glyph: where it starts on the page (points, from the top left), its size and advance.
struct Glyph {
    x: f64,
    y: f64,
    size: f64,
    advance: f64,
    text: String,
}

/// Collects the glyphs of every page.
#[derive(Default)]
struct Glyphs {
    pages: Vec<Vec<Glyph>>,
    top: f64,
}

impl OutputDev for Glyphs {
    fn begin_page(
        &mut self,
        _page: u32,
        media: &MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.pages.push(Vec::new());
        self.top = media.ury;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = font_size * scale;
        let top = self.top;
        if let Some(page) = self.pages.last_mut() {
            page.push(Glyph {
                x: trm.m31,
                y: top - trm.m32,
                size,
                advance: width * size,
                text: text.to_owned(),
            });
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// A PDF that cannot be read. What the parser said is for developers, not for the clerk.
fn damaged() -> ImportError {
    ImportError::Pdf(
        "这个 PDF 文件已损坏或不完整，无法读取。请重新下载原文件；也可以在 PDF 阅读器中全选复制正文，粘贴导入".to_owned(),
    )
}

/// The text of a PDF, laid out as printed, and for each of its lines (1-based) its page and its
/// line on that page. A panic deep in the PDF parser is a damaged file, not a crash.
pub(crate) fn layout_text(bytes: &[u8]) -> Result<(String, Vec<(usize, usize)>), ImportError> {
    std::panic::catch_unwind(|| read(bytes)).unwrap_or_else(|_| Err(damaged()))
}

fn read(bytes: &[u8]) -> Result<(String, Vec<(usize, usize)>), ImportError> {
    let mut doc = lopdf::Document::load_mem(bytes).map_err(|_| damaged())?;
    if doc.is_encrypted() {
        // Many published PDFs are encrypted with an empty user password (to forbid editing);
        // those open as they are. Others need a password nianbao does not have.
        if doc.decrypt("").is_err() {
            return Err(ImportError::PdfEncrypted);
        }
    }
    let pages = doc.get_pages().len();
    if pages > MAX_PAGES {
        return Err(ImportError::PdfTooManyPages(pages));
    }
    if unpacks_too_large(&doc) {
        return Err(ImportError::Pdf(
            "这个 PDF 文件解压后过大，不像是一份年度报告；请确认文件是否正确".to_owned(),
        ));
    }
    let mut glyphs = Glyphs::default();
    pdf_extract::output_doc(&doc, &mut glyphs).map_err(|_| damaged())?;
    let printed = glyphs
        .pages
        .iter()
        .flatten()
        .filter(|g| !g.text.trim().is_empty())
        .count();
    if printed == 0 {
        return Err(ImportError::PdfScanned);
    }
    Ok(render(&glyphs.pages))
}

/// More than the compressed streams of any report unpack to (its text, fonts and a few
/// images), many times over: a PDF whose streams unpack to more is refused before it is read,
/// rather than exhausting memory.
const MAX_UNPACKED: u64 = 256 << 20;

/// Whether the document's compressed (Flate) streams unpack to more than [`MAX_UNPACKED`],
/// measured through a limit, never unpacked whole.
fn unpacks_too_large(doc: &lopdf::Document) -> bool {
    use std::io::Read;
    let mut left = MAX_UNPACKED;
    for object in doc.objects.values() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        let flate = stream
            .filters()
            .is_ok_and(|f| f.iter().any(|&f| f == b"FlateDecode"));
        if !flate {
            continue;
        }
        let mut decoder = flate2::read::ZlibDecoder::new(stream.content.as_slice()).take(left + 1);
        let unpacked = std::io::copy(&mut decoder, &mut std::io::sink()).unwrap_or(0);
        if unpacked > left {
            return true;
        }
        left -= unpacked;
    }
    false
}

/// The pages as lines of text, cells apart by two or more spaces, indentation kept; and the page
/// and line on the page of each line.
fn render(pages: &[Vec<Glyph>]) -> (String, Vec<(usize, usize)>) {
    let mut out = String::new();
    let mut at = Vec::new();
    for (number, page) in pages.iter().enumerate() {
        let mut glyphs: Vec<&Glyph> = page
            .iter()
            .filter(|g| !g.text.trim().is_empty() && g.x.is_finite() && g.y.is_finite())
            .collect();
        glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        let mut lines: Vec<Vec<&Glyph>> = Vec::new();
        for glyph in glyphs {
            match lines.last_mut() {
                Some(line) if (glyph.y - line[0].y).abs() <= line[0].size.min(glyph.size) * 0.5 => {
                    line.push(glyph);
                }
                _ => lines.push(vec![glyph]),
            }
        }
        let left = lines
            .iter()
            .flat_map(|l| l.iter().map(|g| g.x))
            .fold(f64::INFINITY, f64::min);
        for (k, mut line) in lines.into_iter().enumerate() {
            at.push((number + 1, k + 1));
            line.sort_by(|a, b| a.x.total_cmp(&b.x));
            let size = line[0].size.max(1.0);
            let unit = size * 0.5;
            let indent = ((line[0].x - left) / unit).round().clamp(0.0, 400.0) as usize;
            let mut text = " ".repeat(indent);
            let mut end: Option<f64> = None;
            for glyph in &line {
                if let Some(end) = end {
                    let gap = glyph.x - end;
                    if gap > size * 1.2 {
                        let spaces = (gap / unit).round().clamp(2.0, 400.0) as usize;
                        text.push_str(&" ".repeat(spaces));
                    } else if gap > size * 0.3 {
                        text.push(' ');
                    }
                }
                text.push_str(&glyph.text);
                end = Some(glyph.x + glyph.advance);
            }
            out.push_str(&text);
            out.push('\n');
        }
        out.push('\n');
        at.push((number + 1, 0));
    }
    (out, at)
}

/// Says where in the PDF a place of its rendered text is: page and line on the page.
pub(crate) fn locate(source: &mut report_core::Source, lines: &[(usize, usize)]) {
    if let Some(&(page, line)) = source.line.and_then(|l| lines.get(l.checked_sub(1)?)) {
        source.page = Some(page);
        source.line = (line > 0).then_some(line);
    }
}
