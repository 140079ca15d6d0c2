//! The `nianbao` command as a user runs it: exit codes, output grouped by table, JSON output,
//! blank reports, the rule catalogue and the schema.

use std::path::PathBuf;
use std::process::{Command, Output};

use report_core::Report;

fn truth(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/truth")
        .join(format!("{name}.json"))
}

fn nianbao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .output()
        .expect("nianbao runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

const HONGZE: &str = "2023-huaian-hongze-district-gov";
const HUAIAN: &str = "2024-huaian-city-gov";

#[test]
fn a_report_with_errors_exits_1_and_lists_them_by_table() {
    let out = nianbao(&["check", truth(HONGZE).to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("洪泽区人民政府 2023 年度报告（2021 年版格式）"),
        "{text}"
    );
    assert!(
        text.contains("未通过：3 个错误 · 0 个警告 · 0 个提示"),
        "{text}"
    );
    let table3 = text
        .find("表三（三、收到和处理政府信息公开申请情况）")
        .expect("表三 group");
    let table4 = text
        .find("表四（四、政府信息公开行政复议、行政诉讼情况）")
        .expect("表四 group");
    let h8 = text.find("错误 H8").expect("H8");
    let h4 = text.find("错误 H4").expect("H4");
    assert!(table3 < h8 && h8 < table4 && table4 < h4, "{text}");
    assert!(
        text.contains("位置：/appeals/review/total /appeals/review/upheld"),
        "{text}"
    );
}

#[test]
fn a_consistent_report_exits_0() {
    let out = nianbao(&["check", truth(HUAIAN).to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("通过：0 个错误"));
}

#[test]
fn json_output_has_one_object_per_file_and_unreadable_files_exit_2() {
    let bad = std::env::temp_dir().join(format!("nianbao-cli-bad-{}.json", std::process::id()));
    std::fs::write(
        &bad,
        r#"{"edition":"2021","year":2024,"agency":"x","requests":{"new":{"robots":1}}}"#,
    )
    .unwrap();
    let out = nianbao(&[
        "check",
        "--format",
        "json",
        truth(HONGZE).to_str().unwrap(),
        bad.to_str().unwrap(),
        truth(HUAIAN).to_str().unwrap(),
    ]);
    std::fs::remove_file(&bad).ok();
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON output");
    let files = json.as_array().expect("an array");
    assert_eq!(files.len(), 3);
    assert_eq!(files[0]["valid"], false);
    assert_eq!(files[0]["counts"]["errors"], 3);
    let h4 = &files[0]["diagnostics"][1];
    assert_eq!(h4["code"], "H4");
    assert_eq!(h4["severity"], "error");
    assert_eq!(h4["cells"][0], "/appeals/review/total");
    assert_eq!(
        (
            h4["expected"].as_i64(),
            h4["actual"].as_i64(),
            h4["difference"].as_i64()
        ),
        (Some(11), Some(0), Some(-11))
    );
    assert_eq!(files[1]["error"]["pointer"], "/requests/new/robots");
    assert!(files[1]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("未知字段 `robots`"));
    assert_eq!(files[2]["valid"], true, "the rest are still checked");
}

#[test]
fn previous_turns_on_the_carry_over_check() {
    let dir = std::env::temp_dir().join(format!("nianbao-cli-prev-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut last = Report::from_json(
        &std::fs::read_to_string(truth("2021-pingtan-zone-admin-committee")).unwrap(),
    )
    .unwrap();
    last.requests.set(
        report_core::RequestRow::CarriedForward,
        report_core::Applicant::Total,
        report_core::Cell::Count(5),
    );
    let last_path = dir.join("2021.json");
    std::fs::write(&last_path, last.to_json()).unwrap();
    let this = truth("2022-pingtan-zone-admin-committee");

    let out = nianbao(&[
        "check",
        "--format",
        "json",
        "--previous",
        last_path.to_str().unwrap(),
        this.to_str().unwrap(),
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let codes: Vec<_> = json[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(codes, ["H7"]);
    assert_eq!(out.status.code(), Some(1));

    let clean = nianbao(&[
        "check",
        "--previous",
        truth("2021-pingtan-zone-admin-committee").to_str().unwrap(),
        this.to_str().unwrap(),
    ]);
    assert_eq!(clean.status.code(), Some(0));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn new_prints_a_blank_report_of_the_right_edition() {
    let out = nianbao(&["new", "--year", "2020", "--agency", "某某县人民政府"]);
    assert_eq!(out.status.code(), Some(0));
    let report = Report::from_json(&stdout(&out)).expect("a valid report");
    assert_eq!(report.edition, report_core::Edition::V2019);
    assert_eq!(report.agency, "某某县人民政府");
    assert!(report.cells().all(|(_, c)| c.is_blank()));
    assert_eq!(report.cells().count(), 23 * 7 + 15 + 3 * 2 + 3 * 4 + 2 + 2);

    let out = nianbao(&[
        "new",
        "--year",
        "2024",
        "--agency",
        "x",
        "--edition",
        "2021",
    ]);
    let report = Report::from_json(&stdout(&out)).unwrap();
    assert_eq!(report.cells().count(), 25 * 7 + 15 + 3 * 2 + 3 + 1);
}

#[test]
fn rules_lists_the_catalogue() {
    let text = stdout(&nianbao(&["rules"]));
    let codes: Vec<&str> = report_core::rules::catalogue().map(|m| m.code).collect();
    assert!(codes.len() >= 19, "{codes:?}");
    for code in &codes {
        assert!(
            text.lines().any(|l| l.starts_with(&format!("{code}  "))),
            "{code} missing:\n{text}"
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&nianbao(&["rules", "--format", "json"]))).unwrap();
    assert_eq!(json.as_array().unwrap().len(), codes.len());
    assert!(json[0]["docs"]
        .as_str()
        .unwrap()
        .contains("## What it checks"));
}

#[test]
fn english_messages_on_request() {
    let out = nianbao(&["check", "--lang", "en", truth(HONGZE).to_str().unwrap()]);
    assert!(
        stdout(&out).contains("the four outcomes give 11, the report says 0"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn the_committed_schema_is_current_and_accepts_every_fixture() {
    let committed =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema/report.schema.json");
    let printed = stdout(&nianbao(&["schema"]));
    let on_disk =
        std::fs::read_to_string(&committed).expect("schema/report.schema.json is committed");
    assert!(
        printed == on_disk,
        "schema/report.schema.json is stale: run `cargo run -p report-cli -- schema > schema/report.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&on_disk).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/truth");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.to_str().unwrap().ends_with(".expect.json") {
            continue;
        }
        let instance: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
    let wrong: serde_json::Value = serde_json::json!({"edition": "2021", "year": 2024, "agency": "x", "requests": {"new": {"robots": 1}}});
    assert!(
        !validator.is_valid(&wrong),
        "the schema refuses unknown fields too"
    );
}

#[test]
fn bad_input_exits_2_with_the_place_and_never_panics() {
    let dir = std::env::temp_dir().join(format!("nianbao-cli-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut random = Vec::with_capacity(10 << 20);
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    while random.len() < 10 << 20 {
        // xorshift: reproducible noise without a dependency.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        random.extend_from_slice(&state.to_le_bytes());
    }
    let cases: [(&str, Vec<u8>, &str); 8] = [
        ("syntax", br#"{"edition":"2021","year":2024,"agency":"x",}"#.to_vec(), "第 1 行第 44 列：多余的逗号"),
        ("wrong-type", br#"{"edition":"2021","year":"2024","agency":"x"}"#.to_vec(), "（/year）：类型错误"),
        (
            "negative-count",
            br#"{"edition":"2021","year":2024,"agency":"x","requests":{"new":{"total":-3}}}"#.to_vec(),
            "（/requests/new/total）：件数不能为负数：-3",
        ),
        (
            "float-money",
            br#"{"edition":"2021","year":2024,"agency":"x","proactive":{"fees":{"amount":7730.28}}}"#.to_vec(),
            "（/proactive/fees/amount）：金额应写成字符串",
        ),
        (
            "unknown-field",
            br#"{"edition":"2021","year":2024,"agency":"x","appeals":{"review":{"won":1}}}"#.to_vec(),
            "（/appeals/review/won）：未知字段 `won`",
        ),
        ("empty", Vec::new(), "文件为空"),
        ("random", random, "第 1 行（第 0 字节）起的文字无法识别"),
        ("truncated", br#"{"edition":"2021","year":2024,"agency":"#.to_vec(), "第 1 行第 39 列（/agency）：文件在 JSON 值结束前就结束了"),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.join(format!("{name}.json"));
        std::fs::write(&path, bytes).unwrap();
        let out = nianbao(&["check", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let text = stdout(&out);
        assert!(text.contains(expected), "{name}: {text}");
        assert!(
            String::from_utf8_lossy(&out.stderr).is_empty(),
            "{name}: nothing on stderr, no panic"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

fn real(name: &str, ext: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/real")
        .join(format!("{name}.{ext}"))
}

#[test]
fn check_reads_published_documents_directly() {
    let out = nianbao(&["check", real(HONGZE, "txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("错误 H4  表四「行政复议」"), "{text}");
    assert!(
        text.contains("原文：第 149 行"),
        "the row of numbers in the PDF text: {text}"
    );

    let out = nianbao(&[
        "check",
        "--format",
        "json",
        real("2021-pingtan-zone-admin-committee", "txt")
            .to_str()
            .unwrap(),
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let first = &json[0]["diagnostics"][0];
    assert_eq!(
        first["code"], "I4",
        "import diagnostics come first, in the shape of the others"
    );
    assert_eq!(first["cells"][0], "/proactive/normative_documents/issued");
    assert!(first["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c == "69"));
}

#[test]
fn import_writes_the_report_and_reports_on_stderr() {
    let dir = std::env::temp_dir().join(format!("nianbao-cli-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out_path = dir.join("hongze.json");
    let out = nianbao(&[
        "import",
        real(HONGZE, "txt").to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let imported = Report::from_json(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    let truth = Report::from_json(&std::fs::read_to_string(truth(HONGZE)).unwrap()).unwrap();
    assert_eq!(imported.requests, truth.requests);
    assert_eq!(imported.appeals, truth.appeals);

    let out = nianbao(&[
        "import",
        "--format",
        "json",
        real("2022-pingtan-zone-admin-committee", "txt")
            .to_str()
            .unwrap(),
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["report"]["agency"], "平潭综合实验区");
    assert_eq!(json["diagnostics"][0]["code"], "I7");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn render_writes_every_format_and_each_reads_back() {
    let dir = std::env::temp_dir().join(format!("nianbao-cli-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = truth(HUAIAN);
    for to in ["html", "txt", "md", "csv", "docx"] {
        let path = dir.join(format!("report.{to}"));
        let out = nianbao(&[
            "render",
            source.to_str().unwrap(),
            "--to",
            to,
            "-o",
            path.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{to}");
        let back = nianbao(&["check", "--format", "json", path.to_str().unwrap()]);
        let json: serde_json::Value = serde_json::from_str(&stdout(&back)).unwrap();
        assert_eq!(json[0]["valid"], true, "{to}: {json}");
    }
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(html.contains(r#"<td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>"#));
    assert!(!html.contains("<script") && !html.contains("<link"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn check_reads_a_pdf_in_a_folder_and_explains_a_scan() {
    let dir = std::env::temp_dir().join(format!("nianbao-pdf-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    std::fs::copy(
        real("2023-huaian-hongze-district-gov", "pdf"),
        dir.join("洪泽区.pdf"),
    )
    .expect("copied");
    std::fs::copy(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/made/scan-no-text.pdf"),
        dir.join("扫描件.pdf"),
    )
    .expect("copied");
    let out = nianbao(&["check", dir.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("洪泽区人民政府 2023"), "{text}");
    assert!(text.contains("H4"), "{text}");
    assert!(
        text.contains("扫描件") && text.contains("无法读取"),
        "{text}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn import_takes_last_years_report_to_settle_a_split() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("import-previous");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    // 平潭 2021 prints 行政规范性文件 as "693665"; last year's 现行有效件数 599 settles it.
    let truth = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/truth/2021-pingtan-zone-admin-committee.json");
    let mut previous: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(truth).expect("truth")).expect("JSON");
    previous["year"] = 2020.into();
    previous["proactive"]["normative_documents"]["in_force"] = 599.into();
    let previous_path = dir.join("2020.json");
    std::fs::write(&previous_path, previous.to_string()).expect("written");
    let document = real("2021-pingtan-zone-admin-committee", "txt");
    let out = nianbao(&[
        "import",
        "--format",
        "json",
        document.to_str().unwrap(),
        "--previous",
        previous_path.to_str().unwrap(),
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let normative = &json["report"]["proactive"]["normative_documents"];
    assert_eq!(
        (
            &normative["issued"],
            &normative["repealed"],
            &normative["in_force"]
        ),
        (&69.into(), &3.into(), &665.into())
    );
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"I8"), "{codes:?}");
    // An unreadable previous report is said so, exit 2.
    let out = nianbao(&[
        "import",
        document.to_str().unwrap(),
        "--previous",
        dir.join("missing.json").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("上年报告"));
}

/// A folder of its own under the system's temporary folder, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nianbao-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

#[test]
fn a_roll_up_is_compared_with_the_sum_of_its_units() {
    // Two units of one year and edition: 淮安市's report and a copy with other figures.
    let dir = scratch("units");
    let units = dir.join("units");
    std::fs::create_dir_all(&units).expect("folder");
    let text = std::fs::read_to_string(truth(HUAIAN)).expect("fixture");
    let first = Report::from_json(&text).expect("reads");
    let mut second = first.clone();
    second.agency = "某某区人民政府".into();
    for cell in second
        .proactive
        .cells_mut()
        .chain(second.requests.cells_mut())
        .chain(second.appeals.cells_mut())
    {
        if let report_core::Cell::Count(n) = cell {
            *n = *n / 2 + 1;
        }
    }
    std::fs::write(units.join("a.json"), first.to_json()).expect("write");
    std::fs::write(units.join("b.json"), second.to_json()).expect("write");
    let county = dir.join("county.json");
    let made = nianbao(&[
        "sum",
        units.to_str().unwrap(),
        "--agency",
        "某某市",
        "-o",
        county.to_str().unwrap(),
    ]);
    assert!(county.exists(), "{}", String::from_utf8_lossy(&made.stderr));
    let check = |extra: &[&str]| {
        let mut args = vec!["check", county.to_str().unwrap(), "--format", "json"];
        args.extend(extra);
        let out = nianbao(&args);
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
        (out, json)
    };
    // The roll-up made by `sum` is the sum of its units: nothing to say.
    let (_, json) = check(&["--units", units.to_str().unwrap()]);
    let roll_up = |json: &serde_json::Value| -> Vec<serde_json::Value> {
        json[0]["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["code"] == "U1")
            .cloned()
            .collect()
    };
    assert_eq!(roll_up(&json), Vec::<serde_json::Value>::new());
    // One unit's figure changed: the roll-up's cell is named, with the difference.
    let mut changed = second.clone();
    let place = report_core::Place::from_pointer("/requests/new/natural_person").expect("a cell");
    let n = changed
        .cell(place)
        .and_then(report_core::Cell::count)
        .expect("a count");
    changed.set_cell(place, report_core::Cell::Count(n + 7));
    std::fs::write(units.join("b.json"), changed.to_json()).expect("write");
    let (_, json) = check(&["--units", units.to_str().unwrap()]);
    let found = roll_up(&json);
    assert_eq!(found.len(), 1, "{json}");
    assert_eq!(found[0]["cells"][0], "/requests/new/natural_person");
    assert_eq!(found[0]["difference"], -7);
    assert_eq!(found[0]["severity"], "warning");
    assert!(
        found[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("所辖 2 个单位的报告相加为")),
        "{json}"
    );
    // Units of another year cannot be compared: exit 2, with the reason.
    let mut other_year = first.clone();
    other_year.year = 2023;
    std::fs::write(units.join("b.json"), other_year.to_json()).expect("write");
    let out = nianbao(&[
        "check",
        county.to_str().unwrap(),
        "--units",
        units.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("只能汇总同一年度的报告"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn reports_of_a_batch_copied_from_each_other_name_each_other() {
    let dir = scratch("alike");
    let text = std::fs::read_to_string(truth(HUAIAN)).expect("fixture");
    let mut copy = Report::from_json(&text).expect("reads");
    copy.agency = "某某县人民政府".into();
    std::fs::write(dir.join("a.json"), &text).expect("write");
    std::fs::write(dir.join("b.json"), copy.to_json()).expect("write");
    // Another agency's own report, and 淮安市's report once more in another file: neither is a
    // copy (the same report twice is not two agencies alike).
    std::fs::copy(
        truth("2024-anyang-wenfeng-toudersan-subdistrict"),
        dir.join("c.json"),
    )
    .expect("copy");
    std::fs::write(dir.join("d.json"), &text).expect("write");
    let out = nianbao(&["check", dir.to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let alike = |file: &str| -> Vec<String> {
        json.as_array()
            .expect("files")
            .iter()
            .find(|f| f["path"].as_str().is_some_and(|p| p.ends_with(file)))
            .expect("the file")["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["code"] == "B1")
            .map(|d| d["message"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let b = alike("b.json");
    assert_eq!(b.len(), 2, "{b:#?}");
    assert!(
        b.iter()
            .any(|m| m.contains("a.json（淮安市人民政府）表二、表三、表四的每个数字都相同")),
        "{b:#?}"
    );
    assert!(
        b.iter().any(|m| m.contains("d.json（淮安市人民政府）")),
        "{b:#?}"
    );
    assert_eq!(alike("a.json").len(), 1, "a.json is alike b.json only");
    assert!(alike("c.json").is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}
