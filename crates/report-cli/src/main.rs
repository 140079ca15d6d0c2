//! `nianbao`: check, create and describe 政府信息公开工作年度报告 from the command line.
//!
//! The binary reads files and prints; every rule and every message comes from `report-core`.

mod batch;
mod human;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use report_core::{Edition, Lang, ReadError, Report};
use report_io::export::Target;
use report_io::ImportDiagnostic;
use serde::Serialize;

// Checking many reports allocates many small strings and vectors, across threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    disable_help_subcommand = true,
    disable_help_flag = true,
    disable_version_flag = true,
    // Each option's help says its values (in Chinese) and its default.
    hide_possible_values = true
)]
struct Cli {
    /// 显示帮助
    #[arg(short = 'h', long = "help", action = clap::ArgAction::Help, global = true)]
    help: Option<bool>,
    /// 显示版本
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version)]
    version: Option<bool>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 核对一个或多个报告（JSON 或任何可导入的格式），按表格列出错误、警告和提示
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Check {
        /// 报告文件或目录（目录中的报告文件逐一核对：.json .txt .html .md .csv .docx）
        #[arg(required = true, value_name = "路径")]
        paths: Vec<PathBuf>,
        /// 上年度的报告，用于核对跨年度规则（H7、S2、S6）：一个文件（用于每份报告），或一个目录（按机关和年度为每份报告找上一年度的报告）
        #[arg(long, value_name = "文件或目录")]
        previous: Option<PathBuf>,
        /// 输出格式：human 便于阅读（默认）；json 每个文件一个对象；csv 每个文件一行（可用表格软件打开）
        #[arg(
            long,
            value_enum,
            default_value = "human",
            value_name = "格式",
            hide_default_value = true
        )]
        format: CheckFormat,
        /// 只输出汇总表，不列出每份报告的问题
        #[arg(long)]
        summary: bool,
        /// 同时核对的线程数（默认用全部 CPU 核）
        #[arg(short, long, value_name = "个数")]
        jobs: Option<usize>,
        /// 提示信息的语言：zh 中文（默认），en 英文
        #[arg(
            long,
            value_enum,
            default_value = "zh",
            value_name = "语言",
            hide_default_value = true
        )]
        lang: LangArg,
    },
    /// 汇总多份同一年度的报告（表二、表三、表四逐格相加），如县汇总所辖乡镇和部门的报告
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Sum {
        /// 报告文件或目录
        #[arg(required = true, value_name = "路径")]
        paths: Vec<PathBuf>,
        /// 汇总报告的机关名称
        #[arg(long, value_name = "机关名称")]
        agency: Option<String>,
        /// 写入此文件（默认输出到标准输出）
        #[arg(short, long, value_name = "文件")]
        output: Option<PathBuf>,
    },
    /// 比较两份报告，逐格列出变化
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Diff {
        /// 原来的报告
        #[arg(value_name = "原报告")]
        old: PathBuf,
        /// 新的报告
        #[arg(value_name = "新报告")]
        new: PathBuf,
        /// 输出格式：human 便于阅读的表格（默认）；json 供程序处理
        #[arg(
            long,
            value_enum,
            default_value = "human",
            value_name = "格式",
            hide_default_value = true
        )]
        format: Format,
    },
    /// 导入已发布的报告（网页、PDF 文本、Word 复制文本、HTML、Markdown、CSV），输出报告 JSON
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Import {
        /// 要导入的文件
        #[arg(value_name = "文件")]
        file: PathBuf,
        /// 写入此文件（默认输出到标准输出）
        #[arg(short, long, value_name = "文件")]
        output: Option<PathBuf>,
        /// 输出格式：human 只输出报告 JSON、导入提示写到标准错误（默认）；json 输出 {"report", "diagnostics"}
        #[arg(
            long,
            value_enum,
            default_value = "human",
            value_name = "格式",
            hide_default_value = true
        )]
        format: Format,
    },
    /// 按官方版式输出报告：html、txt、md、csv、docx
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Render {
        /// 报告文件（JSON 或任何可导入的格式）
        #[arg(value_name = "文件")]
        file: PathBuf,
        /// 输出格式：html 官方表格版式的网页，可粘贴到网站编辑器；txt 纯文本（制表符分隔）；md Markdown；csv 每个单元格一行；docx 按官方模板版式的 Word 文档（需用 -o 指定文件）
        #[arg(long, value_enum, value_name = "格式")]
        to: RenderTarget,
        /// 写入此文件（默认输出到标准输出）
        #[arg(short, long, value_name = "文件")]
        output: Option<PathBuf>,
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
        /// 输出格式：human 便于阅读的表格（默认）；json 供程序处理
        #[arg(
            long,
            value_enum,
            default_value = "human",
            value_name = "格式",
            hide_default_value = true
        )]
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

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// 便于阅读的中文文本
    Human,
    /// JSON，每个文件一个对象
    Json,
    /// CSV，每个文件一行
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum RenderTarget {
    /// 官方表格版式的 HTML，可粘贴到网站编辑器
    Html,
    /// 纯文本，表格行以制表符分隔
    Txt,
    /// Markdown
    Md,
    /// 每个单元格一行的 CSV
    Csv,
    /// 按官方模板版式的 Word 文档（需用 -o 指定文件）
    Docx,
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
            paths,
            previous,
            format,
            summary,
            jobs,
            lang,
        } => {
            if let Some(jobs) = jobs {
                // Only fails if a pool was already built, which cannot be at this point.
                let _ = rayon::ThreadPoolBuilder::new()
                    .num_threads(jobs.max(1))
                    .build_global();
            }
            run_check(&paths, previous.as_deref(), format, summary, lang)
        }
        Command::Sum {
            paths,
            agency,
            output,
        } => run_sum(&paths, agency, output.as_deref()),
        Command::Diff { old, new, format } => run_diff(&old, &new, format),
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
        Command::Import {
            file,
            output,
            format,
        } => run_import(&file, output.as_deref(), format),
        Command::Render { file, to, output } => run_render(&file, to, output.as_deref()),
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
    /// An error with only a message.
    pub fn message(message: String) -> FileError {
        FileError {
            message,
            pointer: None,
            line: None,
            column: None,
        }
    }

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

/// A report read from a file, with what importing it said (nothing for report JSON).
pub struct Loaded {
    /// The report.
    pub report: Report,
    /// The import diagnostics.
    pub import: Vec<ImportDiagnostic>,
    /// Where each imported cell came from, by JSON Pointer.
    pub sources: std::collections::BTreeMap<String, report_io::Source>,
}

impl Loaded {
    /// Where in the imported document the first cell of a diagnostic came from.
    pub fn source_of(&self, d: &report_core::Diagnostic) -> Option<report_io::Source> {
        d.cells.first().and_then(|c| self.sources.get(c)).copied()
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

fn read_report(path: &Path, lang: Lang) -> Result<Report, FileError> {
    load(path, lang).map(|loaded| loaded.report)
}

/// Reads report JSON, or imports any other document.
fn load(path: &Path, lang: Lang) -> Result<Loaded, FileError> {
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
    let imported = report_io::import(&bytes).map_err(|e| FileError::message(e.to_string()))?;
    Ok(Loaded {
        report: imported.report,
        import: imported.diagnostics,
        sources: imported.sources,
    })
}

/// Writes `text` to `path` whole or not at all: into a temporary file beside it, then renamed.
fn write_file(path: &Path, text: impl AsRef<[u8]>) -> std::io::Result<()> {
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
fn emit(bytes: &[u8], output: Option<&Path>) -> ExitCode {
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

fn run_import(path: &Path, output: Option<&Path>, format: Format) -> ExitCode {
    let loaded = match load(path, Lang::Zh) {
        Ok(loaded) => loaded,
        Err(err) => {
            eprintln!("nianbao：{} 无法导入：{}", path.display(), err.message);
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let text = match format {
        Format::Human => {
            for d in &loaded.import {
                eprintln!("{} {}  {}", d.severity.zh(), d.code, d.message);
            }
            let mut text = loaded.report.to_json();
            text.push('\n');
            text
        }
        Format::Json => {
            #[derive(Serialize)]
            struct Out<'a> {
                report: &'a Report,
                diagnostics: &'a [ImportDiagnostic],
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

fn run_render(path: &Path, to: RenderTarget, output: Option<&Path>) -> ExitCode {
    let report = match read_report(path, Lang::Zh) {
        Ok(report) => report,
        Err(err) => {
            eprintln!("nianbao：{} 无法读取：{}", path.display(), err.message);
            return ExitCode::from(EXIT_UNREADABLE);
        }
    };
    let target = match to {
        RenderTarget::Html => Target::Html,
        RenderTarget::Txt => Target::Text,
        RenderTarget::Md => Target::Markdown,
        RenderTarget::Csv => Target::Csv,
        RenderTarget::Docx => Target::Docx,
    };
    if output.is_none() && target == Target::Docx {
        eprintln!("nianbao：Word 文档是二进制文件，请用 -o 指定要写入的文件");
        return ExitCode::from(EXIT_UNREADABLE);
    }
    emit(&report_io::export::render(&report, target), output)
}

pub use batch::Checked;

/// A diagnostic of either kind, serialised with the same fields.
#[derive(Serialize)]
#[serde(untagged)]
enum AnyDiagnostic<'a> {
    Import(&'a ImportDiagnostic),
    Rule(Located<'a>),
}

/// A rule diagnostic with the place in the imported document its first cell came from.
#[derive(Serialize)]
struct Located<'a> {
    #[serde(flatten)]
    diagnostic: &'a report_core::Diagnostic,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<report_io::Source>,
}

/// One file's result, as `check --format json` prints it.
#[derive(Serialize)]
struct FileReport<'a> {
    path: &'a str,
    valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    agency: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    counts: Option<report_core::Counts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    diagnostics: Option<Vec<AnyDiagnostic<'a>>>,
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
    fn of(checked: &'a Checked, lang: Lang) -> FileReport<'a> {
        let previous = checked.pairing.path();
        let previous_problem = checked.pairing.note(lang).filter(|_| previous.is_none());
        match &checked.outcome {
            Ok((loaded, result)) => FileReport {
                path: &checked.path,
                valid: result.valid,
                agency: Some(&loaded.report.agency),
                year: Some(loaded.report.year),
                counts: Some(result.counts),
                diagnostics: Some(
                    loaded
                        .import
                        .iter()
                        .map(AnyDiagnostic::Import)
                        .chain(result.diagnostics.iter().map(|d| {
                            AnyDiagnostic::Rule(Located {
                                diagnostic: d,
                                source: loaded.source_of(d),
                            })
                        }))
                        .collect(),
                ),
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

fn lang_of(lang: LangArg) -> Lang {
    match lang {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    }
}

/// A progress bar on standard error when it is a terminal and there is more than one file;
/// nothing at all otherwise (output piped to a file stays clean).
fn progress_bar(len: usize) -> indicatif::ProgressBar {
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

fn run_check(
    paths: &[PathBuf],
    previous: Option<&Path>,
    format: CheckFormat,
    summary: bool,
    lang: LangArg,
) -> ExitCode {
    let lang = lang_of(lang);
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
        eprintln!("nianbao：所给目录中没有报告文件（.json .txt .html .md .csv .docx）");
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

fn run_sum(paths: &[PathBuf], agency: Option<String>, output: Option<&Path>) -> ExitCode {
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

/// One change, as `diff --format json` prints it.
#[derive(Serialize)]
struct ChangeOut {
    place: String,
    label: String,
    old: Option<String>,
    new: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    difference: Option<i128>,
}

fn run_diff(old: &Path, new: &Path, format: Format) -> ExitCode {
    let read = |path: &Path| {
        load(path, Lang::Zh).map_err(|err| {
            eprintln!("nianbao：{} 无法读取：{}", path.display(), err.message);
            ExitCode::from(EXIT_UNREADABLE)
        })
    };
    let (a, b) = match (read(old), read(new)) {
        (Ok(a), Ok(b)) => (a.report, b.report),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let changes = report_core::compare::diff(&a, &b);
    let text = match format {
        Format::Human => human::diff(
            &changes,
            &b,
            &old.display().to_string(),
            &new.display().to_string(),
        ),
        Format::Json => to_json(
            &changes
                .iter()
                .map(|c| ChangeOut {
                    place: c.place.pointer(),
                    label: c.place.describe_zh(b.edition),
                    old: c.old.display(),
                    new: c.new.display(),
                    difference: c.difference,
                })
                .collect::<Vec<_>>(),
        ),
    };
    let printed = print_out(text.trim_end());
    if printed != ExitCode::SUCCESS {
        printed
    } else if changes.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_ERRORS)
    }
}
