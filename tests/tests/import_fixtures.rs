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

/// The cells of the published errors of `name` whose rule starts with `prefix`, by rule.
fn published(name: &str, prefix: &str) -> Vec<(String, std::collections::BTreeSet<String>)> {
    let expect = nianbao_tests::expectations(name);
    expect["published_errors"]
        .as_array()
        .expect("a list")
        .iter()
        .filter(|e| e["rule"].as_str().is_some_and(|r| r.starts_with(prefix)))
        .map(|e| {
            let cells = e["cells"]
                .as_array()
                .expect("cells")
                .iter()
                .map(|c| c.as_str().expect("text").to_owned())
                .collect();
            (e["rule"].as_str().expect("rule").to_owned(), cells)
        })
        .collect()
}

#[test]
fn checking_the_original_files_finds_their_published_errors() {
    use report_core::{check, CheckOptions, Severity};
    for name in truth_names() {
        let imported =
            report_io::import(&std::fs::read(real(&name)).expect("fixture")).expect("imports");
        let result = check(&imported.report, &CheckOptions::default());
        let ambiguous: Vec<&String> = imported
            .diagnostics
            .iter()
            .filter(|d| d.code == "I4")
            .flat_map(|d| &d.cells)
            .collect();

        // Every published H error is found as an error, every S error as a warning, same cells.
        for (prefix, severity) in [("H", Severity::Error), ("S", Severity::Warning)] {
            for (rule, cells) in published(&name, prefix) {
                let named: std::collections::BTreeSet<String> = result
                    .diagnostics
                    .iter()
                    .filter(|d| d.code == rule && d.severity == severity)
                    .flat_map(|d| d.cells.iter().cloned())
                    .collect();
                assert!(
                    cells.is_subset(&named),
                    "{name}: {rule} {cells:?} not found as {severity:?}; found {named:?}"
                );
            }
        }
        // And no other error, except blanks where the import could not decide a cell.
        let expected_rules: Vec<String> =
            published(&name, "H").into_iter().map(|(r, _)| r).collect();
        for d in result
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
        {
            let explained = expected_rules.contains(&d.code.to_owned())
                || (d.code == "H5" && d.cells.iter().all(|c| ambiguous.contains(&c)));
            assert!(explained, "{name}: unexpected {} {}", d.code, d.message);
        }
    }
}
