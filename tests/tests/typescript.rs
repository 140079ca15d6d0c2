//! The TypeScript declarations shipped with the embeddable package are generated from the Rust
//! types. This test fails when the committed file is stale; `UPDATE_TYPESCRIPT=1 cargo test
//! --test typescript` writes it anew.

use std::path::PathBuf;

use report_core::typescript::declarations;

fn generated() -> String {
    format!(
        "// Generated from the Rust types by tests/tests/typescript.rs; do not edit.\n\
         // The JSON contract version {}.\n\n{}\n",
        report_core::CONTRACT_VERSION,
        declarations(),
    )
}

#[test]
fn committed_declarations_are_current() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../crates/report-wasm/js/types.d.ts");
    let text = generated();
    if std::env::var_os("UPDATE_TYPESCRIPT").is_some() {
        std::fs::write(&path, &text).expect("write types.d.ts");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "crates/report-wasm/js/types.d.ts is stale: run `UPDATE_TYPESCRIPT=1 cargo test -p nianbao-tests --test typescript`"
    );
}

#[test]
fn declarations_name_every_cell_key_of_both_editions() {
    let text = generated();
    for (pointer, _) in report_core::Report::blank(report_core::Edition::V2019, 2020, "")
        .cells()
        .chain(report_core::Report::blank(report_core::Edition::V2021, 2024, "").cells())
    {
        let key = pointer.pointer();
        let column = key.rsplit('/').next().unwrap_or_default();
        assert!(
            text.contains(&format!(" {column}?: ")),
            "{key} is not declared"
        );
    }
    for name in [
        "export type Report",
        "export type Diagnostic",
        "export type CheckResult",
        "export type Source",
    ] {
        assert!(text.contains(name), "{name} is missing");
    }
}
