//! Text as `pdftotext -layout` prints a PDF: columns aligned with spaces, paragraphs hard-wrapped
//! with the first line indented, table labels broken over several lines (sometimes one character
//! a line), page numbers between the lines.

use super::interpret::heading;
use crate::blocks::{Block, Source};
use crate::text::is_value;

/// The token that stands for a cell printed blank where the PDF's positions show it
/// (`columns.rs`): read as an empty cell. (A private-use character, never in a document.)
pub(crate) const BLANK: &str = "\u{E000}";

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
    // A row whose label ends with a group that has items ("…（五）不予处理") and no item: its
    // item ("1.信访举报投诉类申请") is the next line that opens one, even after a page break.
    // The row's index in `out` and where its label ends.
    // So is one whose label ends with its item's number ("…（四）无法提供1."): the next line
    // that does not open an item is the item's text. The row's index in `out`, where its label
    // ends, and whether it wants a whole item (or its text).
    let mut item_wanted: Option<(usize, usize, bool)> = None;
    let flush = |paragraph: &mut Option<(String, Source)>, out: &mut Vec<Block>| {
        if let Some((text, source)) = paragraph.take() {
            out.push(Block::para(text, source));
        }
    };
    for (i, line) in text.lines().enumerate() {
        let source = Source::line(i + 1);
        // PDF tools mark a page break with a form feed at the start of the next line; it is
        // no column of the line.
        let line = line.trim_start_matches('\u{c}');
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
            match table_row_at(line) {
                Some((labels, values, last_label)) => {
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
                    // The whole label: the lines above the numbers and the numbers' own.
                    let joined: String = fragments.concat() + &labels.concat();
                    let at = fragments.len() + labels.len();
                    item_wanted = if !printed {
                        None
                    } else if ends_with_group(&joined) {
                        Some((out.len(), at, true))
                    } else if ends_with_number(&joined) {
                        Some((out.len(), at, false))
                    } else {
                        None
                    };
                    let mut cells = std::mem::take(&mut fragments);
                    let starts = std::mem::take(&mut columns);
                    let above = cells.len();
                    // The label's lines just above: every line since the last row, when they
                    // are of one column and start where the last does; or, after a table's
                    // header (repeated after a page break), the lines of one column below it.
                    // As many lines below, at that column, are the label's too; they go after
                    // the row's own label. A longer run above is a caption or a header.
                    let column = starts.last().copied().flatten();
                    let run = starts
                        .iter()
                        .rev()
                        .take_while(|&&c| c.is_some() && c == column);
                    let run = run.count();
                    let header = cells[..above - run].iter().any(|t| is_header(t));
                    let run = if run == above || header { run } else { 0 };
                    // The label starts at its item's number: a line above that is the end of
                    // the row before ("禁止公开" above "3.危及…") is not counted.
                    let label_lines = cells[above - run..above]
                        .iter()
                        .rposition(|t| opens_item(t))
                        .map_or(run, |k| run - k);
                    let own = above + labels.len();
                    // In 表三, whose labels are long, a label printed on the numbers' line
                    // alone may go on below it, in its own column ("三、本年度办理结果（六）其他"
                    // over "处理2.申请人…"): one line. (表二's rows are followed by captions.)
                    tail = if !printed {
                        None
                    } else if (1..=2).contains(&label_lines) {
                        Some((out.len(), own, label_lines, column.unwrap_or_default()))
                    } else if above == 0 && section == 3 {
                        last_label.map(|at| (out.len(), own, 1, at))
                    } else {
                        None
                    };
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
                    let wanted =
                        item_wanted.filter(|&(_, _, whole)| whole == opens_numbered_item(&text));
                    if let Some((row, at, _)) = wanted {
                        if let Some(Block::Row { cells, .. }) = out.get_mut(row) {
                            cells.insert(at, text);
                        }
                        item_wanted = None;
                        tail = None;
                        continue;
                    }
                    match tail.as_mut() {
                        // A line that opens an item ("4.保护…") is the next row's.
                        Some((row, at, left, column))
                            if *left > 0
                                && start.is_some_and(|at| at.abs_diff(*column) <= 1)
                                && !opens_item(&text) =>
                        {
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

/// Whether a label line opens an item of a table: "6.属于…", "（四）…", "三、…".
fn opens_item(text: &str) -> bool {
    crate::text::strip_numbering(text).len() < text.trim_start().len()
}

/// Whether a label ends with a group of 表三 that has items and so is no row by itself.
fn ends_with_group(label: &str) -> bool {
    use report_core::layout::RequestGroup as G;
    let label: String = label.split_whitespace().collect();
    [G::Withheld, G::Unable, G::NotProcessed, G::OtherProcessing]
        .iter()
        .any(|g| label.ends_with(g.label()))
}

/// Where a number glued to a label's item number, or to a row's whole label, starts:
/// "…提供3.１" → at "１", "行政规范性文件564" → at "564" (a narrow label cell printed right
/// against its number).
fn glued_number(token: &str) -> Option<usize> {
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let start = token
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_digit(c))
        .last()
        .map(|(at, _)| at)?;
    let label = &token[..start];
    if ends_with_row_label(label) {
        return Some(start);
    }
    let marker = label.strip_suffix(['.', '、', '．'])?;
    let numbered = marker.ends_with(|c: char| c.is_ascii_digit());
    let words = marker.chars().any(|c| !c.is_ascii_digit() && !is_digit(c));
    (numbered && words).then_some(start)
}

/// Whether text ends with the label of a row of 表二 or 表三, as either edition prints it.
fn ends_with_row_label(text: &str) -> bool {
    use report_core::layout::{Edition, ProactiveItem, RequestRow};
    let proactive = ProactiveItem::ALL.iter().map(|i| i.def().labels);
    let requests = RequestRow::ALL.iter().map(|r| r.def().labels);
    proactive.chain(requests).any(|labels| {
        Edition::ALL
            .iter()
            .filter_map(|&e| labels.get(e))
            .any(|l| text.ends_with(l))
    })
}

/// Whether a label ends with an item's number and no text: "…（四）无法提供1.".
fn ends_with_number(label: &str) -> bool {
    let label = label.trim_end();
    let Some(rest) = label.strip_suffix(['.', '、', '．']) else {
        return false;
    };
    rest.ends_with(|c: char| c.is_ascii_digit())
}

/// Whether a line opens an item numbered "1." "2、" (the rows under a group).
fn opens_numbered_item(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && line[digits..].starts_with(['.', '、', '．'])
}

/// Whether a line is part of 表三's or 表四's header: the applicants' heading, the note on the
/// column arithmetic, or the outcomes of an appeal.
fn is_header(line: &str) -> bool {
    ["申请人情况", "勾稽关系", "自然人", "结果维持", "尚未审结"]
        .iter()
        .any(|w| line.contains(w))
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
/// And the column (in characters) where its last label part starts.
fn table_row_at(line: &str) -> Option<(Vec<String>, Vec<String>, Option<usize>)> {
    // An amount printed apart from its unit ("251000 元") is one value.
    let joined;
    let line = match line.trim_end().strip_suffix('元') {
        Some(rest)
            if rest.ends_with(' ') && rest.trim_end().ends_with(|c: char| c.is_ascii_digit()) =>
        {
            joined = format!("{}元", rest.trim_end());
            joined.as_str()
        }
        _ => line,
    };
    // A narrow label cell can end right where the first number begins: "…无法提供3.１" is the
    // item "3." and the number "１" (an item's number is never followed by a digit).
    let mut tokens: Vec<&str> = Vec::new();
    for token in line.split_whitespace() {
        match glued_number(token) {
            Some(at) => tokens.extend([&token[..at], &token[at..]]),
            None => tokens.push(token),
        }
    }
    let values = tokens
        .iter()
        .rev()
        .take_while(|t| **t == BLANK || is_value(t))
        .count();
    if values == 0 {
        return None;
    }
    let label_tokens = tokens.len() - values;
    // Find where the label part ends in the line to split it at wide gaps.
    let mut labels = Vec::new();
    let mut last_start = None;
    if label_tokens > 0 {
        let mut rest = line;
        let mut label_text = String::new();
        for token in &tokens[..label_tokens] {
            let at = rest.find(token).unwrap_or(0);
            let gap = &rest[..at];
            let start = line.len() - rest.len() + at;
            if gap.len() >= 2 && !label_text.is_empty() {
                labels.push(std::mem::take(&mut label_text));
            }
            if label_text.is_empty() {
                last_start = Some(line[..start].chars().count());
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
            .map(|t| if *t == BLANK { "" } else { t }.to_owned())
            .collect(),
        last_start,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_label_parts_apart() {
        let (labels, values, at) =
            table_row_at("本            2.其他法律行政法规禁止公开     30          1        0")
                .expect("a row");
        assert_eq!(labels, ["本", "2.其他法律行政法规禁止公开"]);
        assert_eq!(values, ["30", "1", "0"]);
        assert_eq!(at, Some(13), "where the last label part starts");
        assert!(table_row_at("信息内容   本年制发件数").is_none());
        assert!(is_page_number("-3-") && is_page_number("  - 12 -") && !is_page_number("2024"));
    }
}
