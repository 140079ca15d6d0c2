//! The consistency checker for web pages: a small WebAssembly module that the package's
//! `nianbao.js` loads. Reports and results cross the boundary as plain JavaScript objects
//! (`serde-wasm-bindgen`); JSON text is read by the browser's `JSON.parse`, so the module carries
//! no JSON reader, and the results are exactly the CLI's `--format json`.
//!
//! Pages do not call these functions directly: `js/nianbao.js` wraps them (`init`, `check`,
//! `rules`, `version`; `schema` reads the package's `report.schema.json`, and the ready-made integrations), and `js/nianbao.d.ts` declares
//! them for TypeScript.

use report_core::js::{from_js, parse_json, report_from_js, to_js};
use report_core::{check as check_report, CheckOptions, Lang, ReadError, Report};
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
    /// Which input: `report`, `previous` or `form`.
    input: &'static str,
    message: String,
    pointer: String,
    line: usize,
    column: usize,
}

impl ReadProblem {
    fn reply(input: &'static str, error: &ReadError) -> Reply {
        Reply::Unreadable {
            error: ReadProblem {
                input,
                message: error.describe(Lang::Zh),
                pointer: error.pointer.clone(),
                line: error.line,
                column: error.column,
            },
        }
    }
}

fn lang(name: Option<String>) -> Lang {
    match name.as_deref() {
        Some("en") if cfg!(feature = "english") => Lang::En,
        _ => Lang::Zh,
    }
}

/// A value a page passed: JSON text is read by the browser's JSON reader, anything else is
/// taken as the object itself.
fn value(input: &JsValue) -> Result<JsValue, ReadError> {
    match input.as_string() {
        Some(text) => parse_json(&text),
        None => Ok(input.clone()),
    }
}

fn read_report(input: &'static str, given: &JsValue) -> Result<Report, Reply> {
    value(given)
        .and_then(|v| report_from_js(&v))
        .map_err(|e| ReadProblem::reply(input, &e))
}

fn read_previous(previous: &JsValue) -> Result<Option<Report>, Reply> {
    if previous.is_undefined() || previous.is_null() {
        return Ok(None);
    }
    read_report("previous", previous).map(Some)
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

/// Checks a report, given as an object or as JSON text; `previous` is last year's report (an
/// object, JSON text, or `undefined`), `lang` `"zh"` (default) or `"en"`. Returns
/// `{valid, counts, diagnostics}`, or `{error: {input, message, pointer, line, column}}` when a
/// report cannot be read.
#[wasm_bindgen]
pub fn check(report: &JsValue, previous: &JsValue, lang_name: Option<String>) -> JsValue {
    let lang = lang(lang_name);
    let outcome = match (read_report("report", report), read_previous(previous)) {
        (Err(outcome), _) | (_, Err(outcome)) => outcome,
        (Ok(report), Ok(previous)) => run(&report, previous.as_ref(), lang, Vec::new()),
    };
    to_js(&outcome)
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

/// Checks what an entry form holds: `{fields: [[pointer, value], ...], edition?, year?,
/// agency?}` (an object or JSON text). Returns what [`check`] returns, plus `unknown`: the
/// pointers that name no cell of the report.
#[wasm_bindgen(js_name = checkForm)]
pub fn check_form(form: &JsValue, previous: &JsValue, lang_name: Option<String>) -> JsValue {
    let lang = lang(lang_name);
    let form: Form = match value(form).and_then(|v| {
        from_js(v).map_err(|message| ReadError::from_reader(String::new(), message, 0, 0))
    }) {
        Ok(form) => form,
        Err(e) => return to_js(&ReadProblem::reply("form", &e)),
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
    to_js(&outcome)
}

/// Every rule: code, name, severity, titles and the Chinese explanation.
#[wasm_bindgen]
pub fn rules() -> JsValue {
    let rules: Vec<_> = report_core::rules::catalogue().collect();
    to_js(&rules)
}

/// The package's version and the version of the JSON contract.
#[wasm_bindgen]
pub fn version() -> JsValue {
    #[derive(Serialize)]
    struct Version {
        version: &'static str,
        contract: &'static str,
    }
    to_js(&Version {
        version: env!("CARGO_PKG_VERSION"),
        contract: report_core::CONTRACT_VERSION,
    })
}
