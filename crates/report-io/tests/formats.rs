//! Formats without a published fixture, built from a real report the way the tools that make
//! them damage it: OCR'd Markdown and the HTML that Word puts on the clipboard.

use report_core::{Cell, Place, Report};
use report_io::export::{render, Target};

fn huaian() -> Report {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/truth/2024-huaian-city-gov.json");
    Report::from_json(&std::fs::read_to_string(path).expect("fixture")).expect("reads")
}

fn text(report: &Report, target: Target) -> String {
    String::from_utf8(render(report, target)).expect("UTF-8")
}

#[test]
fn ocr_markdown_with_split_tables_lost_headers_and_misread_characters() {
    let report = huaian();
    let markdown = text(&report, Target::Markdown);
    let mut lines: Vec<String> = Vec::new();
    let mut table_row = 0;
    for line in markdown.lines() {
        if line.contains("勾稽关系")
            || line.contains("| 申请人情况")
            || line.contains("| 商业企业")
            || line.contains("| 自然人")
        {
            continue; // OCR lost 表三's header.
        }
        let mut line = line
            .replace("属于国家秘密", "属于国家秘蜜")
            .replace("本机关不掌握相关政府信息", "本机关不掌援相关政府信息");
        if line.starts_with("| ") && line.contains("（三）不予公开") {
            // The table breaks over a page: OCR prints two blocks.
            lines.push(String::new());
            lines.push("（续表）".into());
            lines.push(String::new());
        }
        if line.starts_with("| 四、结转下年度继续办理") {
            line = line.replacen("| 103 |", "| lO3 |", 1);
        }
        table_row += usize::from(line.starts_with('|'));
        lines.push(line);
    }
    assert!(table_row > 30);
    let imported = report_io::import(lines.join("\n").as_bytes()).expect("imports");
    assert_eq!(imported.format, report_io::Format::Markdown);
    let misread = Place::Requests(
        report_core::RequestRow::CarriedForward,
        Some(report_core::Applicant::NaturalPerson),
    );
    for (place, cell) in report.cells() {
        let got = imported.report.cell(place);
        if place == misread {
            assert_eq!(
                got,
                Some(&Cell::Text("lO3".into())),
                "kept as printed for H6 to report"
            );
        } else {
            assert_eq!(got, Some(cell), "{}", place.pointer());
        }
    }
    let result = report_core::check(&imported.report, &Default::default());
    assert!(result
        .diagnostics
        .iter()
        .any(|d| d.code == "H6" && d.cells == [misread.pointer()]));
}

#[test]
fn html_that_word_puts_on_the_clipboard() {
    let report = huaian();
    let html = text(&report, Target::Html);
    // Word wraps every cell's text in a paragraph and a span, writes &nbsp; in empty cells and
    // adds its own markup around the tables.
    let mut word = String::from("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body lang=ZH-CN><div class=WordSection1>");
    let mut pieces = html.split("<td");
    word.push_str(pieces.next().unwrap_or_default());
    for piece in pieces {
        let (attrs, rest) = piece.split_once('>').unwrap_or((piece, ""));
        let (content, after) = rest.split_once("</td>").unwrap_or((rest, ""));
        let content = if content.is_empty() {
            "&nbsp;".to_owned()
        } else {
            content.to_owned()
        };
        word.push_str(&format!(
            "<td{attrs} style='border:solid windowtext 1.0pt'><p class=MsoNormal align=center><span lang=EN-US style='font-size:9.0pt'>{content}<o:p></o:p></span></p></td>{after}"
        ));
    }
    word = word
        .replace("<table ", "<table class=MsoNormalTable ")
        .replace("<h2>", "<p class=MsoNormal><b><span>")
        .replace("</h2>", "</span></b></p>");
    word.push_str("<![if !supportMisalignedColumns]><![endif]></div></body></html>");
    let imported = report_io::import(word.as_bytes()).expect("imports");
    assert_eq!(imported.format, report_io::Format::Html);
    for (place, cell) in report.cells() {
        assert_eq!(
            imported.report.cell(place),
            Some(cell),
            "{}",
            place.pointer()
        );
    }
    assert_eq!(
        (imported.report.year, imported.report.agency.as_str()),
        (2024, "淮安市人民政府")
    );
}
