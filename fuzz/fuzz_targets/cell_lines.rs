//! Fuzz target: text copied from a PDF viewer, one cell a line (see `nianbao_tests::fuzz::replay`).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| nianbao_tests::fuzz::replay("cell_lines", data));
