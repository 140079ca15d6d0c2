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

#[test]
fn a_portal_article_inside_layout_tables_reads_as_the_article() {
    let name = "2025-test-city-hangzhou-style-table";
    let source = std::fs::read_to_string(real(name)).expect("fixture");
    let start = source.find("<div id=\"zoom\"").expect("the article");
    let end = source.rfind("</body>").expect("the end");
    // The article as portals publish it: inside the page's layout tables, with navigation, a
    // breadcrumb, the page title, share links, version switches and a footer around it.
    let page = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>测试市人民政府门户网站</title></head><body>\
         <table width=\"100%\"><tr><td colspan=\"2\"><a href=\"/\">首页</a> | <a href=\"/zwgk\">政务公开</a></td></tr>\
         <tr><td width=\"200\"><ul><li>政府信息公开指南</li><li>政府信息公开年报</li></ul></td><td>\
         <div>当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>\
         <table width=\"100%\"><tr><td><h1>测试市2025年政府信息公开工作年度报告</h1>\
         <div>发布日期：2026-01-20 来源：市政府办公室 字号：[大 中 小] 【打印】【关闭】</div></td></tr>\
         <tr><td>{}</td></tr><tr><td><div>分享到：微信 微博</div><div>【全真版】【文字版】</div></td></tr></table>\
         </td></tr><tr><td colspan=\"2\">主办：测试市人民政府办公室 网站标识码 3301000001 浙ICP备00000000号</td></tr></table>\
         </body></html>",
        &source[start..end]
    );
    let imported = report_io::import(page.as_bytes()).expect("imports");
    let plain = report_io::import(source.as_bytes()).expect("imports");
    assert_eq!(differences(&imported, &truth(name)), Vec::<String>::new());
    assert_eq!(imported.report.agency, "测试市");
    assert_eq!(imported.report.year, 2025);
    assert_eq!(
        imported.report.published.map(|d| d.to_string()).as_deref(),
        Some("2026-01-20")
    );
    // The prose is the article's, as read from the bare article; none of the page's furniture.
    for field in report_core::ProseField::ALL {
        assert_eq!(
            imported.report.prose(field),
            plain.report.prose(field),
            "{field:?}"
        );
    }
    let problems = imported.report.problems.as_deref().unwrap_or_default();
    assert!(
        !problems.is_empty() && !problems.contains("门户网站"),
        "{problems}"
    );
    let other = imported.report.other_matters.as_deref().unwrap_or_default();
    assert!(
        !other.contains("分享到") && !other.contains("主办"),
        "{other}"
    );
}

#[test]
fn a_portal_page_and_its_text_read_to_the_same_report() {
    // 上海 2019 as the portal's article markup and as the page's text: the same cells, the same
    // prose, the same title. The markup merges 表二's numbers over two grid columns in places
    // that do not line up with its header's merges.
    let name = "2019-shanghai-municipal-gov-general-office-2019format";
    let read = |file: String| {
        report_io::import(&std::fs::read(real(&file)).expect("fixture"))
            .unwrap_or_else(|e| panic!("{file}: {e}"))
    };
    let page = read(format!("{name}-portal"));
    let text = read(name.to_owned());
    assert_eq!(page.format, report_io::Format::Html);
    assert_eq!(page.report, text.report);
    assert!(differences(&page, &truth(name)).is_empty());
}

/// Cells split from run-together numbers by inference are named for the clerk to compare (I9,
/// a note): 平潭's pages, whose table cells run together, name the rows their arithmetic
/// settled, every named cell holds its true value, and a report whose cells are apart names none.
#[test]
fn cells_inferred_from_run_together_numbers_are_named_to_compare() {
    use report_core::ImportProblem;
    for name in truth_names() {
        let imported =
            report_io::import(&std::fs::read(real(&name)).expect("fixture")).expect("imports");
        let inferred: Vec<&report_core::Diagnostic> = imported
            .diagnostics
            .iter()
            .filter(|d| d.code == ImportProblem::Inferred.code())
            .collect();
        if !name.contains("pingtan") {
            assert!(inferred.is_empty(), "{name}: {inferred:#?}");
            continue;
        }
        // 表三 (and 2022's 表二; 2021's 表四) each in one note.
        assert!(!inferred.is_empty(), "{name}");
        let truth = truth(&name);
        for d in &inferred {
            assert_eq!(d.severity, report_core::Severity::Info);
            assert!(d.message.contains("请对照原文核对"), "{}", d.message);
            assert!(d.source.is_some(), "{name}: where the first row was read");
            for place in &d.places {
                assert_eq!(
                    imported.report.cell(*place),
                    truth.cell(*place),
                    "{name}: {}",
                    place.pointer()
                );
            }
        }
        let tables: Vec<_> = inferred.iter().filter_map(|d| d.table()).collect();
        let mut unique = tables.clone();
        unique.dedup();
        assert_eq!(tables, unique, "{name}: one note a table");
    }
}
