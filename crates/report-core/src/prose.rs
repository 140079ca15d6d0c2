//! Reading the numbers that the prose states, and comparing prose across years.
//!
//! Reports state their key figures in prose as well as in the tables: "共受理政府信息公开申请859件",
//! "办结69件", "1件结转下年度继续办理", "行政复议7件". [`statements`] finds such numbers and says what
//! each is about, so rule S1 can compare them with the tables. The reader is deliberately
//! conservative: a number whose clause names no known topic, or names two, is left alone.

use crate::layout::ProseField;
use crate::layout::{Applicant, Outcome};
use crate::report::Report;

/// What a number stated in prose is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Topic {
    /// Applications received (一, or 一 + 二: many reports count the carried-over ones in).
    Received,
    /// Applications received from one kind of applicant.
    ReceivedFrom(Applicant),
    /// "未收到政府信息公开申请": no applications at all.
    NoneReceived,
    /// Applications completed (（七）总计).
    Completed,
    /// Applications carried over from last year (二).
    CarriedOver,
    /// Applications carried forward to next year (四).
    CarriedForward,
    /// 予以公开 and 部分公开 together.
    GrantedOrPartially,
    /// （一）予以公开.
    Granted,
    /// （二）部分公开.
    PartiallyGranted,
    /// （三）不予公开.
    Withheld,
    /// （四）无法提供.
    Unable,
    /// （五）不予处理.
    NotProcessed,
    /// （六）其他处理.
    OtherProcessing,
    /// 行政复议 cases (总计).
    Review,
    /// 行政诉讼 cases (both 总计 together).
    Litigation,
    /// One outcome of the 行政复议 cases.
    ReviewOutcome(Outcome),
    /// One outcome of the 行政诉讼 cases.
    LitigationOutcome(Outcome),
}

/// A number stated in prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// What it is about.
    pub topic: Topic,
    /// The number.
    pub value: u64,
    /// The percentage stated right after it ("占33.9%"), as written.
    pub percent: Option<String>,
    /// The sentence it was read from, as normalised.
    pub quote: String,
    /// The prose field it is in.
    pub field: ProseField,
}

/// Every number with a known topic that the report's prose states, in reading order.
pub fn statements(report: &Report) -> Vec<Statement> {
    let mut out = Vec::new();
    for field in ProseField::ALL {
        if let Some(text) = report.prose(field) {
            read_field(field, &normalise(text), &mut out);
        }
    }
    out
}

/// Makes digits ASCII and drops whitespace and thousands separators, which reports scatter
/// through numbers ("受理政府信息公开申请 21 件", "3,119件").
pub fn normalise(text: &str) -> String {
    normalised(text).map(|(_, c)| c).collect()
}

/// The characters [`normalise`] keeps, each with the byte offset in `text` it was read from.
fn normalised(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    fn fold(c: char) -> char {
        match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '％' => '%',
            '．' => '.',
            other => other,
        }
    }
    // The character before the current one, whitespace included.
    let mut before: Option<char> = None;
    text.char_indices().filter_map(move |(i, raw)| {
        let c = fold(raw);
        let previous = before.replace(c);
        if c.is_whitespace() {
            return None;
        }
        // A thousands separator: a comma between digits with exactly three digits after it.
        if (c == ',' || c == '，') && previous.is_some_and(|p| p.is_ascii_digit()) {
            let mut after = text[i + raw.len_utf8()..].chars().map(fold);
            let next = after.next();
            let fourth = after.nth(2);
            if next.is_some_and(|n| n.is_ascii_digit())
                && fourth.is_none_or(|f| !f.is_ascii_digit())
            {
                return None;
            }
        }
        Some((i, c))
    })
}

/// Where in `text` a quote taken from its normalised form ([`normalise`]) was written: the byte
/// range from its first character to its last, spaces and separators inside it included; none
/// when the text does not hold it.
pub fn locate(text: &str, quote: &str) -> Option<std::ops::Range<usize>> {
    let quote: Vec<char> = quote.chars().collect();
    let kept: Vec<(usize, char)> = normalised(text).collect();
    if quote.is_empty() || kept.len() < quote.len() {
        return None;
    }
    let start = (0..=kept.len() - quote.len()).find(|&at| {
        kept[at..at + quote.len()]
            .iter()
            .map(|(_, c)| *c)
            .eq(quote.iter().copied())
    })?;
    let (last, c) = kept[start + quote.len() - 1];
    Some(kept[start].0..last + c.len_utf8())
}

const SENTENCE_ENDS: &[char] = &['。', '；', ';', '！', '？', '\n'];
const CLAUSE_ENDS: &[char] = &['，', ',', '、', '：', ':', '（', '）', '(', ')'];

fn read_field(field: ProseField, text: &str, out: &mut Vec<Statement>) {
    for sentence in text.split(SENTENCE_ENDS).filter(|s| !s.is_empty()) {
        read_sentence(field, sentence, out);
    }
}

fn read_sentence(field: ProseField, sentence: &str, out: &mut Vec<Statement>) {
    if sentence.contains("未收到")
        && sentence.contains("申请")
        && counted_number(sentence).is_none()
    {
        out.push(Statement {
            topic: Topic::NoneReceived,
            value: 0,
            percent: None,
            quote: sentence.to_owned(),
            field,
        });
        return;
    }
    let clauses: Vec<&str> = sentence.split(CLAUSE_ENDS).collect();
    // Outcome lists ("其中结果维持72件，结果纠正64件") and applicant lists ("涉及自然人72件") refer
    // to the topic named earlier in the sentence.
    let mut appeal_topic: Option<Topic> = None;
    let mut received = false;
    for (i, clause) in clauses.iter().enumerate() {
        let Some(value) = counted_number(clause) else {
            continue;
        };
        let Some(topic) = classify(clause, appeal_topic, received) else {
            continue;
        };
        match topic {
            Topic::Review | Topic::Litigation => appeal_topic = Some(topic),
            Topic::Received => received = true,
            _ => {}
        }
        let percent = clauses.get(i + 1).and_then(|next| stated_percent(next));
        out.push(Statement {
            topic,
            value,
            percent,
            quote: sentence.to_owned(),
            field,
        });
    }
}

/// The number in a clause that counts applications or cases ("859件", "7起"), when there is
/// exactly one.
fn counted_number(clause: &str) -> Option<u64> {
    let chars: Vec<char> = clause.chars().collect();
    let mut found = None;
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let unit = chars.get(i);
            let is_decimal = unit == Some(&'.');
            if matches!(unit, Some('件' | '起' | '宗')) && !is_decimal {
                if found.is_some() {
                    return None;
                }
                let digits: String = chars[start..i].iter().collect();
                found = Some(digits.parse().ok()?);
            }
        } else {
            i += 1;
        }
    }
    found
}

/// The percentage in a clause of the form "占33.9%".
fn stated_percent(clause: &str) -> Option<String> {
    let rest = clause.strip_prefix('占')?;
    let number: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let after = rest.get(number.len()..)?;
    (!number.is_empty() && after.starts_with('%')).then_some(number)
}

fn classify(clause: &str, appeal_topic: Option<Topic>, received: bool) -> Option<Topic> {
    let has = |word: &str| clause.contains(word);
    let any = |words: &[&str]| words.iter().any(|w| clause.contains(w));

    if any(&["结转", "顺延", "转入"]) {
        if any(&["上年", "上一年", "去年", "以前年度"]) {
            return Some(Topic::CarriedOver);
        }
        if any(&["下年", "下一年", "明年", "次年"]) {
            return Some(Topic::CarriedForward);
        }
        return None;
    }
    match (has("复议"), has("诉讼")) {
        (true, false) => return Some(Topic::Review),
        (false, true) => return Some(Topic::Litigation),
        (true, true) => return None,
        (false, false) => {}
    }
    let outcome = if any(&["维持"]) {
        Some(Outcome::Upheld)
    } else if any(&["纠正"]) {
        Some(Outcome::Corrected)
    } else if any(&["其他结果"]) {
        Some(Outcome::Other)
    } else if any(&["未审结", "审理中"]) {
        Some(Outcome::Pending)
    } else {
        None
    };
    if let (Some(outcome), Some(topic)) = (outcome, appeal_topic) {
        return Some(match topic {
            Topic::Review => Topic::ReviewOutcome(outcome),
            _ => Topic::LitigationOutcome(outcome),
        });
    }
    if has("不予公开") {
        return Some(Topic::Withheld);
    }
    match (has("予以公开"), has("部分公开")) {
        (true, true) => return Some(Topic::GrantedOrPartially),
        (true, false) => return Some(Topic::Granted),
        (false, true) => return Some(Topic::PartiallyGranted),
        (false, false) => {}
    }
    if has("无法提供") {
        return Some(Topic::Unable);
    }
    if has("不予处理") {
        return Some(Topic::NotProcessed);
    }
    if has("其他处理") {
        return Some(Topic::OtherProcessing);
    }
    if any(&["办结", "答复", "办理完毕", "处理完毕"]) {
        return Some(Topic::Completed);
    }
    if any(&["收到", "受理", "新收", "接收", "接到"]) {
        return Some(Topic::Received);
    }
    if received {
        // 其他 on its own is too common a word to stand for the 其他 (法人或其他组织) column.
        let applicant = Applicant::PARTS
            .into_iter()
            .filter(|&a| a != Applicant::OtherOrg)
            .map(|a| (a.def().labels.any(crate::layout::Edition::V2021), a))
            .find(|(word, _)| has(word));
        if let Some((_, applicant)) = applicant {
            return Some(Topic::ReceivedFrom(applicant));
        }
    }
    None
}

/// The sentences of prose as the rules read them: cut at full stops and semicolons (and line
/// breaks, where the text keeps them).
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['。', '；', ';', '\n'])
}

/// The years written as "2024年" in `sentence` (four digits standing alone before 年).
pub fn years_in(sentence: &str) -> Vec<u16> {
    let chars: Vec<char> = sentence.chars().collect();
    let mut years = Vec::new();
    for (i, window) in chars.windows(5).enumerate() {
        let digits = window[..4].iter().all(char::is_ascii_digit);
        let before_is_digit = i > 0 && chars[i - 1].is_ascii_digit();
        if digits && window[4] == '年' && !before_is_digit {
            if let Ok(year) = window[..4].iter().collect::<String>().parse() {
                years.push(year);
            }
        }
    }
    years
}

/// Runs of this many characters are compared.
const RUN: usize = 8;
/// Prose shorter than this is not judged.
const MIN_CHARS: usize = 200;

/// The prose as compared: every section, punctuation left out, digits all alike. The preface
/// is left out: it is the same form of words every year, and in every unit of a region.
fn chars_of(report: &Report) -> Vec<char> {
    let mut chars = Vec::new();
    for field in ProseField::ALL
        .into_iter()
        .filter(|&f| f != ProseField::Preface)
    {
        if let Some(text) = report.prose(field) {
            chars.extend(
                normalise(text)
                    .chars()
                    .filter(|c| !c.is_ascii_punctuation() && !"，。；：、（）“”《》".contains(*c))
                    .map(|c| if c.is_ascii_digit() { '0' } else { c }),
            );
            chars.push('\u{1}');
        }
    }
    chars
}

/// A report's prose as a sample of its runs of characters (about one in four, the same ones in
/// every report), to find copies among many reports without comparing every pair in full.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProsePrint {
    /// The sampled runs' hashes, sorted, each once.
    runs: Vec<u64>,
}

impl ProsePrint {
    /// The print of `report`'s prose; `None` when it is too short to judge.
    pub fn of(report: &Report) -> Option<ProsePrint> {
        let chars = chars_of(report);
        if chars.len() < MIN_CHARS {
            return None;
        }
        // A rolling polynomial hash of each run (the same on every machine and every run): one
        // step per character, not one per character of each run.
        const BASE: u64 = 0x0100_0000_01b3;
        let outgoing = (1..RUN).fold(1u64, |p, _| p.wrapping_mul(BASE));
        let mut runs = Vec::with_capacity(chars.len() / 4);
        let mut hash = 0u64;
        for (i, &c) in chars.iter().enumerate() {
            if i >= RUN {
                hash = hash.wrapping_sub(u64::from(chars[i - RUN]).wrapping_mul(outgoing));
            }
            hash = hash.wrapping_mul(BASE).wrapping_add(u64::from(c));
            // About one run in four, the same ones in every report (the hash's high bits: the low
            // ones of a polynomial hash follow the last character alone).
            if i + 1 >= RUN && (hash >> 62) == 0 {
                runs.push(hash);
            }
        }
        runs.sort_unstable();
        runs.dedup();
        Some(ProsePrint { runs })
    }

    /// The sampled runs.
    pub fn runs(&self) -> &[u64] {
        &self.runs
    }

    /// The share (0–100) of the shorter of the two prints found in the other.
    pub fn shared_percent(&self, other: &ProsePrint) -> u32 {
        let (small, large) = if self.runs.len() <= other.runs.len() {
            (&self.runs, &other.runs)
        } else {
            (&other.runs, &self.runs)
        };
        let shared = small
            .iter()
            .filter(|h| large.binary_search(h).is_ok())
            .count();
        u32::try_from(shared * 100 / small.len().max(1)).unwrap_or(100)
    }
}

/// The share (0–100) of this year's prose that also stands in last year's, measured on
/// overlapping runs of eight characters with digits ignored, so that a text copied with only
/// its figures and years updated still counts as copied. `None` when either text is too short
/// to judge.
pub fn shared_percent(this_year: &Report, last_year: &Report) -> Option<u32> {
    let now = chars_of(this_year);
    let before = chars_of(last_year);
    if now.len() < MIN_CHARS || before.len() < MIN_CHARS {
        return None;
    }
    let mut seen: Vec<&[char]> = before.windows(RUN).collect();
    seen.sort_unstable();
    let runs = now.windows(RUN).count();
    let shared = now
        .windows(RUN)
        .filter(|w| seen.binary_search(w).is_ok())
        .count();
    u32::try_from(shared * 100 / runs.max(1)).ok()
}

#[cfg(test)]
mod tests {

    #[test]
    fn normalise_folds_digits_drops_spaces_and_thousands_separators() {
        assert_eq!(normalise("共 1,234 件，占 １２．５％"), "共1234件，占12.5%");
        assert_eq!(normalise("3，456件"), "3456件");
        // Not a thousands separator: four digits after, a letter before, or the end.
        assert_eq!(normalise("1,2345"), "1,2345");
        assert_eq!(normalise("a,123"), "a,123");
        assert_eq!(normalise("12,"), "12,");
        assert_eq!(normalise("5，6件"), "56件");
    }

    use super::*;

    #[test]
    fn a_quote_is_found_where_it_was_written_spaces_and_separators_included() {
        let text = "（二）依申请公开情况。2024 年，受理申请 1,234 件，均已答复。";
        let quote = "2024年，受理申请1234件";
        let at = locate(text, quote).expect("found");
        assert_eq!(&text[at], "2024 年，受理申请 1,234 件");
        // Full-width digits are read as ASCII ones.
        let text = "共受理申请１２件。";
        assert_eq!(
            &text[locate(text, "受理申请12件").expect("found")],
            "受理申请１２件"
        );
        assert_eq!(locate(text, "受理申请13件"), None);
        assert_eq!(locate(text, ""), None);
    }
    use crate::layout::Edition;

    fn read(text: &str) -> Vec<(Topic, u64, Option<String>)> {
        let mut report = Report::blank(Edition::V2021, 2024, "x");
        report.overview.disclosure_on_request = Some(text.to_owned());
        statements(&report)
            .into_iter()
            .map(|s| (s.topic, s.value, s.percent))
            .collect()
    }

    #[test]
    fn reads_the_shanghai_paragraph() {
        let found = read(
            "市政府办公厅代表市政府共受理政府信息公开申请859件，申请数量较去年回落12.3%；答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），均在法定期限内予以答复。予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%；因本机关不掌握等原因无法提供265件，占32.9%；不予处理158件，占19.6%；其他处理0件。信息公开类行政复议7件，诉讼9件，均获维持。",
        );
        let topics: Vec<_> = found.iter().map(|(t, v, _)| (*t, *v)).collect();
        assert_eq!(
            topics,
            [
                (Topic::Received, 859),
                (Topic::Completed, 805),
                (Topic::CarriedOver, 18),
                (Topic::CarriedForward, 72),
                (Topic::GrantedOrPartially, 258),
                (Topic::Withheld, 35),
                (Topic::Unable, 265),
                (Topic::NotProcessed, 158),
                (Topic::OtherProcessing, 0),
                (Topic::Review, 7),
                (Topic::Litigation, 9),
            ]
        );
        assert_eq!(found[4].2.as_deref(), Some("33.9"));
    }

    #[test]
    fn reads_spaced_numbers_and_outcome_lists() {
        let found = read("政府信息公开行政复议 351 件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件。");
        let topics: Vec<_> = found.iter().map(|(t, v, _)| (*t, *v)).collect();
        assert_eq!(
            topics,
            [
                (Topic::Review, 351),
                (Topic::ReviewOutcome(Outcome::Upheld), 72),
                (Topic::ReviewOutcome(Outcome::Corrected), 64),
                (Topic::ReviewOutcome(Outcome::Other), 178),
                (Topic::ReviewOutcome(Outcome::Pending), 37),
            ]
        );
    }

    #[test]
    fn reads_numbers_before_their_keyword_and_applicant_lists() {
        let found = read("本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。");
        let topics: Vec<_> = found.iter().map(|(t, v, _)| (*t, *v)).collect();
        assert_eq!(
            topics,
            [
                (Topic::Received, 70),
                (Topic::Completed, 69),
                (Topic::CarriedForward, 1)
            ]
        );
        let found =
            read("2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件，办结率100%。");
        let topics: Vec<_> = found.iter().map(|(t, v, _)| (*t, *v)).collect();
        assert_eq!(
            topics,
            [
                (Topic::Received, 75),
                (Topic::ReceivedFrom(Applicant::NaturalPerson), 72),
                (Topic::ReceivedFrom(Applicant::Commercial), 3)
            ]
        );
    }

    #[test]
    fn none_received_and_unrelated_numbers() {
        assert_eq!(
            read("2024 年，头二三道街街道未收到政府信息公开申请件。"),
            [(Topic::NoneReceived, 0, None)]
        );
        assert!(read("发布政策解读共132件，统一受理平台接入53个部门2261项事项。").is_empty());
    }
}
