//! Export: the report in the official layout, as HTML, text, Markdown or tidy CSV.
//!
//! Every renderer walks the same outline of the document ([`outline`]): the title, the six
//! headings with their prose, and the three tables as grids (`grid.rs`). Each format writes what
//! its importer reads back, so that a report survives a round trip through any of them.

pub mod docx;
pub mod grid;

use report_core::layout::TableId;
use report_core::{ProseField, Report};
use serde::Serialize;

use grid::Grid;

/// The formats a report can be rendered to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// HTML in the official table markup, to paste into a portal's editor.
    Html,
    /// Plain text, table rows as tab-separated cells (as Word copies them).
    Text,
    /// Markdown with pipe tables.
    Markdown,
    /// Tidy CSV: one row per cell.
    Csv,
    /// A Word document laid out like the official template.
    Docx,
}

impl Target {
    /// Parses `html`, `txt`, `md` or `csv`.
    pub fn from_name(name: &str) -> Option<Target> {
        match name {
            "html" | "htm" => Some(Target::Html),
            "txt" | "text" => Some(Target::Text),
            "md" | "markdown" => Some(Target::Markdown),
            "csv" => Some(Target::Csv),
            "docx" => Some(Target::Docx),
            _ => None,
        }
    }
}

/// One element of the document, in printed order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// The title: "某某局 2024 年政府信息公开工作年度报告".
    Title(String),
    /// A line under the title (the publication date).
    Meta(String),
    /// A section heading: "一、总体情况".
    Heading(String),
    /// A sub-heading of 一: "（一）主动公开".
    SubHeading(String),
    /// A paragraph of prose.
    Para(String),
    /// A table.
    Table(TableId, Grid),
}

/// The title of a report as the format prints it.
pub fn title(report: &Report) -> String {
    format!("{}{}年政府信息公开工作年度报告", report.agency, report.year)
}

fn paragraphs(text: Option<&str>, out: &mut Vec<Item>) {
    for line in text
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        out.push(Item::Para(line.to_owned()));
    }
}

/// The document, in order.
pub fn outline(report: &Report) -> Vec<Item> {
    let mut out = vec![Item::Title(title(report))];
    if let Some(date) = report.published {
        out.push(Item::Meta(format!("发布日期：{date}")));
    }
    // A text that opens with its own heading (imported or pasted so) is printed without
    // another above it.
    let own = |field: ProseField| {
        report
            .prose(field)
            .is_some_and(|t| field.carries_heading(t))
    };
    // The preface prints under the title, with no heading of its own.
    paragraphs(report.prose(ProseField::Preface), &mut out);
    if !own(ProseField::Summary) {
        out.push(Item::Heading(ProseField::Summary.heading().to_owned()));
    }
    paragraphs(report.prose(ProseField::Summary), &mut out);
    for field in ProseField::SUB_PARTS {
        if let Some(text) = report.prose(field) {
            if !field.carries_heading(text) {
                out.push(Item::SubHeading(field.heading().to_owned()));
            }
            paragraphs(Some(text), &mut out);
        }
    }
    for (table, grid) in [
        (TableId::Proactive, grid::proactive(report)),
        (TableId::Requests, grid::requests(report)),
        (TableId::Appeals, grid::appeals(report)),
    ] {
        out.push(Item::Heading(table.heading().to_owned()));
        out.push(Item::Table(table, grid));
    }
    for field in [ProseField::Problems, ProseField::OtherMatters] {
        if !own(field) {
            out.push(Item::Heading(field.heading().to_owned()));
        }
        paragraphs(report.prose(field), &mut out);
    }
    out
}

/// Renders `report` to `target`: the bytes of the file (UTF-8 text for every target but `.docx`).
pub fn render(report: &Report, target: Target) -> Vec<u8> {
    match target {
        Target::Html => html(report).into_bytes(),
        Target::Text => text(report).into_bytes(),
        Target::Markdown => markdown(report).into_bytes(),
        Target::Csv => csv(report).into_bytes(),
        Target::Docx => docx::docx(report),
    }
}

/// Escapes text for HTML: report text is always shown as text, never as markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// The report body as HTML, without `<html>` and `<head>`: what a portal's editor takes.
pub fn html_fragment(report: &Report) -> String {
    const TABLE: &str = r#"<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;text-align:center">"#;
    let mut out = String::new();
    for item in outline(report) {
        match item {
            Item::Title(t) => out.push_str(&format!(
                "<h1 style=\"text-align:center\">{}</h1>\n",
                escape(&t)
            )),
            Item::Meta(t) => out.push_str(&format!(
                "<p style=\"text-align:center\">{}</p>\n",
                escape(&t)
            )),
            Item::Heading(t) => out.push_str(&format!("<h2>{}</h2>\n", escape(&t))),
            Item::SubHeading(t) => out.push_str(&format!("<h3>{}</h3>\n", escape(&t))),
            Item::Para(t) => out.push_str(&format!("<p>{}</p>\n", escape(&t))),
            Item::Table(table, grid) => {
                out.push_str(&format!(
                    "{}\n",
                    TABLE.replace("<table", &format!("<table data-table=\"{}\"", table.key()))
                ));
                for row in &grid.rows {
                    out.push_str("<tr>");
                    for cell in row {
                        let mut attrs = String::new();
                        if cell.colspan > 1 {
                            attrs.push_str(&format!(" colspan=\"{}\"", cell.colspan));
                        }
                        if cell.rowspan > 1 {
                            attrs.push_str(&format!(" rowspan=\"{}\"", cell.rowspan));
                        }
                        if let Some(place) = cell.place {
                            attrs.push_str(&format!(" data-cell=\"{}\"", escape(&place.pointer())));
                        }
                        out.push_str(&format!("<td{attrs}>{}</td>", escape(&cell.text)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
        }
    }
    out
}

/// A whole HTML page: the fragment with a title and the character set, nothing else — no
/// script, no external style.
pub fn html(report: &Report) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n</head>\n<body>\n{}</body>\n</html>\n",
        escape(&title(report)),
        html_fragment(report)
    )
}

/// Plain text: one line per paragraph, table rows as tab-separated cells.
pub fn text(report: &Report) -> String {
    let mut out = String::new();
    for item in outline(report) {
        match item {
            Item::Title(t)
            | Item::Meta(t)
            | Item::Heading(t)
            | Item::SubHeading(t)
            | Item::Para(t) => {
                out.push_str(&t);
                out.push('\n');
            }
            Item::Table(_, grid) => {
                for row in grid.flatten() {
                    out.push_str(&row.join("\t"));
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// Markdown: headings with `#`, tables as pipe tables (merged cells flattened).
pub fn markdown(report: &Report) -> String {
    let cell = |t: &str| t.replace('|', "｜");
    let mut out = String::new();
    for item in outline(report) {
        match item {
            Item::Title(t) => out.push_str(&format!("# {t}\n\n")),
            Item::Meta(t) | Item::Para(t) => out.push_str(&format!("{t}\n\n")),
            Item::Heading(t) => out.push_str(&format!("## {t}\n\n")),
            Item::SubHeading(t) => out.push_str(&format!("### {t}\n\n")),
            Item::Table(_, grid) => {
                for (i, row) in grid.flatten().iter().enumerate() {
                    let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
                    out.push_str(&format!("| {} |\n", cells.join(" | ")));
                    if i == 0 {
                        out.push_str(&format!("|{}\n", " --- |".repeat(row.len())));
                    }
                }
                out.push('\n');
            }
        }
    }
    out
}

/// The header of the tidy CSV.
pub const CSV_HEADER: [&str; 6] = [
    "table",
    "row",
    "row_label",
    "column",
    "column_label",
    "value",
];

/// Tidy CSV: one row per cell (`table,row,row_label,column,column_label,value`), after rows for
/// the metadata (`table` = `report`) and the prose (`table` = `prose`).
pub fn csv(report: &Report) -> String {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<[String; 6]> = Vec::new();
    let meta = |key: &str, label: &str, value: String| {
        [
            "report".to_owned(),
            key.to_owned(),
            label.to_owned(),
            String::new(),
            String::new(),
            value,
        ]
    };
    rows.push(meta("edition", "格式版本", report.edition.key().to_owned()));
    rows.push(meta("year", "报告年度", report.year.to_string()));
    rows.push(meta("agency", "发布机关", report.agency.clone()));
    if let Some(date) = report.published {
        rows.push(meta("published", "发布日期", date.to_string()));
    }
    for field in ProseField::ALL {
        if let Some(text) = report.prose(field) {
            let key = field.pointer().trim_start_matches('/').replace('/', ".");
            rows.push([
                "prose".to_owned(),
                key,
                field.heading().to_owned(),
                String::new(),
                String::new(),
                text.to_owned(),
            ]);
        }
    }
    let edition = report.edition;
    for (place, cell) in report.cells() {
        let (table, row_key, row_label, col_key, col_label) = match place {
            report_core::Place::Proactive(item, Some(col)) => (
                "proactive",
                item.key(),
                item.def().labels.any(edition),
                col.key(),
                col.def().labels.any(edition),
            ),
            report_core::Place::Requests(row, Some(col)) => (
                "requests",
                row.key(),
                row.def().labels.any(edition),
                col.key(),
                col.def().labels.any(edition),
            ),
            report_core::Place::Appeals(group, Some(col)) => (
                "appeals",
                group.key(),
                group.def().label,
                col.key(),
                col.def().labels.any(edition),
            ),
            _ => continue,
        };
        rows.push(
            [
                table,
                row_key,
                row_label,
                col_key,
                col_label,
                &cell.display(),
            ]
            .map(str::to_owned),
        );
    }
    let mut ok = writer.write_record(CSV_HEADER).is_ok();
    for row in &rows {
        ok &= writer.write_record(row).is_ok();
    }
    let bytes = writer.into_inner().unwrap_or_default();
    if ok {
        String::from_utf8(bytes).unwrap_or_default()
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use report_core::layout::Edition;

    #[test]
    fn a_text_opening_with_its_heading_is_not_given_a_second_one() {
        let mut report = Report::blank(Edition::V2021, 2024, "某某局");
        report.overview.proactive_disclosure = Some("（一）主动公开情况。本年度主动公开…".into());
        report.overview.platforms = Some("平台建设情况。".into());
        let text = String::from_utf8(render(&report, Target::Text)).unwrap_or_default();
        assert_eq!(text.matches("（一）主动公开").count(), 1, "{text}");
        assert_eq!(
            text.matches("（四）政府信息公开平台建设").count(),
            1,
            "{text}"
        );
        assert_eq!(
            text.matches("五、存在的主要问题及改进情况").count(),
            1,
            "{text}"
        );
    }
}
