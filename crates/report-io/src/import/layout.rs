//! Text as `pdftotext -layout` prints a PDF: columns aligned with spaces, paragraphs hard-wrapped
//! with the first line indented, table labels broken over several lines (sometimes one character
//! a line), page numbers between the lines.

use super::interpret::heading;
use crate::blocks::{Block, Source};
use crate::text::is_value;

/// The blocks of layout text.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut section = 0u8;
    let mut paragraph: Option<(String, Source)> = None;
    let mut fragments: Vec<String> = Vec::new();
    let flush = |paragraph: &mut Option<(String, Source)>, out: &mut Vec<Block>| {
        if let Some((text, source)) = paragraph.take() {
            out.push(Block::para(text, source));
        }
    };
    for (i, line) in text.lines().enumerate() {
        let source = Source::line(i + 1);
        let trimmed = line.trim();
        if trimmed.is_empty() || is_page_number(trimmed) {
            continue;
        }
        if let Some((number, _)) = heading(trimmed) {
            if number > section {
                flush(&mut paragraph, &mut out);
                fragments.clear();
                section = number;
                out.push(Block::para(trimmed, source));
                continue;
            }
        }
        if matches!(section, 2..=4) {
            match table_row(trimmed) {
                Some((labels, values)) => {
                    let mut cells = std::mem::take(&mut fragments);
                    cells.extend(labels);
                    cells.extend(values);
                    out.push(Block::row(cells, source));
                }
                None => fragments.push(trimmed.split_whitespace().collect::<String>()),
            }
            continue;
        }
        let indented = line.len() - line.trim_start().len() >= 2;
        match paragraph.as_mut() {
            Some((text, _)) if !indented => text.push_str(trimmed),
            _ => {
                flush(&mut paragraph, &mut out);
                paragraph = Some((trimmed.to_owned(), source));
            }
        }
    }
    flush(&mut paragraph, &mut out);
    out
}

/// "-3-", "- 3 -", "3": a page number line.
pub(crate) fn is_page_number(line: &str) -> bool {
    let inner = line.trim_matches(|c: char| c == '-' || c == '—' || c.is_whitespace());
    !inner.is_empty()
        && inner.len() <= 3
        && inner.chars().all(|c| c.is_ascii_digit())
        && line.contains('-')
}

/// A line ending in numbers: its label parts (split where two or more spaces are) and its values.
fn table_row(line: &str) -> Option<(Vec<String>, Vec<String>)> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let values = tokens.iter().rev().take_while(|t| is_value(t)).count();
    if values == 0 {
        return None;
    }
    let label_tokens = tokens.len() - values;
    // Find where the label part ends in the line to split it at wide gaps.
    let mut labels = Vec::new();
    if label_tokens > 0 {
        let mut rest = line.trim();
        let mut label_text = String::new();
        for token in &tokens[..label_tokens] {
            let at = rest.find(token).unwrap_or(0);
            let gap = &rest[..at];
            if gap.len() >= 2 && !label_text.is_empty() {
                labels.push(std::mem::take(&mut label_text));
            }
            label_text.push_str(token);
            rest = &rest[at + token.len()..];
        }
        if !label_text.is_empty() {
            labels.push(label_text);
        }
    }
    Some((
        labels,
        tokens[label_tokens..]
            .iter()
            .map(|t| (*t).to_owned())
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_label_parts_apart() {
        let (labels, values) =
            table_row("本            2.其他法律行政法规禁止公开     30          1        0")
                .expect("a row");
        assert_eq!(labels, ["本", "2.其他法律行政法规禁止公开"]);
        assert_eq!(values, ["30", "1", "0"]);
        assert!(table_row("信息内容   本年制发件数").is_none());
        assert!(is_page_number("-3-") && is_page_number("  - 12 -") && !is_page_number("2024"));
    }
}
