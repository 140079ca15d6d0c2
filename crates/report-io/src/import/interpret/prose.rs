//! The prose: 一 as one text or five sub-parts, 五 and 六; template placeholders are not text.

use std::collections::BTreeMap;

use report_core::{ProseField, Report, Source};

use crate::blocks::Block;
use crate::text::normalise;

/// The placeholders of the official template, which are not a report's text.
pub(super) const TEMPLATE_PLACEHOLDERS: [&str; 2] = [
    "（文字描述）",
    "（文字描述，收取信息处理费情况在此处报告。）",
];

pub(super) fn paragraphs(blocks: &[&Block]) -> Vec<String> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Para { text, .. } if !text.trim().is_empty() => Some(text.trim().to_owned()),
            _ => None,
        })
        .filter(|p| {
            !TEMPLATE_PLACEHOLDERS
                .iter()
                .any(|t| normalise(t) == normalise(p))
        })
        .collect()
}

pub(super) fn prose(blocks: &[&Block]) -> Option<String> {
    let text = paragraphs(blocks).join("\n");
    (!text.is_empty()).then_some(text)
}

/// Words that open the preface of a report (导语): what it is drawn up under and what it covers.
const PREFACE_WORDS: [&str; 6] = [
    "本报告",
    "本年度报告",
    "根据《",
    "依据《",
    "按照《",
    "统计期限",
];

/// The preface (导语): the sentences between the title and 一、总体情况 that speak of the report
/// itself ("本报告根据《条例》……编制……统计期限自…起至…止……"), with where its first paragraph
/// is. Lines of a portal's page or of the title (dates, sources, the title wrapped) are not
/// sentences and are left out; so is anything before the last line that names the report.
pub(super) fn preface(preamble: &[&Block]) -> Option<(String, Source)> {
    let paras: Vec<(&str, Source)> = preamble
        .iter()
        .filter_map(|b| match b {
            Block::Para { text, source } if !text.trim().is_empty() => Some((text.trim(), *source)),
            _ => None,
        })
        .collect();
    let opens = |p: &str| {
        let norm = normalise(p);
        PREFACE_WORDS.iter().any(|w| norm.contains(w)) && norm.contains('。')
    };
    let first = paras.iter().position(|(p, _)| opens(p))?;
    // The preface runs on while its paragraphs are sentences (a wrapped paragraph's lines end
    // without a full stop, the last one with it).
    let mut kept: Vec<&str> = Vec::new();
    // A page's text run into one paragraph carries the page's lines and the title before the
    // preface ("当前位置：首页… 来源：… 全真版 文字版 根据《条例》…"): they end no sentence, and
    // the preface starts at its first opening words.
    let (head, _) = paras[first];
    let start = PREFACE_WORDS
        .iter()
        .filter_map(|w| head.find(w))
        .min()
        .filter(|&at| !head[..at].contains('。'))
        .unwrap_or(0);
    kept.push(&head[start..]);
    for (p, _) in &paras[first + 1..] {
        let norm = normalise(p);
        if norm.chars().count() < 8 && !norm.ends_with('。') {
            break;
        }
        kept.push(p);
    }
    let text = kept.join("\n");
    (!text.is_empty()).then(|| (text, paras[first].1))
}

pub(super) fn read_overview(report: &mut Report, blocks: &[&Block]) {
    const FIELDS: [ProseField; 5] = [
        ProseField::ProactiveDisclosure,
        ProseField::DisclosureOnRequest,
        ProseField::InformationManagement,
        ProseField::Platforms,
        ProseField::Oversight,
    ];
    let mut parts: BTreeMap<ProseField, Vec<String>> = BTreeMap::new();
    let mut field = ProseField::Summary;
    for p in paragraphs(blocks) {
        let norm = normalise(&p);
        let sub = ["（一）", "（二）", "（三）", "（四）", "（五）"]
            .iter()
            .position(|h| norm.starts_with(h));
        if let Some(i) = sub {
            field = FIELDS[i];
            // A heading on its own line is the format's, not the report's text.
            if norm.chars().count() <= 20 && !norm.contains('。') {
                parts.entry(field).or_default();
                continue;
            }
        }
        parts.entry(field).or_default().push(p);
    }
    for (field, lines) in parts {
        let text = (!lines.is_empty()).then(|| lines.join("\n"));
        if matches!(field, ProseField::Problems | ProseField::OtherMatters) {
            continue;
        }
        let slot = report.prose_mut(field);
        *slot = text;
    }
}

// ---------------------------------------------------------------------------------------------
// Rows: telling labels from values
// ---------------------------------------------------------------------------------------------
