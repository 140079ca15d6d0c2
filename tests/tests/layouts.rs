//! The layout corpus: every published report's cells, printed in every style of
//! `nianbao_tests::layouts`, read back. A cell is read exactly or flagged by an import error
//! that names it; never a wrong number without a flag.

use nianbao_tests::layouts::styles;
use nianbao_tests::{truth, truth_names};
use report_core::{Cell, Report, Severity};

#[derive(Default)]
struct Tally {
    exact: usize,
    flagged: usize,
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
        if found == *expected {
            out.exact += 1;
        } else if flagged.contains(&pointer) {
            out.flagged += 1;
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
