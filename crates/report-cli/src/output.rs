//! What the commands write: standard output, files written whole or not at all, the JSON shape
//! of a checked file, the exit codes and the progress bar.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use report_core::{Diagnostic, Lang};
use serde::Serialize;

use crate::batch::Checked;
use crate::load::FileError;

/// Exit codes: no errors, errors found, input unreadable.
pub const EXIT_ERRORS: u8 = 1;
/// See [`EXIT_ERRORS`].
pub const EXIT_UNREADABLE: u8 = 2;

/// Prints `text` and a newline; a closed pipe is not an error worth a panic.
pub fn print_out(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{text}").and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("nianbao：无法输出：{err}");
            ExitCode::from(EXIT_UNREADABLE)
        }
    }
}

pub fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// Writes `text` to `path` whole or not at all: into a temporary file beside it, then renamed.
pub fn write_file(path: &Path, text: impl AsRef<[u8]>) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.nianbao-{}", std::process::id()));
    std::fs::write(&temporary, text)
        .and_then(|()| std::fs::rename(&temporary, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&temporary);
        })
}

/// Prints `bytes` (text), or writes them to `output`.
pub fn emit(bytes: &[u8], output: Option<&Path>) -> ExitCode {
    match output {
        None => print_out(String::from_utf8_lossy(bytes).trim_end()),
        Some(path) => match write_file(path, bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("nianbao：无法写入 {}：{err}", path.display());
                ExitCode::from(EXIT_UNREADABLE)
            }
        },
    }
}

/// One file's result, as `check --format json` prints it.
#[derive(Serialize)]
pub struct FileReport<'a> {
    path: &'a str,
    valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    agency: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    counts: Option<report_core::Counts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    diagnostics: Option<&'a [Diagnostic]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a FileError>,
    /// The previous report the cross-year rules used.
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: Option<&'a str>,
    /// Why no previous report was used, when one was asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    previous_problem: Option<String>,
}

impl<'a> FileReport<'a> {
    pub fn of(checked: &'a Checked, lang: Lang) -> FileReport<'a> {
        let previous = checked.pairing.path();
        let previous_problem = checked.pairing.note(lang).filter(|_| previous.is_none());
        match &checked.outcome {
            Ok((loaded, result)) => FileReport {
                path: &checked.path,
                valid: result.valid,
                agency: Some(&loaded.report.agency),
                year: Some(loaded.report.year),
                counts: Some(result.counts),
                diagnostics: Some(&result.diagnostics),
                error: None,
                previous,
                previous_problem,
            },
            Err(err) => FileReport {
                path: &checked.path,
                valid: false,
                agency: None,
                year: None,
                counts: None,
                diagnostics: None,
                error: Some(err),
                previous: None,
                previous_problem: None,
            },
        }
    }
}

/// A progress bar on standard error when it is a terminal and there is more than one file;
/// nothing at all otherwise (output piped to a file stays clean).
pub fn progress_bar(len: usize) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if len < 2 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} 核对中 {bar:30} {pos}/{len} 份（剩余 {eta}）",
    ) {
        bar.set_style(style);
    }
    bar
}
