//! What each fuzz target does with its input, shared by the targets in `fuzz/` and by the
//! regression test that replays `fuzz/regressions/`.

use report_io::Format;

/// The fuzz targets, by name.
pub const TARGETS: [&str; 9] = [
    "json",
    "import",
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
pub fn replay(target: &str, data: &[u8]) {
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
