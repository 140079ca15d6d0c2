//! `nianbao check` on folders, `sum` and `diff`, as a supervising office runs them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use report_core::{Cell, Report};
use serde_json::Value;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn nianbao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .output()
        .expect("nianbao runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// A fresh folder under the target directory.
fn folder(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create folder");
    dir
}

/// A folder holding every published report as found (text, HTML) and one unreadable file.
fn region(name: &str) -> PathBuf {
    let dir = folder(name);
    for entry in std::fs::read_dir(fixtures().join("real")).expect("fixtures") {
        let path = entry.expect("entry").path();
        let sub = dir.join(if path.extension().is_some_and(|e| e == "html") {
            "web"
        } else {
            "pdf"
        });
        std::fs::create_dir_all(&sub).expect("sub folder");
        std::fs::copy(&path, sub.join(path.file_name().expect("name"))).expect("copy");
    }
    std::fs::write(
        dir.join("pdf/broken.json"),
        "{\"edition\": \"2021\", \"year\": 20",
    )
    .expect("write");
    std::fs::write(dir.join("notes.docx.bak"), "not a report").expect("write");
    std::fs::create_dir_all(dir.join(".cache")).expect("hidden");
    std::fs::write(dir.join(".cache/old.json"), "{}").expect("write");
    dir
}

fn expected_errors(name: &str) -> Vec<(String, String)> {
    let path = fixtures().join("truth").join(format!("{name}.expect.json"));
    let expect: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("expect")).expect("json");
    expect["published_errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| {
                    (
                        e["rule"].as_str().unwrap_or_default().to_owned(),
                        e["cells"][0].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_folder_is_checked_file_by_file_and_every_published_error_is_found() {
    let dir = region("region-json");
    let out = nianbao(&["check", dir.to_str().unwrap(), "--format", "json"]);
    // One file is unreadable: exit 2, and every other file is still checked.
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let files: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON array");
    let names: Vec<String> = files
        .iter()
        .map(|f| {
            Path::new(f["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    // Sorted by folder then name; hidden folders and non-report files left out.
    assert_eq!(names.len(), 12, "{names:?}");
    assert_eq!(
        names[0],
        "2019-shanghai-municipal-gov-general-office-2019format.txt"
    );
    // The published PDF is read like its text.
    assert_eq!(names[3], "2023-huaian-hongze-district-gov.pdf");
    assert_eq!(names[7], "2024-huaian-hongze-district-gov.pdf");
    assert_eq!(names[9], "broken.json");
    assert_eq!(
        names[10],
        "2019-shanghai-municipal-gov-general-office-2019format-portal.html"
    );
    assert_eq!(names[11], "2025-test-city-hangzhou-style-table.html");
    let broken = &files[9];
    assert_eq!(broken["valid"], false);
    assert_eq!(broken["error"]["line"], 1);

    for file in &files[..9].iter().chain(&files[10..]).collect::<Vec<_>>() {
        let name = Path::new(file["path"].as_str().unwrap())
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let diagnostics = file["diagnostics"].as_array().expect("diagnostics");
        for (code, cell) in expected_errors(&name) {
            // H rules are errors, S rules warnings; a published error is found when a
            // diagnostic of its rule names its cell.
            let found = diagnostics.iter().any(|d| {
                d["code"] == code.as_str()
                    && d["severity"]
                        == if code.starts_with('H') {
                            "error"
                        } else {
                            "warning"
                        }
                    && d["cells"]
                        .as_array()
                        .is_some_and(|cells| cells.iter().any(|c| c == cell.as_str()))
            });
            assert!(
                found,
                "{name}: {code} at {cell} not found in {diagnostics:#?}"
            );
        }
    }
}

#[test]
fn the_summary_table_names_file_agency_year_errors_and_warnings() {
    let dir = region("region-summary");
    let out = nianbao(&["check", dir.to_str().unwrap(), "--summary"]);
    assert_eq!(out.status.code(), Some(2));
    let table = text(&out.stdout);
    let lines: Vec<&str> = table.lines().collect();
    assert!(
        lines[0].starts_with("文件") && lines[0].contains("机关") && lines[0].contains("年度"),
        "{table}"
    );
    assert!(lines[0].contains("错误") && lines[0].contains("警告"));
    let row = |stem: &str| {
        lines
            .iter()
            .find(|l| l.contains(stem))
            .copied()
            .unwrap_or_default()
    };
    let hongze: Vec<&str> = row("2023-huaian-hongze").split_whitespace().collect();
    assert_eq!(
        &hongze[1..],
        ["洪泽区人民政府", "2023", "3", "0", "H8", "H4×2"],
        "{table}"
    );
    let huaian: Vec<&str> = row("2024-huaian-city-gov").split_whitespace().collect();
    assert_eq!(&huaian[1..], ["淮安市人民政府", "2024", "0", "0", "通过"]);
    assert!(row("broken.json").ends_with("无法读取"));
    assert!(table.contains("共 12 个文件：4 个通过"), "{table}");
    assert!(table.contains("7 个有错误，1 个无法读取"), "{table}");
    // Nothing but the table when piped: no progress bar on stderr.
    assert!(out.stderr.is_empty());
}

#[test]
fn csv_has_one_row_per_file() {
    let dir = region("region-csv");
    let out = nianbao(&[
        "check",
        dir.join("pdf").to_str().unwrap(),
        "--format",
        "csv",
    ]);
    let csv = text(&out.stdout);
    assert!(
        csv.starts_with('\u{feff}'),
        "a byte-order mark for spreadsheet programs"
    );
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        &header[..6],
        ["文件", "机关", "年度", "格式版本", "结果", "错误"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 10);
    let hongze = rows.iter().find(|r| r[0].contains("hongze")).expect("洪泽");
    assert_eq!(
        (&hongze[1], &hongze[2], &hongze[4], &hongze[5], &hongze[8]),
        ("洪泽区人民政府", "2023", "有错误", "3", "H8 H4×2")
    );
    let broken = rows
        .iter()
        .find(|r| r[0].contains("broken"))
        .expect("broken");
    assert_eq!(&broken[4], "无法读取");
    assert!(broken[10].contains("第 1 行"), "{:?}", broken);
}

#[test]
fn previous_folder_pairs_each_report_with_its_agencys_report_of_the_year_before() {
    let dir = folder("pingtan");
    for year in ["2021", "2022"] {
        let name = format!("{year}-pingtan-zone-admin-committee.json");
        std::fs::copy(fixtures().join("truth").join(&name), dir.join(&name)).expect("copy");
    }
    // The 2022 report with one more application carried over than 2021 carried forward.
    let mut changed: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("2022-pingtan-zone-admin-committee.json")).expect("read"),
    )
    .expect("json");
    let carried = changed["requests"]["carried_over"]["natural_person"]
        .as_u64()
        .expect("count");
    changed["requests"]["carried_over"]["natural_person"] = (carried + 1).into();
    let other = folder("pingtan-changed");
    std::fs::write(other.join("2022.json"), changed.to_string()).expect("write");

    let out = nianbao(&[
        "check",
        dir.to_str().unwrap(),
        "--previous",
        dir.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let files: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(out.status.code(), Some(0), "{files:#?}");
    let (y2021, y2022) = (&files[0], &files[1]);
    assert!(y2022["previous"]
        .as_str()
        .unwrap()
        .ends_with("2021-pingtan-zone-admin-committee.json"));
    assert!(y2021["previous"].is_null());
    assert!(y2021["previous_problem"]
        .as_str()
        .unwrap()
        .contains("未找到"));

    let out = nianbao(&[
        "check",
        other.to_str().unwrap(),
        "--previous",
        dir.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let files: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    let h7: Vec<&Value> = files[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "H7")
        .collect();
    assert_eq!(h7.len(), 1, "{files:#?}");
    assert_eq!(h7[0]["cells"][0], "/requests/carried_over/natural_person");

    // Two reports of the same agency for 2021: ambiguous, reported, not used.
    std::fs::copy(
        dir.join("2021-pingtan-zone-admin-committee.json"),
        dir.join("2021-copy.json"),
    )
    .expect("copy");
    let out = nianbao(&[
        "check",
        other.to_str().unwrap(),
        "--previous",
        dir.to_str().unwrap(),
    ]);
    let human = text(&out.stdout);
    assert!(human.contains("同一机关上一年度的报告不止一份"), "{human}");
    assert!(!human.contains("H7"), "{human}");
}

fn report(path: &Path) -> Report {
    Report::from_json(&std::fs::read_to_string(path).expect("read")).expect("report")
}

#[test]
fn sum_adds_reports_cell_by_cell_and_names_the_inconsistent_ones() {
    let dir = folder("sum");
    let a = fixtures().join("truth/2024-huaian-city-gov.json");
    let b = fixtures().join("truth/2024-anyang-wenfeng-toudersan-subdistrict.json");
    let total_path = dir.join("total.json");
    let out = nianbao(&[
        "sum",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "-o",
        total_path.to_str().unwrap(),
        "--agency",
        "合计",
    ]);
    let (a, b, total) = (report(&a), report(&b), report(&total_path));
    assert_eq!(total.agency, "合计");
    assert_eq!(total.year, 2024);
    let mut compared = 0;
    for (place, cell) in total.cells() {
        let (x, y) = (a.cell(place), b.cell(place));
        match (x.and_then(Cell::count), y.and_then(Cell::count)) {
            (Some(x), Some(y)) => {
                assert_eq!(cell, &Cell::Count(x + y), "{}", place.pointer());
                compared += 1;
            }
            _ => assert!(
                cell.is_blank() || matches!(cell, Cell::Money(_)),
                "{}",
                place.pointer()
            ),
        }
    }
    assert!(compared > 150, "{compared}");
    let notes = text(&out.stderr);
    assert!(notes.contains("已汇总 2 份 2024 年度报告"), "{notes}");
    assert_eq!(out.status.code(), Some(0), "{notes}");

    // A report with errors makes the sum unreliable: it is named, and the exit code is 1.
    let hongze = fixtures().join("truth/2023-huaian-hongze-district-gov.json");
    let out = nianbao(&["sum", hongze.to_str().unwrap(), hongze.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let notes = text(&out.stderr);
    assert!(
        notes.contains("2 份报告本身有错误，汇总结果不可靠"),
        "{notes}"
    );
    assert!(notes.contains("H8 H4×2"), "{notes}");
    let total = Report::from_json(&text(&out.stdout)).expect("the sum is printed");
    assert_eq!(
        total.appeals.count(
            report_core::AppealGroup::Review,
            report_core::Outcome::Upheld
        ),
        Some(20)
    );

    // Different years cannot be added.
    let out = nianbao(&[
        "sum",
        hongze.to_str().unwrap(),
        total_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("年度不一致"));
}

#[test]
fn diff_names_every_changed_cell() {
    let dir = folder("diff");
    let old = fixtures().join("truth/2023-huaian-hongze-district-gov.json");
    let mut value: Value =
        serde_json::from_str(&std::fs::read_to_string(&old).expect("read")).expect("json");
    value["appeals"]["review"]["total"] = 11.into();
    value["appeals"]["litigation_after_review"]["total"] = 5.into();
    value["requests"]["new"]["natural_person"] = Value::Null;
    let new = dir.join("fixed.json");
    std::fs::write(&new, value.to_string()).expect("write");

    let out = nianbao(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let table = text(&out.stdout);
    assert!(table.contains("3 处变化"), "{table}");
    let line = |needle: &str| {
        table
            .lines()
            .find(|l| l.contains(needle))
            .map(|l| l.split_whitespace().collect::<Vec<_>>())
    };
    assert_eq!(
        line("表四「行政复议」的「总计」").unwrap()[1..],
        ["0", "11", "+11"]
    );
    assert_eq!(
        line("表四「行政诉讼·复议后起诉」的「总计」").unwrap()[1..],
        ["0", "5", "+5"]
    );
    assert_eq!(
        line("「一、本年新收」行「自然人」列").unwrap()[1..],
        ["21", "（空白）"]
    );

    let out = nianbao(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let changes: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    let places: Vec<&str> = changes
        .iter()
        .map(|c| c["place"].as_str().unwrap())
        .collect();
    assert_eq!(
        places,
        [
            "/requests/new/natural_person",
            "/appeals/review/total",
            "/appeals/litigation_after_review/total"
        ]
    );

    let same = nianbao(&["diff", old.to_str().unwrap(), old.to_str().unwrap()]);
    assert_eq!(same.status.code(), Some(0));
    assert!(text(&same.stdout).contains("没有差别"));
}

/// A report whose 结果纠正 share of decided reviews is far above the other reports' of the batch
/// gets a note (B2) at its 结果纠正 cell; the others, and the exit code, are untouched.
#[test]
fn a_correction_rate_far_above_the_batchs_is_noted() {
    let dir = folder("correction-rate");
    let truth: Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures().join("truth/2024-huaian-city-gov.json"))
            .expect("truth"),
    )
    .expect("json");
    let review = |upheld: u64, corrected: u64, other: u64| {
        serde_json::json!({
            "upheld": upheld, "corrected": corrected, "other": other, "pending": 0,
            "total": upheld + corrected + other
        })
    };
    // Five departments that correct about one review in ten, and one that corrects seven in ten.
    for (i, (upheld, corrected, other)) in [
        (8, 1, 1),
        (9, 1, 0),
        (7, 1, 2),
        (10, 0, 1),
        (8, 2, 2),
        (2, 7, 1),
    ]
    .into_iter()
    .enumerate()
    {
        let mut report = truth.clone();
        report["agency"] = Value::from(format!("某市第{}局", i + 1));
        report["appeals"]["review"] = review(upheld, corrected, other);
        std::fs::write(
            dir.join(format!("{i}.json")),
            serde_json::to_string(&report).expect("json"),
        )
        .expect("write");
    }
    let out = nianbao(&["check", "--format", "json", dir.to_str().expect("path")]);
    let files: Vec<Value> = serde_json::from_slice(&out.stdout).expect("json");
    let noted: Vec<(usize, &Value)> = files
        .iter()
        .enumerate()
        .flat_map(|(i, f)| {
            f["diagnostics"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|d| d["code"] == "B2")
                .map(move |d| (i, d))
        })
        .collect();
    assert_eq!(noted.len(), 1, "{noted:#?}");
    let (i, d) = noted[0];
    assert_eq!(i, 5);
    assert_eq!(d["severity"], "info");
    assert_eq!(d["cells"][0], "/appeals/review/corrected");
    let message = d["message"].as_str().expect("message");
    assert!(message.contains("行政复议纠错率为 70%"), "{message}");
    assert!(message.contains("（53 件中 5 件）"), "{message}");
}
