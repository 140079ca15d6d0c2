//! No input makes an importer panic: random bytes, damaged reports, huge and deeply nested
//! documents all end with a report or a clear error.

use proptest::prelude::*;
use report_io::import::{import_as, ImportError, MAX_BYTES};
use report_io::{import, Format};

const FORMATS: [Format; 7] = [
    Format::TabText,
    Format::PdfLayout,
    Format::RunTogether,
    Format::CellLines,
    Format::Html,
    Format::Markdown,
    Format::Csv,
];

fn fixtures() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/real");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e != "pdf"))
        .map(|p| std::fs::read_to_string(p).expect("text"))
        .collect();
    texts.sort();
    texts
}

fn published_pdf() -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/real/2023-huaian-hongze-district-gov.pdf");
    std::fs::read(path).expect("the published PDF")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn damaged_pdfs_end_in_a_report_or_an_error(cut in 0usize..300_000, at in 0usize..300_000, byte in any::<u8>()) {
        let mut pdf = published_pdf();
        let at = at % pdf.len();
        pdf[at] = byte;
        pdf.truncate(cut.max(8).min(pdf.len()));
        let _ = import(&pdf);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_end_in_a_report_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let _ = import(&bytes);
    }

    #[test]
    fn random_text_in_every_format(text in "[\\t\\n |<>/a-z0-9一二三四五六、（）()总计年度报告本年新收申请数量行政复议规章.:：，]{0,600}") {
        for format in FORMATS {
            let _ = import_as(&text, format);
        }
    }

    #[test]
    fn damaged_reports_still_import(which in 0usize..7, cut in 0.0f64..1.0, insert in "[\\t\\n0-9 |<>]{0,8}") {
        let texts = fixtures();
        let text = &texts[which % texts.len()];
        let mut at = (text.len() as f64 * cut) as usize;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let damaged = format!("{}{insert}{}", &text[..at], &text[at..]);
        let _ = import(damaged.as_bytes());
        let _ = import(&text.as_bytes()[..at]);
    }
}

#[test]
fn a_100_mb_file_is_refused_at_once() {
    let huge = vec![b'1'; 100 << 20];
    assert!(matches!(import(&huge), Err(ImportError::TooLarge(n)) if n > MAX_BYTES));
}

#[test]
fn deeply_nested_html_is_read_in_bounded_depth() {
    let nested =
        "<table><tr><td>".repeat(50_000) + "一、总体情况" + &"</td></tr></table>".repeat(50_000);
    let _ = import(nested.as_bytes());
    let divs = "<div>".repeat(200_000) + "<p>二、主动公开政府信息情况</p>";
    let _ = import(divs.as_bytes());
}

#[test]
fn huge_merged_cells_are_capped() {
    let html = r#"<table><tr><td colspan="999999999" rowspan="999999999">三、收到和处理政府信息公开申请情况</td></tr></table>"#;
    let _ = import(html.as_bytes());
}

#[test]
fn not_text_is_a_clear_error() {
    let err = import(&[b'a', b'\n', b'b', 0xff, 0xfe]).expect_err("binary");
    assert!(
        err.to_string()
            .starts_with("第 2 行（第 3 字节）起的文字无法识别"),
        "{err}"
    );
    let err = import(&[0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe]).expect_err("a broken zip");
    assert!(
        err.to_string()
            .starts_with("文件已损坏或不完整，不是有效的 Word 或 Excel 文件"),
        "{err}"
    );
    assert_eq!(import(b"").expect_err("empty").to_string(), "文件为空");
    assert_eq!(
        import("just some words".as_bytes())
            .expect_err("no report")
            .to_string(),
        "没有找到年度报告的任何内容（标题、章节或表格）"
    );
}

fn zip_with(name: &str, content: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file(name, options).expect("entry");
    zip.write_all(content).expect("written");
    zip.finish().expect("finished").into_inner()
}

#[test]
fn a_zip_bomb_ends_in_an_error_not_in_exhausted_memory() {
    // 40 MB of spaces compress to a few tens of kilobytes.
    let bomb = zip_with("word/document.xml", &vec![b' '; 40 << 20]);
    assert!(bomb.len() < 1 << 20);
    let err = import(&bomb).expect_err("refused");
    assert_eq!(err.to_string(), "Word 文档正文解压后过大");
}

#[test]
fn damaged_word_documents_are_clear_errors() {
    let report = report_core::Report::blank(report_core::Edition::V2021, 2024, "某某局");
    let docx = report_io::export::render(&report, report_io::export::Target::Docx);
    for cut in [4, 30, docx.len() / 2, docx.len() - 10] {
        let err = import(&docx[..cut]).expect_err("truncated");
        assert!(err.to_string().contains("Word"), "{err}");
    }
    let no_body = zip_with("word/other.xml", b"<x/>");
    assert_eq!(
        import(&no_body).expect_err("no body").to_string(),
        "Word 文档中没有正文（word/document.xml）"
    );
    let bad_xml = zip_with("word/document.xml", b"<w:document><w:body><w:p></w:body>");
    assert!(import(&bad_xml).is_err());
}
