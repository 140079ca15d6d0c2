use super::{declare_rule, Context, Rule, RuleMeta};
use crate::diagnostic::{Finding, ProseMismatch};
use crate::equation::result_rows;
use crate::equation::Side;
use crate::layout::{AppealGroup, Applicant, Outcome, RequestGroup, RequestRow};
use crate::place::{appeal, req, Place};
use crate::prose::{statements, Statement, Topic};
use crate::report::Report;

declare_rule! {
    /// ## What it checks
    ///
    /// The numbers the prose states agree with the tables: applications received ("收到/受理…X件":
    /// 一, or 一 + 二, since many reports count the carried-over ones in without saying so),
    /// completed ("办结/答复X件": （七）总计), carried over and forward ("结转…X件": 二 and 四), each
    /// kind of result ("予以公开…X件，占Y%"), 行政复议 and 行政诉讼 cases and their outcomes, and "未收到…申请"
    /// (一 is 0). A stated percentage is compared with the tables' share of （七）总计.
    ///
    /// Where the tables have blanks, only a certain disagreement is reported: the filled cells
    /// already exceed what the prose states.
    ///
    /// ## Why
    ///
    /// Readers quote the prose; when it disagrees with the tables, one of them is wrong, and the
    /// prose is often a figure copied from a draft or from a single cell.
    ///
    /// ## Example
    ///
    /// 上海市人民政府办公厅 2019: "予以公开及部分公开258件，占33.9%", but 表三 gives 272 + 3 = 275.
    ///
    /// ## Source
    ///
    /// 《政府信息公开条例》第五十条 (the report covers the applications received and handled);
    /// docs/format.md, rule S1.
    pub struct ProseNumbers {
        code: "S1",
        name: "prose-numbers",
        severity: Warning,
        since: "0.1.0",
        needs_previous: false,
        title_zh: "正文数字与表格一致",
        title_en: "Numbers in the prose agree with the tables",
        explanation_zh: "正文中“收到（受理）申请X件”“办结X件”“结转X件”“予以公开X件，占Y%”“行政复议X件”“行政诉讼X件”“未收到申请”等表述，应与表三、表四的数字一致。“收到”既可等于“一、本年新收”，也可等于“一＋二”。",
    }
}

/// The value of a 表三 row: its 总计 when filled, otherwise its applicant columns.
fn row_side(report: &Report, row: RequestRow) -> Side {
    let total = Side::plus(report, &[req(row, Applicant::Total)]);
    if total.incomplete {
        let parts: Vec<Place> = Applicant::PARTS.iter().map(|&c| req(row, c)).collect();
        Side::plus(report, &parts)
    } else {
        total
    }
}

/// The value of a 表四 group: its 总计 when filled, otherwise its four outcomes.
fn group_side(report: &Report, group: AppealGroup) -> Side {
    let total = Side::plus(report, &[appeal(group, Outcome::Total)]);
    if total.incomplete {
        let parts: Vec<Place> = Outcome::PARTS.iter().map(|&o| appeal(group, o)).collect();
        Side::plus(report, &parts)
    } else {
        total
    }
}

fn join(sides: impl IntoIterator<Item = Side>) -> Side {
    sides.into_iter().fold(Side::default(), |mut acc, side| {
        acc.known += side.known;
        acc.incomplete |= side.incomplete;
        acc.filled.extend(side.filled);
        acc
    })
}

fn rows_side(report: &Report, rows: impl IntoIterator<Item = RequestRow>) -> Side {
    join(
        rows.into_iter()
            .filter(|&r| report.requests.has_row(r))
            .map(|r| row_side(report, r)),
    )
}

fn group_rows(report: &Report, group: RequestGroup) -> Vec<RequestRow> {
    result_rows(report)
        .into_iter()
        .filter(|&r| {
            r.def().group == Some(group)
                || (group == RequestGroup::OtherProcessing && r == RequestRow::Other)
        })
        .collect()
}

/// The table values a statement may equal (more than one for "received").
fn table_sides(report: &Report, topic: Topic) -> Vec<Side> {
    let litigation = [
        AppealGroup::LitigationDirect,
        AppealGroup::LitigationAfterReview,
    ];
    match topic {
        Topic::Received => vec![
            row_side(report, RequestRow::New),
            rows_side(report, [RequestRow::New, RequestRow::CarriedOver]),
        ],
        Topic::ReceivedFrom(col) => vec![
            Side::plus(report, &[req(RequestRow::New, col)]),
            Side::plus(
                report,
                &[req(RequestRow::New, col), req(RequestRow::CarriedOver, col)],
            ),
        ],
        Topic::NoneReceived => vec![row_side(report, RequestRow::New)],
        Topic::Completed => vec![row_side(report, RequestRow::ResultsTotal)],
        Topic::CarriedOver => vec![row_side(report, RequestRow::CarriedOver)],
        Topic::CarriedForward => vec![row_side(report, RequestRow::CarriedForward)],
        Topic::GrantedOrPartially => vec![rows_side(
            report,
            [RequestRow::Granted, RequestRow::PartiallyGranted],
        )],
        Topic::Granted => vec![row_side(report, RequestRow::Granted)],
        Topic::PartiallyGranted => vec![row_side(report, RequestRow::PartiallyGranted)],
        Topic::Withheld => vec![rows_side(
            report,
            group_rows(report, RequestGroup::Withheld),
        )],
        Topic::Unable => vec![rows_side(report, group_rows(report, RequestGroup::Unable))],
        Topic::NotProcessed => vec![rows_side(
            report,
            group_rows(report, RequestGroup::NotProcessed),
        )],
        Topic::OtherProcessing => vec![rows_side(
            report,
            group_rows(report, RequestGroup::OtherProcessing),
        )],
        Topic::Review => vec![group_side(report, AppealGroup::Review)],
        Topic::Litigation => vec![join(litigation.map(|g| group_side(report, g)))],
        Topic::ReviewOutcome(o) => vec![Side::plus(report, &[appeal(AppealGroup::Review, o)])],
        Topic::LitigationOutcome(o) => vec![Side::plus(report, &litigation.map(|g| appeal(g, o)))],
    }
}

/// Whether `side` may equal `stated`: certainly not when complete and different, or when its
/// filled cells alone exceed it.
fn may_equal(side: &Side, stated: u64) -> bool {
    let stated = i128::from(stated);
    if side.incomplete {
        side.known <= stated
    } else {
        side.known == stated
    }
}

/// The stated percentage and the one the tables give, when they disagree by more than one unit
/// of the stated precision (at least 0.01%). Exact integer arithmetic: no float is involved.
fn percent_mismatch(report: &Report, side: &Side, stated: &str) -> Option<(String, String)> {
    let base = row_side(report, RequestRow::ResultsTotal);
    if side.incomplete || base.incomplete || base.known <= 0 || side.known < 0 {
        return None;
    }
    let (whole, fraction) = stated.split_once('.').unwrap_or((stated, ""));
    let decimals = u32::try_from(fraction.len()).ok().filter(|&d| d <= 6)?;
    let scale = 10i128.pow(decimals);
    let stated_scaled: i128 = format!("{whole}{fraction}").parse().ok()?;
    let tolerance = (scale / 100).max(1);
    // |known × 100 / base − stated| > tolerance, all scaled by 10^decimals and multiplied by base.
    let exact = side.known * 100 * scale;
    if (exact - stated_scaled * base.known).abs() <= tolerance * base.known {
        return None;
    }
    let rounded = (2 * exact + base.known) / (2 * base.known);
    let computed = if decimals == 0 {
        rounded.to_string()
    } else {
        format!(
            "{}.{:0width$}",
            rounded / scale,
            rounded % scale,
            width = decimals as usize
        )
    };
    Some((stated.to_owned(), computed))
}

fn compare(report: &Report, statement: &Statement) -> Option<ProseMismatch> {
    let sides = table_sides(report, statement.topic);
    let agrees = sides.iter().any(|s| may_equal(s, statement.value));
    // A mismatch names the simplest reading of the tables (the first alternative).
    let side = sides.into_iter().next()?;
    if side.filled.is_empty() && side.incomplete {
        return None;
    }
    let percent = statement
        .percent
        .as_deref()
        .and_then(|p| percent_mismatch(report, &side, p));
    if agrees && percent.is_none() {
        return None;
    }
    Some(ProseMismatch {
        statement: statement.clone(),
        quote: statement.quote.clone(),
        stated: statement.value,
        table: side.known,
        table_incomplete: side.incomplete,
        percent,
        count_agrees: agrees,
        cells: side.filled,
    })
}

impl Rule for ProseNumbers {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for statement in statements(cx.report) {
            if let Some(mismatch) = compare(cx.report, &statement) {
                out.push(Finding::Prose(mismatch));
            }
        }
    }
}
