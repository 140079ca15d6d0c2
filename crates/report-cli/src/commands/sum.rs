//! `nianbao sum`: reports of one year and edition added up cell by cell.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use report_core::{Lang, Report};

use crate::batch::{self, Checked};
use crate::human;
use crate::output::{emit, progress_bar, EXIT_ERRORS, EXIT_UNREADABLE};

pub fn run(paths: &[PathBuf], agency: Option<String>, output: Option<&Path>) -> ExitCode {
    let files = batch::inputs(paths);
    let progress = progress_bar(files.len());
    let results = batch::check_all(files, &batch::Previous::None, Lang::Zh, true, &progress);
    progress.finish_and_clear();
    let unreadable: Vec<&Checked> = results.iter().filter(|c| c.outcome.is_err()).collect();
    if !unreadable.is_empty() {
        for checked in unreadable {
            if let Err(err) = &checked.outcome {
                eprintln!("nianbao：{} 无法读取：{}", checked.path, err.message);
            }
        }
        eprintln!("nianbao：有报告无法读取，未汇总");
        return ExitCode::from(EXIT_UNREADABLE);
    }
    let reports: Vec<&Report> = results
        .iter()
        .filter_map(|c| c.outcome.as_ref().ok().map(|(l, _)| &l.report))
        .collect();
    let agency = agency.unwrap_or_else(|| format!("{} 份报告合计", reports.len()));
    let total = match report_core::aggregate::sum(&reports, &agency) {
        Ok(total) => total,
        Err(err) => {
            eprintln!("nianbao：{err}");
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    eprint!("{}", human::sum_notes(&results, &total));
    let mut text = total.report.to_json();
    text.push('\n');
    let code = emit(text.as_bytes(), output);
    if code != ExitCode::SUCCESS {
        return code;
    }
    let unreliable = results.iter().any(|c| c.result().is_some_and(|r| !r.valid));
    if unreliable || !total.incomplete.is_empty() {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}
