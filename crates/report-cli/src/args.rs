//! The command line: commands, their arguments and their help, all in Chinese.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use report_core::{Edition, Lang};

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
pub struct Cli {
    /// 显示帮助
    #[arg(short = 'h', long = "help", action = clap::ArgAction::Help, global = true)]
    help: Option<bool>,
    /// 显示版本
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version)]
    version: Option<bool>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// 核对一个或多个报告（JSON 或任何可导入的格式），按表格列出错误、警告和提示
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Check {
        /// 报告文件或目录（目录中的报告文件逐一核对：.json .txt .html .md .csv .docx .pdf .xlsx .xls .ods）
        #[arg(required = true, value_name = "路径")]
        paths: Vec<PathBuf>,
        /// 上年度的报告，用于核对跨年度规则（H7、S2、S6、S9、S10）：一个文件（用于每份报告），或一个目录（按机关和年度为每份报告找上一年度的报告）
        #[arg(long, value_name = "文件或目录")]
        previous: Option<PathBuf>,
        /// 所辖单位（乡镇、部门）的报告文件或目录：所核对的汇总报告与这些报告逐格相加之和比较，不符的单元格逐一列出
        #[arg(long, value_name = "文件或目录")]
        units: Vec<PathBuf>,
        /// 输出格式：human 便于阅读（默认）；json 每个文件一个对象；csv 每个文件一行（可用表格软件打开）；xlsx Excel 工作簿（概况、各单位、各问题、各报告的全部单元格，需用 -o 指定文件）
        #[arg(
            long,
            value_enum,
            default_value = "human",
            value_name = "格式",
            hide_default_value = true
        )]
        format: CheckFormat,
        /// 把核查结果写入此文件（默认输出到标准输出）
        #[arg(short, long, value_name = "文件")]
        output: Option<PathBuf>,
        /// 另外写一份核查结果网页（单个 HTML 文件，含图表，可离线打开、打印），供领导阅读或发给各单位
        #[arg(long, value_name = "文件")]
        report: Option<PathBuf>,
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
        format: OutputFormat,
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
        format: OutputFormat,
        /// 上年度的报告：表二的数字连在一起、文字和表格都无法确定如何拆分时，按上年的现行有效件数拆分
        #[arg(long, value_name = "文件")]
        previous: Option<PathBuf>,
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
        format: OutputFormat,
        /// 显示每条规则的完整说明
        #[arg(long)]
        long: bool,
    },
    /// 输出报告 JSON 的 JSON Schema
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Schema,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum OutputFormat {
    /// 便于阅读的中文文本
    Human,
    /// JSON，供程序处理
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// 便于阅读的中文文本
    Human,
    /// JSON，每个文件一个对象
    Json,
    /// CSV，每个文件一行
    Csv,
    /// Excel 工作簿（需用 -o 指定文件）
    Xlsx,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum RenderTarget {
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
pub enum LangArg {
    /// 中文
    Zh,
    /// English
    En,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum EditionArg {
    /// 2021 年版格式
    #[value(name = "2021")]
    V2021,
    /// 2019 年试行格式
    #[value(name = "2019")]
    V2019,
}

impl LangArg {
    /// The language of messages.
    pub fn lang(self) -> Lang {
        match self {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

impl EditionArg {
    /// The edition meant.
    pub fn edition(self) -> Edition {
        match self {
            EditionArg::V2021 => Edition::V2021,
            EditionArg::V2019 => Edition::V2019,
        }
    }
}
