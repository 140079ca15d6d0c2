//! Text output for people: check results grouped by table, and the rule catalogue.

use std::fmt::Write;

use report_core::message::{edition_short_zh, table_title_zh};
use report_core::{CheckResult, Diagnostic, Lang, Severity, TableId};

use crate::{Checked, Loaded};

fn severity_label(severity: Severity, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => severity.zh(),
        Lang::En => severity.en(),
    }
}

fn counts_line(result: &CheckResult, lang: Lang) -> String {
    let c = result.counts;
    match lang {
        Lang::Zh => format!(
            "{} 个错误 · {} 个警告 · {} 个提示",
            c.errors, c.warnings, c.infos
        ),
        Lang::En => format!(
            "{} errors · {} warnings · {} notes",
            c.errors, c.warnings, c.infos
        ),
    }
}

/// The group a diagnostic is listed under: its table, or the prose and metadata.
fn group_of(d: &Diagnostic) -> Option<TableId> {
    d.table()
}

/// The first line of a diagnostic of either kind: severity, code, message.
fn write_headline(out: &mut String, severity: Severity, code: &str, message: &str, lang: Lang) {
    let _ = writeln!(
        out,
        "    {} {code}  {message}",
        severity_label(severity, lang)
    );
}

fn write_group(
    out: &mut String,
    title: &str,
    diagnostics: &[&Diagnostic],
    loaded: &Loaded,
    lang: Lang,
) {
    let _ = writeln!(out, "\n  {title}");
    for d in diagnostics {
        write_headline(out, d.severity, d.code, &d.message, lang);
        if !d.cells.is_empty() {
            let shown: Vec<&str> = d.cells.iter().take(8).map(String::as_str).collect();
            let more = if d.cells.len() > 8 {
                match lang {
                    Lang::Zh => format!(" 等 {} 处", d.cells.len()),
                    Lang::En => format!(" and {} more", d.cells.len() - 8),
                }
            } else {
                String::new()
            };
            let label = if lang == Lang::Zh {
                "位置："
            } else {
                "at: "
            };
            let _ = writeln!(out, "        {label}{}{more}", shown.join(" "));
        }
        if let Some(source) = loaded.source_of(d) {
            if lang == Lang::Zh {
                let _ = writeln!(out, "        原文：{}", source.describe_zh());
            } else {
                let _ = writeln!(
                    out,
                    "        source: {}",
                    serde_json::to_string(&source).unwrap_or_default()
                );
            }
        }
    }
}

fn write_report(out: &mut String, path: &str, loaded: &Loaded, result: &CheckResult, lang: Lang) {
    let report = &loaded.report;
    match lang {
        Lang::Zh => {
            let _ = writeln!(out, "{path}");
            let _ = writeln!(
                out,
                "  {} {} 年度报告（{}）",
                if report.agency.is_empty() {
                    "（未填机关）"
                } else {
                    &report.agency
                },
                report.year,
                edition_short_zh(report.edition)
            );
            let verdict = if result.valid { "通过" } else { "未通过" };
            let _ = writeln!(out, "  {verdict}：{}", counts_line(result, lang));
        }
        Lang::En => {
            let _ = writeln!(out, "{path}");
            let _ = writeln!(
                out,
                "  {} {} ({} format)",
                report.agency,
                report.year,
                report.edition.key()
            );
            let verdict = if result.valid { "valid" } else { "invalid" };
            let _ = writeln!(out, "  {verdict}: {}", counts_line(result, lang));
        }
    }
    if !loaded.import.is_empty() {
        let title = if lang == Lang::Zh { "导入" } else { "Import" };
        let _ = writeln!(out, "\n  {title}");
        for d in &loaded.import {
            write_headline(out, d.severity, d.code, &d.message, lang);
        }
    }
    let mut groups: Vec<Option<TableId>> = Vec::new();
    for d in &result.diagnostics {
        if !groups.contains(&group_of(d)) {
            groups.push(group_of(d));
        }
    }
    // Tables in printed order; prose and metadata after them.
    groups.sort_by_key(|g| g.map_or(usize::MAX, |t| t as usize));
    for group in groups {
        let mut members: Vec<&Diagnostic> = result
            .diagnostics
            .iter()
            .filter(|d| group_of(d) == group)
            .collect();
        // Errors first; within a severity, the order of the places named.
        members.sort_by_key(|d| d.severity);
        let title = match lang {
            Lang::Zh => table_title_zh(group),
            Lang::En => group.map_or("Prose and metadata".to_owned(), |t| {
                t.english_name().to_owned()
            }),
        };
        write_group(out, &title, &members, loaded, lang);
    }
}

/// The text of `nianbao check` for every file.
pub fn check_results(results: &[Checked], lang: Lang) -> String {
    let mut out = String::new();
    for (i, (path, outcome)) in results.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match outcome {
            Ok((loaded, result)) => write_report(&mut out, path, loaded, result, lang),
            Err(err) => {
                let label = if lang == Lang::Zh {
                    "无法读取"
                } else {
                    "unreadable"
                };
                let _ = writeln!(out, "{path}\n  {label}：{}", err.message);
            }
        }
    }
    if results.len() > 1 {
        let unreadable = results.iter().filter(|(_, r)| r.is_err()).count();
        let failing = results
            .iter()
            .filter(|(_, r)| r.as_ref().is_ok_and(|(_, c)| !c.valid))
            .count();
        let _ = match lang {
            Lang::Zh => writeln!(
                out,
                "\n共 {} 个文件：{} 个通过，{} 个有错误，{} 个无法读取。",
                results.len(),
                results.len() - unreadable - failing,
                failing,
                unreadable
            ),
            Lang::En => writeln!(
                out,
                "\n{} files: {} valid, {} with errors, {} unreadable.",
                results.len(),
                results.len() - unreadable - failing,
                failing,
                unreadable
            ),
        };
    }
    out
}

/// The text of `nianbao rules`.
pub fn rules(long: bool) -> String {
    let mut out = String::new();
    for meta in report_core::rules::catalogue() {
        let previous = if meta.needs_previous {
            "（需上年报告）"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{}  {}  {}{previous}",
            meta.code,
            meta.severity.zh(),
            meta.title_zh
        );
        if long {
            let _ = writeln!(out, "    {}\n", meta.explanation_zh);
        }
    }
    if !long {
        out.push_str("\n用 `nianbao rules --long` 查看每条规则的说明。\n");
    }
    out
}
