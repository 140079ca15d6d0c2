//! Fuzz target: tidy CSV (see `nianbao_tests::fuzz::replay`).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| nianbao_tests::fuzz::replay("csv", data));
