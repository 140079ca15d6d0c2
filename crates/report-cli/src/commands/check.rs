//! `nianbao check`: files and folders read, checked in parallel, reported as text, JSON or CSV.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::args::{CheckFormat, LangArg};
use crate::batch;
use crate::human;
use crate::output::{print_out, progress_bar, to_json, FileReport, EXIT_ERRORS, EXIT_UNREADABLE};

pub fn run(
    paths: &[PathBuf],
    previous: Option<&Path>,
    format: CheckFormat,
    summary: bool,
    lang: LangArg,
) -> ExitCode {
    let lang = lang.lang();
    let previous = match previous.map(|p| (p, batch::Previous::read(p, lang))) {
        None => batch::Previous::None,
        Some((_, Ok((previous, problems)))) => {
            for (path, err) in problems {
                eprintln!("nianbao：上年报告 {path} 无法读取，已跳过：{}", err.message);
            }
            previous
        }
        Some((path, Err(err))) => {
            eprintln!(
                "nianbao：上年报告 {} 无法读取：{}",
                path.display(),
                err.message
            );
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let files = batch::inputs(paths);
    if files.is_empty() {
        eprintln!("nianbao：所给目录中没有报告文件（.json .txt .html .md .csv .docx .pdf）");
        return ExitCode::from(EXIT_UNREADABLE);
    }
    let progress = progress_bar(files.len());
    let results = batch::check_all(files, &previous, lang, false, &progress);
    progress.finish_and_clear();

    let text = match format {
        CheckFormat::Human => human::check_results(&results, lang, summary),
        CheckFormat::Json => {
            let out: Vec<FileReport<'_>> =
                results.iter().map(|c| FileReport::of(c, lang)).collect();
            to_json(&out)
        }
        CheckFormat::Csv => batch::csv(&results),
    };
    let printed = print_out(text.trim_end());
    if printed != ExitCode::SUCCESS {
        return printed;
    }
    if results.iter().any(|c| c.outcome.is_err()) {
        ExitCode::from(EXIT_UNREADABLE)
    } else if results.iter().any(|c| c.result().is_some_and(|r| !r.valid)) {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}
