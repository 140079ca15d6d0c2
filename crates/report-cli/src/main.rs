//! `nianbao`: check, create and describe 政府信息公开工作年度报告 from the command line.
//!
//! The binary reads files and prints; every rule and every message comes from `report-core`.
//! `args` declares the commands, `load` reads files, `output` writes, and `commands` holds one
//! module per command; this file only dispatches.

mod args;
mod batch;
mod commands;
mod human;
mod load;
mod output;
mod today;

use std::process::ExitCode;

use args::{Cli, Command, EditionArg, OutputFormat};
use clap::Parser;
use output::{print_out, to_json};
use report_core::{Edition, Report};

// Checking many reports allocates many small strings and vectors, across threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            paths,
            previous,
            units,
            format,
            output,
            report,
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
            commands::check::run(&commands::check::Request {
                paths: &paths,
                previous: previous.as_deref(),
                units: &units,
                format,
                output: output.as_deref(),
                report: report.as_deref(),
                summary,
                lang,
            })
        }
        Command::Sum {
            paths,
            agency,
            output,
        } => commands::sum::run(&paths, agency, output.as_deref()),
        Command::Diff { old, new, format } => commands::diff::run(&old, &new, format),
        Command::New {
            year,
            agency,
            edition,
        } => {
            let edition = edition.map_or_else(
                || Edition::for_year(year).unwrap_or(Edition::V2021),
                EditionArg::edition,
            );
            print_out(&Report::blank(edition, year, agency).to_json())
        }
        Command::Rules { format, long } => match format {
            OutputFormat::Human => print_out(&human::rules(long)),
            OutputFormat::Json => {
                let rules: Vec<_> = report_core::rules::catalogue().collect();
                print_out(&to_json(&rules))
            }
        },
        Command::Schema => print_out(report_core::schema::report_schema_text().trim_end()),
        Command::Import {
            file,
            output,
            format,
            previous,
        } => commands::import::run(&file, output.as_deref(), format, previous.as_deref()),
        Command::Render { file, to, output } => commands::render::run(&file, to, output.as_deref()),
    }
}
