//! TypeScript declarations of the JSON the checker reads and writes, generated from the types
//! (with `ts-rs`) and, for the tables, from the official layout.

use ts_rs::{Config, TS};

use crate::layout::{CellKind, Labels, Section};
use crate::table::{AppealsLayout, ProactiveLayout, RequestsLayout, TableLayout};
use crate::{
    AgencyLevel, CheckResult, Counts, Diagnostic, Edition, Overview, Report, RuleMeta, Severity,
    Source,
};

/// The declarations, each exported, in dependency order.
pub fn declarations() -> String {
    let cfg = Config::default();
    let mut out = vec![
        doc_decl::<Edition>(&cfg, "The edition of the national format."),
        doc_decl::<AgencyLevel>(&cfg, "An agency's administrative level."),
        doc_decl::<Overview>(
            &cfg,
            &format!(
                "{}: one text, or the five sub-parts.",
                Section::Overview.heading(Edition::V2021)
            ),
        ),
        table::<ProactiveLayout>("ProactiveTable"),
        table::<RequestsLayout>("RequestsTable"),
        table::<AppealsLayout>("AppealsTable"),
        // Tables left out of the JSON are read as not printed.
        doc_decl::<Report>(&cfg, "A report, as the JSON contract writes it.")
            .replace("proactive: ProactiveTable", "proactive?: ProactiveTable")
            .replace("requests: RequestsTable", "requests?: RequestsTable")
            .replace("appeals: AppealsTable", "appeals?: AppealsTable"),
        doc_decl::<Severity>(&cfg, "How serious a diagnostic is."),
        doc_decl::<Source>(&cfg, "Where something was read in a document: the line of a text, or the table, row and column (1-based, merged cells counted as the grid) of an HTML page or Word document."),
        doc_decl::<Diagnostic>(&cfg, "One finding of a rule or an importer, with every cell named by its JSON Pointer, the primary cell first."),
        doc_decl::<Counts>(&cfg, "How many diagnostics of each severity."),
        doc_decl::<CheckResult>(&cfg, "The result of checking a report."),
        doc_decl::<RuleMeta>(&cfg, "What a rule says about itself."),
    ];
    out.retain(|d| !d.is_empty());
    out.join("\n\n")
}

/// A declaration of `T`, exported, with a one-line doc comment.
pub fn doc_decl<T: TS>(cfg: &Config, doc: &str) -> String {
    let decl = T::decl(cfg);
    let decl = decl.trim_start_matches("/**").trim_start();
    // ts-rs writes the type's own doc comment first; keep ours, which is shorter.
    let decl = match decl.find("*/") {
        Some(end) if T::decl(cfg).starts_with("/**") => decl[end + 2..].trim_start(),
        _ => decl,
    };
    format!("/** {doc} */\nexport {decl}")
}

fn describe(labels: Labels) -> &'static str {
    labels.v2021.or(labels.v2019).unwrap_or("")
}

/// A table as an object of rows, each an object of cells; both editions' keys, all optional.
fn table<L: TableLayout>(name: &str) -> String {
    let doc = format!("{} {}", L::ID.short_name(), L::ID.heading());
    let mut out = format!("/** {doc}. A cell is a number, the text printed, or null when blank. */\nexport type {name} = {{\n");
    for &row in L::rows() {
        out.push_str(&format!(
            "  /** {} */\n  {}?: {{",
            describe(L::row_labels(row)),
            L::row_key(row)
        ));
        let columns: Vec<String> = L::columns(row)
            .iter()
            .map(|&col| {
                let value = match L::col_kind(col) {
                    CellKind::Count | CellKind::SignedCount => "number | string | null",
                    CellKind::Money | CellKind::Text => "string | null",
                };
                format!(" {}?: {value};", L::col_key(col))
            })
            .collect();
        out.push_str(&columns.join(""));
        out.push_str(" };\n");
    }
    out.push('}');
    out
}
