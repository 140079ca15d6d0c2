//! PDF files read directly: the published 洪泽区 2023 PDF and PDFs LibreOffice makes from the
//! exports read to the same cells as the text a PDF tool prints from them; scans, damaged files,
//! PDFs that are not reports and oversized ones are refused with a message that says what to do.

use std::path::Path;
use std::process::Command;

use nianbao_tests::{differences, real, truth, truth_names};
use report_io::export::{render, Target};
use report_io::import::ImportError;
use report_io::{import, Format, Imported};

fn cells(imported: &Imported) -> Vec<(String, String)> {
    cells_of(&imported.report)
}

fn cells_of(report: &report_core::Report) -> Vec<(String, String)> {
    report
        .cells()
        .map(|(p, c)| (p.pointer(), c.display()))
        .collect()
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (scripts/setup.sh installs poppler-utils)");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The PDFs published as they were found: each is kept next to its truth file under the same
/// name.
fn published_pdfs() -> Vec<String> {
    truth_names()
        .into_iter()
        .filter(|name| real(&format!("{name}.pdf")).exists())
        .collect()
}

#[test]
fn every_published_pdf_reads_to_its_truth_and_to_the_same_cells_as_its_text() {
    let names = published_pdfs();
    assert_eq!(
        names,
        [
            "2023-huaian-hongze-district-gov",
            "2024-huaian-hongze-district-gov"
        ]
    );
    for name in names {
        let pdf = real(&format!("{name}.pdf"));
        let imported = import(&std::fs::read(&pdf).expect("fixture")).expect("a report");
        assert_eq!(imported.format, Format::Pdf, "{name}");
        let report = truth(&name);
        assert_eq!(
            differences(&imported, &report),
            Vec::<String>::new(),
            "{name}"
        );
        assert_eq!(imported.report.year, report.year, "{name}");
        assert_eq!(imported.report.agency, report.agency, "{name}");
        let text = import(pdftotext(&pdf).as_bytes()).expect("the text imports");
        assert_eq!(cells(&imported), cells(&text), "{name}");
    }
}

#[test]
fn a_published_pdfs_prose_and_sources_are_read_with_its_cells() {
    let pdf = real("2023-huaian-hongze-district-gov.pdf");
    let imported = import(&std::fs::read(&pdf).expect("fixture")).expect("a report");
    assert!(imported
        .report
        .overview
        .disclosure_on_request
        .as_deref()
        .is_some_and(|t| t.contains("21件")));
    // A cell's source names its page: 表四 is on the fourth page.
    let source = imported.sources["/appeals/review/total"];
    assert_eq!(source.page, Some(4));

    // 2024's 表三 starts on its third page and 六 closes its fifth.
    let pdf = real("2024-huaian-hongze-district-gov.pdf");
    let imported = import(&std::fs::read(&pdf).expect("fixture")).expect("a report");
    assert_eq!(imported.sources["/requests/new/total"].page, Some(3));
    assert_eq!(
        imported.sources["/requests/unable_needs_creation/total"].page,
        Some(4)
    );
    assert!(imported
        .report
        .other_matters
        .as_deref()
        .is_some_and(|t| t.ends_with("信息处理费0元。")));
}

#[test]
fn pdfs_made_by_libreoffice_read_like_their_text() {
    let dir = std::env::temp_dir().join(format!("nianbao-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    for name in [
        "2024-huaian-city-gov",
        "2023-huaian-hongze-district-gov",
        "2019-shanghai-municipal-gov-general-office-2019format",
        "2024-anyang-wenfeng-toudersan-subdistrict",
    ] {
        let report = truth(name);
        let docx = dir.join(format!("{name}.docx"));
        std::fs::write(&docx, render(&report, Target::Docx)).expect("written");
        let status = Command::new("libreoffice")
            .args([
                profile.as_str(),
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(&dir)
            .arg(&docx)
            .output()
            .expect("libreoffice runs (scripts/setup.sh installs it)");
        assert!(status.status.success(), "{name}");
        let pdf = docx.with_extension("pdf");
        let imported = import(&std::fs::read(&pdf).expect("PDF written")).expect(name);
        assert_eq!(imported.format, Format::Pdf, "{name}");
        let text = import(pdftotext(&pdf).as_bytes()).expect(name);
        // Every cell the PDF's text reads without a flag, the PDF reads alike (it may read
        // more: the text keeps no trace of blank cells, the glyphs' positions do).
        let read = cells(&imported);
        for (pointer, value) in cells(&text).into_iter().filter(|(_, v)| !v.is_empty()) {
            let flagged = text.diagnostics.iter().any(|d| d.cells.contains(&pointer));
            assert!(
                flagged || read.contains(&(pointer.clone(), value.clone())),
                "{name}: {pointer} is {value} in the text"
            );
        }
        assert_eq!(imported.report.year, report.year, "{name}");
        assert_eq!(imported.report.agency, report.agency, "{name}");
        // Blank cells too (上海 2019 leaves 70 blank): every cell as printed, or not read at all
        // (a row left wholly blank is missed, and reported missing), never another number.
        let (got, want) = (cells(&imported), cells_of(&report));
        for (pointer, value) in &got {
            let expected = want.iter().find(|(p, _)| p == pointer).map(|(_, v)| v);
            assert_eq!(Some(value), expected, "{name}: {pointer}");
        }
        if name != "2019-shanghai-municipal-gov-general-office-2019format" {
            assert_eq!(
                differences(&imported, &report),
                Vec::<String>::new(),
                "{name}"
            );
        }
        let unsure: Vec<&str> = imported
            .diagnostics
            .iter()
            .filter(|d| d.code == "I3")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            unsure,
            Vec::<&str>::new(),
            "{name}: rows whose blanks are known"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A portal page printed to PDF by a browser: the 上海 2019 portal article, whose tables leave
/// 70 cells blank and whose 表四 prints its numbers from the left of their cells. Every number
/// the PDF reads is in its own cell, and no row is left in doubt: the header's positions show
/// where the blanks are.
#[test]
fn a_portal_page_printed_by_a_browser_keeps_its_blank_cells_in_place() {
    let name = "2019-shanghai-municipal-gov-general-office-2019format-portal";
    let dir = std::env::temp_dir().join(format!("nianbao-print-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    let pdf = dir.join(format!("{name}.pdf"));
    nianbao_tests::print_to_pdf(&real(name), &pdf, &dir);
    let imported = import(&std::fs::read(&pdf).expect("PDF written")).expect("a report");
    assert_eq!(imported.format, Format::Pdf);
    let report = truth(name);
    let want = cells_of(&report);
    for (pointer, value) in cells(&imported) {
        let expected = want.iter().find(|(p, _)| *p == pointer).map(|(_, v)| v);
        assert_eq!(Some(&value), expected, "{pointer}");
    }
    // Every row with a number is read, its blanks included; only rows printed wholly blank
    // are not found (and rule H8 names them).
    let missed: Vec<String> = differences(&imported, &report)
        .into_iter()
        .filter(|d| !d.ends_with("None instead of Blank"))
        .collect();
    assert_eq!(missed, Vec::<String>::new());
    assert!(
        !imported.diagnostics.iter().any(|d| d.code == "I3"),
        "no row in doubt: {:?}",
        imported.diagnostics
    );
    // The rows whose blanks were placed by position are named for the clerk to compare (I9),
    // 表三's and 表四's, and each cell named is as published.
    let positioned: Vec<&report_core::Diagnostic> = imported
        .diagnostics
        .iter()
        .filter(|d| d.code == "I9" && d.message.contains("对齐位置"))
        .collect();
    let tables: Vec<_> = positioned.iter().filter_map(|d| d.table()).collect();
    assert_eq!(
        tables,
        [
            report_core::TableId::Requests,
            report_core::TableId::Appeals
        ],
        "{positioned:#?}"
    );
    for d in &positioned {
        for place in &d.places {
            assert_eq!(
                imported.report.cell(*place),
                report.cell(*place),
                "{}",
                place.pointer()
            );
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A PDF with `pages` pages, each showing `text` (nothing when empty) in a standard font.
fn minimal_pdf(pages: usize, text: &str) -> Vec<u8> {
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        String::new(), // the page tree, filled below
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".into(),
    ];
    let content = if text.is_empty() {
        String::new()
    } else {
        format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET")
    };
    let mut kids = Vec::new();
    for _ in 0..pages {
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ));
        let contents = objects.len();
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {contents} 0 R >>"
        ));
        kids.push(format!("{} 0 R", objects.len()));
    }
    objects[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {pages} >>",
        kids.join(" ")
    );
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[test]
fn a_scan_is_told_apart_and_the_message_says_what_to_do() {
    let err = import(&minimal_pdf(2, "")).expect_err("no text layer");
    assert_eq!(err, ImportError::PdfScanned);
    let message = err.to_string();
    assert!(
        message.contains("扫描件") && message.contains("OCR"),
        "{message}"
    );
}

#[test]
fn a_pdf_that_is_not_a_report_is_refused() {
    let err = import(&minimal_pdf(1, "Hello world")).expect_err("not a report");
    assert_eq!(err, ImportError::NotAReport);
}

#[test]
fn damaged_and_oversized_pdfs_are_refused() {
    let published = std::fs::read(real("2023-huaian-hongze-district-gov.pdf")).expect("fixture");
    for cut in [published.len() / 2, 2000, 40] {
        match import(&published[..cut]) {
            Err(ImportError::Pdf(message)) => assert!(message.contains("损坏"), "{message}"),
            // What survives a cut may still hold a few pages of text, but never a whole report
            // read as consistent without its 表四.
            Err(other) => assert!(
                matches!(other, ImportError::NotAReport | ImportError::PdfScanned),
                "{cut}: {other}"
            ),
            Ok(imported) => assert!(
                !imported.diagnostics.is_empty(),
                "{cut}: read without a word of doubt"
            ),
        }
    }
    let err = import(&minimal_pdf(report_io::import::MAX_PDF_PAGES + 1, "")).expect_err("big");
    assert!(matches!(err, ImportError::PdfTooManyPages(_)), "{err}");
}

#[test]
fn a_pdf_whose_streams_unpack_to_too_much_is_refused() {
    use std::io::Write;
    // 260 MB of zeros pack into under 3 MB: a PDF "bomb".
    let mut packer = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let block = vec![0u8; 1 << 20];
    for _ in 0..260 {
        packer.write_all(&block).expect("packed");
    }
    let packed = packer.finish().expect("packed");
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    let mut object = |pdf: &mut Vec<u8>, body: &[u8]| {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n", offsets.len()).as_bytes());
        pdf.extend(body);
        pdf.extend(b"\nendobj\n");
    };
    object(&mut pdf, b"<< /Type /Catalog /Pages 2 0 R >>");
    object(&mut pdf, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object(
        &mut pdf,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    );
    let mut stream = format!(
        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
        packed.len()
    )
    .into_bytes();
    stream.extend(&packed);
    stream.extend(b"\nendstream");
    object(&mut pdf, &stream);
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes());
    for offset in &offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    assert!(pdf.len() < 4 << 20, "small on disk: {}", pdf.len());
    match import(&pdf) {
        Err(ImportError::Pdf(message)) => assert!(message.contains("解压后过大"), "{message}"),
        other => panic!("not refused as too large: {other:?}"),
    }
}
