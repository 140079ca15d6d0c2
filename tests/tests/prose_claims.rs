//! Rule S8 on every published report: the sweeping claims of its prose that its own tables
//! contradict, each justified by the sentence quoted here, and nothing else.

use nianbao_tests::{real, truth_names};
use report_core::{check, CheckOptions};

/// The S8 findings each published report should give: its name, the claim quoted, and the
/// cells whose counts contradict it. Every other report gives none.
const EXPECTED: &[(&str, &str, &[&str])] = &[
    // "信息公开类行政复议7件，诉讼9件，均获维持": 表四 has 行政复议 尚未审结 2 and 直接起诉 尚未审结 1.
    (
        "2019-shanghai-municipal-gov-general-office-2019format",
        "诉讼9件，均获维持",
        &[
            "/appeals/review/pending",
            "/appeals/litigation_direct/pending",
        ],
    ),
    (
        "2019-shanghai-municipal-gov-general-office-2019format-portal",
        "诉讼9件，均获维持",
        &[
            "/appeals/review/pending",
            "/appeals/litigation_direct/pending",
        ],
    ),
];

#[test]
fn the_published_reports_claims_are_judged_by_their_own_tables() {
    for name in truth_names() {
        let bytes = std::fs::read(real(&name)).expect("fixture");
        let imported = report_io::import(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let found: Vec<_> = check(&imported.report, &CheckOptions::default())
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "S8")
            .collect();
        let expected: Vec<_> = EXPECTED.iter().filter(|(n, _, _)| *n == name).collect();
        assert_eq!(found.len(), expected.len(), "{name}: {found:#?}");
        for (d, (_, quote, cells)) in found.iter().zip(expected) {
            assert!(d.message.contains(quote), "{name}: {}", d.message);
            // The paragraph first, then the cells that contradict it.
            assert_eq!(d.cells[0], "/overview/disclosure_on_request", "{name}");
            assert_eq!(&d.cells[1..], *cells, "{name}");
        }
    }
}

/// Rules S9 and S10 on the one published pair of years (平潭 2021 and 2022): its tables differ
/// and its counts move little (新收 70 → 74, 行政复议 3 → 2; 直接起诉 12 → 1 is twelve-fold but
/// under 20), so neither says anything. Last year's report given as this year's own tables,
/// relabelled, is found copied.
#[test]
fn the_published_pair_of_years_is_neither_copied_nor_out_of_line() {
    let last = nianbao_tests::truth("2021-pingtan-zone-admin-committee");
    let this = nianbao_tests::truth("2022-pingtan-zone-admin-committee");
    let codes = |report: &report_core::Report, previous: &report_core::Report| -> Vec<String> {
        check(
            report,
            &CheckOptions {
                previous: Some(previous),
                ..Default::default()
            },
        )
        .diagnostics
        .into_iter()
        .filter(|d| d.code == "S9" || d.code == "S10")
        .map(|d| format!("{} {}", d.code, d.message))
        .collect()
    };
    assert_eq!(codes(&this, &last), Vec::<String>::new());
    let mut copied = last.clone();
    copied.year = 2022;
    let found = codes(&copied, &last);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("S9 表二、表三、表四"), "{found:#?}");
}

/// Rule S1 on 上海市人民政府办公厅 2019, which the issue of these checks quotes: "予以公开及部分公开
/// 258件，占33.9%；不予公开35件，占4.34%；…无法提供265件，占32.9%；不予处理158件，占19.6%；其他处理
/// 0件" after "答复政府信息公开申请805件". 258 is 表三's 予以公开/自然人 cell, not 予以公开 + 部分公开
/// (275); the five results add up to 716, not 805, and their shares to 90.74%.
#[test]
fn shanghai_2019_copied_a_cell_and_lists_results_that_do_not_add_up() {
    for name in [
        "2019-shanghai-municipal-gov-general-office-2019format",
        "2019-shanghai-municipal-gov-general-office-2019format-portal",
    ] {
        let bytes = std::fs::read(real(name)).expect("fixture");
        let report = report_io::import(&bytes).expect("reads").report;
        let found: Vec<_> = check(&report, &CheckOptions::default())
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "S1")
            .collect();
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(found.len(), 3, "{name}: {messages:#?}");
        assert!(
            messages
                .iter()
                .any(|m| m.contains("258 件，但表格中已填部分就有 275 件")
                    && m.contains("258 恰为表三「（一）予以公开」行「自然人」列的数字")),
            "{name}: {messages:#?}"
        );
        let breakdown = found
            .iter()
            .find(|d| d.message.contains("逐项列出的办理结果"))
            .expect("the breakdown");
        assert!(
            breakdown
                .message
                .contains("相加为 716 件，比例合计 90.74%，与所称答复总数 805 件不符"),
            "{}",
            breakdown.message
        );
        assert_eq!(breakdown.cells, ["/overview/disclosure_on_request"]);
    }
}

/// Rule S11 on every published report: each opens its account of the year with its own year,
/// so none is named. The same report with its year moved on a year, as a clerk would leave a
/// copied report, is named at its preface's statistics period and at its summary.
#[test]
fn the_published_reports_speak_of_their_own_year() {
    for name in truth_names() {
        let bytes = std::fs::read(real(&name)).expect("fixture");
        let imported = report_io::import(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut report = imported.report;
        let of = |report: &report_core::Report| -> Vec<String> {
            check(report, &CheckOptions::default())
                .diagnostics
                .into_iter()
                .filter(|d| d.code == "S11")
                .map(|d| d.cells.join(" "))
                .collect()
        };
        assert_eq!(of(&report), Vec::<String>::new(), "{name}");
        if report.prose(report_core::ProseField::Summary).is_some() {
            report.year += 1;
            let found = of(&report);
            // Its preface first, where it has one: the statistics period is last year's.
            let mut expected = Vec::new();
            if report.preface.is_some() {
                expected.push("/preface");
            }
            expected.push("/overview/summary");
            assert_eq!(found[..expected.len()], expected, "{name}: {found:?}");
        }
    }
}

/// Every finding about the prose of a published report names the field it is in, the sentence
/// it quotes is found in that field's text (where the page selects it), and the finding points
/// to the paragraph in the document, not to a table cell.
#[test]
fn prose_findings_point_to_their_paragraph_and_sentence() {
    let mut quoted = 0;
    for name in truth_names() {
        let bytes = std::fs::read(real(&name)).expect("fixture");
        let (imported, result) = report_io::check_document(&bytes, &CheckOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        for d in &result.diagnostics {
            let Some((field, quote)) = d.passage() else {
                continue;
            };
            let text = imported.report.prose(field).unwrap_or_default();
            if let Some(quote) = quote {
                let at = report_core::prose::locate(text, quote)
                    .unwrap_or_else(|| panic!("{name}: {quote} not in {text}"));
                assert_eq!(report_core::prose::normalise(&text[at]), quote, "{name}");
                quoted += 1;
            }
            let paragraph = imported.sources.get(field.pointer());
            assert!(
                paragraph.is_some(),
                "{name}: no source for {}",
                field.pointer()
            );
            assert_eq!(d.source.as_ref(), paragraph, "{name}: {}", d.message);
        }
    }
    // 上海 2019's three S1 and one S8 findings, twice; 洪泽 2024's S1.
    assert!(quoted >= 9, "{quoted}");
}

/// The preface (导语) is read apart from 一: the statistics period of every published report that
/// prints one is its own year.
#[test]
fn the_preface_is_read_with_its_statistics_period() {
    for name in truth_names() {
        let bytes = std::fs::read(real(&name)).expect("fixture");
        let report = report_io::import(&bytes).expect("reads").report;
        let Some(preface) = report.preface.as_deref() else {
            // 文峰区 2024 prints none: its title is followed by 一.
            assert!(name.contains("wenfeng"), "{name}: no preface");
            continue;
        };
        let norm = report_core::prose::normalise(preface);
        assert!(norm.contains("统计"), "{name}: {preface}");
        assert!(
            norm.contains(&format!("{}年1月1日", report.year)),
            "{name}: {preface}"
        );
        // Nothing of the page around it, nor of 一.
        assert!(
            !norm.contains("当前位置") && !norm.contains("一、总体情况"),
            "{name}"
        );
        let summary = report
            .prose(report_core::ProseField::Summary)
            .unwrap_or_default();
        assert!(!summary.contains("统计期限"), "{name}");
    }
}

/// Rule S7 on a published report signed at its end: 淮安市 2024 gives no publication date; with
/// its office's signature dated after 31 March appended, as a PDF prints it flush right under 六,
/// the signing date is found late and the finding points to 六.
#[test]
fn a_report_signed_after_the_deadline_is_named_at_its_signature() {
    let mut text = std::fs::read_to_string(real("2024-huaian-city-gov")).expect("fixture");
    let s7 = |text: &str| -> Vec<report_core::Diagnostic> {
        report_io::check_document(text.as_bytes(), &CheckOptions::default())
            .expect("reads")
            .1
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "S7")
            .collect()
    };
    assert!(s7(&text).is_empty());
    text.push_str("\n                              淮安市人民政府办公室\n                                2025 年 3 月 20 日\n");
    assert!(s7(&text).is_empty(), "signed in time");
    text = text.replace("2025 年 3 月 20 日", "2025 年 4 月 10 日");
    let found = s7(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0]
        .message
        .starts_with("文末落款日期为 2025-04-10，晚于法定期限 2025-03-31"));
    assert_eq!(found[0].cells, ["/other_matters"]);
}

/// Every finding of the rules that read the prose or compare years (S1, S3, S5–S11) on every
/// published report, each justified by the sentence it quotes; no report gives any other.
///
/// - 上海 2019 (page text and portal markup alike): "予以公开及部分公开258件" is 表三's 予以公开/自然人
///   cell, not 予以公开 + 部分公开 (275); "无法提供265件" against the 337 of the 无法提供 rows; the
///   five results listed add up to 716 of the 805 answered; "诉讼9件，均获维持" against 表四's
///   尚未审结 cells.
/// - 洪泽区 2024 (PDF and its text): "区政府办代表区政府受理政府信息公开申请17件" against 表三's 95
///   new requests; the sentence speaks of one office, but the report does not say where the other
///   78 came from, so it is a warning to look, not an error.
#[test]
fn every_prose_finding_on_the_published_reports_is_listed_here() {
    const SHANGHAI: &[(&str, &str)] = &[
        ("S1", "相加为 716 件，比例合计 90.74%"),
        ("S8", "诉讼9件，均获维持"),
        ("S1", "258 恰为表三「（一）予以公开」行「自然人」列的数字"),
        ("S1", "无法提供 265 件，但表格中已填部分就有 337 件"),
    ];
    const HONGZE_2024: &[(&str, &str)] = &[("S1", "受理政府信息公开申请17件")];
    let mut files = 0;
    for entry in std::fs::read_dir(nianbao_tests::fixtures().join("real")).expect("fixtures") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let expected: &[(&str, &str)] = if name.starts_with("2019-shanghai") {
            SHANGHAI
        } else if name.starts_with("2024-huaian-hongze") {
            HONGZE_2024
        } else {
            &[]
        };
        let bytes = std::fs::read(&path).expect("fixture");
        let (_, result) = report_io::check_document(&bytes, &CheckOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let found: Vec<(String, String)> = result
            .diagnostics
            .iter()
            .filter(|d| d.code.starts_with('S') || d.code.starts_with('B'))
            .map(|d| (d.code.to_owned(), d.message.clone()))
            .collect();
        assert_eq!(found.len(), expected.len(), "{name}: {found:#?}");
        for (code, words) in expected {
            assert!(
                found.iter().any(|(c, m)| c == code && m.contains(words)),
                "{name}: no {code} saying {words}: {found:#?}"
            );
        }
        files += 1;
    }
    assert_eq!(files, 11);
}
