//! Fuzz target: any document, its format detected (the `.docx` reader included) (see `nianbao_tests::fuzz::replay`).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| nianbao_tests::fuzz::replay("import", data));
