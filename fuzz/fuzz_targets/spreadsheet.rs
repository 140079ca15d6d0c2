//! Fuzz target: a workbook (`.xlsx`, `.ods`, `.xls`), read by the spreadsheet reader (see `nianbao_tests::fuzz::replay`).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    nianbao_tests::fuzz::quiet_caught_panics();
    nianbao_tests::fuzz::replay("spreadsheet", data)
});
