//! `nianbao render`: a report in the official layout, as HTML, text, Markdown, CSV or Word.

use std::path::Path;
use std::process::ExitCode;

use report_core::Lang;
use report_io::export::Target;

use crate::args::RenderTarget;
use crate::load::read_report;
use crate::output::{emit, EXIT_UNREADABLE};

pub fn run(path: &Path, to: RenderTarget, output: Option<&Path>) -> ExitCode {
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
