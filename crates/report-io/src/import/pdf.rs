//! PDF files, read directly: the glyphs of every page with their positions (Chinese fonts
//! through their ToUnicode and CID maps, by `pdf-extract` on `lopdf`), put back into lines and
//! columns as they are printed, and then read as printed layout text (`layout.rs`), so a PDF and
//! the text a PDF tool prints from it read to the same cells.
//!
//! Lines are glyphs at the same height; within a line a gap wider than a character starts a new
//! cell (at least two spaces), a narrower one is a space. Page numbers and the breaks between
//! pages are dropped by the layout reader.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::columns::{place_blanks, Line, Run, BLANK};
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

/// The pages as lines of text, cells apart by two or more spaces, indentation kept, the blank
/// cells of table rows marked where the header's positions show them (`columns.rs`); and the
/// page and line on the page of each line.
fn render(pages: &[Vec<Glyph>]) -> (String, Vec<(usize, usize)>) {
    let mut lines: Vec<Line> = Vec::new();
    let mut lefts = Vec::with_capacity(pages.len());
    for (number, page) in pages.iter().enumerate() {
        let mut glyphs: Vec<&Glyph> = page
            .iter()
            .filter(|g| !g.text.trim().is_empty() && g.x.is_finite() && g.y.is_finite())
            .collect();
        glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        let mut printed: Vec<Vec<&Glyph>> = Vec::new();
        for glyph in glyphs {
            match printed.last_mut() {
                Some(line) if (glyph.y - line[0].y).abs() <= line[0].size.min(glyph.size) * 0.5 => {
                    line.push(glyph);
                }
                _ => printed.push(vec![glyph]),
            }
        }
        lefts.push(
            printed
                .iter()
                .flat_map(|l| l.iter().map(|g| g.x))
                .fold(f64::INFINITY, f64::min),
        );
        for mut line in printed {
            line.sort_by(|a, b| a.x.total_cmp(&b.x));
            let size = line[0].size.max(1.0);
            lines.push(Line {
                runs: runs_of(&line, size),
                size,
                y: line[0].y,
                page: number,
            });
        }
    }
    place_blanks(&mut lines);
    let mut out = String::new();
    let mut at = Vec::new();
    let mut lines = lines.into_iter().peekable();
    for (number, left) in lefts.into_iter().enumerate() {
        let mut k = 0;
        while let Some(line) = lines.next_if(|l| l.page == number) {
            k += 1;
            at.push((number + 1, k));
            let unit = line.size * 0.5;
            let mut last: Option<&Run> = None;
            for run in &line.runs {
                let spaces = match last {
                    None => ((run.x0 - left) / unit).round().clamp(0.0, 400.0) as usize,
                    // A narrow gap is a space inside a cell's text; a wide one, or a blank
                    // cell's mark, is a new cell.
                    Some(last)
                        if run.x0 - last.printed_end <= line.size * 1.2
                            && run.text != BLANK
                            && last.text != BLANK =>
                    {
                        1
                    }
                    Some(last) => ((run.x0 - last.printed_end) / unit)
                        .round()
                        .clamp(2.0, 400.0) as usize,
                };
                out.push_str(&" ".repeat(spaces));
                out.push_str(&run.text);
                last = Some(run);
            }
            out.push('\n');
        }
        out.push('\n');
        at.push((number + 1, 0));
    }
    (out, at)
}

/// A printed line's words: its glyphs split where there is a gap (a space, or a new cell).
///
/// Some fonts give the reader no usable widths, and the glyphs after the first of a string are
/// then placed too close together: a word ends no earlier than its characters' usual widths
/// (a full width for a Chinese character, half for a digit or a Latin letter) put it.
fn runs_of(line: &[&Glyph], size: f64) -> Vec<Run> {
    let usual = |glyph: &Glyph| -> f64 {
        glyph
            .text
            .chars()
            .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
            .sum::<f64>()
            * glyph.size
    };
    let mut runs: Vec<Run> = Vec::new();
    let mut previous: Option<&Glyph> = None;
    for glyph in line {
        // Placed closer to the glyph before than that one's usual width: widths are missing.
        let crowded = previous.is_some_and(|p| glyph.x - p.x < usual(p) * 0.6);
        previous = Some(glyph);
        let end = glyph.x + glyph.advance;
        // Where the glyph really ends: a width far under the usual one is missing.
        let extent = if glyph.advance < usual(glyph) * 0.6 {
            glyph.x + usual(glyph)
        } else {
            end
        };
        match runs.last_mut() {
            Some(run) if glyph.x - run.printed_end <= size * 0.3 => {
                run.text.push_str(&glyph.text);
                run.printed_end = end;
                run.x1 = if crowded {
                    extent.max(run.x1 + usual(glyph))
                } else {
                    extent.max(run.x1)
                };
            }
            _ => runs.push(Run {
                x0: glyph.x,
                x1: extent,
                printed_end: end,
                text: glyph.text.clone(),
            }),
        }
    }
    runs
}

/// Says where in the PDF a place of its rendered text is: page and line on the page.
pub(crate) fn locate(source: &mut report_core::Source, lines: &[(usize, usize)]) {
    if let Some(&(page, line)) = source.line.and_then(|l| lines.get(l.checked_sub(1)?)) {
        source.page = Some(page);
        source.line = (line > 0).then_some(line);
    }
}
