//! The region's check as one self-contained web page: a headline, charts, a table of units that
//! sorts and filters, and each unit's findings.
//!
//! The page asks nothing of any host and works from `file://`: its styles, script and charts
//! are inline. What the reports say (agency names, file names, messages quoting the prose) is
//! text wherever it lands: escaped in the markup, and in the data the script reads, a JSON block
//! whose `<` are written `\u003c`, so that no report can close it. The page's
//! Content-Security-Policy allows no script but its own (by hash) and no request at all, so a
//! report that got markup through would still run nothing.
//!
//! The units are listed by the script from that data, a hundred a page: a region of ten
//! thousand reports opens as fast as one of a hundred. Printing lists every unit the filters
//! show.

use std::fmt::Write;

use base64::Engine;
use serde::Serialize;
use sha2::Digest;

use crate::figures::{self, FIGURES};
use crate::summary::{self, Tally, Verdict};
use crate::svg;
use crate::{Region, Unit};

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

pub use report_io::export::escape;

/// The name a unit is shown by: its agency, or its file when it has none.
pub fn unit_name<'a>(unit: &Unit<'a>) -> &'a str {
    match &unit.outcome {
        Ok(read) if !read.report.agency.trim().is_empty() => &read.report.agency,
        _ => unit.file,
    }
}

/// The whole page.
pub fn page(region: &Region<'_>) -> String {
    let units = &region.units;
    let tally = Tally::of(units);
    let title = title(region);
    let mut out = String::with_capacity(4096 + units.len() * 2048);
    let script_hash =
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(SCRIPT));
    let _ = write!(
        out,
        r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{script_hash}'">
<meta name="generator" content="nianbao {version}">
<title>{title}</title>
<style>{STYLE}</style>
</head>
<body>
<header class="top">
<h1>{title}</h1>
<p class="meta">{meta}</p>
</header>
<main>
"#,
        version = env!("CARGO_PKG_VERSION"),
        title = escape(&title),
        meta = escape(&meta_line(region)),
    );
    headline(&mut out, units, &tally);
    charts(&mut out, units);
    let _ = write!(
        out,
        r#"<section id="units" aria-labelledby="units-title">
<h2 id="units-title">各单位核查结果</h2>
<div class="controls">
<label>查找 <input id="filter-text" type="search" placeholder="机关名称或文件名"></label>
<label>结果 <select id="filter-verdict"><option value="">全部</option>{verdicts}</select></label>
<label>规则 <select id="filter-code"><option value="">全部</option>{codes}</select></label>
<span id="shown" class="shown" role="status"></span>
</div>
<noscript><p class="alert">此页面需要启用脚本才能列出各单位；图表和概况不受影响。</p></noscript>
<div class="table-box">
<table id="unit-table">
<thead><tr>{header}</tr></thead>
<tbody></tbody>
</table>
</div>
<nav class="pager" id="pager" aria-label="翻页"></nav>
</section>
<section id="details" aria-labelledby="details-title">
<h2 id="details-title">各单位的问题</h2>
<div id="unit-details"></div>
</section>
</main>
<script type="application/json" id="report-data">{data}</script>
<script>{SCRIPT}</script>
</body>
</html>
"#,
        verdicts = Verdict::ALL
            .iter()
            .map(|v| format!(r#"<option value="{}">{}</option>"#, v.key(), v.zh()))
            .collect::<String>(),
        codes = summary::by_rule(units)
            .iter()
            .map(|t| format!(
                r#"<option value="{code}">{code} {title}</option>"#,
                code = t.code,
                title = escape(t.title)
            ))
            .collect::<String>(),
        header = COLUMNS
            .iter()
            .map(|(key, name)| format!(
                r#"<th scope="col" aria-sort="none"><button type="button" data-sort="{key}">{name}</button></th>"#
            ))
            .collect::<String>(),
        data = data_json(units),
    );
    out
}

/// The table's columns: the key the script sorts by and the header.
const COLUMNS: [(&str, &str); 8] = [
    ("name", "机关"),
    ("year", "年度"),
    ("verdict", "结果"),
    ("errors", "错误"),
    ("warnings", "警告"),
    ("infos", "提示"),
    ("codes", "发现问题的规则"),
    ("file", "文件"),
];

/// The page's title: what was checked, and the year or years.
fn title(region: &Region<'_>) -> String {
    let mut years: Vec<u16> = region
        .units
        .iter()
        .filter_map(|u| u.outcome.as_ref().ok().map(|r| r.report.year))
        .collect();
    years.sort_unstable();
    years.dedup();
    let years = match years.as_slice() {
        [] => String::new(),
        [one] => format!("{one} 年度"),
        [first, .., last] => format!("{first}—{last} 年度"),
    };
    if region.units.len() == 1 {
        format!(
            "{}{years}政府信息公开工作年度报告核查结果",
            unit_name(&region.units[0])
        )
    } else {
        format!("{years}政府信息公开工作年度报告核查结果")
    }
}

fn meta_line(region: &Region<'_>) -> String {
    let mut parts = vec![format!("共 {} 份报告", region.units.len())];
    if let Some(date) = region.generated {
        parts.push(format!(
            "核查于 {} 年 {} 月 {} 日",
            date.year, date.month, date.day
        ));
    }
    parts.push(format!("nianbao {}", env!("CARGO_PKG_VERSION")));
    parts.join(" · ")
}

/// The headline: how many passed, failed and could not be read, and how that compares with
/// last year for the units whose report of the year before was given.
fn headline(out: &mut String, units: &[Unit<'_>], tally: &Tally) {
    out.push_str(r#"<section id="headline" aria-label="概况"><div class="tiles">"#);
    let tile = |out: &mut String, key: &str, label: &str, n: usize, note: &str| {
        let _ = write!(
            out,
            r#"<div class="tile {key}" data-count="{n}"><span class="n">{n}</span><span class="what">{label}</span>{note}</div>"#
        );
    };
    tile(out, "total", "份报告", tally.total, "");
    let warned = if tally.warned > 0 {
        format!(r#"<span class="sub">其中 {} 份有警告</span>"#, tally.warned)
    } else {
        String::new()
    };
    tile(
        out,
        "v-passed",
        "份通过",
        tally.passed + tally.warned,
        &warned,
    );
    tile(out, "v-failed", "份有错误", tally.failed, "");
    tile(out, "v-unreadable", "份无法读取", tally.unreadable, "");
    out.push_str("</div>");
    last_year(out, units);
    out.push_str("</section>\n");
}

/// The comparison with last year, over the units whose report of the year before was used.
fn last_year(out: &mut String, units: &[Unit<'_>]) {
    let paired: Vec<(&crate::Read<'_>, &crate::LastYear)> = units
        .iter()
        .filter_map(|u| u.outcome.as_ref().ok())
        .filter_map(|r| r.last_year.as_ref().map(|l| (r, l)))
        .collect();
    if paired.is_empty() {
        return;
    }
    let failed_now = paired.iter().filter(|(r, _)| !r.result.valid).count();
    let failed_then = paired.iter().filter(|(_, l)| !l.valid).count();
    let _ = write!(
        out,
        r#"<div class="last-year"><h2>与上年相比</h2><p>{n} 个单位有上年报告：有错误的 {failed_then} 份 → {failed_now} 份（{change}）。</p><table class="compare"><thead><tr><th scope="col">各单位合计</th><th scope="col">上年</th><th scope="col">本年</th><th scope="col">增减</th></tr></thead><tbody>"#,
        n = paired.len(),
        change = signed(failed_now as i64 - failed_then as i64, ""),
    );
    for (i, figure) in FIGURES.iter().enumerate() {
        // Only units with the figure in both years are added up, or the sums compare nothing.
        let both: Vec<(u64, u64)> = paired
            .iter()
            .filter_map(|(r, l)| Some((l.figures.get(i).copied()??, figure.of(r.report)?)))
            .collect();
        let then: u64 = both.iter().map(|(t, _)| t).sum();
        let now: u64 = both.iter().map(|(_, n)| n).sum();
        let percent = if then > 0 {
            format!(
                "，{:+.1}%",
                (now as f64 - then as f64) * 100.0 / then as f64
            )
        } else {
            String::new()
        };
        let _ = write!(
            out,
            r#"<tr><th scope="row">{name}（{k} 个单位）</th><td>{then}</td><td>{now}</td><td>{diff}{percent}</td></tr>"#,
            name = figure.name,
            k = both.len(),
            diff = signed(now as i64 - then as i64, ""),
        );
    }
    out.push_str("</tbody></table></div>");
}

fn signed(n: i64, unit: &str) -> String {
    if n > 0 {
        format!("+{n}{unit}")
    } else if n == 0 {
        "持平".to_owned()
    } else {
        format!("{n}{unit}")
    }
}

fn charts(out: &mut String, units: &[Unit<'_>]) {
    let dots: Vec<svg::Dot<'_>> = units
        .iter()
        .enumerate()
        .map(|(index, u)| svg::Dot {
            index,
            name: unit_name(u),
            verdict: Verdict::of(u),
        })
        .collect();
    let tallies = summary::by_rule(units);
    out.push_str(r#"<section id="charts" aria-label="图表"><div class="charts">"#);
    let _ = write!(
        out,
        r#"<figure class="wide"><figcaption>各规则发现问题的单位数</figcaption>{chart}{empty}<p class="legend"><span class="key s-error"><i></i>错误</span><span class="key s-warning"><i></i>警告</span><span class="key s-info"><i></i>提示</span></p></figure>"#,
        chart = svg::rules(&tallies, units.len()),
        empty = if tallies.is_empty() {
            r#"<p class="empty">没有发现任何问题。</p>"#
        } else {
            ""
        },
    );
    let legend: String = Verdict::ALL
        .iter()
        .map(|&v| {
            format!(
                r#"<span class="key v-{k}"><i></i>{name} {n}</span>"#,
                k = v.key(),
                name = v.zh(),
                n = dots.iter().filter(|d| d.verdict == v).count()
            )
        })
        .collect();
    let _ = write!(
        out,
        r#"<figure><figcaption>各单位核查结果（每格一个单位）</figcaption>{chart}<p class="legend">{legend}</p></figure>"#,
        chart = svg::results(&dots),
    );
    for (i, figure) in FIGURES.iter().enumerate() {
        let values = figure_values(units, i);
        let shown: Vec<(svg::Dot<'_>, u64)> = values
            .iter()
            .zip(&dots)
            .filter_map(|(v, d)| {
                v.map(|v| {
                    (
                        svg::Dot {
                            index: d.index,
                            name: d.name,
                            verdict: d.verdict,
                        },
                        v,
                    )
                })
            })
            .collect();
        let missing = units.len() - shown.len();
        let note = if missing > 0 {
            format!(r#"<p class="note">{missing} 个单位此项空白或无法读取，未画出。</p>"#)
        } else {
            String::new()
        };
        let _ = write!(
            out,
            r#"<figure class="wide"><figcaption>{name}（件）：各单位的分布，每点一个单位</figcaption>{chart}{note}</figure>"#,
            name = figure.name,
            chart = svg::spread(i, figure.name, &shown, figures::median(&values)),
        );
    }
    out.push_str("</div></section>\n");
}

/// The `i`th figure of every unit, `None` for units unread or without it.
fn figure_values(units: &[Unit<'_>], i: usize) -> Vec<Option<u64>> {
    units
        .iter()
        .map(|u| {
            u.outcome
                .as_ref()
                .ok()
                .and_then(|r| FIGURES[i].of(r.report))
        })
        .collect()
}

/// What the script lists: every unit with its findings, grouped as the command line shows them.
#[derive(Serialize)]
struct UnitData<'a> {
    name: &'a str,
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    agency: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    edition: Option<&'static str>,
    verdict: &'static str,
    verdict_zh: &'static str,
    errors: usize,
    warnings: usize,
    infos: usize,
    /// The codes found, each once: what the rule filter matches.
    codes: Vec<&'static str>,
    /// The codes as the table shows them: errors' then warnings', with counts.
    code_text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    figures: Vec<FigureData>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_year: Option<LastYearData<'a>>,
    groups: Vec<GroupData>,
}

#[derive(Serialize)]
struct FigureData {
    name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rank: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    of: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    median: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last: Option<u64>,
}

#[derive(Serialize)]
struct LastYearData<'a> {
    file: &'a str,
    verdict_zh: &'static str,
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct GroupData {
    title: String,
    findings: Vec<FindingData>,
}

#[derive(Serialize)]
struct FindingData {
    severity: &'static str,
    severity_zh: &'static str,
    code: &'static str,
    title: &'static str,
    message: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    places: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
}

fn data_json(units: &[Unit<'_>]) -> String {
    let values: Vec<Vec<Option<u64>>> = (0..FIGURES.len())
        .map(|i| figure_values(units, i))
        .collect();
    let standings: Vec<Vec<Option<figures::Standing>>> =
        values.iter().map(|v| figures::standings(v)).collect();
    let medians: Vec<Option<u64>> = values.iter().map(|v| figures::median(v)).collect();
    let data: Vec<UnitData<'_>> = units
        .iter()
        .enumerate()
        .map(|(at, unit)| {
            let verdict = Verdict::of(unit);
            let read = unit.outcome.as_ref().ok();
            let counts = read.map(|r| r.result.counts).unwrap_or_default();
            let mut codes: Vec<&'static str> = Vec::new();
            for d in read.iter().flat_map(|r| &r.result.diagnostics) {
                if !codes.contains(&d.code) {
                    codes.push(d.code);
                }
            }
            let code_text = [report_core::Severity::Error, report_core::Severity::Warning]
                .iter()
                .map(|&s| summary::codes(unit, s))
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            let figures = FIGURES
                .iter()
                .enumerate()
                .map(|(i, f)| FigureData {
                    name: f.name,
                    value: values[i][at],
                    rank: standings[i][at].map(|s| s.rank),
                    of: standings[i][at].map(|s| s.of),
                    median: medians[i],
                    last: read
                        .and_then(|r| r.last_year.as_ref())
                        .and_then(|l| l.figures.get(i).copied().flatten()),
                })
                .collect();
            UnitData {
                name: unit_name(unit),
                file: unit.file,
                agency: read.map(|r| r.report.agency.as_str()),
                year: read.map(|r| r.report.year),
                edition: read.map(|r| report_core::message::edition_short_zh(r.report.edition)),
                verdict: verdict.key(),
                verdict_zh: verdict.zh(),
                errors: counts.errors,
                warnings: counts.warnings,
                infos: counts.infos,
                codes,
                code_text,
                why: unit.outcome.as_ref().err().copied(),
                note: unit.note.as_deref(),
                figures,
                last_year: read
                    .and_then(|r| r.last_year.as_ref())
                    .map(|l| LastYearData {
                        file: &l.file,
                        verdict_zh: if l.valid { "通过" } else { "有错误" },
                        errors: l.errors,
                        warnings: l.warnings,
                    }),
                groups: read.map(|r| groups(r)).unwrap_or_default(),
            }
        })
        .collect();
    let json = serde_json::to_string(&data).unwrap_or_else(|_| "[]".to_owned());
    script_safe(&json)
}

/// A unit's findings, grouped and worded as `nianbao check` prints them.
fn groups(read: &crate::Read<'_>) -> Vec<GroupData> {
    let edition = read.report.edition;
    report_core::message::grouped(&read.result.diagnostics, report_core::Lang::Zh)
        .into_iter()
        .map(|(title, members)| GroupData {
            title,
            findings: members
                .into_iter()
                .map(|d| FindingData {
                    severity: match d.severity {
                        report_core::Severity::Error => "error",
                        report_core::Severity::Warning => "warning",
                        report_core::Severity::Info => "info",
                    },
                    severity_zh: d.severity.zh(),
                    code: d.code,
                    title: report_core::message::code_title_zh(d.code).unwrap_or(""),
                    message: d.message.clone(),
                    places: report_core::message::list_zh(&d.places, edition),
                    source: d.source.map(|s| s.describe_zh()),
                })
                .collect(),
        })
        .collect()
}

/// JSON that can sit in a `<script>` element: nothing in it can end the element or start a
/// comment, whatever the reports say.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}
