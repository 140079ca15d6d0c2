use super::{declare_rule, Context, Rule, RuleMeta};
use crate::diagnostic::{Breakdown, Equals, Finding, ProseMismatch};
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
    /// already exceed what the prose states. A number of 10 or more that disagrees with its row
    /// is looked for elsewhere: when it is exactly one applicant column of the row (or rows), or
    /// one cell of them, or with last year's report the same figure last year, the message says
    /// so (the prose copied a column or last year's text).
    ///
    /// Results listed one by one after the total answered ("答复…X件…予以公开A件…不予公开B件…无法
    /// 提供C件…不予处理D件…其他处理E件"), when all five kinds are listed, must add up to that total;
    /// their percentages, when each is given, to 100% (within their rounding).
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

/// The 表三 rows a statement about applications speaks of (none for 表四's).
fn topic_rows(report: &Report, topic: Topic) -> Vec<RequestRow> {
    match topic {
        Topic::Received | Topic::ReceivedFrom(_) | Topic::NoneReceived => vec![RequestRow::New],
        Topic::Completed => vec![RequestRow::ResultsTotal],
        Topic::CarriedOver => vec![RequestRow::CarriedOver],
        Topic::CarriedForward => vec![RequestRow::CarriedForward],
        Topic::GrantedOrPartially => vec![RequestRow::Granted, RequestRow::PartiallyGranted],
        Topic::Granted => vec![RequestRow::Granted],
        Topic::PartiallyGranted => vec![RequestRow::PartiallyGranted],
        Topic::Withheld => group_rows(report, RequestGroup::Withheld),
        Topic::Unable => group_rows(report, RequestGroup::Unable),
        Topic::NotProcessed => group_rows(report, RequestGroup::NotProcessed),
        Topic::OtherProcessing => group_rows(report, RequestGroup::OtherProcessing),
        Topic::Review
        | Topic::Litigation
        | Topic::ReviewOutcome(_)
        | Topic::LitigationOutcome(_) => Vec::new(),
    }
    .into_iter()
    .filter(|&r| report.requests.has_row(r))
    .collect()
}

/// Numbers below this are not looked for elsewhere: too many cells hold them by chance.
const LOOKED_FOR: u64 = 10;

/// What a stated number that disagrees with its row does equal: one applicant column of the
/// rows, one cell of them, or the same figure in last year's report (`previous`, of the year
/// before).
fn equals(report: &Report, previous: Option<&Report>, statement: &Statement) -> Option<Equals> {
    let stated = statement.value;
    if stated < LOOKED_FOR {
        return None;
    }
    let rows = topic_rows(report, statement.topic);
    let count = |row: RequestRow, col: Applicant| report.requests.count(row, col);
    for col in Applicant::PARTS {
        let sum: Option<u64> = rows.iter().map(|&r| count(r, col)).sum();
        if sum == Some(stated) {
            return Some(match rows.as_slice() {
                [row] => Equals::Cell(req(*row, col)),
                _ => Equals::Column(col),
            });
        }
    }
    for &row in &rows {
        for &col in Applicant::ALL {
            if count(row, col) == Some(stated) {
                return Some(Equals::Cell(req(row, col)));
            }
        }
    }
    let side = table_sides(previous?, statement.topic).into_iter().next()?;
    (!side.incomplete && side.known == i128::from(stated)).then_some(Equals::LastYear)
}

/// The five kinds of result listed one by one after the total answered, in one section, that do
/// not add up to it.
fn breakdowns(found: &[Statement]) -> Vec<Breakdown> {
    let mut out = Vec::new();
    for (i, total) in found.iter().enumerate() {
        if total.topic != Topic::Completed {
            continue;
        }
        // The results listed after it in its section, each kind once, until the next total.
        let mut parts: Vec<&Statement> = Vec::new();
        for s in found[i + 1..]
            .iter()
            .take_while(|s| s.field == total.field && s.topic != Topic::Completed)
        {
            let kind = matches!(
                s.topic,
                Topic::GrantedOrPartially
                    | Topic::Granted
                    | Topic::PartiallyGranted
                    | Topic::Withheld
                    | Topic::Unable
                    | Topic::NotProcessed
                    | Topic::OtherProcessing
            );
            if kind && !parts.iter().any(|p| p.topic == s.topic) {
                parts.push(s);
            }
        }
        let has = |t: Topic| parts.iter().any(|p| p.topic == t);
        let granted =
            has(Topic::GrantedOrPartially) || (has(Topic::Granted) && has(Topic::PartiallyGranted));
        let both =
            has(Topic::GrantedOrPartially) && (has(Topic::Granted) || has(Topic::PartiallyGranted));
        let all = granted
            && !both
            && [
                Topic::Withheld,
                Topic::Unable,
                Topic::NotProcessed,
                Topic::OtherProcessing,
            ]
            .into_iter()
            .all(has);
        if !all {
            continue;
        }
        let sum: u64 = parts.iter().map(|p| p.value).sum();
        let percent = percent_sum(&parts);
        let percent_off = percent.as_ref().is_some_and(|(_, off)| *off);
        if sum != total.value || percent_off {
            out.push(Breakdown {
                field: total.field,
                total: total.value,
                parts: sum,
                percent: percent.map(|(p, _)| p),
                quote: parts.first().map(|p| p.quote.clone()).unwrap_or_default(),
            });
        }
    }
    out
}

/// The stated percentages of `parts` added up (when every part above 0 gives one), and whether
/// they miss 100% by more than their rounding allows.
fn percent_sum(parts: &[&Statement]) -> Option<(String, bool)> {
    let stated: Vec<&str> = parts
        .iter()
        .filter(|p| p.value > 0)
        .map(|p| p.percent.as_deref())
        .collect::<Option<_>>()?;
    if stated.is_empty() {
        return None;
    }
    let decimals = stated
        .iter()
        .map(|p| p.split_once('.').map_or(0, |(_, f)| f.len()))
        .max()?
        .min(6);
    let scale = 10i128.pow(u32::try_from(decimals).ok()?);
    let mut sum: i128 = 0;
    let mut slack: i128 = 0;
    for p in &stated {
        let (whole, fraction) = p.split_once('.').unwrap_or((p, ""));
        let padded = format!("{fraction:0<decimals$}");
        let value: i128 = format!("{whole}{}", &padded[..decimals]).parse().ok()?;
        sum += value;
        // Each percentage may be off by half a unit of its own precision.
        let own = u32::try_from(fraction.len()).ok()?;
        slack += scale / 10i128.pow(own.min(6)) / 2 + 1;
    }
    let text = if decimals == 0 {
        sum.to_string()
    } else {
        format!("{}.{:0width$}", sum / scale, sum % scale, width = decimals)
    };
    Some((text, (sum - 100 * scale).abs() > slack))
}

fn compare(
    report: &Report,
    previous: Option<&Report>,
    statement: &Statement,
) -> Option<ProseMismatch> {
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
        equals: if agrees {
            None
        } else {
            equals(report, previous, statement)
        },
    })
}

impl Rule for ProseNumbers {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let found = statements(cx.report);
        for statement in &found {
            if let Some(mismatch) = compare(cx.report, cx.last_year(), statement) {
                out.push(Finding::Prose(mismatch));
            }
        }
        out.extend(breakdowns(&found).into_iter().map(Finding::Breakdown));
    }
}
