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
    units: &[PathBuf],
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
    // A roll-up is compared with its units after it is checked: its cells are kept till then.
    let keep = !units.is_empty();
    let mut results = batch::check_all(files, &previous, lang, keep, &progress);
    progress.finish_and_clear();
    if !units.is_empty() {
        if let Err(code) = compare_with_units(&mut results, units, lang) {
            return code;
        }
    }
    mark_alike(&mut results, lang);

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

/// Compares each report read with the sum of the units' reports (`--units`), adding a warning
/// for each cell that differs. Units that cannot be read, or that are of another edition or year,
/// stop the check (exit 2): a roll-up compared with part of its units would mislead.
fn compare_with_units(
    results: &mut [batch::Checked],
    units: &[PathBuf],
    lang: report_core::Lang,
) -> Result<(), ExitCode> {
    // A report checked is not one of its own units, even where it sits in the units' folder.
    let same = |path: &Path| std::fs::canonicalize(path).ok();
    let checked: Vec<_> = results
        .iter()
        .filter_map(|c| same(Path::new(&c.path)))
        .collect();
    let files: Vec<_> = batch::inputs(units)
        .into_iter()
        .filter(|(path, _)| same(path).is_none_or(|p| !checked.contains(&p)))
        .collect();
    if files.is_empty() {
        eprintln!("nianbao：--units 所给的位置没有所辖单位的报告文件");
        return Err(ExitCode::from(EXIT_UNREADABLE));
    }
    let progress = progress_bar(files.len());
    let read = batch::check_all(files, &batch::Previous::None, lang, true, &progress);
    progress.finish_and_clear();
    let mut reports = Vec::new();
    for unit in &read {
        match &unit.outcome {
            Ok((loaded, _)) => reports.push(&loaded.report),
            Err(err) => {
                eprintln!(
                    "nianbao：所辖单位的报告 {} 无法读取：{}",
                    unit.path, err.message
                );
                return Err(ExitCode::from(EXIT_UNREADABLE));
            }
        }
    }
    for checked in results.iter_mut() {
        let Ok((loaded, result)) = &mut checked.outcome else {
            continue;
        };
        match report_core::aggregate::roll_up(&loaded.report, &reports, lang) {
            Ok(found) => {
                result.diagnostics.extend(found);
                result.counts = report_core::Counts::of(&result.diagnostics);
                result.valid = result.counts.errors == 0;
            }
            Err(err) => {
                eprintln!("nianbao：{} 不能与所辖单位的报告比较：{err}", checked.path);
                return Err(ExitCode::from(EXIT_UNREADABLE));
            }
        }
    }
    Ok(())
}

/// Warns of the reports of the batch that are alike another agency's (the same tables, or prose
/// largely the same), each naming the other's file.
fn mark_alike(results: &mut [batch::Checked], lang: report_core::Lang) {
    use report_core::similar;
    let readable: Vec<usize> = (0..results.len())
        .filter(|&i| results[i].print.is_some())
        .collect();
    if readable.len() < 2 {
        return;
    }
    let prints: Vec<similar::Print> = readable
        .iter()
        .filter_map(|&i| results[i].print.clone())
        .collect();
    for pair in similar::alike(&prints) {
        let (a, b) = (readable[pair.a], readable[pair.b]);
        for (this, other) in [(a, b), (b, a)] {
            let other_path = results[other].path.clone();
            let other_agency = results[other]
                .outcome
                .as_ref()
                .map(|(l, _)| l.report.agency.clone())
                .unwrap_or_default();
            if let Ok((loaded, result)) = &mut results[this].outcome {
                let d =
                    similar::diagnostic(&loaded.report, &pair, &other_path, &other_agency, lang);
                result.diagnostics.push(d);
                result.counts = report_core::Counts::of(&result.diagnostics);
                result.valid = result.counts.errors == 0;
            }
        }
    }
}
