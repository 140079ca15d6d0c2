//! Shared helpers for the cross-crate tests: where the fixtures are and how to load them.

pub mod fuzz;
pub mod layouts;
pub mod synth;

use std::path::{Path, PathBuf};

use report_core::Report;

/// The folder of the test fixtures kept in the repository.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The names of the published reports with a cell-by-cell truth file, sorted.
pub fn truth_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures().join("truth"))
        .expect("the truth fixtures are in the repository")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".json") && !name.ends_with(".expect.json"))
        .map(|name| name.trim_end_matches(".json").to_owned())
        .collect();
    names.sort();
    names
}

/// The truth report `name`.
pub fn truth(name: &str) -> Report {
    let path = fixtures().join("truth").join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    Report::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The expectations recorded next to the truth report `name`.
pub fn expectations(name: &str) -> serde_json::Value {
    let path = fixtures().join("truth").join(format!("{name}.expect.json"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("expectations readable"))
        .expect("expectations are JSON")
}

/// The file of the published report `name` as it was found (`real/NAME.txt`, `.html` or, for a
/// name ending in `.pdf`, the PDF itself).
pub fn real(name: &str) -> PathBuf {
    let dir = fixtures().join("real");
    if name.ends_with(".pdf") {
        return dir.join(name);
    }
    ["txt", "html"]
        .iter()
        .map(|ext| dir.join(format!("{name}.{ext}")))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("no real fixture for {name}"))
}

/// Every difference between an imported report and the truth, cell by cell, except cells the
/// import flagged as ambiguous with the true value among the candidates.
pub fn differences(imported: &report_io::Imported, truth: &Report) -> Vec<String> {
    let mut out = Vec::new();
    let report = &imported.report;
    if (report.edition, report.year, report.agency.as_str())
        != (truth.edition, truth.year, truth.agency.as_str())
    {
        out.push(format!(
            "metadata: {:?} {} {} instead of {:?} {} {}",
            report.edition, report.year, report.agency, truth.edition, truth.year, truth.agency
        ));
    }
    let cells = |r: &Report| -> std::collections::BTreeMap<String, report_core::Cell> {
        r.cells().map(|(p, c)| (p.pointer(), c.clone())).collect()
    };
    let (got, want) = (cells(report), cells(truth));
    for (pointer, expected) in &want {
        match got.get(pointer) {
            Some(found) if found == expected => {}
            found => {
                let flagged = imported.diagnostics.iter().any(|d| {
                    d.code == "I4"
                        && d.cells.contains(pointer)
                        && d.candidates.contains(&expected.display())
                });
                if !flagged {
                    out.push(format!("{pointer}: {found:?} instead of {expected:?}"));
                }
            }
        }
    }
    for pointer in got.keys().filter(|p| !want.contains_key(*p)) {
        out.push(format!("{pointer}: imported but not in the report"));
    }
    out
}

/// Prints the web page `page` to the PDF `pdf` as a clerk's browser does (Debian's Chromium,
/// headless, without header and footer), with its profile in `dir`.
pub fn print_to_pdf(page: &std::path::Path, pdf: &std::path::Path, dir: &std::path::Path) {
    let out = std::process::Command::new("/usr/bin/chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs (scripts/setup.sh installs it)");
    assert!(out.status.success(), "chromium printed {}", page.display());
}
