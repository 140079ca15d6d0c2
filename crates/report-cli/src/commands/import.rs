//! `nianbao import`: a published document → report JSON, with what could not be read.

use std::path::Path;
use std::process::ExitCode;

use report_core::{Diagnostic, Lang, Report};
use serde::Serialize;

use crate::args::OutputFormat;
use crate::load::{load_with, read_report};
use crate::output::{emit, to_json, EXIT_ERRORS, EXIT_UNREADABLE};

pub fn run(
    path: &Path,
    output: Option<&Path>,
    format: OutputFormat,
    previous: Option<&Path>,
) -> ExitCode {
    let previous = match previous.map(|p| (p, read_report(p, Lang::Zh))) {
        None => None,
        Some((_, Ok(report))) => Some(report),
        Some((p, Err(err))) => {
            eprintln!(
                "nianbao：上年报告 {} 无法读取：{}",
                p.display(),
                err.message
            );
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let loaded = match load_with(path, Lang::Zh, previous.as_ref()) {
        Ok(loaded) => loaded,
        Err(err) => {
            eprintln!("nianbao：{} 无法导入：{}", path.display(), err.message);
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let text = match format {
        OutputFormat::Human => {
            for d in &loaded.import {
                eprintln!("{} {}  {}", d.severity.zh(), d.code, d.message);
            }
            let mut text = loaded.report.to_json();
            text.push('\n');
            text
        }
        OutputFormat::Json => {
            #[derive(Serialize)]
            struct Out<'a> {
                report: &'a Report,
                diagnostics: &'a [Diagnostic],
            }
            let mut text = to_json(&Out {
                report: &loaded.report,
                diagnostics: &loaded.import,
            });
            text.push('\n');
            text
        }
    };
    let code = emit(text.as_bytes(), output);
    if code != ExitCode::SUCCESS {
        return code;
    }
    if loaded
        .import
        .iter()
        .any(|d| d.severity == report_core::Severity::Error)
    {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}
