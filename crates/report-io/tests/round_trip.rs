//! Render a report to every format, import it again, and get the same report.

use proptest::prelude::*;
use report_core::layout::{CellKind, Edition, RequestRow};
use report_core::{Cell, Date, Place, ProseField, Report};
use report_io::export::{render, Target};

const WORDS: &[&str] = &[
    "本机关",
    "坚持",
    "政务公开",
    "工作",
    "进一步",
    "规范",
    "依申请公开",
    "办理",
    "政策解读",
    "平台",
    "建设",
    "加强",
    "监督",
    "保障",
    "信息",
    "发布",
    "群众",
    "关切",
];
const AGENCIES: &[&str] = &[
    "某某市教育局",
    "某某县人民政府",
    "某某区卫生健康委员会",
    "某某街道办事处",
    "某某省交通运输厅",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 2..8)
        .prop_map(|w| format!("{}。", w.concat()))
}

fn prose() -> impl Strategy<Value = Option<String>> {
    prop::option::weighted(
        0.7,
        prop::collection::vec(sentence(), 1..4).prop_map(|lines| lines.join("\n")),
    )
}

fn cell(kind: CellKind) -> BoxedStrategy<Cell> {
    match kind {
        CellKind::Count => prop_oneof![
            3 => (0u64..100_000).prop_map(Cell::Count),
            1 => Just(Cell::Blank),
            1 => prop::sample::select(vec!["/", "—", "无"]).prop_map(|t| Cell::Text(t.into())),
        ]
        .boxed(),
        CellKind::SignedCount => {
            prop_oneof![(-500i64..500).prop_map(Cell::Signed), Just(Cell::Blank)].boxed()
        }
        CellKind::Money => prop_oneof![
            (0u64..10_000_000, 0u32..4).prop_map(|(n, scale)| Cell::parse(
                CellKind::Money,
                &rust_decimal_string(n, scale)
            )),
            Just(Cell::Blank),
        ]
        .boxed(),
        CellKind::Text => prop_oneof![
            (1u64..1_000_000).prop_map(|n| Cell::Text(format!("{n}元"))),
            Just(Cell::Blank)
        ]
        .boxed(),
    }
}

fn rust_decimal_string(n: u64, scale: u32) -> String {
    if scale == 0 {
        return n.to_string();
    }
    let s = format!("{n:0>width$}", width = scale as usize + 1);
    let (int, frac) = s.split_at(s.len() - scale as usize);
    format!("{int}.{frac}")
}

fn report() -> impl Strategy<Value = Report> {
    (
        prop::sample::select(vec![Edition::V2021, Edition::V2019]),
        2019u16..2031,
        prop::sample::select(AGENCIES),
        prop::option::of((2020u16..2031, 1u8..13, 1u8..29)),
        prop::collection::vec(prose(), 8),
        any::<bool>(),
        prop::option::of(prop::collection::vec(sentence(), 0..3)),
    )
        .prop_flat_map(|(edition, year, agency, published, prose, collapse, preface)| {
            let mut report = Report::blank(edition, year, agency);
            report.published = published.and_then(|(y, m, d)| Date::new(y, m, d));
            // Every field under a heading, and a preface that opens as prefaces do.
            for (field, text) in ProseField::ALL[1..].iter().zip(prose) {
                *report.prose_mut(*field) = text;
            }
            report.preface = preface.map(|more| {
                let mut lines = vec![format!(
                    "本报告根据《中华人民共和国政府信息公开条例》编制，所列数据统计期限自{year}年1月1日起至{year}年12月31日止。"
                )];
                lines.extend(more);
                lines.join("\n")
            });
            if edition == Edition::V2021 && collapse {
                for row in RequestRow::OTHER_SPLIT {
                    report.requests.remove_row(row);
                }
                report
                    .requests
                    .insert_row(RequestRow::Other, Edition::V2019);
            }
            let places: Vec<Place> = report.cells().map(|(p, _)| p).collect();
            let cells: Vec<_> = places
                .iter()
                .map(|p| cell(p.kind().unwrap_or(CellKind::Count)))
                .collect();
            (Just(report), Just(places), cells)
        })
        .prop_map(|(mut report, places, cells)| {
            for (place, value) in places.into_iter().zip(cells) {
                report.set_cell(place, value);
            }
            report
        })
}

fn round_trip(report: &Report, target: Target) -> Result<(), TestCaseError> {
    let rendered = render(report, target);
    let imported = report_io::import(&rendered)
        .map_err(|e| TestCaseError::fail(format!("{target:?}: {e}")))?;
    prop_assert_eq!(
        &imported.report,
        report,
        "{:?}\n{}",
        target,
        String::from_utf8_lossy(&rendered)
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn html_round_trips(report in report()) { round_trip(&report, Target::Html)?; }

    #[test]
    fn text_round_trips(report in report()) { round_trip(&report, Target::Text)?; }

    #[test]
    fn markdown_round_trips(report in report()) { round_trip(&report, Target::Markdown)?; }

    #[test]
    fn csv_round_trips(report in report()) { round_trip(&report, Target::Csv)?; }

    #[test]
    fn docx_round_trips(report in report()) { round_trip(&report, Target::Docx)?; }
}

#[test]
fn markup_in_a_report_is_text_in_every_export() {
    let mut report = Report::blank(Edition::V2021, 2024, "<script>alert(1)</script>局");
    report.problems = Some("<img src=x onerror=alert(1)>".into());
    report.set_cell(
        Place::Requests(RequestRow::New, Some(report_core::Applicant::Total)),
        Cell::Text("<b>".into()),
    );
    let html = String::from_utf8(render(&report, Target::Html)).expect("UTF-8");
    assert!(
        !html.contains("<script>") && !html.contains("<img") && !html.contains("<b>"),
        "{html}"
    );
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    let back = report_io::import(html.as_bytes()).expect("imports");
    assert_eq!(
        back.report.problems, report.problems,
        "the text survives as text"
    );
}
