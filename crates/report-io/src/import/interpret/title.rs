//! The title: the report year, the agency and the date; and which edition the tables follow.

use report_core::layout::{edition_marks, Edition};
use report_core::Date;

use crate::blocks::Block;
use crate::text::normalise;

pub(super) fn title(
    preamble: &[&Block],
    all: &[&Block],
) -> (Option<u16>, Option<String>, Option<Date>) {
    let paragraphs: Vec<String> = preamble
        .iter()
        .chain(all.iter().take(30))
        .filter_map(|b| match b {
            Block::Para { text, .. } => Some(text.trim().to_owned()),
            Block::Row { .. } => None,
        })
        .collect();
    let mut published = None;
    for p in &paragraphs {
        if p.contains("发布日期") || p.contains("发布时间") || p.contains("成文日期") {
            published = find_date(p);
            if published.is_some() {
                break;
            }
        }
    }
    // A long title wraps: try every line alone, then each with the next (trying a pair first
    // would join a portal's navigation link "政府信息公开年报" to the title below it).
    let alone = (0..paragraphs.len()).map(|i| (i, paragraphs[i].clone()));
    let joined = (0..paragraphs.len()).filter_map(|i| {
        paragraphs
            .get(i + 1)
            .map(|next| (i, format!("{}{next}", paragraphs[i])))
    });
    let candidates = alone.chain(joined);
    for (i, p) in candidates {
        let norm: String = p.chars().filter(|c| !c.is_whitespace()).collect();
        // The title ends at its "年度报告" or "工作报告" (text copied from a PDF may run the first paragraph
        // on after it); what comes before is a line, not prose that speaks of the report
        // ("本年度报告根据《中华人民共和国政府信息公开条例》……统计期限从2019年……").
        // "…2023年度政府信息公开工作报告" is a title too.
        let Some(end) = ["年度报告", "年报", "工作报告"]
            .iter()
            .filter_map(|w| norm.find(w).map(|at| at + w.len()))
            .min()
        else {
            continue;
        };
        let norm = norm[..end].to_owned();
        if !norm.contains("政府信息公开") || norm.chars().count() > 80 || norm.contains('。')
        {
            continue;
        }
        let norm = norm
            .trim_start_matches("标题")
            .trim_start_matches([':', '：'])
            .to_owned();
        let Some((at, year)) = find_year(&norm) else {
            continue;
        };
        let before = norm[..at].trim().to_owned();
        let after = &norm[at + 4 + '年'.len_utf8()..];
        let after = after.trim_start_matches('度');
        let agency = if !before.is_empty() {
            Some(before)
        } else if let Some(p) = after.find("政府信息公开").filter(|&p| p > 0) {
            Some(after[..p].to_owned())
        } else if i > 0 && paragraphs[i - 1].chars().count() <= 30 {
            Some(paragraphs[i - 1].trim().to_owned())
        } else {
            None
        };
        // An agency's name is short and holds no sentence.
        let agency =
            agency.filter(|a| !a.is_empty() && a.chars().count() <= 60 && !a.contains('。'));
        return (Some(year), agency, published);
    }
    (None, None, published)
}

/// The first "YYYY年" in a text: its byte offset and the year.
pub(super) fn find_year(text: &str) -> Option<(usize, u16)> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let digits = bytes.get(i..i + 4)?;
        let is_year = digits.iter().all(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && text.get(i + 4..)?.starts_with('年');
        is_year.then(|| {
            std::str::from_utf8(digits)
                .ok()?
                .parse()
                .ok()
                .map(|y| (i, y))
        })?
    })
}

pub(super) fn find_date(text: &str) -> Option<Date> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).find_map(|i| {
        let candidate: String = chars.get(i..i + 10)?.iter().collect();
        Date::parse(&candidate).filter(|_| candidate.as_bytes()[4] == b'-')
    })
}

pub(super) fn detect_edition(blocks: &[Block], year: Option<u16>) -> Edition {
    let text: String = blocks
        .iter()
        .map(Block::text)
        .collect::<Vec<_>>()
        .join("\n");
    let text = normalise(&text);
    let count = |edition| {
        edition_marks(edition)
            .into_iter()
            .filter(|m| text.contains(&normalise(m)))
            .count()
    };
    let (marks_2019, marks_2021) = (count(Edition::V2019), count(Edition::V2021));
    if marks_2019 > marks_2021 {
        Edition::V2019
    } else if marks_2021 > marks_2019 {
        Edition::V2021
    } else {
        year.and_then(Edition::for_year).unwrap_or(Edition::V2021)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_dates_are_found() {
        assert_eq!(
            find_year("平潭综合实验区2021年度").map(|(_, y)| y),
            Some(2021)
        );
        assert_eq!(
            find_date("发布时间: 2022-02-08 16:34"),
            Date::parse("2022-02-08")
        );
    }
}
