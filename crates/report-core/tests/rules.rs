//! Each rule passes a consistent report and fails a broken one; the Chinese message of every
//! failure is snapshot-tested.

use report_core::layout::{
    AppealGroup as G, Applicant as A, Outcome as O, ProactiveColumn as PC, ProactiveItem as PI,
    RequestRow as R,
};
use report_core::{check, Cell, CheckOptions, Date, Diagnostic, Edition, Lang, Report, Severity};

/// A small, fully consistent 2021-format report of a municipal department.
fn consistent() -> Report {
    let mut r = Report::blank(Edition::V2021, 2024, "某某市教育局");
    for cell in r
        .proactive
        .cells_mut()
        .chain(r.requests.cells_mut())
        .chain(r.appeals.cells_mut())
    {
        *cell = Cell::Count(0);
    }
    let rows: [(R, u64, u64); 7] = [
        (R::New, 10, 2),
        (R::CarriedOver, 1, 0),
        (R::Granted, 5, 0),
        (R::PartiallyGranted, 2, 0),
        (R::UnableNotHeld, 2, 2),
        (R::ResultsTotal, 9, 2),
        (R::CarriedForward, 2, 0),
    ];
    for (row, natural, commercial) in rows {
        r.requests.set(row, A::NaturalPerson, Cell::Count(natural));
        r.requests.set(row, A::Commercial, Cell::Count(commercial));
        r.requests
            .set(row, A::Total, Cell::Count(natural + commercial));
    }
    r.appeals.set(G::Review, O::Upheld, Cell::Count(2));
    r.appeals.set(G::Review, O::Corrected, Cell::Count(1));
    r.appeals.set(G::Review, O::Total, Cell::Count(3));
    r.proactive
        .set(PI::NormativeDocuments, PC::Issued, Cell::Count(3));
    r.proactive
        .set(PI::NormativeDocuments, PC::Repealed, Cell::Count(1));
    r.proactive
        .set(PI::NormativeDocuments, PC::InForce, Cell::Count(20));
    r.proactive
        .set(PI::Licensing, PC::Decisions, Cell::Count(100));
    r.proactive.set(
        PI::Fees,
        PC::FeeAmount,
        Cell::parse(report_core::layout::CellKind::Money, "12.5"),
    );
    r.overview.disclosure_on_request = Some(
        "2024年，本机关共收到政府信息公开申请12件，上年结转1件，办结11件，其中予以公开5件，部分公开2件，无法提供4件，2件结转下年度继续办理。全年行政复议3件，其中结果维持2件，结果纠正1件。".into(),
    );
    r.problems = Some(
        "一是主动公开的深度和广度仍有不足，二是政策解读形式较为单一。2025年，我局将继续完善公开目录，加强政策解读，提升依申请公开办理质量。".into(),
    );
    r.other_matters = Some("本年度未收取信息处理费。".into());
    r.published = Date::parse("2025-01-20");
    r
}

fn last_year() -> Report {
    let mut r = consistent();
    r.year = 2023;
    r.requests
        .set(R::CarriedForward, A::NaturalPerson, Cell::Count(1));
    r.requests.set(R::CarriedForward, A::Total, Cell::Count(1));
    r.proactive
        .set(PI::NormativeDocuments, PC::InForce, Cell::Count(18));
    r.overview.disclosure_on_request = Some("去年的正文完全不同，讲的是另一回事。".repeat(20));
    r.problems = Some(
        "2024年，我们将着力解决去年发现的各类问题，落实各项整改措施，进一步提升工作水平。"
            .repeat(3),
    );
    r
}

fn diagnostics(report: &Report, previous: Option<&Report>) -> Vec<Diagnostic> {
    check(
        report,
        &CheckOptions {
            previous,
            lang: Lang::Zh,
            ..Default::default()
        },
    )
    .diagnostics
}

fn of(code: &str, report: &Report, previous: Option<&Report>) -> Vec<Diagnostic> {
    diagnostics(report, previous)
        .into_iter()
        .filter(|d| d.code == code)
        .collect()
}

/// The single diagnostic of `code`, with its message and cells for the snapshot.
fn only(code: &str, report: &Report, previous: Option<&Report>) -> String {
    let found = of(code, report, previous);
    assert_eq!(found.len(), 1, "{code}: {found:#?}");
    describe(&found[0])
}

#[test]
fn the_consistent_report_passes_every_rule() {
    let previous = last_year();
    let found = diagnostics(&consistent(), Some(&previous));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn h1_row_total() {
    let mut r = consistent();
    r.requests.set(R::Granted, A::Total, Cell::Count(6));
    insta::assert_snapshot!(only("H1", &r, None));
}

#[test]
fn h1_blank_operands_are_incomplete_until_they_prove_the_total_wrong() {
    let mut r = consistent();
    r.requests.set(R::Granted, A::Research, Cell::Blank);
    let h1 = of("H1", &r, None);
    assert_eq!(h1.len(), 1);
    assert_eq!(h1[0].severity, Severity::Info);
    // 5 filled already exceeds a total of 4, whatever the blank holds.
    r.requests.set(R::Granted, A::Total, Cell::Count(4));
    let errors: Vec<_> = of("H1", &r, None)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1);
    assert_eq!((errors[0].expected, errors[0].actual), (Some(5), Some(4)));
    insta::assert_snapshot!(errors[0].message);
}

#[test]
fn h2_results_total() {
    let mut r = consistent();
    r.requests
        .set(R::WithheldStateSecret, A::NaturalPerson, Cell::Count(1));
    r.requests
        .set(R::WithheldStateSecret, A::Total, Cell::Count(1));
    let found = of("H2", &r, None);
    assert_eq!(found.len(), 2, "自然人 and 总计 columns");
    insta::assert_snapshot!(describe(&found[0]));
}

/// A diagnostic's code, severity, message and cells, for a snapshot.
fn describe(d: &Diagnostic) -> String {
    format!(
        "{} {:?}\n{}\n{}",
        d.code,
        d.severity,
        d.message,
        d.cells.join("\n")
    )
}

#[test]
fn h3_intake_balance_and_the_likely_culprit() {
    let mut r = consistent();
    r.requests.set(R::New, A::NaturalPerson, Cell::Count(11));
    let h3 = of("H3", &r, None);
    assert_eq!(h3.len(), 1);
    assert_eq!(
        h3[0].cells,
        [
            "/requests/new/natural_person",
            "/requests/carried_over/natural_person",
            "/requests/results_total/natural_person",
            "/requests/carried_forward/natural_person"
        ]
    );
    // The row rule H1 fails through the same cell: it is named as the likely culprit on both.
    let h1 = of("H1", &r, None);
    assert_eq!(
        h1[0].likely_culprit.as_deref(),
        Some("/requests/new/natural_person")
    );
    assert_eq!(
        h3[0].likely_culprit.as_deref(),
        Some("/requests/new/natural_person")
    );
    insta::assert_snapshot!(only("H3", &r, None));
}

#[test]
fn h4_appeal_total() {
    let mut r = consistent();
    r.appeals
        .set(G::LitigationDirect, O::Pending, Cell::Count(2));
    insta::assert_snapshot!(only("H4", &r, None));
}

#[test]
fn h5_blanks_and_marks() {
    let mut r = consistent();
    r.requests.set(R::OtherOther, A::Research, Cell::Blank);
    r.appeals.set(G::Review, O::Other, Cell::Text("/".into()));
    let found = of("H5", &r, None);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].cells, ["/requests/other_other/research"]);
    assert_eq!(found[1].cells, ["/appeals/review/other"]);
    insta::assert_snapshot!(format!("{}\n{}", found[0].message, found[1].message));
}

#[test]
fn h6_value_types() {
    let mut r = consistent();
    r.proactive
        .set(PI::Penalties, PC::Decisions, Cell::Text("-3".into()));
    r.proactive
        .set(PI::Fees, PC::FeeAmount, Cell::Text("约100".into()));
    let found = of("H6", &r, None);
    assert_eq!(found.len(), 2);
    insta::assert_snapshot!(format!("{}\n{}", found[0].message, found[1].message));
    assert!(of("H6", &consistent(), None).is_empty());
}

#[test]
fn h7_carry_over() {
    let mut previous = last_year();
    previous
        .requests
        .set(R::CarriedForward, A::NaturalPerson, Cell::Count(3));
    previous
        .requests
        .set(R::CarriedForward, A::Total, Cell::Count(3));
    let found = of("H7", &consistent(), Some(&previous));
    assert_eq!(found.len(), 2, "{found:#?}");
    insta::assert_snapshot!(describe(&found[0]));

    let mut too_old = last_year();
    too_old.year = 2020;
    let note = of("H7", &consistent(), Some(&too_old));
    assert_eq!(note.len(), 1);
    assert_eq!(note[0].severity, Severity::Info);
    insta::assert_snapshot!("h7_wrong_year", note[0].message);
}

#[test]
fn h8_layout() {
    let mut r = consistent();
    for row in R::OTHER_SPLIT {
        r.requests.remove_row(row);
    }
    r.requests.insert_row(R::Other, Edition::V2019);
    for col in A::ALL {
        r.requests.set(R::Other, *col, Cell::Count(0));
    }
    insta::assert_snapshot!(only("H8", &r, None));

    let mut r = consistent();
    r.edition = Edition::V2019;
    r.appeals.remove_row(G::LitigationDirect);
    let found = of("H8", &r, None);
    insta::assert_snapshot!(
        "h8_edition_and_missing_rows",
        found
            .iter()
            .map(|d| d.message.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn s1_prose_numbers() {
    let mut r = consistent();
    r.overview.disclosure_on_request =
        Some("本年度共受理政府信息公开申请15件，予以公开5件，占50%。".into());
    let found = of("S1", &r, None);
    assert_eq!(found.len(), 2, "{found:#?}");
    insta::assert_snapshot!(format!("{}\n{}", found[0].message, found[1].message));
    assert_eq!(found[0].cells, ["/requests/new/total"]);
}

#[test]
fn s1_counts_carried_over_applications_in_received() {
    let mut r = consistent();
    r.overview.disclosure_on_request = Some("本年度收到政府信息公开申请13件。".into());
    assert!(of("S1", &r, None).is_empty());
}

#[test]
fn s2_documents_in_force() {
    let mut r = consistent();
    r.proactive
        .set(PI::NormativeDocuments, PC::InForce, Cell::Count(25));
    insta::assert_snapshot!(only("S2", &r, Some(&last_year())));
}

#[test]
fn s3_processing_fees() {
    let mut r = consistent();
    r.requests
        .set(R::OtherFeeUnpaid, A::NaturalPerson, Cell::Count(1));
    r.requests.set(R::OtherFeeUnpaid, A::Total, Cell::Count(1));
    r.other_matters = Some("无。".into());
    let found = of("S3", &r, None);
    assert_eq!(found.len(), 1);
    insta::assert_snapshot!(found[0].message);

    let mut r = consistent();
    r.other_matters = Some("本年度收取信息处理费12.5万元。".into());
    let found = of("S3", &r, None);
    insta::assert_snapshot!(
        "s3_units",
        found
            .iter()
            .map(|d| d.message.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );

    let mut r = consistent();
    r.other_matters = Some("本年度收取信息处理费12.5元。".into());
    assert_eq!(
        of("S3", &r, None).len(),
        1,
        "the same figure as 行政事业性收费"
    );
}

#[test]
fn s4_regulations_by_level() {
    let mut r = consistent();
    r.agency = "某某县教育局".into();
    assert!(of("S4", &r, None).is_empty());
    r.proactive.set(PI::Regulations, PC::Issued, Cell::Count(2));
    insta::assert_snapshot!(only("S4", &r, None));
    r.agency = "某某市人民政府".into();
    assert!(of("S4", &r, None).is_empty());
}

#[test]
fn s5_improvement_plan() {
    let mut r = consistent();
    r.problems =
        Some("2024年，我局将继续加强政策解读，进一步提升依申请公开办理质量，完善公开目录。".into());
    insta::assert_snapshot!(only("S5", &r, None));
    r.problems = Some("无".into());
    insta::assert_snapshot!("s5_boilerplate", only("S5", &r, None));
}

#[test]
fn s6_duplication() {
    let previous = last_year();
    let mut r = consistent();
    r.overview = previous.overview.clone();
    r.problems = previous
        .problems
        .as_ref()
        .map(|p| p.replace("2024", "2025"));
    insta::assert_snapshot!(only("S6", &r, Some(&previous)));
}

#[test]
fn s7_publication_date() {
    let mut r = consistent();
    r.published = Date::parse("2025-02-15");
    insta::assert_snapshot!(only("S7", &r, None));
    r.agency = "某某市人民政府".into();
    assert!(
        of("S7", &r, None).is_empty(),
        "a government's own report is due by 31 March"
    );
    r.published = Date::parse("2024-12-30");
    insta::assert_snapshot!("s7_early", only("S7", &r, None));

    // No publication date given: the date the report is signed with at its end counts.
    let mut r = consistent();
    r.published = None;
    r.other_matters = Some("本年度未收取信息处理费。\n某某市教育局\n二〇二五年二月十五日".into());
    insta::assert_snapshot!("s7_signed_late", only("S7", &r, None));
    r.other_matters = Some("本年度未收取信息处理费。\n某某市教育局\n2024 年 12 月 20 日".into());
    insta::assert_snapshot!("s7_signed_early", only("S7", &r, None));
    // Signed in time; a date inside a sentence is not a signature; a publication date wins.
    for text in [
        "本年度未收取信息处理费。\n2025年1月20日",
        "截至2025年2月15日，本年度未收取信息处理费。",
    ] {
        r.other_matters = Some(text.into());
        assert!(of("S7", &r, None).is_empty(), "{text}");
    }
    r.other_matters = Some("本年度未收取信息处理费。\n2025年2月15日".into());
    r.published = Date::parse("2025-01-20");
    assert!(of("S7", &r, None).is_empty());
}

#[test]
fn s8_prose_claims() {
    let mut r = consistent();
    // 表四 has 行政复议 结果纠正 1: not every review was upheld.
    r.overview.disclosure_on_request =
        Some("2024年，本机关共收到政府信息公开申请12件。全年行政复议3件，均获维持。".into());
    insta::assert_snapshot!(only("S8", &r, None));
    // 表四 has 3 reviews.
    r.overview.disclosure_on_request = Some(
        "本年度共收到政府信息公开申请12件。本年度未发生因政府信息公开工作被申请行政复议的情况。"
            .into(),
    );
    insta::assert_snapshot!("s8_none_brought", describe_all("S8", &r));
    // Exceptions, concluded cases only, and other years are not judged.
    for text in [
        "全年行政复议3件，除1件被纠正外，其余均获维持。",
        "2023年，行政复议均获维持。",
        "已审结的行政复议均获维持。",
    ] {
        r.overview.disclosure_on_request = Some(text.into());
        r.appeals.set(G::Review, O::Corrected, Cell::Count(1));
        let found = of("S8", &r, None);
        assert!(
            found.is_empty() || text.starts_with("已审结"),
            "{text}: {found:#?}"
        );
    }
    // Blank is not zero: a blank 尚未审结 neither contradicts nor confirms.
    r.overview.disclosure_on_request = Some("全年行政复议2件，均获维持。".into());
    r.appeals.set(G::Review, O::Corrected, Cell::Count(0));
    r.appeals.set(G::Review, O::Upheld, Cell::Count(2));
    r.appeals.set(G::Review, O::Total, Cell::Count(2));
    r.appeals.set(G::Review, O::Pending, Cell::Blank);
    assert!(of("S8", &r, None).is_empty());
}

#[test]
fn s1_says_where_a_wrong_number_comes_from() {
    let mut r = consistent();
    // 10 received, where 表三 has 12: 10 is its 自然人 cell.
    r.overview.disclosure_on_request = Some("2024年，本机关共收到政府信息公开申请10件。".into());
    insta::assert_snapshot!(describe_all("S1", &r));
    // 15 received: last year's figure.
    r.overview.disclosure_on_request = Some("2024年，本机关共收到政府信息公开申请15件。".into());
    let mut previous = last_year();
    previous
        .requests
        .set(R::New, A::NaturalPerson, Cell::Count(13));
    previous.requests.set(R::New, A::Total, Cell::Count(15));
    let found = of("S1", &r, Some(&previous));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .message
            .ends_with("15 与上年报告的同一数字相同，可能沿用了上年的数字。"),
        "{}",
        found[0].message
    );
    // A small number is not looked for elsewhere: 2 is in too many cells by chance.
    r.overview.disclosure_on_request = Some("2024年，本机关共收到政府信息公开申请2件。".into());
    assert!(!of("S1", &r, None)[0].message.contains("恰为"));
}

#[test]
fn s1_results_listed_one_by_one_add_up_to_the_total() {
    let mut r = consistent();
    let listed = |unable: u64| {
        format!("2024年，本机关办结政府信息公开申请11件，其中予以公开5件，部分公开2件，不予公开0件，无法提供{unable}件，不予处理0件，其他处理0件。")
    };
    r.overview.disclosure_on_request = Some(listed(4));
    assert!(of("S1", &r, None).is_empty());
    r.overview.disclosure_on_request = Some(listed(3));
    insta::assert_snapshot!(describe_all("S1", &r));
    // Shares that do not make 100%.
    r.overview.disclosure_on_request = Some(
        "办结申请11件，其中予以公开及部分公开7件，占63.6%；不予公开0件；无法提供4件，占26.4%；不予处理0件；其他处理0件。"
            .into(),
    );
    let found = of("S1", &r, None);
    assert!(
        found.iter().any(|d| d.message.contains("比例合计 90.0%")),
        "{found:#?}"
    );
}

#[test]
fn s9_copied_tables() {
    let previous = last_year();
    let mut r = consistent();
    // 表三 as last year's, count for count (last year carried one application forward).
    r.requests = previous.requests.clone();
    insta::assert_snapshot!(only("S9", &r, Some(&previous)));
    // One count changed is not a copy; nor is 表四's three small figures, the same both years.
    r.requests.set(R::Granted, A::NaturalPerson, Cell::Count(6));
    assert!(of("S9", &r, Some(&previous)).is_empty());
    // Last year's report must be of the year before.
    let mut older = previous.clone();
    older.year = 2022;
    assert!(of("S9", &consistent(), Some(&older)).is_empty());
}

#[test]
fn s10_year_on_year() {
    let previous = last_year();
    let mut r = consistent();
    // 12 new applications against 120 last year: ten times fewer.
    let mut before = previous.clone();
    before
        .requests
        .set(R::New, A::NaturalPerson, Cell::Count(110));
    before.requests.set(R::New, A::Total, Cell::Count(120));
    let found = of("S10", &r, Some(&before));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].severity, Severity::Info);
    insta::assert_snapshot!(describe(&found[0]));
    // 12 against 3 (four times) is not noted; 12 against 60 (five times, and at least 20) is.
    before.requests.set(R::New, A::Total, Cell::Count(3));
    assert!(of("S10", &r, Some(&before)).is_empty());
    before.requests.set(R::New, A::Total, Cell::Count(60));
    assert_eq!(of("S10", &r, Some(&before)).len(), 1);
    // Small numbers are not noted: 行政复议 1 last year, 9 this year (the larger under 20).
    before.requests.set(R::New, A::Total, Cell::Count(12));
    before.appeals.set(G::Review, O::Upheld, Cell::Count(1));
    before.appeals.set(G::Review, O::Corrected, Cell::Count(0));
    before.appeals.set(G::Review, O::Total, Cell::Count(1));
    r.appeals.set(G::Review, O::Upheld, Cell::Count(8));
    r.appeals.set(G::Review, O::Total, Cell::Count(9));
    assert!(of("S10", &r, Some(&before)).is_empty());
}

fn describe_all(code: &str, report: &Report) -> String {
    of(code, report, None)
        .iter()
        .map(describe)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn messages_come_in_english_on_request() {
    let mut r = consistent();
    r.appeals.set(G::Review, O::Total, Cell::Count(4));
    let result = check(
        &r,
        &CheckOptions {
            previous: None,
            lang: Lang::En,
            ..Default::default()
        },
    );
    let h4 = result
        .diagnostics
        .iter()
        .find(|d| d.code == "H4")
        .expect("H4");
    assert_eq!(
        h4.message,
        "/appeals/review/total: the four outcomes give 3, the report says 4 (difference 1)."
    );
}

#[test]
fn output_order_is_deterministic_and_follows_the_report() {
    let mut r = consistent();
    r.appeals.set(G::Review, O::Total, Cell::Count(4));
    r.requests.set(R::Granted, A::Total, Cell::Count(6));
    r.proactive
        .set(PI::Penalties, PC::Decisions, Cell::Text("-3".into()));
    let first = diagnostics(&r, None);
    let codes: Vec<_> = first.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["H6", "H1", "S1", "H2", "H4", "S1"]);
    assert_eq!(first, diagnostics(&r, None));
}

#[test]
fn h8_a_report_with_no_year_is_asked_for_its_year() {
    // An imported document whose title was not found has year 0: the message asks for the
    // year rather than speaking of "0 年".
    let mut r = consistent();
    r.year = 0;
    let found = of("H8", &r, None);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "没有报告年度，无法核对格式版本；请填写报告年度。"
    );
    assert_eq!(found[0].severity, Severity::Error);
}

#[test]
fn s11_prose_year() {
    let mut r = consistent();
    r.overview.summary =
        Some("2023年，我局坚持以人民为中心，认真贯彻《条例》，全面推进政务公开。".into());
    insta::assert_snapshot!(only("S11", &r, None));
    r.overview.summary = Some(
        "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。2024年，我局全面推进政务公开。"
            .into(),
    );
    insta::assert_snapshot!("s11_period", only("S11", &r, None));
    // Earlier years mentioned, not spoken of; and 五, which looks back by design.
    r.overview.summary = Some(
        "2024年，我局主动公开信息较2023年增长两成，2023年度报告中指出的问题已全部整改。统计期限自2024年1月1日起至2024年12月31日止。"
            .into(),
    );
    r.problems = Some(
        "2023年，我局存在的问题已整改。一是主动公开仍有不足。2025年，我局将继续完善公开目录，加强政策解读。"
            .into(),
    );
    assert!(of("S11", &r, None).is_empty());
    // The preface (导语) copied from last year's report, its period unchanged.
    r.preface = Some(
        "本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。"
            .into(),
    );
    insta::assert_snapshot!("s11_preface", only("S11", &r, None));
}
