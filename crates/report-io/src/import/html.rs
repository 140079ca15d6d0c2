//! HTML: a portal's article page with the official tables (merged cells as rowspan/colspan), or
//! what Word and WPS put on the clipboard (cells holding paragraphs).
//!
//! The page is read with a standard HTML tokenizer. Text outside tables becomes paragraphs at
//! block boundaries; each table becomes rows on its grid, merged cells expanded so that every
//! row has its full width and a covered position is empty.

use html5gum::{Token, Tokenizer};

use crate::blocks::{Block, Source};

/// Merged cells larger than this are read as this large; a table larger than [`MAX_GRID`] cells
/// is cut. Real report tables have at most 15 columns and 30 rows.
const MAX_SPAN: usize = 64;
const MAX_GRID: usize = 200_000;
const MAX_DEPTH: usize = 32;

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "section",
    "article",
    "title",
    "tr",
    "table",
    "blockquote",
    "pre",
    "hr",
];

struct Cell {
    text: String,
    colspan: usize,
    rowspan: usize,
}

#[derive(Default)]
struct Table {
    rows: Vec<Vec<Cell>>,
    cell: Option<Cell>,
}

/// A cell holding more text than this is page content, not a table cell.
const LAYOUT_CELL_CHARS: usize = 300;

/// Which tables of the document (in the order they open) lay out the page rather than hold
/// figures: a table that holds another table, a heading, or a cell of running text. A portal
/// often puts its whole article, navigation and footer in such tables.
fn layout_tables(html: &str) -> Vec<bool> {
    let mut layout = Vec::new();
    let mut open: Vec<(usize, usize)> = Vec::new(); // (table index, text in the current cell)
    for token in Tokenizer::new(html).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                match name.as_str() {
                    "table" => {
                        for (index, _) in &open {
                            layout[*index] = true;
                        }
                        open.push((layout.len(), 0));
                        layout.push(false);
                    }
                    "td" | "th" => {
                        if let Some(top) = open.last_mut() {
                            top.1 = 0;
                        }
                    }
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        if let Some((index, _)) = open.last() {
                            layout[*index] = true;
                        }
                    }
                    _ => {}
                }
            }
            Token::EndTag(tag) if tag.name.eq_ignore_ascii_case(b"table") => {
                open.pop();
            }
            Token::String(text) => {
                if let Some((index, chars)) = open.last_mut() {
                    *chars += String::from_utf8_lossy(&text.value).trim().chars().count();
                    if *chars > LAYOUT_CELL_CHARS {
                        layout[*index] = true;
                    }
                }
            }
            _ => {}
        }
    }
    layout
}

/// The blocks of an HTML document.
pub(crate) fn blocks(html: &str) -> Vec<Block> {
    let layout = layout_tables(html);
    let mut out = Vec::new();
    let mut paragraph = String::new();
    let mut tables: Vec<Table> = Vec::new();
    // Every open table, innermost last: whether it lays out the page (its cells are then read
    // as the page's flow of paragraphs).
    let mut open: Vec<bool> = Vec::new();
    let mut opened = 0usize;
    let mut table_count = 0usize;
    let mut skip_depth = 0usize; // inside <script>, <style>, <head> apart from <title>
    let mut in_title = false;

    for token in Tokenizer::new(html).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                match name.as_str() {
                    "script" | "style" | "noscript" | "template" if !tag.self_closing => {
                        skip_depth += 1
                    }
                    "title" => in_title = true,
                    "table" => {
                        flush(&mut paragraph, &mut out);
                        let is_layout = layout.get(opened).copied().unwrap_or(false);
                        opened += 1;
                        open.push(is_layout);
                        if !is_layout && tables.len() < MAX_DEPTH {
                            tables.push(Table::default());
                        }
                    }
                    "tr" | "td" | "th" if open.last() == Some(&true) => {
                        flush(&mut paragraph, &mut out)
                    }
                    "tr" => {
                        if let Some(t) = tables.last_mut() {
                            close_cell(t);
                            t.rows.push(Vec::new());
                        }
                    }
                    "td" | "th" => {
                        if let Some(t) = tables.last_mut() {
                            close_cell(t);
                            let span = |attr: &str| {
                                tag.attributes
                                    .get(attr.as_bytes())
                                    .and_then(|v| {
                                        String::from_utf8_lossy(&v.value)
                                            .trim()
                                            .parse::<usize>()
                                            .ok()
                                    })
                                    .unwrap_or(1)
                                    .clamp(1, MAX_SPAN)
                            };
                            t.cell = Some(Cell {
                                text: String::new(),
                                colspan: span("colspan"),
                                rowspan: span("rowspan"),
                            });
                        }
                    }
                    other if BLOCK_TAGS.contains(&other) && tables.is_empty() => {
                        flush(&mut paragraph, &mut out)
                    }
                    _ => {}
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                match name.as_str() {
                    "script" | "style" | "noscript" | "template" => {
                        skip_depth = skip_depth.saturating_sub(1)
                    }
                    "title" => {
                        in_title = false;
                        flush(&mut paragraph, &mut out);
                    }
                    "tr" | "td" | "th" if open.last() == Some(&true) => {
                        flush(&mut paragraph, &mut out)
                    }
                    "td" | "th" => {
                        if let Some(t) = tables.last_mut() {
                            close_cell(t);
                        }
                    }
                    "table" if open.pop() == Some(true) => flush(&mut paragraph, &mut out),
                    "table" => {
                        if let Some(mut t) = tables.pop() {
                            close_cell(&mut t);
                            table_count += 1;
                            out.extend(grid_rows(t, table_count));
                        }
                    }
                    other if BLOCK_TAGS.contains(&other) && tables.is_empty() => {
                        flush(&mut paragraph, &mut out)
                    }
                    _ => {}
                }
            }
            Token::String(text) => {
                if skip_depth > 0 {
                    continue;
                }
                let text = String::from_utf8_lossy(&text.value);
                let outside = tables.is_empty();
                match tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    Some(cell) => cell.text.push_str(&text),
                    None if outside || in_title => paragraph.push_str(&text),
                    None => {}
                }
            }
            _ => {}
        }
    }
    while let Some(mut t) = tables.pop() {
        close_cell(&mut t);
        table_count += 1;
        out.extend(grid_rows(t, table_count));
    }
    flush(&mut paragraph, &mut out);
    out
}

/// How a portal's page furniture opens: breadcrumbs, share links, print and version switches,
/// neighbouring articles, the footer. Such a paragraph is not part of the report.
const FURNITURE_OPENINGS: &[&str] = &[
    "当前位置",
    "您的位置",
    "您所在的位置",
    "分享到",
    "【全真版】",
    "【文字版】",
    "【打印】",
    "【关闭】",
    "【字体",
    "字号：",
    "上一篇",
    "下一篇",
    "扫一扫",
    "主办：",
    "主办单位",
    "承办：",
    "网站标识码",
    "版权所有",
];

/// Whether a paragraph is page furniture rather than report text.
fn is_furniture(text: &str) -> bool {
    FURNITURE_OPENINGS.iter().any(|o| text.starts_with(o))
        || text.contains("ICP备")
        || text.contains("网站标识码")
}

fn flush(paragraph: &mut String, out: &mut Vec<Block>) {
    let text = squash(paragraph);
    if !text.is_empty() && !is_furniture(&text) {
        out.push(Block::para(text, Source::default()));
    }
    paragraph.clear();
}

/// Collapses whitespace as a browser shows it, and drops it between Chinese characters, where
/// it only comes from line breaks in the source.
fn squash(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\u{a0}', " ")
        .trim()
        .to_owned()
}

fn close_cell(table: &mut Table) {
    if let Some(cell) = table.cell.take() {
        if table.rows.is_empty() {
            table.rows.push(Vec::new());
        }
        if let Some(row) = table.rows.last_mut() {
            row.push(cell);
        }
    }
}

/// Lays the cells on their grid: each cell at the first free column of its row, covering
/// `rowspan` × `colspan` positions.
fn grid_rows(table: Table, table_index: usize) -> Vec<Block> {
    // Each position: its text, and whether a merged cell covers it without starting there.
    let mut grid: Vec<Vec<Option<(String, bool)>>> = Vec::new();
    let mut total = 0usize;
    for (r, row) in table.rows.into_iter().enumerate() {
        for cell in row {
            while grid.len() <= r {
                grid.push(Vec::new());
            }
            let mut c = 0;
            while grid[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            for dr in 0..cell.rowspan {
                for dc in 0..cell.colspan {
                    total += 1;
                    if total > MAX_GRID {
                        break;
                    }
                    let (rr, cc) = (r + dr, c + dc);
                    while grid.len() <= rr {
                        grid.push(Vec::new());
                    }
                    if grid[rr].len() <= cc {
                        grid[rr].resize(cc + 1, None);
                    }
                    let starts = dr == 0 && dc == 0;
                    let text = if starts {
                        squash(&cell.text).replace(' ', "")
                    } else {
                        String::new()
                    };
                    grid[rr][cc] = Some((text, !starts));
                }
            }
        }
    }
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    grid.into_iter()
        .enumerate()
        .filter(|(_, row)| {
            row.iter()
                .any(|c| c.as_ref().is_some_and(|(t, _)| !t.is_empty()))
        })
        .map(|(r, row)| {
            let (mut cells, mut covered): (Vec<String>, Vec<bool>) =
                row.into_iter().map(Option::unwrap_or_default).unzip();
            cells.resize(width, String::new());
            covered.resize(width, false);
            Block::merged_row(cells, covered, Source::table_row(table_index, r + 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_cells_keep_every_row_full_width() {
        let html = r#"<p>三、收到和处理政府信息公开申请情况</p><table>
            <tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>5</td></tr>
            <tr><td>（三）不予公开</td><td>1.属于国家秘密</td><td>1</td></tr></table>"#;
        let rows: Vec<Vec<String>> = blocks(html)
            .into_iter()
            .filter_map(|b| match b {
                Block::Row { cells, .. } => Some(cells),
                Block::Para { .. } => None,
            })
            .collect();
        assert_eq!(rows[0], ["三、本年度办理结果", "（一）予以公开", "", "5"]);
        assert_eq!(rows[1], ["", "（三）不予公开", "1.属于国家秘密", "1"]);
    }

    #[test]
    fn scripts_are_not_text() {
        let found = blocks("<p>一、总体情况</p><script>alert(1)</script><p>正文</p>");
        let texts: Vec<String> = found.iter().map(Block::text).collect();
        assert_eq!(texts, ["一、总体情况", "正文"]);
    }
}
