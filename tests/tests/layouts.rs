//! The layout corpus: every published report's cells, printed in every style of
//! `nianbao_tests::layouts`, read back. A cell is read exactly or flagged by an import error
//! that names it; never a wrong number without a flag.

use nianbao_tests::layouts::{as_cell_lines, as_tab_text, styles};
use nianbao_tests::{truth, truth_names};
use report_core::{Cell, Report, Severity};

#[derive(Default)]
struct Tally {
    exact: usize,
    flagged: usize,
    /// Left blank with no import error on it (a row not found: rule H8 names it).
    missing: Vec<String>,
    /// A number that is not the document's, with no error on it.
    wrong: Vec<String>,
}

fn tally(read: &report_io::Imported, truth: &Report) -> Tally {
    let flagged: std::collections::BTreeSet<&String> = read
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .flat_map(|d| &d.cells)
        .collect();
    let mut out = Tally::default();
    for (place, expected) in truth.cells() {
        let pointer = place.pointer();
        let found = read.report.cell(place).cloned().unwrap_or(Cell::Blank);
        // An error names the cell, or its whole row.
        let named = flagged
            .iter()
            .any(|c| pointer == **c || pointer.starts_with(&format!("{c}/")));
        if found == *expected {
            out.exact += 1;
        } else if named {
            out.flagged += 1;
        } else if found.is_blank() {
            out.missing.push(pointer);
        } else {
            out.wrong.push(format!(
                "{pointer}: {} instead of {}",
                found.display(),
                expected.display()
            ));
        }
    }
    out
}

#[test]
fn every_style_reads_exact_or_flagged_never_wrong() {
    let mut failures = Vec::new();
    let mut table = vec!["| style | exact | flagged | wrong |".to_owned()];
    for style in styles() {
        let (mut exact, mut flagged, mut wrong, mut cells) = (0, 0, 0, 0);
        for name in truth_names() {
            let truth = truth(&name);
            let page = style.render(&truth);
            let read = match report_io::import_as(&page, report_io::Format::Html) {
                Ok(read) => read,
                Err(e) => {
                    failures.push(format!("{} / {name}: not read: {e}", style.name));
                    continue;
                }
            };
            let t = tally(&read, &truth);
            cells += truth.cells().count();
            exact += t.exact;
            flagged += t.flagged;
            wrong += t.wrong.len();
            if !t.wrong.is_empty() {
                failures.push(format!("{} / {name}: {}", style.name, t.wrong.join("; ")));
            }
            if (read.report.edition, read.report.year, &read.report.agency)
                != (truth.edition, truth.year, &truth.agency)
            {
                failures.push(format!("{} / {name}: title read wrong", style.name));
            }
        }
        table.push(format!(
            "| {} | {exact}/{cells} | {flagged} | {wrong} |",
            style.name
        ));
        // Every style but the deliberately damaged ones reads at least 99 % of cells exactly.
        if exact * 100 < cells * 99 {
            failures.push(format!(
                "{}: only {exact} of {cells} cells exact ({flagged} flagged)",
                style.name
            ));
        }
    }
    println!("{}", table.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Each style as a PDF (LibreOffice prints the page, its tables laid out as a browser would,
/// long labels and numbers wrapped in their cells) and read directly: exact or flagged, never
/// wrong. Needs Debian's `libreoffice-writer`, which `scripts/setup.sh` installs.
#[test]
fn every_style_printed_to_pdf_reads_exact_or_flagged_never_wrong() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("layout-pdfs");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    let name = "2024-huaian-city-gov";
    let truth = truth(name);
    // The tables start at three places on the page (more or less prose before them), so that
    // their rows break over pages at different places.
    const SHIFTS: [usize; 7] = [0, 2, 5, 8, 11, 14, 17];
    let mut pages = Vec::new();
    for shift in SHIFTS {
        let mut report = truth.clone();
        let sentence = "本机关坚持以公开为常态、不公开为例外，进一步规范政府信息公开工作，加强政策解读和回应关切，推进政务公开平台建设。";
        *report.prose_mut(report_core::ProseField::ALL[0]) =
            (shift > 0).then(|| vec![sentence; shift].join("\n"));
        for style in styles() {
            let path = dir.join(format!("{}-{shift}.html", style.name));
            std::fs::write(&path, style.render(&report)).expect("written");
            pages.push(path);
        }
    }
    convert(&dir, "pdf:writer_web_pdf_Export", &pages);
    // The same pages made Word documents, and those printed to PDF as Word prints a table.
    let middle: Vec<_> = pages
        .iter()
        .filter(|p| {
            p.to_string_lossy()
                .ends_with(&format!("-{}.html", SHIFTS[2]))
        })
        .cloned()
        .collect();
    let word = dir.join("word");
    std::fs::create_dir_all(&word).expect("folder");
    convert(&word, "docx:MS Word 2007 XML", &middle);
    let documents: Vec<_> = middle
        .iter()
        .map(|p| word.join(p.with_extension("docx").file_name().expect("a name")))
        .collect();
    convert(&word, "pdf", &documents);
    let mut failures = Vec::new();
    let mut table = vec!["| style (PDF) | exact | flagged | missing | wrong |".to_owned()];
    for style in styles() {
        let (mut exact, mut flagged, mut missing, mut wrong) = (0, 0, 0, 0);
        for shift in SHIFTS {
            let pdf = dir.join(format!("{}-{shift}.pdf", style.name));
            let bytes = std::fs::read(&pdf).expect("a PDF for every page");
            let read = report_io::import(&bytes).expect("the PDF reads");
            let t = tally(&read, &truth);
            if (read.report.year, read.report.agency.as_str())
                != (truth.year, truth.agency.as_str())
            {
                failures.push(format!("{} ({shift}): title read wrong", style.name));
            }
            if !t.wrong.is_empty() {
                failures.push(format!("{} ({shift}): {}", style.name, t.wrong.join("; ")));
            }
            // The same PDF as a PDF tool's text (`pdftotext -layout`), which clerks paste.
            let text = pdf_text(&pdf);
            let as_text = report_io::import(text.as_bytes()).expect("the text reads");
            let wrong_in_text = tally(&as_text, &truth).wrong;
            if !wrong_in_text.is_empty() {
                failures.push(format!(
                    "{} ({shift}) as pdftotext -layout: {}",
                    style.name,
                    wrong_in_text.join("; ")
                ));
            }
            exact += t.exact;
            flagged += t.flagged;
            missing += t.missing.len();
            wrong += t.wrong.len();
        }
        table.push(format!(
            "| {} | {exact}/{} | {flagged} | {missing} | {wrong} |",
            style.name,
            truth.cells().count() * SHIFTS.len(),
        ));
        let pdf = word.join(format!("{}-{}.pdf", style.name, SHIFTS[2]));
        let read = report_io::import(&std::fs::read(&pdf).expect("a PDF of every document"))
            .expect("the PDF reads");
        let t = tally(&read, &truth);
        if !t.wrong.is_empty() {
            failures.push(format!("{} (Word): {}", style.name, t.wrong.join("; ")));
        }
        table.push(format!(
            "| {} as a Word document | {}/{} | {} | {} | {} |",
            style.name,
            t.exact,
            truth.cells().count(),
            t.flagged,
            t.missing.len(),
            t.wrong.len()
        ));
    }
    println!("{}", table.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Each style printed to PDF by a browser (Chromium, as a clerk prints a portal page) and read
/// directly: exact or flagged, never wrong. Reports that leave cells blank (上海 2019) are read
/// with their blanks in place, from the positions of the header's column labels.
#[test]
fn every_style_printed_by_a_browser_reads_exact_or_flagged_never_wrong() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("browser-pdfs");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    let names = [
        "2024-huaian-city-gov",
        "2019-shanghai-municipal-gov-general-office-2019format",
        "2022-pingtan-zone-admin-committee",
    ];
    let mut failures = Vec::new();
    let mut table =
        vec!["| style (printed by a browser) | exact | flagged | missing | wrong |".to_owned()];
    for style in styles() {
        let (mut exact, mut flagged, mut missing, mut wrong, mut cells) = (0, 0, 0, 0, 0);
        for name in names {
            let truth = truth(name);
            let page = dir.join(format!("{}-{name}.html", style.name));
            std::fs::write(&page, style.render(&truth)).expect("written");
            let pdf = page.with_extension("pdf");
            nianbao_tests::print_to_pdf(&page, &pdf, &dir);
            let read = report_io::import(&std::fs::read(&pdf).expect("a PDF for every page"))
                .expect("the PDF reads");
            let t = tally(&read, &truth);
            if !t.wrong.is_empty() {
                failures.push(format!("{} ({name}): {}", style.name, t.wrong.join("; ")));
            }
            exact += t.exact;
            flagged += t.flagged;
            missing += t.missing.len();
            wrong += t.wrong.len();
            cells += truth.cells().count();
        }
        table.push(format!(
            "| {} | {exact}/{cells} | {flagged} | {missing} | {wrong} |",
            style.name
        ));
    }
    println!("{}", table.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A PDF's text as `pdftotext -layout` prints it (poppler-utils, which `scripts/setup.sh`
/// installs).
fn pdf_text(pdf: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (scripts/setup.sh installs it)");
    String::from_utf8(out.stdout).expect("UTF-8 text")
}

/// Converts `files` with LibreOffice into `dir` (`scripts/setup.sh` installs it).
fn convert(dir: &std::path::Path, to: &str, files: &[std::path::PathBuf]) {
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let out = std::process::Command::new("libreoffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            to,
            "--outdir",
        ])
        .arg(dir)
        .args(files)
        .output()
        .expect("libreoffice runs (scripts/setup.sh installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Each style copied as text: from Word or a browser (tab-separated cells) and from a PDF
/// viewer (a cell a line, where blank cells leave no trace). Tab text reads every cell exactly;
/// text a cell a line reads exactly or flags, never a wrong number.
#[test]
fn every_style_copied_as_text_reads_exact_or_flagged_never_wrong() {
    let mut failures = Vec::new();
    let mut table = vec![
        "| style (copied) | tab text exact | a cell a line: exact | flagged | missing |".to_owned(),
    ];
    for style in styles() {
        let (mut cells, mut tab_exact, mut line_exact, mut flagged, mut missing) = (0, 0, 0, 0, 0);
        for name in truth_names() {
            let truth = truth(&name);
            let page = style.render(&truth);
            cells += truth.cells().count();
            let tab = as_tab_text(&page);
            match report_io::import(tab.as_bytes()) {
                Ok(read) => {
                    let t = tally(&read, &truth);
                    tab_exact += t.exact;
                    if t.exact != truth.cells().count() {
                        failures.push(format!(
                            "{} / {name} as tab text: {} {}",
                            style.name,
                            t.wrong.join("; "),
                            t.missing.join(" ")
                        ));
                    }
                }
                Err(e) => failures.push(format!("{} / {name} as tab text: {e}", style.name)),
            }
            let lines = as_cell_lines(&page);
            match report_io::import(lines.as_bytes()) {
                Ok(read) => {
                    let t = tally(&read, &truth);
                    line_exact += t.exact;
                    flagged += t.flagged;
                    missing += t.missing.len();
                    if !t.wrong.is_empty() {
                        failures.push(format!(
                            "{} / {name} a cell a line: {}",
                            style.name,
                            t.wrong.join("; ")
                        ));
                    }
                }
                Err(e) => failures.push(format!("{} / {name} a cell a line: {e}", style.name)),
            }
        }
        table.push(format!(
            "| {} | {tab_exact}/{cells} | {line_exact}/{cells} | {flagged} | {missing} |",
            style.name
        ));
    }
    println!("{}", table.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Generated reports (their numbers, prose and agencies unlike any fixture's) in every
    /// style, and in the 2019 format too: as HTML and as tab text every cell reads exactly; a
    /// cell a line, exact or flagged.
    #[test]
    fn generated_reports_in_every_style_read_exact_or_flagged(
        seed in proptest::prelude::any::<u64>(),
        style in 0..styles().len(),
        old_format in proptest::prelude::any::<bool>(),
    ) {
        let mut truth = nianbao_tests::synth::consistent(seed);
        if old_format {
            let mut aside = report_core::edit::SetAside::default();
            truth = report_core::edit::change_edition(&truth, report_core::Edition::V2019, &mut aside);
            report_core::edit::fill_blanks_with_zero(&mut truth);
            report_core::totals::fill(&mut truth);
        }
        let style = &styles()[style];
        let page = style.render(&truth);
        for (how, text) in [("HTML", page.clone()), ("tab text", as_tab_text(&page))] {
            let read = report_io::import(text.as_bytes())
                .map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{how}: {e}")))?;
            let t = tally(&read, &truth);
            proptest::prop_assert!(
                t.wrong.is_empty() && t.missing.is_empty() && t.flagged == 0,
                "{} as {how}: {:?} {:?}", style.name, t.wrong, t.missing
            );
        }
        let read = report_io::import(as_cell_lines(&page).as_bytes())
            .map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
        let t = tally(&read, &truth);
        proptest::prop_assert!(t.wrong.is_empty(), "{} a cell a line: {:?}", style.name, t.wrong);
    }
}
