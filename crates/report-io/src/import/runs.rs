//! Web page text whose table cells run together with no separator: one long line in which
//! headings, labels and numbers follow each other ("…申请数量640020470二、上年结转…").
//!
//! Labels are found in the order of the official layout; what stands between one label and the
//! next is the first one's numbers. The numbering of the next label ("2.") sticks to those
//! numbers and is removed. Splitting the numbers into cells is left to the interpreter, which
//! knows the arithmetic.

use report_core::layout::{Edition, ProactiveItem, RequestRow, Section};

use crate::blocks::{Block, Source};
use crate::text::strip_numbering;

/// Whether the text holds 表三 with its numbers run together.
pub(crate) fn has_run_together_table(text: &str) -> bool {
    let label = "本年新收政府信息公开申请数量";
    text.match_indices(label).any(|(at, _)| {
        let after = &text[at + label.len()..];
        after
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .count()
            >= 5
    })
}

/// Text with whitespace and quotation marks removed, and for each of its characters the byte
/// offset in the original, so that a match can be mapped back.
struct Squeezed {
    chars: Vec<char>,
    offsets: Vec<usize>,
}

impl Squeezed {
    fn new(text: &str) -> Squeezed {
        let mut chars = Vec::new();
        let mut offsets = Vec::new();
        for (at, c) in text.char_indices() {
            if c.is_whitespace() || matches!(c, '"' | '“' | '”' | '‘' | '’') {
                continue;
            }
            chars.push(match c {
                '(' => '（',
                ')' => '）',
                other => other,
            });
            offsets.push(at);
        }
        Squeezed { chars, offsets }
    }

    /// The first match of `needle` at or after char `from`: (start byte, end byte, end char).
    fn find(&self, needle: &str, from: usize, text: &str) -> Option<(usize, usize, usize)> {
        let needle: Vec<char> = Squeezed::new(needle).chars;
        if needle.is_empty() || self.chars.len() < needle.len() {
            return None;
        }
        (from..=self.chars.len() - needle.len())
            .find(|&i| self.chars[i..i + needle.len()] == needle[..])
            .map(|i| {
                let end_char = i + needle.len();
                let end = self.offsets.get(end_char).copied().unwrap_or(text.len());
                (self.offsets[i], end, end_char)
            })
    }
}

/// The part of `between` that holds a row's numbers: the leading digits, spaces and points, less
/// the numbering of the next label stuck to their end ("00000002." → "0000000").
fn numbers(between: &str) -> String {
    let run: String = between
        .chars()
        .take_while(|c| c.is_ascii_digit() || c.is_whitespace() || *c == '.')
        .collect();
    let trimmed = run.trim_end();
    if let Some(without_point) = trimmed.strip_suffix('.') {
        let digits = without_point.trim_end_matches(|c: char| c.is_ascii_digit());
        // The numbering is one digit: "2." of "2.其他…".
        let cut = without_point.len() - (without_point.len() - digits.len()).min(1);
        return without_point[..cut].trim().to_owned();
    }
    trimmed.trim().to_owned()
}

/// Finds the section headings in the body: (number, byte start, byte end of the heading).
fn headings(body: &str) -> Vec<(u8, usize, usize)> {
    let squeezed = Squeezed::new(body);
    let mut out = Vec::new();
    let mut from = 0;
    // A heading printed one way only is found whole; one with several wordings by its numeral
    // and the word all its wordings share.
    let fixed = Section::ALL.map(|section| {
        let forms: Vec<&str> = section.printed_forms().collect();
        match forms[..] {
            [only] => (section.number(), only.to_owned(), ""),
            _ => (
                section.number(),
                format!("{}、", section.def().numeral),
                section.def().words.first().copied().unwrap_or_default(),
            ),
        }
    });
    for (number, start, word) in fixed {
        let mut search = from;
        while let Some((at, end, end_char)) = squeezed.find(&start, search, body) {
            if word.is_empty() {
                out.push((number, at, end));
                from = end_char;
                break;
            }
            // "四、…复议…情况": the heading runs to its last word without digits in between.
            let rest: String = squeezed.chars[end_char..].iter().take(30).collect();
            match rest.find(word) {
                Some(w) if !rest[..w].chars().any(|c| c.is_ascii_digit()) => {
                    let stop = ["情况", "事项"]
                        .iter()
                        .filter_map(|s| rest.find(s).map(|p| p + s.len()))
                        .min()
                        .unwrap_or(w + word.len());
                    let chars = rest[..stop].chars().count();
                    let end = squeezed
                        .offsets
                        .get(end_char + chars)
                        .copied()
                        .unwrap_or(body.len());
                    out.push((number, at, end));
                    from = end_char + chars;
                    break;
                }
                _ => search = end_char,
            }
        }
    }
    out
}

/// The text's lines, a table section's lines joined to its heading's: a page copied with each
/// table row on a line of its own ("规章1313524") is read like one whose whole table runs on one
/// line. Each with the number of its first line.
fn logical_lines(text: &str) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    let mut in_table = false;
    for (i, line) in text.lines().enumerate() {
        let found = headings(line);
        match found.last() {
            Some(&(number, _, _)) => {
                out.push((line.to_owned(), i + 1));
                in_table = matches!(number, 2..=4);
            }
            None if in_table => {
                if let Some((joined, _)) = out.last_mut() {
                    joined.push('\n');
                    joined.push_str(line);
                }
            }
            None => out.push((line.to_owned(), i + 1)),
        }
    }
    out
}

/// The blocks of run-together text.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    for (line, number) in logical_lines(text) {
        let line = line.as_str();
        let source = Source::line(number);
        let found = headings(line);
        if found.is_empty() {
            if !line.trim().is_empty() {
                out.push(Block::para(line.trim(), source));
            }
            continue;
        }
        let before = &line[..found[0].1];
        if !before.trim().is_empty() {
            out.push(Block::para(before.trim(), source));
        }
        for (k, &(number, start, end)) in found.iter().enumerate() {
            let next = found.get(k + 1).map_or(line.len(), |h| h.1);
            out.push(Block::para(line[start..end].trim(), source));
            let body = &line[end..next];
            match number {
                1 => out.extend(sub_parts(body, source)),
                2 => out.extend(proactive_rows(body, source)),
                3 => out.extend(request_rows(body, source)),
                4 => {
                    let digits: String = body
                        .chars()
                        .rev()
                        .take_while(|c| c.is_ascii_digit() || c.is_whitespace())
                        .collect();
                    let digits: String = digits.chars().rev().collect();
                    out.push(Block::run_row(
                        vec![String::new(), digits.trim().to_owned()],
                        source,
                    ));
                }
                _ => {
                    if !body.trim().is_empty() {
                        out.push(Block::para(body.trim(), source));
                    }
                }
            }
        }
    }
    out
}

/// Section 一 split at its sub-headings （一）…（五）.
fn sub_parts(body: &str, source: Source) -> Vec<Block> {
    let mut cuts = vec![0];
    let mut from = 0;
    for mark in ["（一）", "（二）", "（三）", "（四）", "（五）"] {
        if let Some(at) = body[from..].find(mark) {
            cuts.push(from + at);
            from += at + mark.len();
        }
    }
    cuts.push(body.len());
    cuts.windows(2)
        .map(|w| body[w[0]..w[1]].trim())
        .filter(|p| !p.is_empty())
        .map(|p| Block::para(p, source))
        .collect()
}

fn rows(body: &str, source: Source, labels: &[(String, String)]) -> Vec<Block> {
    let squeezed = Squeezed::new(body);
    let mut found: Vec<(&str, usize, usize)> = Vec::new();
    let mut from = 0;
    for (label, core) in labels {
        if let Some((start, end, end_char)) = squeezed.find(core, from, body) {
            found.push((label.as_str(), start, end));
            from = end_char;
        }
    }
    let mut out = Vec::new();
    for (k, &(label, _, end)) in found.iter().enumerate() {
        let next = found.get(k + 1).map_or(body.len(), |f| f.1);
        let run = numbers(&body[end..next]);
        if run.chars().any(|c| c.is_ascii_digit()) {
            out.push(Block::run_row(vec![label.to_owned(), run], source));
        }
    }
    out
}

fn proactive_rows(body: &str, source: Source) -> Vec<Block> {
    let mut labels: Vec<(String, String)> = Vec::new();
    for item in ProactiveItem::ALL {
        for edition in Edition::ALL {
            if let Some(label) = item.def().labels.get(edition) {
                if !labels.iter().any(|(l, _)| l == label) {
                    labels.push((label.to_owned(), label.to_owned()));
                }
            }
        }
    }
    // "规范性文件" (2019) is inside "行政规范性文件" (2021): look for the longer label first.
    labels.sort_by_key(|(l, _)| std::cmp::Reverse(l.chars().count()));
    let squeezed = Squeezed::new(body);
    let mut starts: Vec<(usize, String)> = Vec::new();
    for (label, _) in &labels {
        if let Some((start, _, _)) = squeezed.find(label, 0, body) {
            if !starts
                .iter()
                .any(|(s, l)| *s <= start && start < *s + l.len())
            {
                starts.push((start, label.clone()));
            }
        }
    }
    starts.sort();
    let ordered: Vec<(String, String)> = starts.into_iter().map(|(_, l)| (l.clone(), l)).collect();
    rows(body, source, &ordered)
}

fn request_rows(body: &str, source: Source) -> Vec<Block> {
    // （六）其他处理 as three rows (the 2021 format) or as one (2019, and out-of-date 2021
    // reports): the three rows' first label tells. Looking for "3.其他" in a table that prints
    // one row would find the "其他" of "其他处理".
    let split = RequestRow::OTHER_SPLIT[0].def().labels.any(Edition::V2021);
    let edition = if Squeezed::new(body)
        .find(strip_numbering(split), 0, body)
        .is_some()
    {
        Edition::V2021
    } else {
        Edition::V2019
    };
    let labels: Vec<(String, String)> = RequestRow::in_edition(edition)
        .map(|r| {
            let label = r.def().labels.any(edition);
            (label.to_owned(), strip_numbering(label).to_owned())
        })
        .collect();
    rows(body, source, &labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_of_the_next_label_is_removed() {
        assert_eq!(numbers("00000002."), "0000000");
        assert_eq!(numbers("1000001（四）无法提供1."), "1000001");
        assert_eq!(numbers(" 500000 5（三）"), "500000 5");
        assert_eq!(numbers("24252.311082三、"), "24252.311082");
    }
}
