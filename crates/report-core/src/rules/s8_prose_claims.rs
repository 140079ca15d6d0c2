use super::{declare_rule, Context, Rule, RuleMeta};
use crate::diagnostic::{Claim, ClaimProblem, Finding};
use crate::layout::{AppealGroup, Applicant, Outcome, ProseField, RequestRow};
use crate::place::Place;
use crate::prose::{normalise, years_in};

declare_rule! {
    /// ## What it checks
    ///
    /// Sweeping claims in the prose against the tables:
    ///
    /// - "均获维持" / "全部维持" of 行政复议 or 行政诉讼, while 表四 has outcomes other than 结果维持
    ///   (结果纠正, 其他结果, or 尚未审结 unless the sentence speaks only of concluded cases);
    /// - "零败诉" / "无败诉", while 表四's 行政诉讼 has 结果纠正;
    /// - "零纠错" / "未被纠错", while 表四 has 结果纠正;
    /// - "均已办结" / "办结率100%" of applications, while 表三 carries some forward
    ///   (结转下年度继续办理);
    /// - "未发生…行政复议 / 行政诉讼", while 表四 has some.
    ///
    /// ("未收到申请" against 表三's new applications is rule S1's.)
    ///
    /// A sentence that makes exceptions ("除…外", "其余"), that speaks of another year, or whose
    /// figures are blank in the tables is not judged. Each claim is read in its own sentence (a
    /// negation in its own clause, with no number in it).
    ///
    /// ## Why
    ///
    /// Evaluators read the prose first; a summary that says every case was upheld while the
    /// tables list cases still pending, or that no application was received while 表三 counts
    /// them, is a contradiction a reader notices at once.
    ///
    /// ## Example
    ///
    /// 上海市人民政府办公厅 2019: "信息公开类行政复议7件，诉讼9件，均获维持", while 表四 has
    /// 行政复议 尚未审结 2 and 直接起诉 尚未审结 1.
    ///
    /// ## Source
    ///
    /// Third-party evaluations of annual reports (consistency of prose and tables);
    /// docs/format.md, rule S8.
    pub struct ProseClaims {
        code: "S8",
        name: "prose-claims",
        severity: Warning,
        since: "0.2.0",
        needs_previous: false,
        title_zh: "正文的概括性表述与表格相符",
        title_en: "Sweeping claims in the prose agree with the tables",
        explanation_zh: "正文中“均获维持”“零败诉”“未被纠错”“均已办结”“未发生行政复议”等概括性表述，应与表三、表四的数字相符；例如表四有尚未审结或结果纠正的案件，就不能说“均获维持”。",
    }
}

const UPHELD: [&str; 6] = [
    "均获维持",
    "均被维持",
    "均维持",
    "全部维持",
    "全部获得维持",
    "均予以维持",
];
const NOT_LOST: [&str; 5] = ["零败诉", "无败诉", "没有败诉", "未败诉", "未出现败诉"];
const NOT_CORRECTED: [&str; 7] = [
    "零纠错",
    "无纠错",
    "未被纠错",
    "没有被纠错",
    "纠错率为0",
    "纠错率为零",
    "纠错率0",
];
const CONCLUDED: [&str; 6] = [
    "均已办结",
    "全部办结",
    "已全部办结",
    "办结率100%",
    "办结率为100%",
    "办结率达100%",
];
/// Words that make a claim about part of the cases only.
const EXCEPTIONS: [&str; 4] = ["除", "其余", "以外", "之外"];
/// Negations that open a clause saying something did not happen.
const NONE: [&str; 9] = [
    "未收到",
    "没有收到",
    "未接到",
    "未发生",
    "没有发生",
    "未出现",
    "没有出现",
    "未被申请",
    "未被提起",
];

fn appeal_cells(groups: &[AppealGroup], outcomes: &[Outcome]) -> Vec<Place> {
    groups
        .iter()
        .flat_map(|&g| outcomes.iter().map(move |&o| Place::Appeals(g, Some(o))))
        .collect()
}

const LITIGATION: [AppealGroup; 2] = [
    AppealGroup::LitigationDirect,
    AppealGroup::LitigationAfterReview,
];

/// The claims a sentence makes, the cells whose counts would contradict each, and where the
/// clause making it ends (what a message quotes).
fn claims(sentence: &str) -> Vec<(Claim, Vec<Place>, usize)> {
    let mut out = Vec::new();
    let has = |words: &[&str]| words.iter().any(|w| sentence.contains(w));
    let review = sentence.contains("复议");
    let litigation = sentence.contains("诉讼") || sentence.contains("起诉");
    if has(&UPHELD) && !has(&EXCEPTIONS) && (review || litigation) {
        let mut groups = Vec::new();
        if review {
            groups.push(AppealGroup::Review);
        }
        if litigation {
            groups.extend(LITIGATION);
        }
        // "已审结的均获维持" speaks of concluded cases only: pending ones do not contradict it.
        let outcomes: &[Outcome] = if sentence.contains("审结") {
            &[Outcome::Corrected, Outcome::Other]
        } else {
            &[Outcome::Corrected, Outcome::Other, Outcome::Pending]
        };
        out.push((
            Claim::AllUpheld,
            appeal_cells(&groups, outcomes),
            clause_end(sentence, &UPHELD),
        ));
    }
    if has(&NOT_LOST) {
        out.push((
            Claim::NoLitigationLost,
            appeal_cells(&LITIGATION, &[Outcome::Corrected]),
            clause_end(sentence, &NOT_LOST),
        ));
    }
    if has(&NOT_CORRECTED) {
        out.push((
            Claim::NoCorrection,
            appeal_cells(AppealGroup::ALL, &[Outcome::Corrected]),
            clause_end(sentence, &NOT_CORRECTED),
        ));
    }
    if has(&CONCLUDED)
        && !has(&EXCEPTIONS)
        && (sentence.contains("申请") || sentence.contains("办结率"))
        && !(review || litigation)
    {
        out.push((
            Claim::AllConcluded,
            vec![Place::Requests(
                RequestRow::CarriedForward,
                Some(Applicant::Total),
            )],
            clause_end(sentence, &CONCLUDED),
        ));
    }
    if out
        .iter()
        .any(|(c, _, _)| *c == Claim::NoLitigationLost || *c == Claim::NoCorrection)
    {
        return out;
    }
    let mut start = 0;
    for clause in sentence.split(['，', ',', '：', ':']) {
        let end = start + clause.len();
        start = end + sentence[end..].chars().next().map_or(0, char::len_utf8);
        // A clause with a number in it counts something; a claim of none has none.
        if clause.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let Some(at) = NONE.iter().filter_map(|w| clause.find(w)).min() else {
            continue;
        };
        let after = &clause[at..];
        if after.contains("复议") {
            out.push((
                Claim::NoReview,
                vec![Place::Appeals(AppealGroup::Review, Some(Outcome::Total))],
                end,
            ));
        }
        if after.contains("诉讼") || after.contains("起诉") {
            out.push((
                Claim::NoLitigation,
                appeal_cells(&LITIGATION, &[Outcome::Total]),
                end,
            ));
        }
    }
    out
}

/// Where the clause holding the first of `words` ends in `sentence`.
fn clause_end(sentence: &str, words: &[&str]) -> usize {
    let at = words
        .iter()
        .filter_map(|w| sentence.find(w).map(|i| i + w.len()))
        .min()
        .unwrap_or(sentence.len());
    sentence[at..]
        .find(['，', ','])
        .map_or(sentence.len(), |i| at + i)
}

impl Rule for ProseClaims {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let report = cx.report;
        let mut said: Vec<Claim> = Vec::new();
        for field in ProseField::ALL {
            let Some(text) = report.prose(field) else {
                continue;
            };
            let text = normalise(text);
            // Most sections make no such claim: one without any of the words is passed over.
            let words = UPHELD
                .iter()
                .chain(&NOT_LOST)
                .chain(&NOT_CORRECTED)
                .chain(&CONCLUDED)
                .chain(&NONE);
            if !words.into_iter().any(|w| text.contains(w)) {
                continue;
            }
            for sentence in text.split(['。', '；', ';', '\n', '！', '？']) {
                // A sentence about another year (a past record, a plan) is not this year's claim.
                if years_in(sentence).iter().any(|&y| y != report.year) {
                    continue;
                }
                for (claim, cells, end) in claims(sentence) {
                    let quote = sentence[..end].trim().to_owned();
                    if said.contains(&claim) {
                        continue;
                    }
                    // Only what the tables state contradicts a claim: a blank cell says nothing.
                    let counted: Vec<(Place, u64)> = cells
                        .iter()
                        .filter_map(|&p| Some((p, report.cell(p)?.count()?)))
                        .filter(|&(_, n)| n > 0)
                        .collect();
                    if counted.is_empty() {
                        continue;
                    }
                    said.push(claim);
                    out.push(Finding::Claim(ClaimProblem {
                        claim,
                        field,
                        quote,
                        count: counted.iter().map(|(_, n)| n).sum(),
                        cells: counted.into_iter().map(|(p, _)| p).collect(),
                    }));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(sentence: &str) -> Vec<Claim> {
        claims(sentence).into_iter().map(|(c, _, _)| c).collect()
    }

    #[test]
    fn claims_are_read_in_their_own_words() {
        assert_eq!(
            kinds("信息公开类行政复议7件，诉讼9件，均获维持"),
            [Claim::AllUpheld]
        );
        assert_eq!(
            kinds("未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况"),
            [Claim::NoReview, Claim::NoLitigation]
        );
        // "未收到申请" is rule S1's.
        assert!(kinds("头二三道街街道未收到政府信息公开申请件").is_empty());
        assert_eq!(
            kinds("均在法定期限内予以答复，办结率100%"),
            [Claim::AllConcluded]
        );
        assert_eq!(
            kinds("继续保持了省级政府零败诉的记录"),
            [Claim::NoLitigationLost]
        );
    }

    #[test]
    fn exceptions_numbers_and_other_matters_are_not_claims() {
        assert!(kinds("行政复议3件，除1件被纠正外，其余均获维持").is_empty());
        assert!(kinds("均获维持").is_empty(), "of what, it does not say");
        assert!(kinds("收到申请12件，未收到的有3件").is_empty());
        assert!(kinds("未发生相关责任人责任追究问题情况").is_empty());
        assert!(kinds("行政复议案件均已办结").is_empty(), "not applications");
    }
}
