//! Every input a fuzz target ever crashed on is replayed here for good: `fuzz/regressions/TARGET/`
//! holds the files (see `scripts/fuzz.sh`), and each must now give a report or an error.

use std::path::Path;

use report_io::Format;

fn replay(target: &str, data: &[u8]) {
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
        "html" => text(Format::Html),
        "markdown" => text(Format::Markdown),
        "csv" => text(Format::Csv),
        other => panic!("fuzz/regressions/{other}: no such fuzz target"),
    }
}

#[test]
fn every_input_a_fuzz_target_crashed_on_is_handled() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions");
    for dir in std::fs::read_dir(&root)
        .expect("fuzz/regressions exists")
        .flatten()
    {
        if !dir.path().is_dir() {
            continue;
        }
        let target = dir.file_name().to_string_lossy().into_owned();
        for file in std::fs::read_dir(dir.path()).expect("readable").flatten() {
            let data = std::fs::read(file.path()).expect("readable");
            replay(&target, &data);
        }
    }
}
