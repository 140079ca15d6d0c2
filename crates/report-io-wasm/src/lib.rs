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
    diagnostics: &'a [report_io::ImportDiagnostic],
    format: report_io::Format,
    format_name: &'static str,
}

/// Imports a document (any format `report-io` reads) and returns
/// `{"report", "diagnostics", "format", "format_name"}` as JSON text.
#[wasm_bindgen(js_name = importDocument)]
pub fn import_document(bytes: &[u8]) -> Result<String, JsError> {
    let imported = report_io::import(bytes).map_err(into_error)?;
    serde_json::to_string(&Imported {
        report: &imported.report,
        diagnostics: &imported.diagnostics,
        format: imported.format,
        format_name: imported.format.name_zh(),
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
