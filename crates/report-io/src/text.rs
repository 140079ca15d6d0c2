//! Text helpers shared by the importers: normalising labels as real reports print them, and
//! telling how alike two labels are.

/// Normalises a label for comparison: ASCII digits, full-width brackets and commas, "1、" as
/// "1.", no whitespace and no quotation marks.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '(' => '（',
            ')' => '）',
            ',' => '，',
            ':' => '：',
            ';' => '；',
            '．' => '.',
            other => other,
        };
        if c.is_whitespace() || matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」')
        {
            continue;
        }
        if c == '、' && out.chars().last().is_some_and(|p: char| p.is_ascii_digit()) {
            out.push('.');
            continue;
        }
        out.push(c);
        let _ = chars.peek();
    }
    out
}

/// The innermost item of a label that prints its parents before it, as one cell or one line:
/// "三、本年度办理结果（五）不予处理2.重复申请" is "2.重复申请", "（六）其他处理3.其他" is "3.其他".
/// An item starts at a bracketed numeral ("（五）", "(5)") or at ASCII digits followed by "."
/// or "、"; a label with no such item inside is returned whole.
pub fn innermost_item(label: &str) -> &str {
    let label = label.trim();
    let chars: Vec<(usize, char)> = label.char_indices().collect();
    let mut start = 0;
    for (k, &(at, c)) in chars.iter().enumerate().skip(1) {
        let before = chars[k - 1].1;
        let bracketed = matches!(c, '（' | '(') && {
            let inside: Vec<char> = chars[k + 1..]
                .iter()
                .map(|&(_, c)| c)
                .take_while(|&c| is_numeral(c))
                .collect();
            !inside.is_empty()
                && chars
                    .get(k + 1 + inside.len())
                    .is_some_and(|&(_, c)| matches!(c, '）' | ')'))
        };
        let digits = c.is_ascii_digit() && !before.is_ascii_digit() && {
            let after = chars[k..].iter().find(|&&(_, c)| !c.is_ascii_digit());
            after.is_some_and(|&(_, c)| matches!(c, '.' | '．' | '、'))
        };
        if bracketed || digits {
            start = at;
        }
    }
    &label[start..]
}

/// Removes the numbering in front of a label: "一、", "（三）", "1.", "3、".
pub fn strip_numbering(label: &str) -> &str {
    let mut rest = label.trim_start();
    loop {
        let before = rest;
        if let Some(after) = rest.strip_prefix('（') {
            if let Some(end) = after.find('）') {
                let inside = &after[..end];
                if !inside.is_empty() && inside.chars().all(is_numeral) {
                    rest = &after[end + '）'.len_utf8()..];
                }
            }
        }
        let numeral: usize = rest
            .chars()
            .take_while(|&c| is_numeral(c))
            .map(char::len_utf8)
            .sum();
        if numeral > 0 {
            let after = &rest[numeral..];
            if let Some(stripped) = after.strip_prefix(['、', '.']) {
                rest = stripped;
            }
        }
        if rest == before {
            return rest;
        }
    }
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二三四五六七八九十".contains(c)
}

/// How alike two labels are, from 0 (nothing shared) to 1 (the same): the Dice coefficient of
/// their character pairs, which tolerates the typos, dropped characters and line breaks of real
/// reports ("其他法律行政止公开" against "其他法律行政法规禁止公开" scores 0.74).
pub fn similarity(a: &str, b: &str) -> f64 {
    let pairs = |s: &str| -> Vec<(char, char)> {
        let chars: Vec<char> = s.chars().collect();
        let mut pairs: Vec<(char, char)> = if chars.len() == 1 {
            vec![(chars[0], '\0')]
        } else {
            chars.windows(2).map(|w| (w[0], w[1])).collect()
        };
        pairs.sort_unstable();
        pairs
    };
    let (a, b) = (pairs(a), pairs(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    // Count the pairs the two sorted lists share, each pair as often as both have it.
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * shared) as f64 / (a.len() + b.len()) as f64
}

/// Whether a cell's text is a value rather than a label: a number, or a mark that stands for
/// one ("/", "—", "无").
pub fn is_value(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() {
        return false;
    }
    let number = t.trim_end_matches(['元', '%', '％']);
    // Full-width digits ("１２") are digits: Word and WPS documents print them.
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    // "1." is an item's number, printed apart from its text ("（六）其他处理 1."), not a value.
    let numeric = !number.is_empty()
        && number
            .chars()
            .all(|c| digit(c) || matches!(c, '.' | ',' | '-' | '－' | '．' | '，'))
        && number.chars().any(digit)
        && !number.ends_with(['.', '．']);
    numeric
        || matches!(
            t,
            "/" | "／" | "-" | "－" | "—" | "——" | "–" | "―" | "无" | "空" | "\\"
        )
}

/// Whether a table cell holds a value, even a damaged one ("约100", OCR's "1O0"): a value, or a
/// short text with digits that is not a numbered label ("1.属于国家秘密"). Damaged values are kept
/// in their column as printed, so that rule H6 reports them, instead of being taken for labels and
/// shifting the row.
pub fn is_value_cell(text: &str) -> bool {
    if is_value(text) {
        return true;
    }
    let t = text.trim();
    // A label's item number printed on a line of its own, with what stands beside it in
    // another label column ("果6."), is no value.
    if t.strip_suffix(['.', '．', '、'])
        .is_some_and(|rest| rest.ends_with(|c: char| c.is_ascii_digit()))
    {
        return false;
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let numbered_label = digits > 0
        && t[digits..].starts_with(['.', '、', '．'])
        && t[digits..]
            .chars()
            .nth(1)
            .is_some_and(|c| !c.is_ascii_digit());
    // OCR reads 0 as O and 1 as l or I.
    let ocr_digits = !t.is_empty()
        && t.chars().count() <= 8
        && t.chars().all(|c| c.is_ascii_digit() || "OoIl".contains(c));
    ocr_digits
        || (t.chars().count() <= 8 && t.chars().any(|c| c.is_ascii_digit()) && !numbered_label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_printed_with_its_parents_is_matched_by_its_own_item() {
        assert_eq!(
            innermost_item("三、本年度办理结果（五）不予处理2.重复申请"),
            "2.重复申请"
        );
        assert_eq!(innermost_item("（六）其他处理 3、其他"), "3、其他");
        assert_eq!(innermost_item("三、本年度办理结果(七)总计"), "(七)总计");
        // Brackets that hold words, and a label's own numbering, are not items inside it.
        assert_eq!(
            innermost_item("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
        );
        assert_eq!(
            innermost_item("一、本年新收政府信息公开申请数量"),
            "一、本年新收政府信息公开申请数量"
        );
        assert_eq!(innermost_item("行政事业性收费"), "行政事业性收费");
    }

    #[test]
    fn full_width_numbers_are_values() {
        assert!(is_value("３００１"));
        assert!(is_value("３，００１"));
        assert!(is_value_cell("１２"));
        assert!(!is_value("1."), "an item's number");
        assert!(
            !is_value_cell("果6."),
            "an item's number beside another label column"
        );
        assert!(!is_value("规章"));
    }

    #[test]
    fn labels_are_normalised() {
        assert_eq!(
            normalise("(二) 部分公开 (区分处理的, 只计这一情形)"),
            "（二）部分公开（区分处理的，只计这一情形）"
        );
        assert_eq!(
            normalise("1、申请人 “三安全一稳定”"),
            "1.申请人三安全一稳定"
        );
        assert_eq!(strip_numbering("（三）不予公开"), "不予公开");
        assert_eq!(strip_numbering("三、本年度办理结果"), "本年度办理结果");
        assert_eq!(strip_numbering("（六）1.申请人"), "申请人");
        assert_eq!(strip_numbering("2.其他"), "其他");
    }

    #[test]
    fn similar_labels_score_high() {
        assert!(similarity("其他法律行政止公开", "其他法律行政法规禁止公开") > 0.7);
        assert!(similarity("予以公开", "不予公开") < 0.5);
        assert_eq!(similarity("其他", "其他"), 1.0);
    }

    #[test]
    fn damaged_values_are_still_values() {
        assert!(
            is_value_cell("约100")
                && is_value_cell("1O0")
                && is_value_cell("12")
                && is_value_cell("O")
        );
        assert!(
            !is_value_cell("1.属于国家秘密") && !is_value_cell("3、其他") && !is_value_cell("总计")
        );
    }

    #[test]
    fn values_are_told_from_labels() {
        assert!(is_value("3,119") && is_value("/") && is_value("251000元") && is_value("96171.6"));
        assert!(!is_value("1.属于国家秘密") && !is_value("") && !is_value("总计"));
    }
}
