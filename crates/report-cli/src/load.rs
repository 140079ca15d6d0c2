//! Reading a file as a report: report JSON, or any document the importers read.

use std::path::Path;

use report_core::{CheckOptions, CheckResult, Diagnostic, Lang, ReadError, Report};
use serde::Serialize;

/// Why a file could not be read as a report.
#[derive(Debug, Serialize)]
pub struct FileError {
    /// The message for people.
    pub message: String,
    /// The JSON Pointer of the offending place, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// The line, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The column, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl FileError {
    /// An error with only a message.
    pub fn message(message: String) -> FileError {
        FileError {
            message,
            pointer: None,
            line: None,
            column: None,
        }
    }

    pub fn io(path: &Path, err: &std::io::Error, lang: Lang) -> FileError {
        let message = match (lang, err.kind()) {
            (Lang::Zh, std::io::ErrorKind::NotFound) => format!("找不到文件 {}", path.display()),
            (Lang::Zh, std::io::ErrorKind::PermissionDenied) => {
                format!("没有权限读取 {}", path.display())
            }
            (Lang::Zh, std::io::ErrorKind::InvalidData) => {
                format!("{} 的文字无法识别，文件可能是用旧的中文编码保存的；请“另存为”并在“编码”中选择“UTF-8”后再核对", path.display())
            }
            (Lang::Zh, _) => format!("无法读取 {}：{err}", path.display()),
            (Lang::En, _) => format!("cannot read {}: {err}", path.display()),
        };
        FileError {
            message,
            pointer: None,
            line: None,
            column: None,
        }
    }

    pub fn not_utf8(bytes: &[u8], err: &std::str::Utf8Error, lang: Lang) -> FileError {
        let offset = err.valid_up_to();
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        let message = match lang {
            Lang::Zh => format!("第 {line} 行（第 {offset} 字节）起的文字无法识别，文件可能是用旧的中文编码保存的；请“另存为”并在“编码”中选择“UTF-8”后再核对"),
            Lang::En => format!("line {line} (byte {offset}): not UTF-8 text; report JSON must be saved as UTF-8"),
        };
        FileError {
            message,
            pointer: None,
            line: Some(line),
            column: None,
        }
    }

    pub fn parse(err: &ReadError, lang: Lang) -> FileError {
        FileError {
            message: err.describe(lang),
            pointer: (!err.pointer.is_empty()).then(|| err.pointer.clone()),
            line: (err.line > 0).then_some(err.line),
            column: (err.column > 0).then_some(err.column),
        }
    }
}

/// A report read from a file, with what importing it said (nothing for report JSON).
pub struct Loaded {
    /// The report.
    pub report: Report,
    /// The import diagnostics.
    pub import: Vec<Diagnostic>,
    /// Where each imported cell came from, by JSON Pointer.
    pub sources: std::collections::BTreeMap<String, report_io::Source>,
}

impl Loaded {
    /// Checks the report: the importer's diagnostics and the rules', counted together.
    pub fn check(&self, options: &CheckOptions<'_>) -> CheckResult {
        report_io::review::check_read(&self.report, &self.import, &self.sources, options)
    }
}

/// Whether a file is report JSON rather than a document to import.
fn is_json(path: &Path, bytes: &[u8]) -> bool {
    let first = bytes
        .iter()
        .copied()
        .find(|b| !b.is_ascii_whitespace() && *b != 0xef && *b != 0xbb && *b != 0xbf);
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        || first == Some(b'{')
}

pub fn read_report(path: &Path, lang: Lang) -> Result<Report, FileError> {
    load(path, lang).map(|loaded| loaded.report)
}

/// Reads report JSON, or imports any other document.
pub fn load(path: &Path, lang: Lang) -> Result<Loaded, FileError> {
    load_with(path, lang, None)
}

/// [`load`], with last year's report to settle what a document's text cannot
/// ([`report_io::ImportOptions`]).
pub fn load_with(path: &Path, lang: Lang, previous: Option<&Report>) -> Result<Loaded, FileError> {
    let bytes = std::fs::read(path).map_err(|e| FileError::io(path, &e, lang))?;
    if is_json(path, &bytes) {
        let text =
            std::str::from_utf8(&bytes).map_err(|e| FileError::not_utf8(&bytes, &e, lang))?;
        let report = Report::from_json(text).map_err(|e| FileError::parse(&e, lang))?;
        return Ok(Loaded {
            report,
            import: Vec::new(),
            sources: Default::default(),
        });
    }
    let imported = report_io::import_with(&bytes, &report_io::ImportOptions { previous })
        .map_err(|e| FileError::message(e.to_string()))?;
    Ok(Loaded {
        report: imported.report,
        import: imported.diagnostics,
        sources: imported.sources,
    })
}
