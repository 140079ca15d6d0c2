//! Text as a PDF viewer copies it (and `pdftotext` without `-layout` prints it): one cell a line,
//! in reading order. A row's label is followed by its numbers, one a line, and paragraphs are
//! hard-wrapped with no indentation.
//!
//! The lines are put back together as layout text (the row's numbers after its label, separated
//! by wide gaps; a paragraph's first line indented), which [`super::layout`] then reads. Blank
//! cells print nothing, so a row may come with fewer numbers than the format has columns; the
//! row reader then flags it (I3) rather than guessing where the gaps were.

use super::interpret::heading;
use super::layout::is_page_number;
use crate::text::is_value;

/// Whether `line` is one cell: a number (or a mark such as "/") alone.
fn lone_value(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.contains(char::is_whitespace) && is_value(t) && !is_page_number(t)
}

/// Whether the text looks copied one cell a line: many lone numbers, and no aligned columns.
pub(crate) fn looks_like(text: &str) -> bool {
    let lone = text.lines().filter(|l| lone_value(l)).count();
    lone >= 40
}

/// Whether a prose line opens a sub-part: "（一）…", "(二)…", "1.…".
fn opens_part(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('（') && t.chars().take(5).any(|c| c == '）')
        || t.starts_with('(') && t.chars().take(5).any(|c| c == ')')
}

/// The text as layout text.
pub(crate) fn to_layout(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    // The width of a full line of prose, to tell a paragraph's last line (shorter) from a wrap.
    let full = lines
        .iter()
        .map(|l| l.trim().chars().count())
        .max()
        .unwrap_or(0);
    let mut out: Vec<String> = Vec::new();
    let mut section = 0u8;
    let mut previous_prose: Option<&str> = None;
    for line in &lines {
        let trimmed = line.trim();
        if trimmed.is_empty() || is_page_number(trimmed) {
            continue;
        }
        if let Some((number, _)) = heading(trimmed) {
            if number > section {
                section = number;
                out.push(trimmed.to_owned());
                previous_prose = None;
                continue;
            }
        }
        if matches!(section, 2..=4) {
            match out.last_mut() {
                Some(last) if lone_value(trimmed) && section_row(last) => {
                    last.push_str("    ");
                    last.push_str(trimmed);
                }
                _ => out.push(trimmed.to_owned()),
            }
            continue;
        }
        // Prose: a new paragraph after a short line that ends a sentence, or at a sub-part.
        let starts = match previous_prose {
            None => true,
            Some(p) => {
                let p = p.trim();
                opens_part(trimmed)
                    || (p.ends_with(['。', '：', ':', '；']) && p.chars().count() + 2 < full)
            }
        };
        out.push(if starts {
            format!("  {trimmed}")
        } else {
            trimmed.to_owned()
        });
        previous_prose = Some(line);
    }
    out.join("\n")
}

/// Whether an output line of a table section can take more numbers: it is a row label, or a
/// row already holding numbers (not a heading).
fn section_row(line: &str) -> bool {
    heading(line.trim()).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_a_line_join_their_row_and_paragraphs_keep_apart() {
        let text = "一、总体情况\n本年度工作。\n（一）主动公开情况。主动公开\n政府信息 1136 条。\n三、收到和处理政府信息公开申请情况\n自然人\n一、本年新收政府信息公开申请数量\n3001\n53\n0\n- 2 -\n4\n二、上年结转政府信息公开申请数量\n34\n";
        let layout = to_layout(text);
        let lines: Vec<&str> = layout.lines().collect();
        assert!(
            lines.contains(&"一、本年新收政府信息公开申请数量    3001    53    0    4"),
            "{layout}"
        );
        assert!(
            lines.contains(&"二、上年结转政府信息公开申请数量    34"),
            "{layout}"
        );
        assert!(
            lines.contains(&"  （一）主动公开情况。主动公开"),
            "{layout}"
        );
        assert!(lines.contains(&"政府信息 1136 条。"), "{layout}");
    }
}
