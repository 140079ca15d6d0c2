//! Text output for people: check results grouped by table, and the rule catalogue.

use std::fmt::Write;

use report_core::message::edition_short_zh;
use report_core::{CheckResult, Diagnostic, Lang, Severity};

use crate::batch::Checked;
use crate::load::Loaded;

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

/// The first line of a diagnostic of either kind: severity, code, message.
fn write_headline(out: &mut String, severity: Severity, code: &str, message: &str, lang: Lang) {
    let _ = writeln!(
        out,
        "    {} {code}  {message}",
        severity_label(severity, lang)
    );
}

fn write_group(out: &mut String, title: &str, diagnostics: &[&Diagnostic], lang: Lang) {
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
        if let Some(source) = d.source {
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
    for (title, members) in report_core::message::grouped(&result.diagnostics, lang) {
        write_group(out, &title, &members, lang);
    }
}

/// Lays out rows as a table with columns padded to their display width (a Chinese character
/// is two columns wide); numbers are right-aligned.
fn table(header: &[&str], rows: &[Vec<String>], numeric: &[bool]) -> String {
    use rayon::prelude::*;
    use unicode_width::UnicodeWidthStr;
    // A check of thousands of files makes a table of thousands of rows: measured and written
    // in parallel.
    let widest = |a: Vec<usize>, b: Vec<usize>| a.iter().zip(&b).map(|(x, y)| *x.max(y)).collect();
    let widths: Vec<usize> = rows
        .par_iter()
        .map(|row| row.iter().map(|c| c.width()).collect::<Vec<usize>>())
        .reduce(|| header.iter().map(|h| h.width()).collect(), widest);
    let line = |cells: &[String]| {
        let mut out = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(cell.width());
            if i > 0 {
                out.push_str("  ");
            }
            if numeric.get(i).copied().unwrap_or(false) {
                out.extend(std::iter::repeat_n(' ', pad));
                out.push_str(cell);
            } else {
                out.push_str(cell);
                if i + 1 < cells.len() {
                    out.extend(std::iter::repeat_n(' ', pad));
                }
            }
        }
        out.push('\n');
        out
    };
    let mut out = line(&header.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>());
    out.push_str(&line(
        &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>(),
    ));
    let lines: Vec<String> = rows.par_iter().map(|row| line(row)).collect();
    out.push_str(&lines.concat());
    out
}

/// The summary table of a check of several files: one row per file.
fn summary_table(results: &[Checked], lang: Lang) -> String {
    use rayon::prelude::*;
    let rows: Vec<Vec<String>> = results
        .par_iter()
        .map(|checked| match &checked.outcome {
            Ok((loaded, result)) => {
                let verdict = match (lang, result.valid) {
                    (Lang::Zh, true) => "通过".to_owned(),
                    (Lang::En, true) => "valid".to_owned(),
                    (_, false) => crate::batch::error_codes(result),
                };
                vec![
                    checked.path.clone(),
                    loaded.report.agency.clone(),
                    loaded.report.year.to_string(),
                    result.counts.errors.to_string(),
                    result.counts.warnings.to_string(),
                    verdict,
                ]
            }
            Err(_) => vec![
                checked.path.clone(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                if lang == Lang::Zh {
                    "无法读取"
                } else {
                    "unreadable"
                }
                .to_owned(),
            ],
        })
        .collect();
    let header: &[&str] = match lang {
        Lang::Zh => &["文件", "机关", "年度", "错误", "警告", "结果"],
        Lang::En => &["file", "agency", "year", "errors", "warnings", "result"],
    };
    table(header, &rows, &[false, false, true, true, true, false])
}

/// The text of `nianbao check` for every file: each report's findings (unless `summary_only`),
/// then, for several files, the summary table and the totals.
pub fn check_results(results: &[Checked], lang: Lang, summary_only: bool) -> String {
    use rayon::prelude::*;
    // Each file's section is written in parallel: with thousands of files, writing them one
    // after the other would take as long as checking them.
    let sections: Vec<String> = if summary_only {
        Vec::new()
    } else {
        results
            .par_iter()
            .map(|checked| {
                let mut out = String::new();
                match &checked.outcome {
                    Ok((loaded, result)) => {
                        write_report(&mut out, &checked.path, loaded, result, lang);
                        let note = checked.pairing.note(lang);
                        if let Some(note) = note {
                            let _ = writeln!(out, "\n  {note}");
                        }
                    }
                    Err(err) => {
                        let label = if lang == Lang::Zh {
                            "无法读取"
                        } else {
                            "unreadable"
                        };
                        let _ = writeln!(out, "{}\n  {label}：{}", checked.path, err.message);
                    }
                }
                out
            })
            .collect()
    };
    let mut out = sections.join("\n");
    if results.len() > 1 || summary_only {
        if !summary_only {
            out.push('\n');
        }
        out.push_str(&summary_table(results, lang));
        let unreadable = results.iter().filter(|c| c.outcome.is_err()).count();
        let failing = results
            .iter()
            .filter(|c| c.result().is_some_and(|r| !r.valid))
            .count();
        let warned = results
            .iter()
            .filter(|c| c.result().is_some_and(|r| r.valid && r.counts.warnings > 0))
            .count();
        let _ = match lang {
            Lang::Zh => writeln!(
                out,
                "\n共 {} 个文件：{} 个通过（其中 {} 个有警告），{} 个有错误，{} 个无法读取。",
                results.len(),
                results.len() - unreadable - failing,
                warned,
                failing,
                unreadable
            ),
            Lang::En => writeln!(
                out,
                "\n{} files: {} valid ({} with warnings), {} with errors, {} unreadable.",
                results.len(),
                results.len() - unreadable - failing,
                warned,
                failing,
                unreadable
            ),
        };
    }
    out
}

/// What `nianbao sum` tells people (on standard error): what was added up, and what makes the
/// sum unreliable.
pub fn sum_notes(results: &[Checked], total: &report_core::aggregate::Sum) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "已汇总 {} 份 {} 年度报告（{}）。",
        results.len(),
        total.report.year,
        edition_short_zh(total.report.edition)
    );
    let failing: Vec<Vec<String>> = results
        .iter()
        .filter_map(|c| {
            let (loaded, result) = c.outcome.as_ref().ok()?;
            (!result.valid).then(|| {
                vec![
                    c.path.clone(),
                    loaded.report.agency.clone(),
                    result.counts.errors.to_string(),
                    crate::batch::error_codes(result),
                ]
            })
        })
        .collect();
    if !failing.is_empty() {
        let _ = writeln!(
            out,
            "\n其中 {} 份报告本身有错误，汇总结果不可靠，请先核对：\n",
            failing.len()
        );
        out.push_str(&table(
            &["文件", "机关", "错误", "错误代码"],
            &failing,
            &[false, false, true, false],
        ));
    }
    if !total.incomplete.is_empty() {
        let shown: Vec<String> = total
            .incomplete
            .iter()
            .take(6)
            .map(|p| p.describe_zh(total.report.edition))
            .collect();
        let more = if total.incomplete.len() > 6 {
            format!(" 等共 {} 处", total.incomplete.len())
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "\n有 {} 个单元格在某份报告中空白或不是数字，汇总结果中留空：{}{more}。",
            total.incomplete.len(),
            shown.join("、")
        );
    }
    out
}

/// The text of `nianbao diff`: one row per changed place.
pub fn diff(
    changes: &[report_core::compare::Change],
    report: &report_core::Report,
    old: &str,
    new: &str,
) -> String {
    use report_core::compare::Entry;
    if changes.is_empty() {
        return format!("{old} 与 {new} 没有差别。\n");
    }
    let show = |entry: &Entry| match entry {
        Entry::Absent => "（无）".to_owned(),
        Entry::Cell(cell) if cell.is_blank() => "（空白）".to_owned(),
        Entry::Text(text) if text.chars().count() > 24 => {
            format!("（{} 字）", text.chars().count())
        }
        other => other.display().unwrap_or_default(),
    };
    let rows: Vec<Vec<String>> = changes
        .iter()
        .map(|c| {
            vec![
                c.place.describe_zh(report.edition),
                show(&c.old),
                show(&c.new),
                c.difference
                    .map(|d| {
                        if d > 0 {
                            format!("+{d}")
                        } else {
                            d.to_string()
                        }
                    })
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let mut out = format!("{old} → {new}：{} 处变化\n\n", changes.len());
    out.push_str(&table(
        &["位置", "原值", "新值", "增减"],
        &rows,
        &[false, true, true, true],
    ));
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
