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

#[test]
fn a_filled_copy_of_the_official_word_template_imports_to_its_figures() {
    let path = nianbao_tests::fixtures().join("template/filled-2024-huaian-city-gov.docx");
    let imported = report_io::import(&std::fs::read(path).expect("fixture")).expect("imports");
    assert_eq!(imported.format, report_io::Format::Docx);
    assert_eq!(
        differences(&imported, &truth("2024-huaian-city-gov")),
        Vec::<String>::new()
    );
    assert!(
        imported.diagnostics.is_empty(),
        "{:#?}",
        imported.diagnostics
    );
    assert!(imported
        .report
        .prose(report_core::ProseField::OtherMatters)
        .is_some_and(|t| t.contains("3940元")));
}

#[test]
fn the_blank_template_imports_as_a_blank_report_of_every_row() {
    let path = nianbao_tests::fixtures().join("template/blank-2021.docx");
    let imported = report_io::import(&std::fs::read(path).expect("fixture")).expect("imports");
    let blank = report_core::Report::blank(report_core::Edition::V2021, 0, "");
    assert_eq!(imported.report.proactive, blank.proactive);
    assert_eq!(imported.report.requests, blank.requests);
    assert_eq!(imported.report.appeals, blank.appeals);
    assert!(
        !imported.report.has_prose(),
        "the template's （文字描述） is not prose"
    );
    let codes: Vec<_> = imported.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["I6"], "only the missing year and agency");
}
