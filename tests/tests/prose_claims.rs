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
