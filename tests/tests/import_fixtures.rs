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

/// The text a PDF viewer copies from a report: every cell on a line of its own, in reading order
/// (each column of the layout text, and each tab-separated cell, put on a line).
fn one_cell_a_line(text: &str) -> String {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut cell = String::new();
        let mut spaces = 0;
        let mut cells = Vec::new();
        for c in line.trim().chars() {
            if c == '\t' || (c == ' ' && spaces >= 1) {
                if !cell.trim().is_empty() {
                    cells.push(cell.trim().to_owned());
                }
                cell.clear();
                spaces = 0;
                continue;
            }
            spaces = if c == ' ' { spaces + 1 } else { 0 };
            cell.push(c);
        }
        if !cell.trim().is_empty() {
            cells.push(cell.trim().to_owned());
        }
        if cells.is_empty() {
            out.push(String::new());
        }
        out.extend(cells);
    }
    out.join("\n")
}

#[test]
fn text_copied_one_cell_a_line_reads_exact_or_flagged_never_wrong() {
    use report_core::Severity;
    let mut checked = 0;
    for name in truth_names() {
        let path = real(&name);
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let original = std::fs::read_to_string(&path).expect("fixture");
        // Only a document whose cells are apart (in columns or tab-separated) can be copied so.
        let format = report_io::import::detect(&original);
        if !matches!(
            format,
            report_io::Format::PdfLayout | report_io::Format::TabText
        ) {
            continue;
        }
        let text = one_cell_a_line(&original);
        let imported = report_io::import(text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(imported.format, report_io::Format::CellLines, "{name}");
        let want = truth(&name);
        let flagged: Vec<&str> = imported
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .flat_map(|d| d.cells.iter().map(String::as_str))
            .collect();
        for (place, expected) in want.cells() {
            let pointer = place.pointer();
            let got = imported.report.cell(place).cloned().unwrap_or_default();
            if got != *expected {
                assert!(
                    flagged
                        .iter()
                        .any(|c| pointer == *c || pointer.starts_with(&format!("{c}/"))),
                    "{name}: {pointer} read as {got:?} instead of {expected:?}, with no error on it"
                );
            }
        }
        // With no blank cell nothing is lost in the copy: the report reads exactly.
        if want.cells().all(|(_, c)| !c.is_blank()) {
            assert_eq!(
                differences(&imported, &want),
                Vec::<String>::new(),
                "{name}"
            );
        }
        checked += 1;
    }
    assert!(checked >= 4, "{checked} fixtures");
}
