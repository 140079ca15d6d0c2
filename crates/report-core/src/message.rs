//! Putting findings into words, in Chinese or English. The only place message text is written.

use crate::diagnostic::{
    Breakdown, Claim, ClaimProblem, DateProblem, Equals, FeeProblem, Finding, Lang, LayoutProblem,
    PlanProblem, ProseMismatch, ValueProblem,
};
use crate::equation::{Bound, Equation};
use crate::layout::{
    Applicant, Edition, Outcome, ProactiveColumn, ProseField, RequestRow, TableId, REQUESTS_NOTE,
};
use crate::place::Place;
use crate::prose::Topic;
use crate::report::{AgencyLevel, Report};

/// How many places a message lists before it says "等".
const LISTED: usize = 5;

/// The message for `finding` about `report`, in `lang`.
pub fn render(finding: &Finding, report: &Report, lang: Lang) -> String {
    match lang {
        Lang::Zh => zh(finding, report),
        #[cfg(feature = "english")]
        Lang::En => en(finding, report),
        // Built without English messages (pages for Chinese readers): Chinese for every language.
        #[cfg(not(feature = "english"))]
        Lang::En => zh(finding, report),
    }
}

/// The note added to a diagnostic that names the likely culprit.
pub fn culprit_note(place: &Place, report: &Report, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "行、列两处合计都经过{}，很可能是这一格填错了。",
            place.describe_zh(report.edition)
        ),
        Lang::En => format!(
            "A row total and a column total both fail through {}: it is the likely culprit.",
            place.pointer()
        ),
    }
}

/// The official name of an edition, in Chinese.
pub fn edition_name_zh(edition: Edition) -> &'static str {
    match edition {
        Edition::V2021 => "2021 年版格式（国办公开办函〔2021〕30号）",
        Edition::V2019 => "2019 年试行格式（国办公开办函〔2019〕60号）",
    }
}

/// The short Chinese name of an edition.
pub fn edition_short_zh(edition: Edition) -> &'static str {
    match edition {
        Edition::V2021 => "2021 年版格式",
        Edition::V2019 => "2019 年试行格式",
    }
}

/// The short Chinese title of any diagnostic code: a rule's, an import problem's, the batch
/// comparison's (B1) or the roll-up's (U1). `None` for a code nothing gives.
pub fn code_title_zh(code: &str) -> Option<&'static str> {
    if let Some(meta) = crate::rules::catalogue().find(|m| m.code == code) {
        return Some(meta.title_zh);
    }
    if let Some(problem) = crate::ImportProblem::ALL.iter().find(|p| p.code() == code) {
        return Some(problem.title_zh());
    }
    match code {
        crate::similar::ALIKE_CODE => Some("与同批另一机关的报告雷同"),
        crate::outliers::CORRECTION_CODE => Some("纠错率远高于同批其他报告"),
        crate::aggregate::ROLL_UP_CODE => Some("汇总报告与所辖单位之和不符"),
        _ => None,
    }
}

/// Places named in Chinese and joined with 、; a long list names its first few and the count of
/// all ("…等共 126 处").
pub fn list_zh(places: &[Place], edition: Edition) -> String {
    let mut listed: Vec<String> = places
        .iter()
        .take(LISTED)
        .map(|p| p.describe_zh(edition))
        .collect();
    if places.len() > LISTED {
        listed.push(format!("等共 {} 处", places.len()));
        let last = listed.pop().unwrap_or_default();
        return format!("{}{last}", listed.join("、"));
    }
    listed.join("、")
}

#[cfg(feature = "english")]
fn list_en(places: &[Place]) -> String {
    let mut listed: Vec<String> = places.iter().take(LISTED).map(Place::pointer).collect();
    if places.len() > LISTED {
        listed.push(format!("and {} more", places.len() - LISTED));
    }
    listed.join(", ")
}

/// The short label of a 表三 row, e.g. （七）总计.
fn row(row: RequestRow) -> &'static str {
    row.def().short
}

/// The label of a column in `edition`.
fn col(labels: crate::layout::Labels, edition: Edition) -> &'static str {
    labels.any(edition)
}

/// The 2021 labels of `parts`, joined with ＋.
fn plus<T: Copy>(parts: &[T], label: impl Fn(T) -> &'static str) -> String {
    parts
        .iter()
        .map(|&p| label(p))
        .collect::<Vec<_>>()
        .join("＋")
}

/// The note of 表三 without its parentheses: 本列数据的勾稽关系为：….
fn requests_note() -> &'static str {
    REQUESTS_NOTE
        .trim_start_matches('（')
        .trim_end_matches('）')
}

fn equation_zh(equation: Equation, edition: Edition) -> String {
    match equation {
        Equation::RowTotal(r) => format!("表三「{}」行的总计", row(r)),
        Equation::ResultsColumn(c) => {
            format!("表三「{}」列的{}", c.short(), row(RequestRow::ResultsTotal))
        }
        Equation::IntakeBalance(c) => format!("表三「{}」列的勾稽关系", c.short()),
        Equation::AppealTotal(group) => format!("表四「{}」的总计", group.def().label),
        Equation::CarryOver(c) => format!(
            "表三「{}」列的「{}」",
            c.short(),
            row(RequestRow::CarriedOver)
        ),
        Equation::InForce(item) => {
            format!(
                "表二「{}」的「{}」",
                item.def().labels.any(edition),
                col(ProactiveColumn::InForce.def().labels, edition)
            )
        }
    }
}

fn imbalance_zh(
    equation: Equation,
    expected: i128,
    actual: i128,
    bound: Bound,
    edition: Edition,
) -> String {
    let diff = (actual - expected).abs();
    let (what, parts, total) = match equation {
        Equation::RowTotal(r) => (
            format!("表三「{}」行", row(r)),
            "各类申请人之和".to_owned(),
            format!("「{}」", col(Applicant::Total.def().labels, edition)),
        ),
        Equation::ResultsColumn(c) => (
            format!("表三「{}」列", c.short()),
            "各项办理结果之和".to_owned(),
            format!("「{}」", row(RequestRow::ResultsTotal)),
        ),
        Equation::IntakeBalance(c) => (
            format!(
                "表三「{}」列不符合表头注明的“{}”",
                c.short(),
                requests_note()
            ),
            format!(
                "「{}」＋「{}」",
                row(RequestRow::New),
                row(RequestRow::CarriedOver)
            ),
            format!(
                "「{}」＋「{}」",
                row(RequestRow::ResultsTotal),
                row(RequestRow::CarriedForward)
            ),
        ),
        Equation::AppealTotal(group) => (
            format!("表四「{}」", group.def().label),
            plus(&Outcome::PARTS, |o| col(o.def().labels, edition)),
            format!("「{}」", col(Outcome::Total.def().labels, edition)),
        ),
        Equation::CarryOver(c) => (
            format!("表三「{}」列", c.short()),
            format!("上年报告的「{}」", row(RequestRow::CarriedForward)),
            format!("本年「{}」", row(RequestRow::CarriedOver)),
        ),
        Equation::InForce(item) => {
            let label = |c: ProactiveColumn| col(c.def().labels, edition);
            let (stock, added, removed) = match edition {
                Edition::V2021 => (
                    ProactiveColumn::InForce,
                    ProactiveColumn::Issued,
                    Some(ProactiveColumn::Repealed),
                ),
                Edition::V2019 => (
                    ProactiveColumn::TotalPublished,
                    ProactiveColumn::Published,
                    None,
                ),
            };
            let mut parts = format!("上年「{}」＋「{}」", label(stock), label(added));
            if let Some(removed) = removed {
                parts.push_str(&format!("－「{}」", label(removed)));
            }
            (
                format!("表二「{}」", item.def().labels.any(edition)),
                parts,
                format!("本年「{}」", label(stock)),
            )
        }
    };
    match bound {
        Bound::Exact => format!("{what}：{parts}为 {expected}，{total}为 {actual}，相差 {diff}。"),
        Bound::PartsExceed => format!(
            "{what}：{parts}仅已填部分就有 {expected}（另有空白单元格），{total}却只有 {actual}，至少相差 {diff}。"
        ),
        Bound::TotalsExceed => format!(
            "{what}：{total}仅已填部分就有 {actual}（另有空白单元格），已超过{parts} {expected}，至少相差 {diff}。"
        ),
    }
}

fn topic_zh(topic: Topic) -> String {
    match topic {
        Topic::Received => "收到申请".to_owned(),
        Topic::ReceivedFrom(a) => format!("收到{}的申请", a.short()),
        Topic::NoneReceived => "未收到申请".to_owned(),
        Topic::Completed => "办结（答复）".to_owned(),
        Topic::CarriedOver => row(RequestRow::CarriedOver).to_owned(),
        Topic::CarriedForward => row(RequestRow::CarriedForward).to_owned(),
        Topic::GrantedOrPartially => "予以公开及部分公开".to_owned(),
        Topic::Granted => "予以公开".to_owned(),
        Topic::PartiallyGranted => "部分公开".to_owned(),
        Topic::Withheld => "不予公开".to_owned(),
        Topic::Unable => "无法提供".to_owned(),
        Topic::NotProcessed => "不予处理".to_owned(),
        Topic::OtherProcessing => "其他处理".to_owned(),
        Topic::Review => "行政复议".to_owned(),
        Topic::Litigation => "行政诉讼".to_owned(),
        Topic::ReviewOutcome(o) => format!("行政复议{}", o.def().labels.any(Edition::V2021)),
        Topic::LitigationOutcome(o) => format!("行政诉讼{}", o.def().labels.any(Edition::V2021)),
    }
}

fn quote(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() > MAX {
        format!("{}…", text.chars().take(MAX).collect::<String>())
    } else {
        text.to_owned()
    }
}

fn prose_zh(m: &ProseMismatch, edition: Edition) -> String {
    let said = format!("正文“{}”", quote(&m.quote));
    let topic = topic_zh(m.statement.topic);
    let mut out = if m.count_agrees {
        format!("{said}中{topic} {} 件与表格一致", m.stated)
    } else if m.statement.topic == Topic::NoneReceived {
        format!("{said}称未收到申请，但表三“一、本年新收”已填 {}", m.table)
    } else if m.table_incomplete {
        format!(
            "{said}称{topic} {} 件，但表格中已填部分就有 {} 件",
            m.stated, m.table
        )
    } else {
        format!("{said}称{topic} {} 件，表格为 {} 件", m.stated, m.table)
    };
    if let Some((stated, computed)) = &m.percent {
        out.push_str(&format!(
            "，所称比例 {stated}% 与按表格计算的 {computed}% 不符"
        ));
    }
    match m.equals {
        Some(Equals::Column(col)) => out.push_str(&format!(
            "；{} 恰为表三「{}」一列之和，可能只抄录了一列而不是总计",
            m.stated,
            col.short()
        )),
        Some(Equals::Cell(place)) => out.push_str(&format!(
            "；{} 恰为{}的数字，可能抄录了单个单元格",
            m.stated,
            place.describe_zh(edition)
        )),
        Some(Equals::LastYear) => out.push_str(&format!(
            "；{} 与上年报告的同一数字相同，可能沿用了上年的数字",
            m.stated
        )),
        None => {}
    }
    out.push('。');
    out
}

fn breakdown_zh(b: &Breakdown, edition: Edition) -> String {
    let mut out = format!(
        "「{}」逐项列出的办理结果（“{}”等）相加为 {} 件",
        b.field.heading_in(edition),
        quote(&b.quote),
        b.parts
    );
    if let Some(percent) = &b.percent {
        out.push_str(&format!("，比例合计 {percent}%"));
    }
    out.push_str(&format!("，与所称答复总数 {} 件不符。", b.total));
    out
}

fn level_zh(level: AgencyLevel) -> &'static str {
    match level {
        AgencyLevel::Central => "国务院部门",
        AgencyLevel::Provincial => "省级机关",
        AgencyLevel::Municipal => "设区的市级机关",
        AgencyLevel::County => "县级机关",
        AgencyLevel::Township => "乡镇（街道）",
    }
}

fn zh(finding: &Finding, report: &Report) -> String {
    let edition = report.edition;
    match finding {
        Finding::Imbalance { equation, expected, actual, bound, .. } => {
            imbalance_zh(*equation, *expected, *actual, *bound, edition)
        }
        Finding::Incomplete { equations, .. } => {
            let listed: Vec<String> = equations.iter().take(3).map(|e| equation_zh(*e, edition)).collect();
            let more = if equations.len() > 3 { "等" } else { "" };
            format!(
                "{} 处合计因有空白单元格暂无法核对（{}{more}），填完后会自动核对。",
                equations.len(),
                listed.join("、")
            )
        }
        Finding::Blanks { table, cells } => format!(
            "{}有 {} 个单元格空白：{}。空白不等于 0，没有发生的请填 0。",
            table.short_name(),
            cells.len(),
            list_zh(cells, edition)
        ),
        Finding::Placeholders { table, cells } => {
            let listed: Vec<String> = cells
                .iter()
                .take(LISTED)
                .map(|(p, text)| format!("{}填“{text}”", p.describe_zh(edition)))
                .collect();
            let more = if cells.len() > LISTED { format!("等共 {} 处", cells.len()) } else { String::new() };
            format!(
                "{}有单元格用符号代替数字：{}{more}。符号不等于 0，没有发生的请填 0。",
                table.short_name(),
                listed.join("、")
            )
        }
        Finding::BadValue { cell, text, problem } => {
            let money = matches!(cell, Place::Proactive(_, Some(c)) if c.def().kind == crate::layout::CellKind::Money);
            let why = match (problem, money) {
                (ValueProblem::Negative, _) => "不能为负数",
                (ValueProblem::NotWhole, _) => "应为整数",
                (ValueProblem::NotANumber, true) => "不是数字，应填以万元为单位的金额",
                (ValueProblem::NotANumber, false) => "不是数字",
            };
            format!("{}填写“{text}”，{why}。", cell.describe_zh(edition))
        }
        Finding::Layout(problem) => match problem {
            LayoutProblem::EditionForYear { year, edition, expected: Some(expected) } => format!(
                "{year} 年度报告应使用 {}，本报告使用的是 {}。",
                edition_name_zh(*expected),
                edition_name_zh(*edition)
            ),
            // No year at all: not filled in, or not found in an imported document's title.
            LayoutProblem::EditionForYear { year: 0, .. } => {
                "没有报告年度，无法核对格式版本；请填写报告年度。".to_owned()
            }
            LayoutProblem::EditionForYear { year, .. } => {
                format!("{year} 年尚无全国统一的年度报告表格（2019 年度报告起才有），请核对报告年度。")
            }
            LayoutProblem::CollapsedOtherProcessing => {
                let subs: Vec<String> = crate::layout::RequestRow::OTHER_SPLIT
                    .iter()
                    .map(|r| format!("“{}”", r.def().short.trim_start_matches("（六）")))
                    .collect();
                format!(
                    "表三「（六）其他处理」印为一行，这是 2019 年试行格式的版式；{}应分为{}三行。",
                    edition_name_zh(edition),
                    subs.join("")
                )
            }
            LayoutProblem::DoubleOtherProcessing => {
                "表三「（六）其他处理」既有合并的一行，又有分开的三行，只能保留其一。".to_owned()
            }
            LayoutProblem::MissingRows { table, rows } => {
                format!("{}缺少 {} 行：{}。", table.short_name(), rows.len(), list_zh(rows, edition))
            }
            LayoutProblem::MissingCells { table, cells } => {
                format!("{}缺少 {} 个单元格：{}。", table.short_name(), cells.len(), list_zh(cells, edition))
            }
        },
        Finding::PreviousYear { expected, found } => format!(
            "提供的上年报告是 {found} 年度的，应为 {expected} 年度，跨年度核对未进行。"
        ),
        Finding::Prose(m) => prose_zh(m, edition),
        Finding::Breakdown(b) => breakdown_zh(b, edition),
        Finding::Fees(problem) => match problem {
            FeeProblem::AmountNotStated { unpaid: Some(n) } => format!(
                "表三（六）2 有 {n} 件申请因逾期未缴纳费用不再处理，但「{}」没有说明收取信息处理费的情况。",
                ProseField::OtherMatters.heading_in(edition)
            ),
            FeeProblem::AmountNotStated { unpaid: None } => format!(
                "「{}」提到信息处理费，但没有写明金额（例如“收取信息处理费 300 元”或“未收取信息处理费”）。",
                ProseField::OtherMatters.heading_in(edition)
            ),
            FeeProblem::WrongUnit => {
                "「六」以“万元”表述信息处理费；信息处理费按元计，万元是表二“行政事业性收费”的单位，请核对是否混淆。"
                    .to_owned()
            }
            FeeProblem::SameAsAdministrativeFees { amount } => format!(
                "「六」所述信息处理费与表二“行政事业性收费”同为 {amount}；两者不是一回事（信息处理费以元计，行政事业性收费以万元计），请核对是否混淆。"
            ),
        },
        Finding::RegulationsAtLevel { level, cells } => format!(
            "本机关为{}，无权制定规章，但{}不为 0。规章只能由国务院部门和省级、设区的市级人民政府制定，请核对是否应填入“行政规范性文件”。",
            level_zh(*level),
            list_zh(cells, edition)
        ),
        Finding::Plan(problem) => match problem {
            PlanProblem::Missing => format!(
                "「{}」没有内容。",
                ProseField::Problems.heading_in(edition)
            ),
            PlanProblem::Boilerplate { chars } => format!(
                "「{}」只有 {chars} 个字或仍是模板文字，应具体写明存在的问题和改进措施。",
                ProseField::Problems.heading_in(edition)
            ),
            PlanProblem::WrongYear { found, expected, quote: q } => format!(
                "「五」的改进计划写的是 {found} 年（“{}”），本报告为 {} 年度，应规划 {expected} 年的工作。",
                quote(q),
                report.year
            ),
        },
        Finding::Duplication { percent, .. } => format!(
            "正文有 {percent}% 与上年报告相同，超过一半；年度报告与上年雷同会在评估中被扣分。"
        ),
        Finding::Publication(problem) => match problem {
            DateProblem::Late { deadline, published, government, signed } => format!(
                "{}，晚于法定期限 {deadline}（《条例》第四十九条：{}）。",
                if signed.is_some() { format!("文末落款日期为 {published}") } else { format!("发布于 {published}") },
                if *government { "县级以上人民政府的年度报告应于每年 3 月 31 日前公布" } else { "政府部门的年度报告应于每年 1 月 31 日前公布" }
            ),
            DateProblem::Early { published, signed } => format!(
                "{}，早于统计期结束（{} 年 12 月 31 日），请核对{}或报告年度。",
                if signed.is_some() { format!("文末落款日期为 {published}") } else { format!("发布于 {published}") },
                report.year,
                if signed.is_some() { "落款日期" } else { "发布日期" }
            ),
        },
        Finding::ProseYear { field, found, quote: q } => format!(
            "「{}」写的是 {found} 年的情况（“{}”），本报告为 {} 年度；可能沿用了往年报告的文字，请核对。",
            field.heading_in(edition),
            quote(q),
            report.year
        ),
        Finding::Claim(problem) => claim_zh(problem, edition),
        Finding::RollUp { cell, stated, units, count } => format!(
            "{}为 {stated}，所辖 {count} 个单位的报告相加为 {units}，两者不符。",
            cell.describe_zh(edition)
        ),
        Finding::CorrectionRate { kind, corrected, decided, others_corrected, others_decided, .. } => format!(
            "{kind}纠错率为 {}%（已审结 {decided} 件中结果纠正 {corrected} 件），远高于同批其他同年度报告合计的 {}%（{others_decided} 件中 {others_corrected} 件），请核对是否填错了列。",
            crate::outliers::percent(*corrected, *decided),
            crate::outliers::percent(*others_corrected, *others_decided)
        ),
        Finding::Alike { other, agency, tables, prose_percent } => {
            let mut what = Vec::new();
            if !tables.is_empty() {
                what.push(format!(
                    "{}的每个数字都相同",
                    tables.iter().map(|t| t.short_name()).collect::<Vec<_>>().join("、")
                ));
            }
            if let Some(percent) = prose_percent {
                what.push(format!("正文有 {percent}% 相同"));
            }
            format!(
                "本报告与同批的 {other}（{agency}）{}，请核对是否相互照搬。",
                what.join("，")
            )
        }
        Finding::CopiedTables { tables, .. } => format!(
            "{}的每个数字都与上年报告相同，请核对是否照搬了上年的表格。",
            tables.iter().map(|t| t.short_name()).collect::<Vec<_>>().join("、")
        ),
        Finding::YearOnYear { cell, this_year, last_year } => format!(
            "{}为 {this_year}，上年为 {last_year}，变化在 {} 倍以上，请核对是否填错行列或数字。",
            cell.describe_zh(edition),
            crate::rules::YEAR_ON_YEAR_FACTOR
        ),
        Finding::Import(_) => "文档中有内容未能读取，请对照原文核对。".to_owned(),
    }
}

fn claim_zh(p: &ClaimProblem, edition: Edition) -> String {
    let n = p.count;
    let cells = list_zh(&p.cells, edition);
    let against = match p.claim {
        Claim::AllUpheld => format!("但表四有 {n} 件不是“结果维持”（{cells}）"),
        Claim::NoLitigationLost => format!("但表四行政诉讼“结果纠正”共 {n} 件（{cells}）"),
        Claim::NoCorrection => format!("但表四“结果纠正”共 {n} 件（{cells}）"),
        Claim::AllConcluded => format!("但表三有 {n} 件申请结转下年度继续办理"),
        Claim::NoReview => format!("但表四行政复议共 {n} 件"),
        Claim::NoLitigation => format!("但表四行政诉讼共 {n} 件（{cells}）"),
    };
    format!(
        "「{}」称“{}”，{against}。请核对正文或表格。",
        p.field.heading_in(edition),
        quote(&p.quote)
    )
}

#[cfg(feature = "english")]
fn en(finding: &Finding, report: &Report) -> String {
    match finding {
        Finding::Imbalance { equation, expected, actual, bound, cells } => {
            let primary = cells.first().map(Place::pointer).unwrap_or_default();
            let diff = (actual - expected).abs();
            let what = match equation {
                Equation::RowTotal(_) => "the applicant columns",
                Equation::ResultsColumn(_) => "the result rows",
                Equation::IntakeBalance(_) => "new + carried over",
                Equation::AppealTotal(_) => "the four outcomes",
                Equation::CarryOver(_) => "last year's carried forward",
                Equation::InForce(_) => "last year's in force + issued − repealed",
            };
            match bound {
                Bound::Exact => format!("{primary}: {what} give {expected}, the report says {actual} (difference {diff})."),
                Bound::PartsExceed => format!(
                    "{primary}: the filled cells of {what} already give {expected}, more than the {actual} reported (at least {diff} apart)."
                ),
                Bound::TotalsExceed => format!(
                    "{primary}: the filled totals already give {actual}, more than the {expected} of {what} (at least {diff} apart)."
                ),
            }
        }
        Finding::Incomplete { equations, cells } => format!(
            "{} totals cannot be checked yet because of blank cells ({}).",
            equations.len(),
            list_en(cells)
        ),
        Finding::Blanks { table, cells } => format!(
            "{}: {} blank cells ({}). Blank is not zero; enter 0 where nothing happened.",
            table.english_name(),
            cells.len(),
            list_en(cells)
        ),
        Finding::Placeholders { table, cells } => {
            let places: Vec<Place> = cells.iter().map(|(p, _)| *p).collect();
            format!("{}: marks instead of numbers ({}). Enter 0 where nothing happened.", table.english_name(), list_en(&places))
        }
        Finding::BadValue { cell, text, problem } => {
            let why = match problem {
                ValueProblem::Negative => "cannot be negative",
                ValueProblem::NotWhole => "must be a whole number",
                ValueProblem::NotANumber => "is not a number",
            };
            format!("{}: \"{text}\" {why}.", cell.pointer())
        }
        Finding::Layout(problem) => match problem {
            LayoutProblem::EditionForYear { year, edition, expected: Some(expected) } => format!(
                "A report for {year} must use the {} format, not the {} format.",
                expected.key(),
                edition.key()
            ),
            LayoutProblem::EditionForYear { year: 0, .. } => {
                "The report has no year, so its format cannot be checked; fill in the year."
                    .to_owned()
            }
            LayoutProblem::EditionForYear { year, .. } => {
                format!("There was no national table format for {year}; check the report year.")
            }
            LayoutProblem::CollapsedOtherProcessing => {
                "Table 3 prints （六）其他处理 as one row, the 2019 layout; the 2021 format splits it into three rows.".to_owned()
            }
            LayoutProblem::DoubleOtherProcessing => {
                "Table 3 prints （六）其他处理 both as one row and as three rows.".to_owned()
            }
            LayoutProblem::MissingRows { table, rows } => {
                format!("{} lacks {} rows: {}.", table.english_name(), rows.len(), list_en(rows))
            }
            LayoutProblem::MissingCells { table, cells } => {
                format!("{} lacks {} cells: {}.", table.english_name(), cells.len(), list_en(cells))
            }
        },
        Finding::PreviousYear { expected, found } => {
            format!("Last year's report covers {found}, not {expected}; the cross-year checks were skipped.")
        }
        Finding::Prose(m) => {
            let mut out = if m.count_agrees {
                format!("The prose \"{}\" agrees with the tables on {}", quote(&m.quote), m.stated)
            } else {
                format!(
                    "The prose \"{}\" states {}, the tables give {}{}",
                    quote(&m.quote),
                    m.stated,
                    if m.table_incomplete { "at least " } else { "" },
                    m.table
                )
            };
            if let Some((stated, computed)) = &m.percent {
                out.push_str(&format!("; its {stated}% does not match the {computed}% the tables give"));
            }
            match m.equals {
                Some(Equals::Column(col)) => out.push_str(&format!(
                    "; {} is exactly the column {} of Table 3",
                    m.stated,
                    col.key()
                )),
                Some(Equals::Cell(place)) => out.push_str(&format!(
                    "; {} is exactly the cell {}",
                    m.stated,
                    place.pointer()
                )),
                Some(Equals::LastYear) => out.push_str(&format!(
                    "; {} is last year's figure",
                    m.stated
                )),
                None => {}
            }
            out.push('.');
            out
        }
        Finding::Fees(problem) => match problem {
            FeeProblem::AmountNotStated { .. } => {
                "Section 六 does not state the information processing fees collected.".to_owned()
            }
            FeeProblem::WrongUnit => {
                "Section 六 states information processing fees in 万元, the unit of Table 2's administrative fees.".to_owned()
            }
            FeeProblem::SameAsAdministrativeFees { amount } => format!(
                "The information processing fees in section 六 equal Table 2's administrative fees ({amount}); they are different things."
            ),
        },
        Finding::RegulationsAtLevel { cells, .. } => format!(
            "The agency cannot make 规章 at its level, yet reports some ({}).",
            list_en(cells)
        ),
        Finding::Plan(problem) => match problem {
            PlanProblem::Missing => "Section 五 is empty.".to_owned(),
            PlanProblem::Boilerplate { chars } => format!("Section 五 has only {chars} characters of substance."),
            PlanProblem::WrongYear { found, expected, .. } => format!(
                "Section 五 plans for {found}; a report for {} should plan for {expected}.",
                report.year
            ),
        },
        Finding::Duplication { percent, .. } => format!("{percent}% of the prose is the same as last year's."),
        Finding::Publication(problem) => match problem {
            DateProblem::Late { deadline, published, signed, .. } => format!(
                "{} {published}, after the legal deadline {deadline}.",
                if signed.is_some() { "Signed" } else { "Published" }
            ),
            DateProblem::Early { published, signed } => format!(
                "{} {published}, before the year it covers ended.",
                if signed.is_some() { "Signed" } else { "Published" }
            ),
        },
        Finding::ProseYear { found, .. } => format!(
            "The account of the year speaks of {found} in a report for {}.",
            report.year
        ),
        Finding::Breakdown(b) => {
            let mut out = format!(
                "The results listed one by one in the prose add up to {}",
                b.parts
            );
            if let Some(percent) = &b.percent {
                out.push_str(&format!(" ({percent}%)"));
            }
            out.push_str(&format!(", not to the {} answered it states.", b.total));
            out
        }
        Finding::CorrectionRate { kind, corrected, decided, others_corrected, others_decided, .. } => format!(
            "The {kind} correction rate is {}% ({corrected} of {decided} decided), far above the {}% of the batch's other reports of the year ({others_corrected} of {others_decided}).",
            crate::outliers::percent(*corrected, *decided),
            crate::outliers::percent(*others_corrected, *others_decided)
        ),
        Finding::Alike { other, agency, tables, prose_percent } => format!(
            "This report is alike {other} ({agency}) of the same batch: {} tables the same, {}% of the prose.",
            tables.len(),
            prose_percent.unwrap_or(0)
        ),
        Finding::CopiedTables { tables, .. } => format!(
            "{} the same as last year's report, count for count.",
            tables
                .iter()
                .map(|t| match t {
                    TableId::Proactive => "Table 2",
                    TableId::Requests => "Table 3",
                    TableId::Appeals => "Table 4",
                })
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Finding::YearOnYear { cell, this_year, last_year } => format!(
            "{} is {this_year} against {last_year} last year: a change of {} times or more.",
            cell.pointer(),
            crate::rules::YEAR_ON_YEAR_FACTOR
        ),
        Finding::RollUp { cell, stated, units, count } => format!(
            "{} is {stated}, but the reports of its {count} units add up to {units}.",
            cell.pointer()
        ),
        Finding::Claim(p) => {
            let n = p.count;
            let cells = list_en(&p.cells);
            let against = match p.claim {
                Claim::AllUpheld => format!("Table 4 has {n} outcomes other than upheld ({cells})"),
                Claim::NoLitigationLost => format!("Table 4 has {n} lawsuits decided against the agency ({cells})"),
                Claim::NoCorrection => format!("Table 4 has {n} decisions corrected ({cells})"),
                Claim::AllConcluded => format!("Table 3 carries {n} applications forward"),
                Claim::NoReview => format!("Table 4 has {n} administrative reviews"),
                Claim::NoLitigation => format!("Table 4 has {n} lawsuits ({cells})"),
            };
            format!("The prose claims “{}”, but {against}.", quote(&p.quote))
        }
        Finding::Import(problem) => format!("The document could not be read in full ({}).", problem.name()),
    }
}

/// The Chinese title of a table for grouping output.
pub fn table_title_zh(table: Option<TableId>) -> String {
    match table {
        Some(t) => format!("{}（{}）", t.short_name(), t.heading()),
        None => "正文及其他".to_owned(),
    }
}

/// The codes of the diagnostics at `severity`, in the order found, each once with its count
/// ("H4×2 S1"), as summaries list them.
pub fn codes(diagnostics: &[crate::Diagnostic], severity: crate::Severity) -> String {
    let mut codes: Vec<(&str, usize)> = Vec::new();
    for d in diagnostics.iter().filter(|d| d.severity == severity) {
        match codes.iter_mut().find(|(c, _)| *c == d.code) {
            Some((_, n)) => *n += 1,
            None => codes.push((d.code, 1)),
        }
    }
    codes
        .iter()
        .map(|&(c, n)| {
            if n > 1 {
                format!("{c}×{n}")
            } else {
                c.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A check's diagnostics grouped as they are shown to people: what importing the document said
/// first, then each table in printed order, then the prose and metadata; within a group, errors
/// first and otherwise in the order given. Each group comes with its title in `lang`.
pub fn grouped(
    diagnostics: &[crate::Diagnostic],
    lang: Lang,
) -> Vec<(String, Vec<&crate::Diagnostic>)> {
    let (import, rules): (Vec<&crate::Diagnostic>, Vec<&crate::Diagnostic>) = diagnostics
        .iter()
        .partition(|d| d.import_problem().is_some());
    let mut out = Vec::new();
    if !import.is_empty() {
        let title = if lang == Lang::Zh { "导入" } else { "Import" };
        out.push((title.to_owned(), import));
    }
    let mut groups: Vec<Option<TableId>> = Vec::new();
    for d in &rules {
        if !groups.contains(&d.table()) {
            groups.push(d.table());
        }
    }
    // Tables in printed order; prose and metadata after them.
    groups.sort_by_key(|g| g.map_or(usize::MAX, |t| t as usize));
    for group in groups {
        let mut members: Vec<&crate::Diagnostic> = rules
            .iter()
            .copied()
            .filter(|d| d.table() == group)
            .collect();
        members.sort_by_key(|d| d.severity);
        let title = match lang {
            Lang::Zh => table_title_zh(group),
            Lang::En => group.map_or("Prose and metadata".to_owned(), |t| {
                t.english_name().to_owned()
            }),
        };
        out.push((title, members));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_given_has_a_title() {
        for meta in crate::rules::catalogue() {
            assert_eq!(code_title_zh(meta.code), Some(meta.title_zh));
        }
        for problem in crate::ImportProblem::ALL {
            assert!(code_title_zh(problem.code()).is_some_and(|t| !t.is_empty()));
        }
        for code in [
            crate::similar::ALIKE_CODE,
            crate::aggregate::ROLL_UP_CODE,
            crate::outliers::CORRECTION_CODE,
        ] {
            assert!(code_title_zh(code).is_some(), "{code}");
        }
        assert_eq!(code_title_zh("Z9"), None);
    }

    #[test]
    fn long_lists_are_cut_with_a_count() {
        let places: Vec<Place> = crate::layout::RequestRow::ALL
            .iter()
            .map(|&r| crate::place::req(r, crate::layout::Applicant::Total))
            .collect();
        let text = list_zh(&places, Edition::V2021);
        assert!(
            text.ends_with(&format!("等共 {} 处", places.len())),
            "{text}"
        );
    }
}
