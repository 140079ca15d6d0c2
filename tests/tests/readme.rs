//! The README's rule table lists every rule with its current title and severity.

#[test]
fn the_readme_lists_every_rule() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("README");
    for meta in report_core::rules::catalogue() {
        let row = format!(
            "| {} | {} | {}",
            meta.code,
            meta.severity.zh(),
            meta.title_zh
        );
        assert!(readme.contains(&row), "README lacks `{row}`");
    }
}
