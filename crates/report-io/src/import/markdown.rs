//! Markdown as OCR tools print it: pipe tables (often split into several blocks, headers lost),
//! headings with `#`, emphasis marks.

use crate::blocks::{Block, Source};

/// The blocks of Markdown text.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let source = Source::line(i + 1);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with('|') {
            let inner = trimmed.trim_start_matches('|').trim_end_matches('|');
            let cells: Vec<String> = inner.split('|').map(|c| clean(c.trim())).collect();
            // The separator row under a header: | --- | :---: |
            if cells
                .iter()
                .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
            {
                continue;
            }
            out.push(Block::row(cells, source));
        } else {
            out.push(Block::para(
                clean(trimmed.trim_start_matches('#').trim()),
                source,
            ));
        }
    }
    out
}

/// Drops emphasis marks and HTML line breaks that OCR output keeps in cells.
fn clean(text: &str) -> String {
    text.replace("**", "")
        .replace("<br>", "")
        .replace("<br/>", "")
        .replace("<br />", "")
        .replace('`', "")
}
