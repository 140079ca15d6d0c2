//! The package's functions, run in headless Chromium (`wasm-bindgen-test`): what a page gets
//! back for real reports, unreadable ones and entry forms.
#![cfg(target_arch = "wasm32")]

use report_wasm::{check_form, check_json, rules_json, version_json};
use serde_json::{json, Value};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const HONGZE: &str =
    include_str!("../../../tests/fixtures/truth/2023-huaian-hongze-district-gov.json");
const HUAIAN: &str = include_str!("../../../tests/fixtures/truth/2024-huaian-city-gov.json");
const PINGTAN_2021: &str =
    include_str!("../../../tests/fixtures/truth/2021-pingtan-zone-admin-committee.json");
const PINGTAN_2022: &str =
    include_str!("../../../tests/fixtures/truth/2022-pingtan-zone-admin-committee.json");

fn parse(text: String) -> Value {
    serde_json::from_str(&text).expect("the package returns JSON")
}

fn codes_at(result: &Value, code: &str) -> Vec<String> {
    result["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| d["cells"][0].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[wasm_bindgen_test]
fn a_published_report_with_wrong_totals_is_invalid_and_names_the_cells() {
    let result = parse(check_json(HONGZE, None, None));
    assert_eq!(result["valid"], false);
    assert_eq!(
        codes_at(&result, "H4"),
        [
            "/appeals/review/total",
            "/appeals/litigation_after_review/total"
        ]
    );
    let h4 = &result["diagnostics"].as_array().expect("list")[1];
    assert_eq!(
        (h4["expected"].as_i64(), h4["actual"].as_i64()),
        (Some(11), Some(0))
    );
    assert!(h4["message"]
        .as_str()
        .unwrap_or_default()
        .contains("行政复议"));
    assert_eq!(result["counts"]["errors"], 3);
}

#[wasm_bindgen_test]
fn a_consistent_report_is_valid() {
    let result = parse(check_json(HUAIAN, None, None));
    assert_eq!(result["valid"], true, "{result}");
    assert_eq!(result["counts"]["errors"], 0);
}

#[wasm_bindgen_test]
fn last_years_report_turns_on_the_carry_over_rule() {
    // The 平潭 reports carry over correctly; one more application carried over does not.
    let with = parse(check_json(
        PINGTAN_2022,
        Some(PINGTAN_2021.to_owned()),
        None,
    ));
    assert!(codes_at(&with, "H7").is_empty(), "{with}");
    let mut changed: Value = serde_json::from_str(PINGTAN_2022).expect("truth");
    let cell = &mut changed["requests"]["carried_over"]["natural_person"];
    *cell = json!(cell.as_u64().expect("a count") + 1);
    let changed = changed.to_string();
    let without = parse(check_json(&changed, None, None));
    assert!(codes_at(&without, "H7").is_empty());
    let with = parse(check_json(&changed, Some(PINGTAN_2021.to_owned()), None));
    assert_eq!(
        codes_at(&with, "H7"),
        ["/requests/carried_over/natural_person"],
        "{with}"
    );
}

#[wasm_bindgen_test]
fn an_unreadable_report_says_where_and_what() {
    let result = parse(check_json(
        "{\n  \"edition\": \"2021\",\n  \"year\": \"x\"\n}",
        None,
        None,
    ));
    let error = &result["error"];
    assert_eq!(error["input"], "report");
    assert_eq!(error["line"], 3);
    assert_eq!(error["column"], 13);
    assert!(
        error["message"]
            .as_str()
            .unwrap_or_default()
            .contains("第 3 行"),
        "{error}"
    );
    assert!(result.get("diagnostics").is_none());

    let result = parse(check_json(HUAIAN, Some("[]".into()), None));
    assert_eq!(result["error"]["input"], "previous");
}

#[wasm_bindgen_test]
fn a_form_is_checked_as_typed_and_blank_is_not_zero() {
    let form = json!({
        "fields": [
            ["/year", "2024"], ["/agency", "某某局"],
            ["/appeals/review/upheld", "3"], ["/appeals/review/corrected", "1"],
            ["/appeals/review/other", ""], ["/appeals/review/pending", "0"],
            ["/appeals/review/total", "4"],
            ["/requests/other/natural_person", "1"],
            ["/no/such/cell", "1"]
        ]
    });
    let result = parse(check_form(&form.to_string(), None, None));
    // 其他结果 is blank: the total cannot be verified, and the blank is an error of its own.
    let h4 = result["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .find(|d| d["code"] == "H4");
    assert_eq!(
        h4.map(|d| d["severity"].clone()),
        Some(json!("info")),
        "{result}"
    );
    assert!(result["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .any(|d| d["code"] == "H5"
            && d["cells"]
                .as_array()
                .expect("cells")
                .contains(&json!("/appeals/review/other"))));
    // A 2019-format row in a 2021 report, and a pointer that names nothing, are reported.
    assert_eq!(
        result["unknown"],
        json!(["/requests/other/natural_person", "/no/such/cell"])
    );

    let wrong = form.to_string().replace(
        r#"["/appeals/review/total","4"]"#,
        r#"["/appeals/review/total","5"]"#,
    );
    let wrong = wrong.replace(
        r#"["/appeals/review/other",""]"#,
        r#"["/appeals/review/other","0"]"#,
    );
    let result = parse(check_form(&wrong, None, None));
    assert_eq!(
        codes_at(&result, "H4"),
        ["/appeals/review/total"],
        "{result}"
    );
}

#[wasm_bindgen_test]
fn rules_and_version_describe_the_package() {
    let rules = parse(rules_json());
    let codes: Vec<&str> = rules
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|r| r["code"].as_str())
        .collect();
    assert_eq!(codes.len(), 15);
    assert!(codes.contains(&"H4") && codes.contains(&"S7"));
    assert!(rules[0]["explanation_zh"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
    let version = parse(version_json());
    assert_eq!(version["contract"], report_core::CONTRACT_VERSION);
    assert_eq!(version["version"], env!("CARGO_PKG_VERSION"));
}
