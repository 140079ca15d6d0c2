//! The importers and exporters, loaded on demand from `io/report_io_wasm.js` the first time a
//! clerk imports or exports a document, so that the page a clerk first loads stays small. The
//! single-file page (`nianbao.html`) carries them inside and says so with `nianbaoBundledIo`.

use report_core::{js, Report};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = "
let loading = null;
export function load_io() {
  if (!loading) {
    const url = new URL('io/report_io_wasm.js', document.baseURI).href;
    const bundled = globalThis.nianbaoBundledIo;
    loading = bundled ? bundled() : import(url).then(async (m) => { await m.default(); return m; });
    loading.catch(() => { loading = null; });
  }
  return loading;
}
")]
extern "C" {
    fn load_io() -> js_sys::Promise;
}

/// One import diagnostic, as much as the page shows of it.
#[derive(Deserialize)]
pub struct Note {
    /// The code, e.g. `I4`.
    pub code: String,
    /// `error`, `warning` or `info`.
    pub severity: String,
    /// The Chinese message.
    pub message: String,
    /// The cells it names, as JSON Pointers.
    #[serde(default)]
    pub cells: Vec<String>,
}

/// What importing gave.
#[derive(Deserialize)]
pub struct Imported {
    /// The report.
    pub report: Report,
    /// What could not be read.
    pub diagnostics: Vec<Note>,
    /// The format's Chinese name.
    pub format_name: String,
}

fn message(err: JsValue) -> String {
    js_sys::Reflect::get(&err, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "导入导出模块无法加载".into())
}

async fn call(name: &str, args: &js_sys::Array) -> Result<JsValue, String> {
    let module = JsFuture::from(load_io())
        .await
        .map_err(|e| format!("导入导出模块无法加载：{}", message(e)))?;
    let function: js_sys::Function = js_sys::Reflect::get(&module, &name.into())
        .map_err(message)?
        .dyn_into()
        .map_err(message)?;
    function.apply(&JsValue::NULL, args).map_err(message)
}

/// Imports a document; last year's report, when given, settles what its text cannot.
pub async fn import_document(bytes: &[u8], previous: Option<&Report>) -> Result<Imported, String> {
    let previous = previous.map_or(JsValue::UNDEFINED, |r| js::to_json_text(r, 0).into());
    let args = js_sys::Array::of2(&js_sys::Uint8Array::from(bytes), &previous);
    let json = call("importDocument", &args)
        .await?
        .as_string()
        .unwrap_or_default();
    let value = js::parse_json(&json).map_err(|e| e.describe(report_core::Lang::Zh))?;
    js::from_js(value)
}

/// Renders a report to `target` (`html`, `csv`, `docx`…).
pub async fn render_document(report: &Report, target: &str) -> Result<Vec<u8>, String> {
    let args = js_sys::Array::of2(&js::to_json_text(report, 0).into(), &target.into());
    let bytes = call("renderDocument", &args).await?;
    Ok(js_sys::Uint8Array::new(&bytes).to_vec())
}
