//! `nianbao diff`: what changed between two reports, cell by cell.

use std::path::Path;
use std::process::ExitCode;

use report_core::Lang;
use serde::Serialize;

use crate::args::OutputFormat;
use crate::human;
use crate::load::load;
use crate::output::{print_out, to_json, EXIT_ERRORS, EXIT_UNREADABLE};

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

pub fn run(old: &Path, new: &Path, format: OutputFormat) -> ExitCode {
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
        OutputFormat::Human => human::diff(
            &changes,
            &b,
            &old.display().to_string(),
            &new.display().to_string(),
        ),
        OutputFormat::Json => to_json(
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
