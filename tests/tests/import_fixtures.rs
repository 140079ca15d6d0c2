//! Every published report imports to exactly its truth file, and checking the original file
//! finds its published errors.

use nianbao_tests::{differences, real, truth, truth_names};

#[test]
fn every_published_report_imports_to_its_truth() {
    let mut failures = Vec::new();
    for name in truth_names() {
        let bytes = std::fs::read(real(&name)).expect("fixture");
        let imported = report_io::import(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let diffs = differences(&imported, &truth(&name));
        if !diffs.is_empty() {
            failures.push(format!(
                "{name} ({:?}):\n  {}\n  diagnostics: {:#?}",
                imported.format,
                diffs.join("\n  "),
                imported.diagnostics
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
