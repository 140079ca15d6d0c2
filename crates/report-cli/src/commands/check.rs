//! `nianbao check`: files and folders read, checked in parallel, reported as text, JSON or CSV.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::args::{CheckFormat, LangArg};
use crate::batch;
use crate::human;
use crate::output::{
    emit, print_out, progress_bar, to_json, write_file, FileReport, EXIT_ERRORS, EXIT_UNREADABLE,
};

/// What `nianbao check` was asked.
pub struct Request<'a> {
    /// The files and folders to check.
    pub paths: &'a [PathBuf],
    /// Last year's report or folder (`--previous`).
    pub previous: Option<&'a Path>,
    /// The units' reports a roll-up is compared with (`--units`).
    pub units: &'a [PathBuf],
    /// How to write the results.
    pub format: CheckFormat,
    /// Where to write them (`-o`); standard output when `None`.
    pub output: Option<&'a Path>,
    /// Where to write the region's page as well (`--report`).
    pub report: Option<&'a Path>,
    /// Only the summary table.
    pub summary: bool,
    /// The language of the messages.
    pub lang: LangArg,
}

pub fn run(request: &Request<'_>) -> ExitCode {
    let lang = request.lang.lang();
    let workbook = request.format == CheckFormat::Xlsx;
    if workbook && request.output.is_none() {
        eprintln!(
            "nianbao：Excel 工作簿不能输出到屏幕，请用 -o 指定要写入的文件，如 -o 核查结果.xlsx"
        );
        return ExitCode::from(EXIT_UNREADABLE);
    }
    let previous = match request
        .previous
        .map(|p| (p, batch::Previous::read(p, lang)))
    {
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
    let files = batch::inputs(request.paths);
    if files.is_empty() {
        eprintln!("nianbao：所给目录中没有报告文件（.json .txt .html .md .csv .docx .pdf）");
        return ExitCode::from(EXIT_UNREADABLE);
    }
    let progress = progress_bar(files.len());
    // A roll-up is compared with its units after it is checked, and the page and the workbook
    // show every report's figures: the reports are kept till then.
    let keep = !request.units.is_empty() || workbook || request.report.is_some();
    let mut results = batch::check_all(files, &previous, lang, keep, &progress);
    progress.finish_and_clear();
    if !request.units.is_empty() {
        if let Err(code) = compare_with_units(&mut results, request.units, lang) {
            return code;
        }
    }
    mark_alike(&mut results, lang);
    mark_outliers(&mut results, lang);

    if let Some(path) = request.report {
        let page = report_region::html::page(&region(&results));
        if let Err(err) = write_file(path, page) {
            eprintln!("nianbao：无法写入 {}：{err}", path.display());
            return ExitCode::from(EXIT_UNREADABLE);
        }
        eprintln!("nianbao：核查结果网页已写入 {}", path.display());
    }
    let written = match request.format {
        CheckFormat::Human => emit_text(
            &human::check_results(&results, lang, request.summary),
            request.output,
        ),
        CheckFormat::Json => {
            let out: Vec<FileReport<'_>> =
                results.iter().map(|c| FileReport::of(c, lang)).collect();
            emit_text(&to_json(&out), request.output)
        }
        CheckFormat::Csv => emit_text(&batch::csv(&results), request.output),
        CheckFormat::Xlsx => match report_region::xlsx::workbook(&region(&results)) {
            Ok(bytes) => emit(&bytes, request.output),
            Err(err) => {
                eprintln!("nianbao：无法生成 Excel 工作簿：{err}");
                ExitCode::from(EXIT_UNREADABLE)
            }
        },
    };
    if written != ExitCode::SUCCESS {
        return written;
    }
    if results.iter().any(|c| c.outcome.is_err()) {
        ExitCode::from(EXIT_UNREADABLE)
    } else if results.iter().any(|c| c.result().is_some_and(|r| !r.valid)) {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}

/// Text to standard output, or to the file asked for.
fn emit_text(text: &str, output: Option<&Path>) -> ExitCode {
    match output {
        None => print_out(text.trim_end()),
        Some(_) => emit(format!("{}\n", text.trim_end()).as_bytes(), output),
    }
}

/// The batch as the region's page and workbook see it.
fn region(results: &[batch::Checked]) -> report_region::Region<'_> {
    let units = results
        .iter()
        .map(|checked| report_region::Unit {
            file: &checked.path,
            outcome: match &checked.outcome {
                Ok((loaded, result)) => Ok(report_region::Read {
                    report: &loaded.report,
                    result,
                    last_year: checked.last_year.clone(),
                }),
                Err(err) => Err(err.message.as_str()),
            },
            note: (checked.pairing.path().is_none())
                .then(|| checked.pairing.note(report_core::Lang::Zh))
                .flatten(),
        })
        .collect();
    report_region::Region {
        units,
        generated: crate::today::today(),
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

/// Notes the reports whose 纠错率 is far above the other reports' of their year in the batch.
fn mark_outliers(results: &mut [batch::Checked], lang: report_core::Lang) {
    use report_core::outliers;
    let rates: Vec<Option<outliers::Rates>> = results.iter().map(|c| c.rates).collect();
    for outlier in outliers::correction_outliers(&rates) {
        if let Ok((loaded, result)) = &mut results[outlier.index].outcome {
            result
                .diagnostics
                .push(outliers::diagnostic(&loaded.report, &outlier, lang));
            result.counts = report_core::Counts::of(&result.diagnostics);
        }
    }
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
