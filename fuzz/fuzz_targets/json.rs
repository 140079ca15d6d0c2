//! Fuzz target: the JSON reader. Any input must give a report or an error, never a panic or a hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = report_core::Report::from_json(text);
    }
});
