//! The importers and exporters of `report-io` for web pages, as a module of their own: a page
//! loads it only when a clerk imports or exports a document, so the page itself stays small.
//!
//! Each function converts in, calls `report-io`, and converts out; errors become JS errors with
//! the importer's Chinese message.

use report_core::Report;
use report_io::export::Target;
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn into_error(message: impl std::fmt::Display) -> JsError {
    JsError::new(&message.to_string())
}

#[derive(Serialize)]
struct Imported<'a> {
    report: &'a Report,
    diagnostics: &'a [report_core::Diagnostic],
    format: report_io::Format,
    format_name: &'static str,
    /// Where each cell was read, by JSON Pointer (table, row and column of an HTML page).
    sources: &'a std::collections::BTreeMap<String, report_io::Source>,
}

fn imported_json(imported: &report_io::Imported) -> Result<String, JsError> {
    serde_json::to_string(&Imported {
        report: &imported.report,
        diagnostics: &imported.diagnostics,
        format: imported.format,
        format_name: imported.format.name_zh(),
        sources: &imported.sources,
    })
    .map_err(into_error)
}

/// Last year's report, from its JSON text where one is given.
fn last_year(text: Option<String>) -> Result<Option<Report>, JsError> {
    text.map(|text| Report::from_json(&text))
        .transpose()
        .map_err(|e| {
            into_error(format!(
                "上年报告无法读取：{}",
                e.describe(report_core::Lang::Zh)
            ))
        })
}

/// Imports a document (any format `report-io` reads) and returns
/// `{"report", "diagnostics", "format", "format_name", "sources"}` as JSON text. `previous`,
/// last year's report as JSON text, settles numbers that run together undecided (I8).
#[wasm_bindgen(js_name = importDocument)]
pub fn import_document(bytes: &[u8], previous: Option<String>) -> Result<String, JsError> {
    let previous = last_year(previous)?;
    let options = report_io::ImportOptions {
        previous: previous.as_ref(),
    };
    imported_json(&report_io::import_with(bytes, &options).map_err(into_error)?)
}

/// Imports an HTML page or fragment holding the report's tables; returns what
/// [`import_document`] returns.
#[wasm_bindgen(js_name = importHtml)]
pub fn import_html(html: &str) -> Result<String, JsError> {
    imported_json(&report_io::import_as(html, report_io::Format::Html).map_err(into_error)?)
}

/// Imports a report's text (copied from a page, a PDF, or Word; Markdown or CSV), detecting
/// which; returns what [`import_document`] returns.
#[wasm_bindgen(js_name = importText)]
pub fn import_text(text: &str) -> Result<String, JsError> {
    let format = report_io::import::detect(text);
    imported_json(&report_io::import_as(text, format).map_err(into_error)?)
}

/// What a published page's reader may say of the report where the page does not say it, and how
/// to check it.
#[derive(serde::Deserialize, Default)]
struct PageOptions {
    #[serde(default)]
    edition: Option<String>,
    #[serde(default)]
    year: Option<u16>,
    #[serde(default)]
    agency: Option<String>,
    /// Last year's report, as JSON text.
    #[serde(default)]
    previous: Option<String>,
    #[serde(default)]
    lang: Option<String>,
}

#[derive(Serialize)]
struct PageChecked<'a> {
    imported: Imported<'a>,
    result: &'a report_core::CheckResult,
}

/// Reads a published page's report (HTML) and checks it as every front end does
/// (`report_io::check_imported`: the importer's diagnostics first, all counted). `options` is
/// JSON text: `{"edition"?, "year"?, "agency"?, "previous"? (JSON text), "lang"?}`; the first
/// three replace what the page says. Returns `{"imported": …as importHtml…, "result":
/// {valid, counts, diagnostics}}` as JSON text.
#[wasm_bindgen(js_name = checkHtml)]
pub fn check_html(html: &str, options: &str) -> Result<String, JsError> {
    let options: PageOptions = serde_json::from_str(options).map_err(into_error)?;
    let mut imported = report_io::import_as(html, report_io::Format::Html).map_err(into_error)?;
    if let Some(edition) = options
        .edition
        .as_deref()
        .and_then(report_core::Edition::from_key)
    {
        imported.report.edition = edition;
    }
    if let Some(year) = options.year {
        imported.report.year = year;
    }
    if let Some(agency) = options.agency {
        imported.report.agency = agency;
    }
    let previous = last_year(options.previous)?;
    let lang = match options.lang.as_deref() {
        Some("en") => report_core::Lang::En,
        _ => report_core::Lang::Zh,
    };
    let result = report_io::check_imported(
        &imported,
        &report_core::CheckOptions {
            previous: previous.as_ref(),
            lang,
            ..Default::default()
        },
    );
    serde_json::to_string(&PageChecked {
        imported: Imported {
            report: &imported.report,
            diagnostics: &imported.diagnostics,
            format: imported.format,
            format_name: imported.format.name_zh(),
            sources: &imported.sources,
        },
        result: &result,
    })
    .map_err(into_error)
}

/// Renders report JSON to `html`, `txt`, `md`, `csv` or `docx`, as the bytes of the file.
#[wasm_bindgen(js_name = renderDocument)]
pub fn render_document(report_json: &str, target: &str) -> Result<Vec<u8>, JsError> {
    let report = Report::from_json(report_json)
        .map_err(|e| into_error(e.describe(report_core::Lang::Zh)))?;
    let target =
        Target::from_name(target).ok_or_else(|| into_error(format!("未知的导出格式：{target}")))?;
    Ok(report_io::export::render(&report, target))
}
