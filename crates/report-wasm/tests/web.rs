//! The package's functions, run in headless Chromium (`wasm-bindgen-test`): what a page gets
//! back for real reports, unreadable ones and entry forms.
#![cfg(target_arch = "wasm32")]

use report_wasm::{check, check_form, rules, version};
use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const HONGZE: &str =
    include_str!("../../../tests/fixtures/truth/2023-huaian-hongze-district-gov.json");
const HUAIAN: &str = include_str!("../../../tests/fixtures/truth/2024-huaian-city-gov.json");
const PINGTAN_2021: &str =
    include_str!("../../../tests/fixtures/truth/2021-pingtan-zone-admin-committee.json");
const PINGTAN_2022: &str =
    include_str!("../../../tests/fixtures/truth/2022-pingtan-zone-admin-committee.json");

/// A report as a page holds it: a JavaScript object.
fn object(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("JSON")
}

/// A report as JSON text.
fn text(json: &str) -> JsValue {
    JsValue::from_str(json)
}

const NONE: JsValue = JsValue::UNDEFINED;

/// What the package returned, as plain data.
fn parse(value: JsValue) -> Value {
    let text = js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|t| t.as_string())
        .expect("the package returns plain objects");
    serde_json::from_str(&text).expect("JSON")
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
    let result = parse(check(&object(HONGZE), &NONE, None));
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
    let result = parse(check(&text(HUAIAN), &NONE, None));
    assert_eq!(result["valid"], true, "{result}");
    assert_eq!(result["counts"]["errors"], 0);
}

#[wasm_bindgen_test]
fn last_years_report_turns_on_the_carry_over_rule() {
    // The 平潭 reports carry over correctly; one more application carried over does not.
    let with = parse(check(&object(PINGTAN_2022), &text(PINGTAN_2021), None));
    assert!(codes_at(&with, "H7").is_empty(), "{with}");
    let mut changed: Value = serde_json::from_str(PINGTAN_2022).expect("truth");
    let cell = &mut changed["requests"]["carried_over"]["natural_person"];
    *cell = json!(cell.as_u64().expect("a count") + 1);
    let changed = object(&changed.to_string());
    let without = parse(check(&changed, &NONE, None));
    assert!(codes_at(&without, "H7").is_empty());
    let with = parse(check(&changed, &object(PINGTAN_2021), None));
    assert_eq!(
        codes_at(&with, "H7"),
        ["/requests/carried_over/natural_person"],
        "{with}"
    );
}

#[wasm_bindgen_test]
fn an_unreadable_report_says_where_and_what() {
    // JSON text that is not JSON: the line and column the browser's reader stopped at.
    let result = parse(check(
        &text("{\n  \"edition\": \"2021\",\n  \"year\": 2024,\n  x\n}"),
        &NONE,
        None,
    ));
    let error = &result["error"];
    assert_eq!(error["input"], "report");
    assert_eq!(
        (error["line"].as_u64(), error["column"].as_u64()),
        (Some(4), Some(3)),
        "{error}"
    );
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("第 4 行第 3 列") && m.contains("JSON")),
        "{error}"
    );
    assert!(result.get("diagnostics").is_none());

    // A malformed object, as text or as an object: the JSON Pointer of the wrong value.
    for given in [
        text(r#"{"edition": "2021", "year": "x"}"#),
        object(r#"{"edition": "2021", "year": "x"}"#),
    ] {
        let error = parse(check(&given, &NONE, None))["error"].clone();
        assert_eq!(error["pointer"], "/year", "{error}");
        assert!(
            error["message"]
                .as_str()
                .is_some_and(|m| m.contains("类型错误")),
            "{error}"
        );
    }
    let mut wrong: Value = serde_json::from_str(HUAIAN).expect("truth");
    wrong["requests"]["new"]["natural_persons"] = json!(1);
    let error = parse(check(&object(&wrong.to_string()), &NONE, None))["error"].clone();
    assert_eq!(error["pointer"], "/requests/new/natural_persons", "{error}");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("未知字段")),
        "{error}"
    );
    wrong["requests"]["new"] = json!({"natural_person": -3});
    let error = parse(check(&object(&wrong.to_string()), &NONE, None))["error"].clone();
    assert_eq!(error["pointer"], "/requests/new/natural_person", "{error}");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("负数")),
        "{error}"
    );

    // Not an object at all, and nothing at all.
    for given in [JsValue::from(5), JsValue::NULL, text("  ")] {
        let result = parse(check(&given, &NONE, None));
        assert!(
            result["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{result}"
        );
        assert!(result.get("valid").is_none());
    }

    let result = parse(check(&text(HUAIAN), &text("[]"), None));
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
    let result = parse(check_form(&object(&form.to_string()), &NONE, None));
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
    let result = parse(check_form(&text(&wrong), &NONE, None));
    assert_eq!(
        codes_at(&result, "H4"),
        ["/appeals/review/total"],
        "{result}"
    );
}

#[wasm_bindgen_test]
fn rules_and_version_describe_the_package() {
    let rules = parse(rules());
    let codes: Vec<&str> = rules
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|r| r["code"].as_str())
        .collect();
    let catalogue: Vec<&str> = report_core::rules::catalogue().map(|m| m.code).collect();
    assert_eq!(codes, catalogue);
    assert!(codes.contains(&"H4") && codes.contains(&"S7"));
    assert!(rules[0]["explanation_zh"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
    let version = parse(version());
    assert_eq!(version["contract"], report_core::CONTRACT_VERSION);
    assert_eq!(version["version"], env!("CARGO_PKG_VERSION"));
}
