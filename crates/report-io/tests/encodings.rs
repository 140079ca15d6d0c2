//! Documents as clerks' computers save them: text in GBK/GB18030 (Notepad's "ANSI" on Chinese
//! Windows), text in UTF-16 (Notepad's "Unicode"), a portal page served as GB2312; and the old
//! Office formats, which get a message that says what to do.

use report_io::import;
use report_io::import::ImportError;

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/real")
        .join(name);
    std::fs::read_to_string(path).expect("fixture")
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

#[test]
fn text_saved_in_gbk_or_utf16_reads_as_its_utf8() {
    for name in [
        "2024-huaian-city-gov.txt",
        "2025-test-city-hangzhou-style-table.html",
    ] {
        let text = fixture(name);
        let want = import(text.as_bytes()).expect("UTF-8 reads");
        let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&text);
        assert!(!unmappable, "{name}: every character has a GB18030 code");
        assert_ne!(gbk.as_ref(), text.as_bytes(), "{name}: really re-encoded");
        for (what, bytes) in [("GB18030", gbk.into_owned()), ("UTF-16", utf16le(&text))] {
            let read = import(&bytes).unwrap_or_else(|e| panic!("{name} in {what}: {e}"));
            assert_eq!(read.report, want.report, "{name} in {what}");
            assert_eq!(read.format, want.format, "{name} in {what}");
        }
    }
}

#[test]
fn a_portal_page_served_as_gb2312_reads() {
    let utf8 = fixture("2025-test-city-hangzhou-style-table.html");
    let want = import(utf8.as_bytes()).expect("UTF-8 reads");
    let page = utf8.replacen("<meta charset=\"utf-8\">", "<meta charset=\"gb2312\">", 1);
    assert_ne!(page, utf8, "the page declares its charset");
    let (bytes, _, _) = encoding_rs::GBK.encode(&page);
    let read = import(&bytes).expect("reads");
    assert_eq!(read.report, want.report);
}

#[test]
fn old_office_files_are_told_to_be_saved_as_docx() {
    let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    doc.extend(std::iter::repeat_n(0u8, 512));
    let err = import(&doc).expect_err("not read");
    assert_eq!(err, ImportError::OldOffice);
    let message = err.to_string();
    assert!(
        message.contains(".doc") && message.contains("另存为"),
        "{message}"
    );
}

#[test]
fn binary_that_is_no_text_is_refused_not_read_as_garbage() {
    // Bytes that are neither UTF-8 nor text in any of the encodings read.
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    assert!(matches!(import(&bytes), Err(ImportError::NotUtf8 { .. })));
}
