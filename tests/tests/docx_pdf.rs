//! The exported `.docx` opens in LibreOffice: it converts to PDF, and the figures read back out
//! of that PDF (`pdftotext -layout`, then the PDF-text importer) are the report's.
//!
//! Needs Debian's `libreoffice-writer` and `poppler-utils`, which `scripts/setup.sh` installs.

use std::path::Path;
use std::process::Command;

use nianbao_tests::{differences, truth};
use report_io::export::{render, Target};

fn require(tool: &str) {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "`{tool}` is missing: run `bash scripts/setup.sh`, which installs it"
    );
}

fn to_pdf_text(docx: &Path, dir: &Path) -> String {
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let status = Command::new("libreoffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .arg(docx)
        .output()
        .expect("libreoffice runs");
    assert!(
        status.status.success(),
        "libreoffice failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let pdf = docx.with_extension("pdf");
    assert!(
        pdf.exists(),
        "no PDF written: {}",
        String::from_utf8_lossy(&status.stdout)
    );
    let text = Command::new("pdftotext")
        .arg("-layout")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    String::from_utf8(text.stdout).expect("UTF-8 text")
}

#[test]
fn the_exported_docx_converts_to_pdf_and_its_figures_read_back() {
    require("libreoffice");
    require("pdftotext");
    let dir = std::env::temp_dir().join(format!("nianbao-docx-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    for name in [
        "2024-huaian-city-gov",
        "2023-huaian-hongze-district-gov",
        "2019-shanghai-municipal-gov-general-office-2019format",
    ] {
        let report = truth(name);
        let docx = dir.join(format!("{name}.docx"));
        std::fs::write(&docx, render(&report, Target::Docx)).expect("written");
        let text = to_pdf_text(&docx, &dir);
        let imported = report_io::import(text.as_bytes()).expect("the PDF text imports");
        assert_eq!(imported.format, report_io::Format::PdfLayout, "{name}");
        // Blank cells print nothing in a PDF, so only a report without blanks reads back whole.
        if report.cells().all(|(_, c)| !c.is_blank()) {
            assert_eq!(
                differences(&imported, &report),
                Vec::<String>::new(),
                "{name}:\n{text}"
            );
        } else {
            let filled = report.cells().filter(|(_, c)| !c.is_blank()).count();
            assert!(filled > 0, "{name}");
            assert_eq!(imported.report.year, report.year, "{name}");
            assert_eq!(imported.report.agency, report.agency, "{name}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// The pages of a PDF as text, one string per page (`pdftotext` marks pages with a form feed).
fn pages(text: &str) -> Vec<&str> {
    text.split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect()
}

#[test]
fn the_requests_table_repeats_its_header_on_every_page_it_spans() {
    require("libreoffice");
    require("pdftotext");
    let dir = std::env::temp_dir().join(format!("nianbao-docx-header-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    let mut report = truth("2024-huaian-city-gov");
    // Enough prose before 表三 that it starts low on a page and runs onto the next.
    let filler = "本机关认真贯彻落实政府信息公开条例，持续深化主动公开，规范依申请公开办理。";
    report.overview.oversight = Some(vec![filler; 14].join("\n"));
    let docx = dir.join("header.docx");
    std::fs::write(&docx, render(&report, Target::Docx)).expect("written");
    let text = to_pdf_text(&docx, &dir);
    let body_rows = [
        "本年新收政府信息公开申请数量",
        "（七）总计",
        "结转下年度继续办理",
    ];
    let spanned: Vec<&str> = pages(&text)
        .into_iter()
        .filter(|p| body_rows.iter().any(|r| p.contains(r)))
        .collect();
    assert!(
        spanned.len() >= 2,
        "表三 should run over a page here:\n{text}"
    );
    for page in spanned {
        assert!(
            page.contains("申请人情况"),
            "a page of 表三 without its header:\n{page}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}
