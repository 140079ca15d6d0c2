//! Fuzz target: tab-separated text (Word, web pages). Any input must give a report or an error, never a panic or a hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fn text(data: &[u8], format: report_io::Format) {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(imported) = report_io::import_as(text, format) {
            // What was read must check and write without trouble too.
            let _ = report_core::check(&imported.report, &Default::default());
            let _ = report_io::export::render(&imported.report, report_io::export::Target::Html);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    text(data, report_io::Format::TabText);
});
