//! `.docx` laid out like the official template: the title, the six headings with their prose,
//! and the three tables with their merged cells, on A4 in 宋体.

use std::io::{Cursor, Write};

use report_core::layout::TableId;
use report_core::Report;
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

use super::grid::Grid;
use super::{escape, outline, Item};

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults></w:styles>"#;

const NAMESPACE: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The text width of an A4 page with 2.54 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 9026;

fn run(text: &str, bold: bool, size: u32) -> String {
    let bold = if bold { "<w:b/><w:bCs/>" } else { "" };
    format!(
        "<w:r><w:rPr>{bold}<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
        escape(text)
    )
}

fn paragraph(text: &str, centred: bool, indent: bool, bold: bool, size: u32) -> String {
    let jc = if centred {
        "<w:jc w:val=\"center\"/>"
    } else {
        ""
    };
    let ind = if indent {
        "<w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/>"
    } else {
        ""
    };
    format!(
        "<w:p><w:pPr>{ind}{jc}</w:pPr>{}</w:p>",
        run(text, bold, size)
    )
}

/// Column widths for each table, wide label columns and narrow value columns.
fn widths(table: TableId, grid: &Grid) -> Vec<usize> {
    let relative: Vec<usize> = match table {
        TableId::Proactive => vec![30, 24, 24, 22],
        TableId::Requests => vec![9, 12, 26, 8, 8, 7, 7, 8, 7, 8],
        TableId::Appeals => vec![1; grid.width],
    };
    let total: usize = relative.iter().sum();
    relative.iter().map(|r| r * TEXT_WIDTH / total).collect()
}

fn table(kind: TableId, grid: &Grid) -> String {
    let widths = widths(kind, grid);
    let mut out = String::from(
        "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:jc w:val=\"center\"/><w:tblBorders>\
         <w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         <w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         <w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
         </w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>",
    );
    for w in &widths {
        out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    out.push_str("</w:tblGrid>");
    let owner = grid.owners();
    // The header rows repeat on every page a table runs over; no row breaks across a page.
    let header = grid.repeated_rows(kind);
    for (r, _) in grid.rows.iter().enumerate() {
        out.push_str(if r < header {
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        } else {
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        });
        let mut c = 0;
        while c < grid.width {
            let Some((or, oi)) = owner[r][c] else {
                // A hole in a ragged grid: an empty cell keeps the columns aligned.
                out.push_str(&format!(
                    "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/></w:tcPr><w:p/></w:tc>",
                    widths[c]
                ));
                c += 1;
                continue;
            };
            let cell = &grid.rows[or][oi];
            let width: usize = widths[c..(c + cell.colspan).min(grid.width)].iter().sum();
            let mut pr = format!("<w:tcW w:w=\"{width}\" w:type=\"dxa\"/>");
            if cell.colspan > 1 {
                pr.push_str(&format!("<w:gridSpan w:val=\"{}\"/>", cell.colspan));
            }
            if cell.rowspan > 1 {
                pr.push_str(if or == r {
                    "<w:vMerge w:val=\"restart\"/>"
                } else {
                    "<w:vMerge/>"
                });
            }
            pr.push_str("<w:vAlign w:val=\"center\"/>");
            let content = if or == r {
                format!("<w:p><w:pPr><w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/></w:pPr>{}</w:p>", run(&cell.text, false, 18))
            } else {
                "<w:p/>".to_owned()
            };
            out.push_str(&format!("<w:tc><w:tcPr>{pr}</w:tcPr>{content}</w:tc>"));
            c += cell.colspan;
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    // Word needs a paragraph between two tables.
    out.push_str("<w:p/>");
    out
}

/// The `word/document.xml` of a report.
pub fn document_xml(report: &Report) -> String {
    let mut body = String::new();
    for item in outline(report) {
        body.push_str(&match item {
            Item::Title(t) => paragraph(&t, true, false, true, 36),
            Item::Meta(t) => paragraph(&t, true, false, false, 24),
            Item::Heading(t) => paragraph(&t, false, true, true, 28),
            Item::SubHeading(t) => paragraph(&t, false, true, true, 24),
            Item::Para(t) => paragraph(&t, false, true, false, 24),
            Item::Table(kind, grid) => table(kind, &grid),
        });
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{NAMESPACE}\"><w:body>{body}\
         <w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>\
         </w:body></w:document>"
    )
}

/// The report as a `.docx` file.
pub fn docx(report: &Report) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", RELS.to_owned()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/styles.xml", STYLES.to_owned()),
        ("word/document.xml", document_xml(report)),
    ];
    let mut ok = true;
    for (name, content) in parts {
        ok &= zip.start_file(name, options).is_ok() && zip.write_all(content.as_bytes()).is_ok();
    }
    match zip.finish() {
        Ok(cursor) if ok => cursor.into_inner(),
        _ => Vec::new(),
    }
}
