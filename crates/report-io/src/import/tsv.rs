//! Text from Word or a web page: paragraphs as lines, table rows as tab-separated cells.

use crate::blocks::{Block, Source};

/// The blocks of tab-separated text.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let source = Source::line(i + 1);
            if line.contains('\t') {
                Block::row(
                    line.split('\t').map(|c| c.trim().to_owned()).collect(),
                    source,
                )
            } else {
                Block::para(line.trim(), source)
            }
        })
        .collect()
}
