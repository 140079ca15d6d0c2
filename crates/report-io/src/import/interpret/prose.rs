//! The prose: 一 as one text or five sub-parts, 五 and 六; template placeholders are not text.

use std::collections::BTreeMap;

use report_core::{ProseField, Report};

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
