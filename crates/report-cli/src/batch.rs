//! Checking many reports at once: walking folders, reading every format in parallel on all
//! cores, pairing each report with its agency's report of the year before, and the summary.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use report_core::{CheckOptions, CheckResult, Lang, Report};

use crate::load::{load, load_with, FileError, Loaded};

/// The files to read: each file given, and every report file under each folder given (sorted,
/// hidden files and folders skipped). A folder that cannot be read is an error for that path.
pub fn inputs(paths: &[PathBuf]) -> Vec<(PathBuf, Option<FileError>)> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push((path.clone(), None));
            continue;
        }
        let walker = walkdir::WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    let wanted = entry.path().extension().is_some_and(|ext| {
                        let ext = ext.to_string_lossy().to_ascii_lowercase();
                        ext == "json" || report_io::import::EXTENSIONS.contains(&ext.as_str())
                    });
                    if wanted {
                        out.push((entry.into_path(), None));
                    }
                }
                Ok(_) => {}
                Err(err) => {
                    let at = err.path().unwrap_or(path).to_path_buf();
                    let message = format!("无法读取目录 {}：{}", at.display(), err);
                    out.push((at, Some(FileError::message(message))));
                }
            }
        }
    }
    out
}

/// How a report was paired with last year's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pairing {
    /// No previous report was asked for.
    NotAsked,
    /// The one previous report given for all.
    Given(String),
    /// The report of the same agency for the year before, found in the folder.
    Found(String),
    /// No report of the same agency for the year before is in the folder.
    Missing,
    /// Several reports of the same agency for the year before: none was used.
    Ambiguous(Vec<String>),
}

impl Pairing {
    /// The previous report's file, when one was used.
    pub fn path(&self) -> Option<&str> {
        match self {
            Pairing::Given(p) | Pairing::Found(p) => Some(p),
            _ => None,
        }
    }

    /// A note for people in `lang`, when there is something to say.
    pub fn note(&self, lang: Lang) -> Option<String> {
        let zh = lang == Lang::Zh;
        match self {
            Pairing::NotAsked => None,
            Pairing::Given(p) | Pairing::Found(p) if zh => Some(format!("上年报告：{p}")),
            Pairing::Given(p) | Pairing::Found(p) => Some(format!("previous report: {p}")),
            Pairing::Missing if zh => {
                Some("未找到同一机关上一年度的报告，未核对跨年度规则（H7、S2、S6、S9、S10）".into())
            }
            Pairing::Missing => Some(
                "no report of the same agency for the year before; H7, S2, S6, S9 and S10 not checked"
                    .into(),
            ),
            Pairing::Ambiguous(paths) if zh => Some(format!(
                "同一机关上一年度的报告不止一份（{}），无法确定用哪一份，未核对跨年度规则",
                paths.join("、")
            )),
            Pairing::Ambiguous(paths) => Some(format!(
                "several reports of the same agency for the year before ({}); none used",
                paths.join(", ")
            )),
        }
    }
}

/// Where last year's reports come from.
pub enum Previous {
    /// None.
    None,
    /// One report for every report checked.
    One(String, Box<Report>),
    /// Reports by agency and year.
    Folder(HashMap<(String, u16), Vec<(String, Report)>>),
}

/// An agency's name as it is matched across years: without spaces, brackets made alike.
fn agency_key(agency: &str) -> String {
    agency
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            c => c,
        })
        .collect()
}

impl Previous {
    /// Reads the previous reports: one file, or every report in a folder. Unreadable files in
    /// a folder are returned to be reported; a single unreadable file is an error.
    pub fn read(
        path: &Path,
        lang: Lang,
    ) -> Result<(Previous, Vec<(String, FileError)>), FileError> {
        if !path.is_dir() {
            let loaded = load(path, lang)?;
            return Ok((
                Previous::One(path.display().to_string(), Box::new(loaded.report)),
                Vec::new(),
            ));
        }
        let mut index: HashMap<(String, u16), Vec<(String, Report)>> = HashMap::new();
        let mut problems = Vec::new();
        let loaded: Vec<(String, Result<Loaded, FileError>)> = inputs(&[path.to_path_buf()])
            .into_par_iter()
            .map(|(p, err)| {
                let shown = p.display().to_string();
                (shown, err.map_or_else(|| load(&p, lang), Err))
            })
            .collect();
        for (shown, outcome) in loaded {
            match outcome {
                Ok(loaded) => index
                    .entry((agency_key(&loaded.report.agency), loaded.report.year))
                    .or_default()
                    .push((shown, loaded.report)),
                Err(err) => problems.push((shown, err)),
            }
        }
        Ok((Previous::Folder(index), problems))
    }

    /// Last year's report for `report`, and how it was found.
    fn pair(&self, report: &Report) -> (Option<&Report>, Pairing) {
        match self {
            Previous::None => (None, Pairing::NotAsked),
            Previous::One(path, previous) => (Some(previous), Pairing::Given(path.clone())),
            Previous::Folder(index) => {
                let key = (agency_key(&report.agency), report.year.wrapping_sub(1));
                match index.get(&key).map(Vec::as_slice) {
                    None | Some([]) => (None, Pairing::Missing),
                    Some([(path, previous)]) => (Some(previous), Pairing::Found(path.clone())),
                    Some(many) => (
                        None,
                        Pairing::Ambiguous(many.iter().map(|(p, _)| p.clone()).collect()),
                    ),
                }
            }
        }
    }
}

/// One file's outcome.
pub struct Checked {
    /// The path as given or found.
    pub path: String,
    /// The report and what checking it gave, or why it could not be read.
    pub outcome: Result<(Loaded, CheckResult), FileError>,
    /// How it was paired with last year's report.
    pub pairing: Pairing,
    /// What is kept of the report to compare it with the others of the batch.
    pub print: Option<report_core::similar::Print>,
    /// What the region's page and workbook show of last year's report (when reports are kept).
    pub last_year: Option<report_region::LastYear>,
    /// What is kept of the report to compare its 纠错率 with the others' of the batch.
    pub rates: Option<report_core::outliers::Rates>,
}

impl Checked {
    /// The check result, when the file could be read.
    pub fn result(&self) -> Option<&CheckResult> {
        self.outcome.as_ref().ok().map(|(_, r)| r)
    }
}

/// Reads and checks every file, in parallel, in the order given; `progress` is told of each.
/// Unless `keep_reports`, each report is dropped once checked, all but its agency, year and
/// edition: a check of thousands of files then needs little memory. When they are kept, so is
/// what last year's report, if one was used, shows on the region's page.
pub fn check_all(
    files: Vec<(PathBuf, Option<FileError>)>,
    previous: &Previous,
    lang: Lang,
    keep_reports: bool,
    progress: &indicatif::ProgressBar,
) -> Vec<Checked> {
    files
        .into_par_iter()
        .map(|(path, problem)| {
            let shown = path.display().to_string();
            let loaded = problem.map_or_else(|| load(&path, lang), Err);
            let mut pairing = Pairing::NotAsked;
            let mut print = None;
            let mut last_year = None;
            let mut rates = None;
            let outcome = loaded.map(|loaded| {
                let (previous, paired) = previous.pair(&loaded.report);
                if let (true, Some(report), Some(file)) = (keep_reports, previous, paired.path()) {
                    last_year = Some(report_region::LastYear::of(file, report));
                }
                pairing = paired;
                // A document whose numbers ran together undecided is read again with last
                // year's report, which may settle them.
                let undecided = (loaded.import.iter())
                    .any(|d| d.code == report_core::ImportProblem::AmbiguousCell.code());
                let loaded = match previous.filter(|_| undecided) {
                    Some(previous) => load_with(&path, lang, Some(previous)).unwrap_or(loaded),
                    None => loaded,
                };
                // Import errors make the report as untrustworthy as rule errors.
                let result = loaded.check(&CheckOptions {
                    previous,
                    lang,
                    ..Default::default()
                });
                let mut loaded = loaded;
                print = Some(report_core::similar::Print::of(&loaded.report));
                rates = Some(report_core::outliers::Rates::of(&loaded.report));
                if !keep_reports {
                    let r = &loaded.report;
                    loaded.report = Report::empty(r.edition, r.year, r.agency.clone());
                }
                (loaded, result)
            });
            progress.inc(1);
            Checked {
                path: shown,
                outcome,
                pairing,
                print,
                last_year,
                rates,
            }
        })
        .collect()
}

/// The codes of a result's errors, in order, each once with its count ("H4×2").
pub fn error_codes(result: &CheckResult) -> String {
    report_core::message::codes(&result.diagnostics, report_core::Severity::Error)
}

/// `check --format csv`: one row per file, with a byte-order mark so that spreadsheet programs
/// read the Chinese as UTF-8.
pub fn csv(results: &[Checked]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record([
        "文件",
        "机关",
        "年度",
        "格式版本",
        "结果",
        "错误",
        "警告",
        "提示",
        "错误代码",
        "上年报告",
        "说明",
    ]);
    for checked in results {
        let note = checked
            .pairing
            .note(Lang::Zh)
            .filter(|_| checked.pairing.path().is_none());
        let record: Vec<String> = match &checked.outcome {
            Ok((loaded, result)) => vec![
                checked.path.clone(),
                loaded.report.agency.clone(),
                loaded.report.year.to_string(),
                loaded.report.edition.key().to_owned(),
                if result.valid { "通过" } else { "有错误" }.to_owned(),
                result.counts.errors.to_string(),
                result.counts.warnings.to_string(),
                result.counts.infos.to_string(),
                error_codes(result),
                checked.pairing.path().unwrap_or_default().to_owned(),
                note.unwrap_or_default(),
            ],
            Err(err) => vec![
                checked.path.clone(),
                String::new(),
                String::new(),
                String::new(),
                "无法读取".to_owned(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                err.message.clone(),
            ],
        };
        let _ = writer.write_record(&record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}
