//! Text as `pdftotext -layout` prints a PDF: columns aligned with spaces, paragraphs hard-wrapped
//! with the first line indented, table labels broken over several lines (sometimes one character
//! a line), page numbers between the lines.

use super::interpret::heading;
use crate::blocks::{Block, Source};
use crate::text::is_value;

/// The blocks of layout text.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    read(text, true)
}

/// The blocks of layout text rebuilt from text copied one cell a line, whose lines are cells,
/// not printed lines: no label is wrapped around its numbers, and no number over two lines.
pub(crate) fn rebuilt_blocks(text: &str) -> Vec<Block> {
    read(text, false)
}

fn read(text: &str, printed: bool) -> Vec<Block> {
    let mut out = Vec::new();
    let mut section = 0u8;
    let mut paragraph: Option<(String, Source)> = None;
    let mut fragments: Vec<String> = Vec::new();
    // For each fragment: where it starts, when it is one piece of text (a line of one label
    // column, not of two columns side by side).
    let mut columns: Vec<Option<usize>> = Vec::new();
    // A label wrapped in its cell is printed around the row's numbers, centred: as many lines
    // below them as above (a cell of two lines with the numbers between them). The row just
    // read (its index in `out` and where its label ends) and how many lines below it are its
    // own.
    let mut tail: Option<(usize, usize, usize, usize)> = None;
    // The row on the line just above: its index in `out`, how many numbers it printed and
    // whether it printed a label. A line of fewer numbers and no label next to a row's line
    // holds that row's numbers wrapped in their narrow cells ("3001" printed as "300" over
    // "1", above or below the row's line): no reading can tell which number is in which cell.
    let mut above: Option<(usize, usize, bool)> = None;
    let flush = |paragraph: &mut Option<(String, Source)>, out: &mut Vec<Block>| {
        if let Some((text, source)) = paragraph.take() {
            out.push(Block::para(text, source));
        }
    };
    for (i, line) in text.lines().enumerate() {
        let source = Source::line(i + 1);
        let trimmed = line.trim();
        if trimmed.is_empty() || is_page_number(trimmed) {
            // A gap ends the row: what follows it is not its label. (Its numbers may still go
            // on after a page break.)
            tail = None;
            continue;
        }
        if let Some((number, _)) = heading(trimmed) {
            if number > section {
                flush(&mut paragraph, &mut out);
                fragments.clear();
                columns.clear();
                section = number;
                out.push(Block::para(trimmed, source));
                continue;
            }
        }
        if matches!(section, 2..=4) {
            match table_row(trimmed) {
                Some((labels, values)) => {
                    match above.filter(|_| printed) {
                        // Wrapped parts under the row: they join it, and it is reported.
                        Some((row, printed, true))
                            if labels.is_empty() && values.len() < printed =>
                        {
                            if let Some(Block::Row { cells, wrapped, .. }) = out.get_mut(row) {
                                cells.extend(values);
                                *wrapped = true;
                            }
                            continue;
                        }
                        // Wrapped parts over the row: the row takes them in, and is reported.
                        Some((row, printed, false))
                            if !labels.is_empty()
                                && printed < values.len()
                                && row + 1 == out.len() =>
                        {
                            if let Some(Block::Row { mut cells, .. }) = out.pop() {
                                let heads = cells.len() - printed;
                                let parts = cells.split_off(heads);
                                // Its label's lines below, if any, go after the label.
                                tail = tail.map(|(_, _, left, column)| {
                                    (out.len(), heads + labels.len(), left, column)
                                });
                                cells.extend(labels);
                                cells.extend(parts);
                                cells.extend(values);
                                let count = cells.len();
                                out.push(Block::Row {
                                    cells,
                                    source,
                                    run_together: false,
                                    covered: Vec::new(),
                                    wrapped: true,
                                });
                                above = Some((out.len() - 1, count, true));
                            }
                            continue;
                        }
                        _ => {}
                    }
                    above = Some((out.len(), values.len(), !labels.is_empty()));
                    let mut cells = std::mem::take(&mut fragments);
                    let starts = std::mem::take(&mut columns);
                    let above = cells.len();
                    // Only a label of one column above, every line starting where the first
                    // does, is taken to go on below (as many lines as above, at that column);
                    // the lines below go after the row's own label.
                    let column = starts.first().copied().flatten();
                    let one_column = column.is_some() && starts.iter().all(|&c| c == column);
                    let own = above + labels.len();
                    // A longer run above is a table's caption and header, not a label.
                    tail = (printed && one_column && (1..=2).contains(&above))
                        .then(|| (out.len(), own, above, column.unwrap_or_default()));
                    cells.extend(labels);
                    cells.extend(values);
                    out.push(Block::row(cells, source));
                }
                None => {
                    above = None;
                    let text = trimmed.split_whitespace().collect::<String>();
                    let indent = line.len() - line.trim_start().len();
                    let single = !trimmed.contains("  ");
                    let start = single.then_some(indent);
                    match tail.as_mut() {
                        Some((row, at, left, column)) if *left > 0 && start == Some(*column) => {
                            if let Some(Block::Row { cells, .. }) = out.get_mut(*row) {
                                cells.insert(*at, text);
                            }
                            *at += 1;
                            *left -= 1;
                        }
                        _ => {
                            tail = None;
                            fragments.push(text);
                            columns.push(start);
                        }
                    }
                }
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
