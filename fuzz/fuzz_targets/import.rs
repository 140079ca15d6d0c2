//! Fuzz target: any document, its format detected (the `.docx` reader included). Any input must give a report or an error, never a panic or a hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = report_io::import(data);
});
