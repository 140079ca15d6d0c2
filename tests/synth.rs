//! Realistic synthetic reports for tests and benchmarks: consistent ones, or ones with one chosen
//! error, reproducible from a seed.
//!
//! A generated report looks like a county department's or town's: a 2021-format report for 2021
//! to 2024 with small request counts spread over the result rows the way real reports spread
//! them, 表四 cases, 表二 figures, prose that states the key figures as real reports do, and a
//! publication date before the deadline. Every total is computed from its parts.

use report_core::layout::{AppealGroup, Applicant, Outcome, ProactiveColumn, ProactiveItem};
use report_core::place::{appeal, req, Place};
use report_core::{Cell, Date, Edition, ProseField, Report, RequestRow};

/// An error to put into a generated report, and the rule that must find it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Defect {
    /// A 表三 row total off by one (H1).
    RowTotal,
    /// A （七）总计 cell off by one (H2).
    ResultsTotal,
    /// 结转下年度 off by one (H3).
    CarriedForward,
    /// A 表四 总计 off by one (H4).
    AppealTotal,
    /// A cell left blank (H5).
    Blank,
    /// A cell holding text (H6).
    NotANumber,
    /// The prose states a different number of applications than the tables (S1).
    ProseNumber,
}

impl Defect {
    /// Every defect.
    pub const ALL: [Defect; 7] = [
        Defect::RowTotal,
        Defect::ResultsTotal,
        Defect::CarriedForward,
        Defect::AppealTotal,
        Defect::Blank,
        Defect::NotANumber,
        Defect::ProseNumber,
    ];

    /// The code of the rule that finds it.
    pub const fn code(self) -> &'static str {
        match self {
            Defect::RowTotal => "H1",
            Defect::ResultsTotal => "H2",
            Defect::CarriedForward => "H3",
            Defect::AppealTotal => "H4",
            Defect::Blank => "H5",
            Defect::NotANumber => "H6",
            Defect::ProseNumber => "S1",
        }
    }
}

const PLACES: &[&str] = &[
    "淮安市洪泽区",
    "宿迁市沭阳县",
    "福州市闽侯县",
    "安阳市文峰区",
    "杭州市临安区",
    "成都市双流区",
    "赣州市南康区",
    "潍坊市寿光市",
    "岳阳市平江县",
    "曲靖市宣威市",
    "南阳市邓州市",
    "绍兴市诸暨市",
];
const AGENCIES: &[&str] = &[
    "人民政府",
    "人民政府办公室",
    "发展和改革局",
    "教育局",
    "公安局",
    "民政局",
    "司法局",
    "财政局",
    "人力资源和社会保障局",
    "自然资源和规划局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "农业农村局",
    "水利局",
    "商务局",
    "文化广电和旅游局",
    "卫生健康委员会",
    "应急管理局",
    "市场监督管理局",
    "医疗保障局",
    "城市管理局",
    "统计局",
    "审计局",
];
const TOWNS: &[&str] = &[
    "城关镇",
    "东城街道",
    "高良涧街道",
    "黄集街道",
    "老子山镇",
    "岔河镇",
    "西顺河镇",
];

/// The result rows and how often real reports use each (予以公开 and 不掌握 most).
const RESULT_WEIGHTS: &[(RequestRow, u32)] = &[
    (RequestRow::Granted, 40),
    (RequestRow::PartiallyGranted, 6),
    (RequestRow::WithheldStateSecret, 1),
    (RequestRow::WithheldThirdPartyRights, 2),
    (RequestRow::WithheldProcessInformation, 2),
    (RequestRow::WithheldQueryMatter, 2),
    (RequestRow::UnableNotHeld, 18),
    (RequestRow::UnableNeedsCreation, 4),
    (RequestRow::UnableUnclearAfterCorrection, 2),
    (RequestRow::NotProcessedComplaint, 3),
    (RequestRow::NotProcessedRepeated, 3),
    (RequestRow::NotProcessedConfirmation, 1),
    (RequestRow::OtherNoCorrection, 3),
    (RequestRow::OtherOther, 2),
];

fn pick<'a>(rng: &mut fastrand::Rng, items: &[&'a str]) -> &'a str {
    items[rng.usize(..items.len())]
}

fn weighted(rng: &mut fastrand::Rng) -> RequestRow {
    let total: u32 = RESULT_WEIGHTS.iter().map(|(_, w)| w).sum();
    let mut n = rng.u32(..total);
    for &(row, w) in RESULT_WEIGHTS {
        if n < w {
            return row;
        }
        n -= w;
    }
    RequestRow::Granted
}

fn count(report: &Report, place: Place) -> u64 {
    report.cell(place).and_then(Cell::count).unwrap_or(0)
}

/// A consistent report, the same for the same seed.
pub fn consistent(seed: u64) -> Report {
    let mut rng = fastrand::Rng::with_seed(seed);
    let year = 2021 + rng.u16(..4);
    let place = pick(&mut rng, PLACES);
    let agency = if rng.u8(..5) == 0 {
        format!("{place}{}", pick(&mut rng, TOWNS))
    } else {
        format!("{place}{}", pick(&mut rng, AGENCIES))
    };
    let mut report = Report::blank(Edition::V2021, year, agency.clone());
    report.published = Date::new(year + 1, 1, 10 + rng.u8(..18));

    for cell in report
        .requests
        .cells_mut()
        .chain(report.appeals.cells_mut())
    {
        *cell = Cell::Count(0);
    }
    // 表三: most applications come from natural persons; a few from organisations.
    let scale = [1u64, 3, 10, 40, 150][rng.usize(..5)];
    for &col in &Applicant::PARTS {
        let new = match col {
            Applicant::NaturalPerson => rng.u64(0..=scale * 2),
            Applicant::Commercial | Applicant::OtherOrg => rng.u64(0..=scale / 4),
            _ => rng.u64(0..=scale / 20),
        };
        let carried = rng.u64(0..=new / 8);
        let forward = rng.u64(0..=(new + carried) / 8);
        report.set_cell(req(RequestRow::New, col), Cell::Count(new));
        report.set_cell(req(RequestRow::CarriedOver, col), Cell::Count(carried));
        report.set_cell(req(RequestRow::CarriedForward, col), Cell::Count(forward));
        for _ in 0..(new + carried - forward) {
            let row = weighted(&mut rng);
            let place = req(row, col);
            let n = count(&report, place);
            report.set_cell(place, Cell::Count(n + 1));
        }
    }
    // 表四: a few cases, most upheld.
    for &group in AppealGroup::ALL {
        for &outcome in &Outcome::PARTS {
            let n = match outcome {
                Outcome::Upheld => rng.u64(0..=scale / 10 + 1),
                _ => rng.u64(0..=scale / 40),
            };
            report.set_cell(appeal(group, outcome), Cell::Count(n));
        }
    }
    report_core::totals::fill(&mut report);

    // 表二.
    let doc = |rng: &mut fastrand::Rng| rng.u64(0..=6);
    for item in [
        ProactiveItem::Regulations,
        ProactiveItem::NormativeDocuments,
    ] {
        // County-level agencies make no 规章 (S4).
        if item == ProactiveItem::Regulations {
            for col in [
                ProactiveColumn::Issued,
                ProactiveColumn::Repealed,
                ProactiveColumn::InForce,
            ] {
                report.set_cell(Place::Proactive(item, Some(col)), Cell::Count(0));
            }
            continue;
        }
        let issued = doc(&mut rng);
        let repealed = doc(&mut rng);
        let in_force = issued + rng.u64(0..=40);
        for (col, n) in [
            (ProactiveColumn::Issued, issued),
            (ProactiveColumn::Repealed, repealed),
            (ProactiveColumn::InForce, in_force),
        ] {
            report.set_cell(Place::Proactive(item, Some(col)), Cell::Count(n));
        }
    }
    for item in [
        ProactiveItem::Licensing,
        ProactiveItem::Penalties,
        ProactiveItem::CoerciveMeasures,
    ] {
        let n = rng.u64(0..=scale * 200);
        report.set_cell(
            Place::Proactive(item, Some(ProactiveColumn::Decisions)),
            Cell::Count(n),
        );
    }
    let fee = format!("{}.{:02}", rng.u32(0..5000), rng.u32(0..100));
    report.set_cell(
        Place::Proactive(ProactiveItem::Fees, Some(ProactiveColumn::FeeAmount)),
        Cell::parse(report_core::layout::CellKind::Money, &fee),
    );

    // The prose, stating the figures as real reports do.
    let received = count(&report, req(RequestRow::New, Applicant::Total));
    let completed = count(&report, req(RequestRow::ResultsTotal, Applicant::Total));
    let forward = count(&report, req(RequestRow::CarriedForward, Applicant::Total));
    let review = count(&report, appeal(AppealGroup::Review, Outcome::Total));
    *report.prose_mut(ProseField::Summary) = Some(format!(
        "{year}年，{agency}坚持以人民为中心，认真贯彻落实《中华人民共和国政府信息公开条例》，\
         围绕中心工作，扎实推进政府信息公开，不断提升政务公开的标准化规范化水平。"
    ));
    *report.prose_mut(ProseField::ProactiveDisclosure) = Some(format!(
        "全年通过门户网站主动公开政府信息{}条，及时发布政策文件、通知公告和重点领域信息。",
        rng.u32(200..3000)
    ));
    *report.prose_mut(ProseField::DisclosureOnRequest) = Some(format!(
        "{year}年共受理政府信息公开申请{received}件，办结{completed}件，{forward}件结转下年度继续办理。\
         全年发生政府信息公开行政复议{review}件。"
    ));
    *report.prose_mut(ProseField::InformationManagement) =
        Some("严格落实信息发布审核制度，坚持“先审后发”，定期开展政策文件清理。".to_owned());
    *report.prose_mut(ProseField::Platforms) = Some(
        "加强政府网站和政务新媒体管理，优化栏目设置，提升信息发布的及时性和准确性。".to_owned(),
    );
    *report.prose_mut(ProseField::Oversight) =
        Some("将政务公开工作纳入年度绩效考核，组织开展业务培训，接受社会监督。".to_owned());
    *report.prose_mut(ProseField::Problems) = Some(format!(
        "{year}年工作取得一定成效，但仍存在公开内容不够丰富、政策解读形式较为单一等问题。\
         {next}年，我们将围绕群众关切，进一步丰富公开内容，创新解读形式，提升依申请公开办理质量。",
        next = year + 1
    ));
    *report.prose_mut(ProseField::OtherMatters) =
        Some("本年度未收取政府信息公开信息处理费。".to_owned());
    report
}

/// A report with `defect`, and the cell the rule must name first (none for a prose defect).
pub fn with_defect(seed: u64, defect: Defect) -> (Report, Option<Place>) {
    let mut report = consistent(seed);
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x5eed);
    let bump = |report: &mut Report, place: Place| {
        let n = count(report, place);
        report.set_cell(place, Cell::Count(n + 1));
    };
    let part = Applicant::PARTS[rng.usize(..Applicant::PARTS.len())];
    let place = match defect {
        Defect::RowTotal => {
            let row = [
                RequestRow::New,
                RequestRow::Granted,
                RequestRow::UnableNotHeld,
            ][rng.usize(..3)];
            let place = req(row, Applicant::Total);
            bump(&mut report, place);
            Some(place)
        }
        Defect::ResultsTotal => {
            let place = req(RequestRow::ResultsTotal, part);
            bump(&mut report, place);
            // Keep the row total in step, so that only the column sum (H2) and the balance
            // that depends on it fail.
            bump(&mut report, req(RequestRow::ResultsTotal, Applicant::Total));
            Some(place)
        }
        Defect::CarriedForward => {
            let place = req(RequestRow::CarriedForward, part);
            bump(&mut report, place);
            bump(
                &mut report,
                req(RequestRow::CarriedForward, Applicant::Total),
            );
            Some(place)
        }
        Defect::AppealTotal => {
            let group = AppealGroup::ALL[rng.usize(..AppealGroup::ALL.len())];
            let place = appeal(group, Outcome::Total);
            bump(&mut report, place);
            Some(place)
        }
        Defect::Blank => {
            let place = req(RequestRow::WithheldInternalAffairs, part);
            report.set_cell(place, Cell::Blank);
            Some(place)
        }
        Defect::NotANumber => {
            let place = req(RequestRow::WithheldInternalAffairs, part);
            report.set_cell(place, Cell::Text("约10".to_owned()));
            Some(place)
        }
        Defect::ProseNumber => {
            let received = count(&report, req(RequestRow::New, Applicant::Total));
            // Not the sum with the carried-over ones either, which some reports state.
            let carried = count(&report, req(RequestRow::CarriedOver, Applicant::Total));
            let text = report
                .prose(ProseField::DisclosureOnRequest)
                .unwrap_or_default();
            let changed = text.replacen(
                &format!("受理政府信息公开申请{received}件"),
                &format!("受理政府信息公开申请{}件", received + carried + 7),
                1,
            );
            *report.prose_mut(ProseField::DisclosureOnRequest) = Some(changed);
            None
        }
    };
    (report, place)
}
