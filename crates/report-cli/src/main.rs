//! `nianbao`: check, create and describe 政府信息公开工作年度报告 from the command line.
//!
//! The binary reads files and prints; every rule and every message comes from `report-core`.

mod human;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use report_core::{check, CheckOptions, CheckResult, Edition, Lang, ReadError, Report};
use serde::Serialize;

const HELP_TEMPLATE: &str = "\
{before-help}{name} {version} — {about}

用法：{usage}

{all-args}{after-help}";

/// 政府信息公开工作年度报告的核对工具。
#[derive(Parser)]
#[command(
    name = "nianbao",
    version,
    about = "核对、新建政府信息公开工作年度报告",
    help_template = HELP_TEMPLATE,
    subcommand_help_heading = "命令",
    next_help_heading = "选项",
    disable_help_subcommand = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 核对一个或多个报告（JSON），按表格列出错误、警告和提示
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Check {
        /// 报告文件（JSON）
        #[arg(required = true, value_name = "文件")]
        files: Vec<PathBuf>,
        /// 上年度的报告，用于核对跨年度规则（H7、S2、S6）
        #[arg(long, value_name = "文件")]
        previous: Option<PathBuf>,
        /// 输出格式
        #[arg(long, value_enum, default_value = "human", value_name = "格式")]
        format: Format,
        /// 提示信息的语言
        #[arg(long, value_enum, default_value = "zh", value_name = "语言")]
        lang: LangArg,
    },
    /// 输出一份空白报告（JSON），所有单元格为空
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    New {
        /// 报告年度
        #[arg(long, value_name = "年度")]
        year: u16,
        /// 发布机关
        #[arg(long, value_name = "机关名称")]
        agency: String,
        /// 格式版本（默认按年度：2019、2020 年度用 2019，之后用 2021）
        #[arg(long, value_enum, value_name = "版本")]
        edition: Option<EditionArg>,
    },
    /// 列出全部核对规则
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Rules {
        /// 输出格式
        #[arg(long, value_enum, default_value = "human", value_name = "格式")]
        format: Format,
        /// 显示每条规则的完整说明
        #[arg(long)]
        long: bool,
    },
    /// 输出报告 JSON 的 JSON Schema
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Schema,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// 便于阅读的中文文本
    Human,
    /// JSON，供程序处理
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    /// 中文
    Zh,
    /// English
    En,
}

#[derive(Clone, Copy, ValueEnum)]
enum EditionArg {
    /// 2021 年版格式
    #[value(name = "2021")]
    V2021,
    /// 2019 年试行格式
    #[value(name = "2019")]
    V2019,
}

/// Exit codes: no errors, errors found, input unreadable.
const EXIT_ERRORS: u8 = 1;
const EXIT_UNREADABLE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            files,
            previous,
            format,
            lang,
        } => run_check(&files, previous.as_deref(), format, lang),
        Command::New {
            year,
            agency,
            edition,
        } => {
            let edition = match edition {
                Some(EditionArg::V2021) => Edition::V2021,
                Some(EditionArg::V2019) => Edition::V2019,
                None => Edition::for_year(year).unwrap_or(Edition::V2021),
            };
            print_out(&Report::blank(edition, year, agency).to_json())
        }
        Command::Rules { format, long } => match format {
            Format::Human => print_out(&human::rules(long)),
            Format::Json => {
                let rules: Vec<_> = report_core::rules::catalogue().collect();
                print_out(&to_json(&rules))
            }
        },
        Command::Schema => print_out(report_core::schema::report_schema_text().trim_end()),
    }
}

/// Prints `text` and a newline; a closed pipe is not an error worth a panic.
fn print_out(text: &str) -> ExitCode {
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

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

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
    fn io(path: &Path, err: &std::io::Error, lang: Lang) -> FileError {
        let message = match (lang, err.kind()) {
            (Lang::Zh, std::io::ErrorKind::NotFound) => format!("找不到文件 {}", path.display()),
            (Lang::Zh, std::io::ErrorKind::PermissionDenied) => {
                format!("没有权限读取 {}", path.display())
            }
            (Lang::Zh, std::io::ErrorKind::InvalidData) => {
                format!("{} 不是 UTF-8 编码的文本", path.display())
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

    fn not_utf8(bytes: &[u8], err: &std::str::Utf8Error, lang: Lang) -> FileError {
        let offset = err.valid_up_to();
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        let message = match lang {
            Lang::Zh => format!("第 {line} 行（第 {offset} 字节）起不是 UTF-8 编码的文本；报告 JSON 应以 UTF-8 保存"),
            Lang::En => format!("line {line} (byte {offset}): not UTF-8 text; report JSON must be saved as UTF-8"),
        };
        FileError {
            message,
            pointer: None,
            line: Some(line),
            column: None,
        }
    }

    fn parse(err: &ReadError, lang: Lang) -> FileError {
        FileError {
            message: err.describe(lang),
            pointer: (!err.pointer.is_empty()).then(|| err.pointer.clone()),
            line: (err.line > 0).then_some(err.line),
            column: (err.column > 0).then_some(err.column),
        }
    }
}

fn read_report(path: &Path, lang: Lang) -> Result<Report, FileError> {
    let bytes = std::fs::read(path).map_err(|e| FileError::io(path, &e, lang))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| FileError::not_utf8(&bytes, &e, lang))?;
    Report::from_json(text).map_err(|e| FileError::parse(&e, lang))
}

/// A file's path and what checking it gave.
pub type Checked = (String, Result<(Report, CheckResult), FileError>);

/// One file's result, as `check --format json` prints it.
#[derive(Serialize)]
struct FileReport<'a> {
    path: String,
    valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    counts: Option<report_core::Counts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    diagnostics: Option<&'a [report_core::Diagnostic]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a FileError>,
}

fn run_check(
    files: &[PathBuf],
    previous: Option<&Path>,
    format: Format,
    lang: LangArg,
) -> ExitCode {
    let lang = match lang {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    };
    let previous = match previous.map(|p| (p, read_report(p, lang))) {
        None => None,
        Some((_, Ok(report))) => Some(report),
        Some((path, Err(err))) => {
            eprintln!(
                "nianbao：上年报告 {} 无法读取：{}",
                path.display(),
                err.message
            );
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let options = CheckOptions {
        previous: previous.as_ref(),
        lang,
    };
    let results: Vec<Checked> = files
        .iter()
        .map(|path| {
            let outcome = read_report(path, lang).map(|report| {
                let result = check(&report, &options);
                (report, result)
            });
            (path.display().to_string(), outcome)
        })
        .collect();

    let text = match format {
        Format::Human => human::check_results(&results, lang),
        Format::Json => {
            let out: Vec<FileReport<'_>> = results
                .iter()
                .map(|(path, outcome)| match outcome {
                    Ok((_, result)) => FileReport {
                        path: path.clone(),
                        valid: result.valid,
                        counts: Some(result.counts),
                        diagnostics: Some(&result.diagnostics),
                        error: None,
                    },
                    Err(err) => FileReport {
                        path: path.clone(),
                        valid: false,
                        counts: None,
                        diagnostics: None,
                        error: Some(err),
                    },
                })
                .collect();
            to_json(&out)
        }
    };
    let printed = print_out(text.trim_end());
    if printed != ExitCode::SUCCESS {
        return printed;
    }
    if results.iter().any(|(_, r)| r.is_err()) {
        ExitCode::from(EXIT_UNREADABLE)
    } else if results
        .iter()
        .any(|(_, r)| r.as_ref().is_ok_and(|(_, c)| !c.valid))
    {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}
