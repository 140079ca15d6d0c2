//! What each fuzz target does with its input, shared by the targets in `fuzz/` and by the
//! regression test that replays `fuzz/regressions/`.

use report_io::Format;

/// The fuzz targets, by name.
pub const TARGETS: [&str; 11] = [
    "json",
    "import",
    "pdf",
    "spreadsheet",
    "tab_text",
    "pdf_layout",
    "cell_lines",
    "run_together",
    "html",
    "markdown",
    "csv",
];

/// Reads `data` as fuzz target `target` does. Any input must give a report or an error, never
/// a panic; what an importer reads must also check and export without trouble.
///
/// The PDF and spreadsheet readers parse with libraries whose panics the importer catches and
/// reports as a damaged file: their targets ([`quiet_caught_panics`]) fail on a panic that is
/// not caught, on a hang and on exhausted memory, as every target does.
pub fn replay(target: &str, data: &[u8]) {
    let document = |signatures: &[&[u8]]| {
        if signatures.iter().any(|s| data.starts_with(s)) {
            if let Ok(imported) = report_io::import(data) {
                let _ = report_core::check(&imported.report, &Default::default());
                let _ =
                    report_io::export::render(&imported.report, report_io::export::Target::Html);
            }
        }
    };
    let text = |format: Format| {
        if let Ok(text) = std::str::from_utf8(data) {
            if let Ok(imported) = report_io::import_as(text, format) {
                let _ = report_core::check(&imported.report, &Default::default());
                let _ =
                    report_io::export::render(&imported.report, report_io::export::Target::Html);
            }
        }
    };
    match target {
        "json" => {
            if let Ok(text) = std::str::from_utf8(data) {
                let _ = report_core::Report::from_json(text);
            }
        }
        "import" => {
            let _ = report_io::import(data);
        }
        "pdf" => document(&[b"%PDF-"]),
        // `.xlsx` and `.ods` (zip), `.xls` (an OLE compound file).
        "spreadsheet" => document(&[b"PK\x03\x04", b"\xD0\xCF\x11\xE0"]),
        "tab_text" => text(Format::TabText),
        "pdf_layout" => text(Format::PdfLayout),
        "run_together" => text(Format::RunTogether),
        "cell_lines" => text(Format::CellLines),
        "html" => text(Format::Html),
        "markdown" => text(Format::Markdown),
        "csv" => text(Format::Csv),
        other => panic!("no fuzz target named {other}"),
    }
}

/// Lets a panic that the importer catches (the PDF and spreadsheet readers' libraries) pass
/// without aborting: libFuzzer's own hook aborts at any panic, caught or not; a panic nothing
/// catches still ends the run as a crash, through the fuzz target's own check.
pub fn quiet_caught_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|_| {})));
}
