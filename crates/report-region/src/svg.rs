//! The region page's charts, drawn as inline SVG: one mark for each rule or unit, each mark
//! with a tooltip saying what it stands for. Colours come from the page's styles, so that the
//! charts match the table and print as they show.

use std::fmt::Write;

use crate::html::escape;
use crate::summary::{RuleTally, Verdict};

/// The width the charts are drawn at; they scale to the page.
const WIDTH: f64 = 720.0;

/// Findings by rule: one bar per code, as long as the number of units it was found in.
pub fn rules(tallies: &[RuleTally], units: usize) -> String {
    const ROW: f64 = 26.0;
    const LABEL: f64 = 300.0;
    let height = ROW * tallies.len() as f64 + 8.0;
    let mut out = format!(
        r#"<svg class="chart" id="chart-rules" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="各规则发现问题的单位数">"#
    );
    let most = tallies.iter().map(|t| t.units).max().unwrap_or(1).max(1) as f64;
    let room = WIDTH - LABEL - 150.0;
    for (i, t) in tallies.iter().enumerate() {
        let y = 4.0 + ROW * i as f64;
        let length = (t.units as f64 / most * room).max(2.0);
        let share = if units > 0 {
            t.units as f64 * 100.0 / units as f64
        } else {
            0.0
        };
        let _ = write!(
            out,
            r#"<g class="mark s-{severity}" data-code="{code}"><title>{code} {title}：{n} 个单位，{f} 处</title><text x="0" y="{ty}" class="label"><tspan class="code">{code}</tspan> {title}</text><rect x="{LABEL}" y="{ry}" width="{length:.1}" height="{h}" rx="2"/><text x="{tx:.1}" y="{ty}" class="value">{n} 个单位（{share:.0}%）· {f} 处</text></g>"#,
            severity = severity_key(t.severity),
            code = t.code,
            title = escape(t.title),
            n = t.units,
            f = t.findings,
            ty = y + 16.0,
            ry = y + 4.0,
            h = ROW - 8.0,
            tx = LABEL + length + 6.0,
        );
    }
    out.push_str("</svg>");
    out
}

fn severity_key(severity: report_core::Severity) -> &'static str {
    match severity {
        report_core::Severity::Error => "error",
        report_core::Severity::Warning => "warning",
        report_core::Severity::Info => "info",
    }
}

/// One unit as a chart shows it.
pub struct Dot<'a> {
    /// Its index in the region's list.
    pub index: usize,
    /// Its name.
    pub name: &'a str,
    /// Its verdict.
    pub verdict: Verdict,
}

/// Units by result: one square per unit, coloured by its verdict, grouped worst first.
pub fn results(dots: &[Dot<'_>]) -> String {
    let n = dots.len().max(1);
    // About three columns for each row, within reason.
    let columns = ((n as f64 * 3.0).sqrt().ceil() as usize).clamp(20, 120);
    let size = WIDTH / columns as f64;
    let rows = n.div_ceil(columns);
    let height = size * rows as f64;
    let mut out = format!(
        r#"<svg class="chart" id="chart-results" viewBox="0 0 {WIDTH} {height:.1}" role="img" aria-label="各单位核查结果，每个方块是一个单位">"#
    );
    let mut order: Vec<&Dot<'_>> = dots.iter().collect();
    order.sort_by_key(|d| (std::cmp::Reverse(d.verdict), d.index));
    for (at, dot) in order.iter().enumerate() {
        let (row, column) = (at / columns, at % columns);
        let _ = write!(
            out,
            r#"<rect class="mark v-{key}" data-unit="{i}" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{w:.1}"><title>{name}：{verdict}</title></rect>"#,
            key = dot.verdict.key(),
            i = dot.index,
            x = column as f64 * size + size * 0.08,
            y = row as f64 * size + size * 0.08,
            w = size * 0.84,
            name = escape(dot.name),
            verdict = dot.verdict.zh(),
        );
    }
    out.push_str("</svg>");
    out
}

/// A figure's spread across the region: one dot per unit that has it, on a logarithmic scale
/// (counts run from none to thousands), with the median marked.
pub fn spread(id: usize, name: &str, dots: &[(Dot<'_>, u64)], median: Option<u64>) -> String {
    // Room on both sides for the first and last ticks' labels.
    const LEFT: f64 = 24.0;
    const HEIGHT: f64 = 96.0;
    const MIDDLE: f64 = 40.0;
    let top = dots.iter().map(|(_, v)| *v).max().unwrap_or(0);
    // The scale ends at the next power of ten, so that ticks fall on round numbers.
    let mut end = 10u64;
    while end < top {
        end = end.saturating_mul(10);
    }
    let room = WIDTH - 2.0 * LEFT;
    let x = |v: u64| LEFT + ((v as f64 + 1.0).log10() / (end as f64 + 1.0).log10()) * room;
    let mut out = format!(
        r#"<svg class="chart spread" id="chart-figure-{id}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{name}：各单位的分布">"#,
        name = escape(name)
    );
    let _ = write!(
        out,
        r#"<line class="axis" x1="{LEFT}" x2="{r}" y1="{a}" y2="{a}"/>"#,
        r = WIDTH - LEFT,
        a = HEIGHT - 26.0
    );
    let mut tick = 0u64;
    loop {
        let _ = write!(
            out,
            r#"<text class="tick" x="{tx:.1}" y="{ty}">{tick}</text>"#,
            tx = x(tick),
            ty = HEIGHT - 8.0
        );
        if tick >= end {
            break;
        }
        tick = if tick == 0 { 1 } else { tick * 10 };
    }
    if let Some(m) = median {
        let _ = write!(
            out,
            r#"<line class="median" x1="{mx:.1}" x2="{mx:.1}" y1="6" y2="{b}"/><text class="median-label" x="{lx:.1}" y="12">中位数 {m}</text>"#,
            mx = x(m),
            lx = x(m) + 4.0,
            b = HEIGHT - 26.0
        );
    }
    for (dot, value) in dots {
        // Dots of equal value are spread up and down, always the same way for the same unit.
        let jitter = ((dot.index * 37) % 23) as f64 - 11.0;
        let _ = write!(
            out,
            r#"<circle class="mark v-{key}" data-unit="{i}" cx="{cx:.1}" cy="{cy:.1}" r="4"><title>{who}：{value}</title></circle>"#,
            key = dot.verdict.key(),
            i = dot.index,
            cx = x(*value),
            cy = MIDDLE + jitter * 1.6,
            who = escape(dot.name),
        );
    }
    out.push_str("</svg>");
    out
}
