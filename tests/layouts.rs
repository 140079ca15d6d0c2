//! A corpus of published layouts: one report printed as portals' editors, Word, WPS and OCR
//! tools print 表三 and 表二, each style a function of the report. The official grids
//! (`report_io::export::grid`) give the labels, merges and values; each style changes what a real
//! publisher changes, and the rest of the page is the exporter's HTML.

use report_core::layout::Applicant;
use report_core::Report;
use report_io::export::grid::{self, Grid};
use report_io::export::{render, Target};

/// One published style.
pub struct Style {
    /// A short name for reports and failures.
    pub name: &'static str,
    /// What a publisher does in this style.
    pub what: &'static str,
    render: fn(&Report) -> String,
}

impl Style {
    /// The report as a whole page in this style.
    pub fn render(&self, report: &Report) -> String {
        (self.render)(report)
    }
}

/// Every style of the corpus.
pub fn styles() -> Vec<Style> {
    vec![
        Style {
            name: "official",
            what: "the template's merges, as exported",
            render: |r| page(r, None, None),
        },
        Style {
            name: "th-thead",
            what: "header rows as <th> in a <thead>",
            render: |r| page(r, Some(requests_th(r)), None),
        },
        Style {
            name: "labels-repeated",
            what: "no rowspan: every row repeats its group labels",
            render: |r| {
                page(
                    r,
                    Some(requests_flat(r, Labels::Repeated, Numbers::Plain)),
                    None,
                )
            },
        },
        Style {
            name: "labels-one-cell",
            what:
                "a row's labels joined in one cell (\"三、本年度办理结果（五）不予处理2.重复申请\")",
            render: |r| {
                page(
                    r,
                    Some(requests_flat(r, Labels::OneCell, Numbers::Plain)),
                    None,
                )
            },
        },
        Style {
            name: "labels-own-only",
            what: "only the row's own label, no group cells, no header",
            render: |r| {
                page(
                    r,
                    Some(requests_flat(r, Labels::OwnOnly, Numbers::Plain)),
                    None,
                )
            },
        },
        Style {
            name: "serial-column",
            what: "a 序号 column in front of the labels",
            render: |r| {
                page(
                    r,
                    Some(requests_flat(r, Labels::Serial, Numbers::Plain)),
                    None,
                )
            },
        },
        Style {
            name: "full-width-digits",
            what: "numbers in full-width digits (１２)",
            render: |r| {
                page(
                    r,
                    Some(requests_flat(r, Labels::OneCell, Numbers::FullWidth)),
                    None,
                )
            },
        },
        Style {
            name: "thousands",
            what: "thousands separators (3,001)",
            render: |r| {
                page(
                    r,
                    Some(requests_flat(r, Labels::OneCell, Numbers::Thousands)),
                    None,
                )
            },
        },
        Style {
            name: "wrapped-cells",
            what: "cells wrapped in <p><span> with &nbsp; around the numbers",
            render: |r| {
                page(
                    r,
                    Some(requests_flat(r, Labels::OneCell, Numbers::Wrapped)),
                    None,
                )
            },
        },
        Style {
            name: "word-html",
            what: "Word's \"save as web page\": MsoNormal paragraphs, <o:p>, conditional comments, a spacer row",
            render: |r| page(r, Some(requests_word(r)), None),
        },
        Style {
            name: "split-page",
            what: "表三 split over two pages, a page number between, no repeated header",
            render: |r| page(r, Some(requests_split(r, false)), None),
        },
        Style {
            name: "split-page-header",
            what: "表三 split over two pages, its header repeated",
            render: |r| page(r, Some(requests_split(r, true)), None),
        },
        Style {
            name: "proactive-wide-labels",
            what: "表二's labels merged over two grid columns",
            render: |r| page(r, None, Some(proactive_merged(r, Merge::Label))),
        },
        Style {
            name: "proactive-misaligned",
            what: "表二's numbers merged over two columns where the header merges others",
            render: |r| page(r, None, Some(proactive_merged(r, Merge::Misaligned))),
        },
        Style {
            name: "everything",
            what: "one cell labels, a serial column and <th>: several quirks at once",
            render: |r| {
                page(
                    r,
                    Some(requests_flat(r, Labels::Serial, Numbers::Wrapped)),
                    Some(proactive_merged(r, Merge::Label)),
                )
            },
        },
    ]
}

/// The exporter's page with 表三 and 表二 replaced where given.
fn page(report: &Report, requests: Option<String>, proactive: Option<String>) -> String {
    let mut html = String::from_utf8(render(report, Target::Html)).unwrap_or_default();
    // The page prints its title, as published pages do (the export keeps it in <title>).
    let title = format!(
        "<body>\n<h1>{}{}年政府信息公开工作年度报告</h1>",
        escape(&report.agency),
        report.year
    );
    html = html.replacen("<body>", &title, 1);
    for (key, table) in [("requests", requests), ("proactive", proactive)] {
        let Some(table) = table else { continue };
        let Some(start) = html.find(&format!("<table data-table=\"{key}\"")) else {
            continue;
        };
        let Some(len) = html[start..].find("</table>") else {
            continue;
        };
        let end = start + len + "</table>".len();
        html.replace_range(start..end, &table);
    }
    html
}

fn td(text: &str, colspan: usize, rowspan: usize, tag: &str) -> String {
    let mut out = format!("<{tag}");
    if colspan > 1 {
        out.push_str(&format!(" colspan=\"{colspan}\""));
    }
    if rowspan > 1 {
        out.push_str(&format!(" rowspan=\"{rowspan}\""));
    }
    out.push_str(&format!(">{}</{tag}>", escape(text)));
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn requests_th(report: &Report) -> String {
    let grid = grid::requests(report);
    let header = grid.header_rows();
    let mut out = String::from("<table><thead>");
    for (r, row) in grid.rows.iter().enumerate() {
        if r == header {
            out.push_str("</thead><tbody>");
        }
        out.push_str("<tr>");
        for cell in row {
            let tag = if r < header { "th" } else { "td" };
            out.push_str(&td(&cell.text, cell.colspan, cell.rowspan, tag));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

#[derive(Clone, Copy)]
enum Labels {
    Repeated,
    OneCell,
    OwnOnly,
    Serial,
}

#[derive(Clone, Copy)]
enum Numbers {
    Plain,
    FullWidth,
    Thousands,
    Wrapped,
}

fn number(text: &str, style: Numbers) -> String {
    let digits = !text.is_empty() && text.chars().all(|c| c.is_ascii_digit());
    match style {
        Numbers::Plain => escape(text),
        Numbers::FullWidth => text
            .chars()
            .map(|c| {
                c.to_digit(10)
                    .and_then(|d| char::from_u32('０' as u32 + d))
                    .unwrap_or(c)
            })
            .collect(),
        Numbers::Thousands if digits => {
            let mut out = String::new();
            for (k, c) in text.chars().enumerate() {
                if k > 0 && (text.len() - k).is_multiple_of(3) {
                    out.push(',');
                }
                out.push(c);
            }
            out
        }
        Numbers::Thousands => escape(text),
        Numbers::Wrapped => format!(
            "<p align=\"center\"><span style=\"font-family:宋体\">&nbsp;{}&nbsp;</span></p>",
            escape(text)
        ),
    }
}

/// Each data row of a grid: the labels over it (outermost first, as merged cells above and
/// before it print them) and its values.
fn data_rows(grid: &Grid) -> Vec<(Vec<String>, Vec<String>)> {
    let owners = grid.owners();
    let header = grid.header_rows();
    let mut out = Vec::new();
    for owned in owners.iter().skip(header) {
        let mut labels: Vec<String> = Vec::new();
        let mut values = Vec::new();
        let mut last = None;
        for &owner in owned {
            let Some((or, oi)) = owner else { continue };
            if last == Some((or, oi)) {
                continue;
            }
            last = Some((or, oi));
            let cell = &grid.rows[or][oi];
            if cell.place.is_some() {
                values.push(cell.text.clone());
            } else {
                labels.push(cell.text.clone());
            }
        }
        out.push((labels, values));
    }
    out
}

fn header_html(grid: &Grid) -> String {
    let mut out = String::new();
    for row in &grid.rows[..grid.header_rows()] {
        out.push_str("<tr>");
        for cell in row {
            out.push_str(&td(&cell.text, cell.colspan, cell.rowspan, "td"));
        }
        out.push_str("</tr>");
    }
    out
}

fn requests_flat(report: &Report, labels: Labels, numbers: Numbers) -> String {
    let grid = grid::requests(report);
    let mut out = String::from("<table>");
    match labels {
        Labels::OwnOnly => {}
        Labels::Serial => {
            out.push_str("<tr><td>序号</td><td>项目</td>");
            for applicant in Applicant::ALL {
                out.push_str(&td(applicant.def().labels.any(report.edition), 1, 1, "td"));
            }
            out.push_str("</tr>");
        }
        Labels::Repeated | Labels::OneCell => out.push_str(&header_html(&grid)),
    }
    for (k, (row_labels, values)) in data_rows(&grid).into_iter().enumerate() {
        out.push_str("<tr>");
        match labels {
            Labels::Repeated => {
                let pad = 3usize.saturating_sub(row_labels.len());
                for _ in 0..pad {
                    out.push_str("<td></td>");
                }
                for label in &row_labels {
                    out.push_str(&td(label, 1, 1, "td"));
                }
            }
            Labels::OneCell => out.push_str(&td(&row_labels.concat(), 3, 1, "td")),
            Labels::OwnOnly => out.push_str(&td(
                row_labels.last().map_or("", String::as_str),
                1,
                1,
                "td",
            )),
            Labels::Serial => {
                out.push_str(&td(&(k + 1).to_string(), 1, 1, "td"));
                out.push_str(&td(&row_labels.join(" "), 1, 1, "td"));
            }
        }
        for value in &values {
            out.push_str(&format!("<td>{}</td>", number(value, numbers)));
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>");
    out
}

fn requests_split(report: &Report, repeat_header: bool) -> String {
    let grid = grid::requests(report);
    let header = grid.header_rows();
    let rows = data_rows(&grid);
    let half = rows.len() / 2;
    let row_html = |(labels, values): &(Vec<String>, Vec<String>)| {
        let mut out = String::from("<tr>");
        out.push_str(&td(&labels.concat(), 3, 1, "td"));
        for v in values {
            out.push_str(&td(v, 1, 1, "td"));
        }
        out.push_str("</tr>");
        out
    };
    let mut out = String::from("<table>");
    out.push_str(&header_html(&grid));
    rows[..half].iter().for_each(|r| out.push_str(&row_html(r)));
    out.push_str("</table><p>- 3 -</p><table>");
    if repeat_header && header > 0 {
        out.push_str(&header_html(&grid));
    }
    rows[half..].iter().for_each(|r| out.push_str(&row_html(r)));
    out.push_str("</table>");
    out
}

#[derive(Clone, Copy)]
enum Merge {
    /// Every label merged over two grid columns.
    Label,
    /// The header merges its first value column over two, the rows their second.
    Misaligned,
}

fn proactive_merged(report: &Report, merge: Merge) -> String {
    let grid = grid::proactive(report);
    let width = grid.width + 1;
    let mut out = String::from("<table>");
    for row in &grid.rows {
        out.push_str("<tr>");
        let is_caption = row.len() == 1 && row[0].colspan == grid.width;
        if is_caption {
            out.push_str(&td(&row[0].text, width, 1, "td"));
            out.push_str("</tr>");
            continue;
        }
        let header = row.iter().all(|c| c.place.is_none());
        for (i, cell) in row.iter().enumerate() {
            let extra = match merge {
                Merge::Label => usize::from(i == 0),
                // The header widens its first value column, a row its last one.
                Merge::Misaligned if header => usize::from(i == 1),
                Merge::Misaligned => usize::from(i + 1 == row.len()),
            };
            out.push_str(&td(&cell.text, cell.colspan + extra, cell.rowspan, "td"));
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>");
    out
}

/// A page as the text Word or a browser copies from it: a paragraph a line, a table row a line
/// with its cells apart by tabs (a merged cell once).
pub fn as_tab_text(page: &str) -> String {
    let mut out = Vec::new();
    for block in report_io::import::blocks(page, report_io::Format::Html) {
        match block {
            report_io::Block::Para { text, .. } => out.push(text),
            report_io::Block::Row { cells, covered, .. } => {
                let own: Vec<&str> = cells
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| !covered.get(i).copied().unwrap_or(false))
                    .map(|(_, c)| c.as_str())
                    .collect();
                out.push(own.join("\t"));
            }
        }
    }
    out.join("\n")
}

/// A page as a PDF viewer copies it: every cell and paragraph on a line of its own.
pub fn as_cell_lines(page: &str) -> String {
    as_tab_text(page)
        .lines()
        .flat_map(|line| line.split('\t').filter(|c| !c.trim().is_empty()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// 表三 as Word saves a document as a web page.
fn requests_word(report: &Report) -> String {
    let grid = grid::requests(report);
    let mut out = String::from(
        "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->\
         <div class=WordSection1><table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 \
         style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>",
    );
    for row in &grid.rows {
        out.push_str("<tr style='mso-yfti-irow:0;height:22.7pt'>");
        for cell in row {
            let mut td = String::from("<td width=57 valign=center");
            if cell.colspan > 1 {
                td.push_str(&format!(" colspan={}", cell.colspan));
            }
            if cell.rowspan > 1 {
                td.push_str(&format!(" rowspan={}", cell.rowspan));
            }
            td.push_str(&format!(
                " style='width:42.5pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>\
                 <p class=MsoNormal align=center style='text-align:center'><span lang=EN-US \
                 style='font-size:10.5pt;font-family:\"仿宋_GB2312\"'>{}<o:p></o:p></span></p></td>",
                if cell.text.is_empty() { "&nbsp;".to_owned() } else { escape(&cell.text) }
            ));
            out.push_str(&td);
        }
        out.push_str("</tr>");
    }
    out.push_str("<![if !supportMisalignedColumns]><tr height=0>");
    for _ in 0..grid.width {
        out.push_str("<td width=57 style='border:none'></td>");
    }
    out.push_str("</tr><![endif]></table></div>");
    out
}
