//! The consistency checker for web pages: a small WebAssembly module that the package's
//! `nianbao.js` loads. Everything crosses the boundary as JSON text, which keeps the module small
//! and the results exactly the CLI's `--format json`.
//!
//! Pages do not call these functions directly: `js/nianbao.js` wraps them (`init`, `check`,
//! `rules`, `version`; `schema` reads the package's `report.schema.json`, and the ready-made integrations), and `js/nianbao.d.ts` declares
//! them for TypeScript.

use report_core::{check as check_report, CheckOptions, Lang, Report};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// The result of a check, or why the report could not be read.
#[derive(Serialize)]
#[serde(untagged)]
enum Reply {
    Checked {
        #[serde(flatten)]
        result: report_core::CheckResult,
        /// Form fields whose `data-cell` names no place of the report.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        unknown: Vec<String>,
    },
    Unreadable {
        error: ReadProblem,
    },
}

/// Why a report could not be read, with the place: a JSON Pointer, or a line and column.
#[derive(Serialize)]
struct ReadProblem {
    /// Which input: `report` or `previous`.
    input: &'static str,
    message: String,
    pointer: String,
    line: usize,
    column: usize,
}

impl ReadProblem {
    fn new(input: &'static str, error: &report_core::ReadError) -> ReadProblem {
        ReadProblem {
            input,
            message: error.describe(Lang::Zh),
            pointer: error.pointer.clone(),
            line: error.line,
            column: error.column,
        }
    }
}

fn lang(name: Option<String>) -> Lang {
    match name.as_deref() {
        Some("en") if cfg!(feature = "english") => Lang::En,
        _ => Lang::Zh,
    }
}

fn to_json(outcome: &Reply) -> String {
    // Serializing diagnostics cannot fail: every key is a string and no value is a float.
    serde_json::to_string(outcome).unwrap_or_default()
}

fn read_previous(previous: Option<String>) -> Result<Option<Report>, Reply> {
    previous
        .map(|text| {
            Report::from_json(&text).map_err(|e| Reply::Unreadable {
                error: ReadProblem::new("previous", &e),
            })
        })
        .transpose()
}

fn run(report: &Report, previous: Option<&Report>, lang: Lang, unknown: Vec<String>) -> Reply {
    Reply::Checked {
        result: check_report(
            report,
            &CheckOptions {
                previous,
                lang,
                ..Default::default()
            },
        ),
        unknown,
    }
}

/// Checks a report given as JSON text; `previous` is last year's report (JSON text), `lang`
/// `"zh"` (default) or `"en"`. Returns `{valid, counts, diagnostics}` as JSON text, or
/// `{error: {input, message, pointer, line, column}}` when a report cannot be read.
#[wasm_bindgen(js_name = checkJson)]
pub fn check_json(report: &str, previous: Option<String>, lang_name: Option<String>) -> String {
    let lang = lang(lang_name);
    let outcome = match (Report::from_json(report), read_previous(previous)) {
        (Err(e), _) => Reply::Unreadable {
            error: ReadProblem::new("report", &e),
        },
        (_, Err(outcome)) => outcome,
        (Ok(report), Ok(previous)) => run(&report, previous.as_ref(), lang, Vec::new()),
    };
    to_json(&outcome)
}

/// What an entry form holds: its fields by JSON Pointer, and what the page says of the report
/// as a whole where the form has no field for it.
#[derive(Deserialize)]
struct Form {
    fields: Vec<(String, String)>,
    #[serde(default)]
    edition: Option<String>,
    #[serde(default)]
    year: Option<u16>,
    #[serde(default)]
    agency: Option<String>,
}

/// Checks what an entry form holds. `form` is JSON text:
/// `{"fields": [[pointer, value], ...], "edition"?, "year"?, "agency"?}`. Returns what
/// [`check_json`] returns, plus `unknown`: the pointers that name no cell of the report.
#[wasm_bindgen(js_name = checkForm)]
pub fn check_form(form: &str, previous: Option<String>, lang_name: Option<String>) -> String {
    let lang = lang(lang_name);
    let form: Form = match serde_json::from_str(form) {
        Ok(form) => form,
        Err(e) => {
            return to_json(&Reply::Unreadable {
                error: ReadProblem {
                    input: "form",
                    message: e.to_string(),
                    pointer: String::new(),
                    line: e.line(),
                    column: e.column(),
                },
            })
        }
    };
    let defaults = report_core::edit::FormDefaults {
        edition: form.edition,
        year: form.year,
        agency: form.agency,
    };
    let (report, unknown) = report_core::edit::from_fields(&form.fields, &defaults);
    let outcome = match read_previous(previous) {
        Err(outcome) => outcome,
        Ok(previous) => run(&report, previous.as_ref(), lang, unknown),
    };
    to_json(&outcome)
}

/// Every rule: code, name, severity, titles and the Chinese explanation, as JSON text.
#[wasm_bindgen(js_name = rulesJson)]
pub fn rules_json() -> String {
    let rules: Vec<_> = report_core::rules::catalogue().collect();
    serde_json::to_string(&rules).unwrap_or_default()
}

/// The package's version and the version of the JSON contract, as JSON text.
#[wasm_bindgen(js_name = versionJson)]
pub fn version_json() -> String {
    format!(
        r#"{{"version":"{}","contract":"{}"}}"#,
        env!("CARGO_PKG_VERSION"),
        report_core::CONTRACT_VERSION
    )
}
