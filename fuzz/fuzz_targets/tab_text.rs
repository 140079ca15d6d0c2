//! Fuzz target: tab-separated text (Word, web pages) (see `nianbao_tests::fuzz::replay`).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| nianbao_tests::fuzz::replay("tab_text", data));
