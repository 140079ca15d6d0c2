//! `nianbao check --report` and `--format xlsx`: a region's check as a leader reads it (one web
//! page) and as an analyst works on it (a workbook), from the same reports the text shows.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn nianbao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        // The day printed on the page and in the workbook.
        .env("SOURCE_DATE_EPOCH", "1765000000")
        .output()
        .expect("nianbao runs")
}

/// A fresh folder under the target directory.
fn folder(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create folder");
    dir
}

/// Markup that would run if the page let a report's text through as markup.
const HOSTILE: &str = r#"<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">"#;

/// Every published report, the truth of each as report JSON, a report whose agency and prose
/// are markup (under a file name that is markup too), and an unreadable file.
fn region(name: &str) -> PathBuf {
    let dir = folder(name);
    for sub in ["real", "truth"] {
        for entry in std::fs::read_dir(fixtures().join(sub)).expect("fixtures") {
            let path = entry.expect("entry").path();
            let file = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            if file.ends_with(".expect.json") {
                continue;
            }
            std::fs::copy(&path, dir.join(format!("{sub}-{file}"))).expect("copy");
        }
    }
    let mut hostile: Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures().join("truth/2024-huaian-city-gov.json"))
            .expect("truth"),
    )
    .expect("json");
    hostile["agency"] = Value::from(format!("{HOSTILE}局"));
    hostile["problems"] = Value::from(HOSTILE);
    std::fs::write(
        dir.join("<i>markup<b>.json"),
        serde_json::to_string(&hostile).expect("json"),
    )
    .expect("write");
    std::fs::copy(
        fixtures().join("made/scan-no-text.pdf"),
        dir.join("scan-no-text.pdf"),
    )
    .expect("copy");
    dir
}

/// The data the page lists its units from.
fn page_data(html: &str) -> Vec<Value> {
    let start = r#"<script type="application/json" id="report-data">"#;
    let from = html.find(start).expect("data block") + start.len();
    let to = from + html[from..].find("</script>").expect("end of data");
    serde_json::from_str::<Vec<Value>>(&html[from..to]).expect("data is JSON")
}

/// The JSON output of `check` on the same folder: what the page must agree with.
fn checked(dir: &Path) -> Vec<Value> {
    let out = nianbao(&["check", "--format", "json", dir.to_str().expect("path")]);
    serde_json::from_slice(&out.stdout).expect("json output")
}

/// The SVG of the chart with `id`.
fn chart<'a>(html: &'a str, id: &str) -> &'a str {
    let from = html.find(&format!(r#"id="{id}""#)).expect("chart");
    &html[from..from + html[from..].find("</svg>").expect("end of chart")]
}

#[test]
fn the_page_lists_every_file_with_its_findings_and_keeps_markup_as_text() {
    let dir = region("region-page");
    let page = dir.with_file_name("region-page.html");
    let out = nianbao(&[
        "check",
        dir.to_str().expect("path"),
        "--report",
        page.to_str().expect("path"),
    ]);
    // Exit 2: one file is unreadable; the page is written all the same.
    assert_eq!(out.status.code(), Some(2));
    let html = std::fs::read_to_string(&page).expect("page written");
    let units = page_data(&html);
    let expected = checked(&dir);
    assert_eq!(units.len(), expected.len());
    assert!(units.len() >= 18, "{} units", units.len());
    for (unit, file) in units.iter().zip(&expected) {
        assert_eq!(unit["file"], file["path"]);
        let findings: usize = unit["groups"]
            .as_array()
            .expect("groups")
            .iter()
            .map(|g| g["findings"].as_array().expect("findings").len())
            .sum();
        match file.get("diagnostics") {
            Some(diagnostics) => {
                assert_eq!(findings, diagnostics.as_array().expect("array").len());
                assert_eq!(unit["errors"], file["counts"]["errors"]);
                assert_eq!(unit["verdict"] == "failed", file["valid"] == false);
            }
            None => assert_eq!(unit["verdict"], "unreadable", "{}", unit["file"]),
        }
    }
    // The reports' markup is text: in the data, and escaped wherever the markup names it.
    let hostile = units
        .iter()
        .find(|u| {
            u["file"]
                .as_str()
                .is_some_and(|f| f.ends_with("<i>markup<b>.json"))
        })
        .expect("the hostile report is listed");
    assert_eq!(hostile["name"], format!("{HOSTILE}局"));
    assert!(!html.contains("<script>window"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("<i>markup"));
    assert!(html.contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;"));
    // The page asks nothing of any host.
    assert!(html.contains("default-src 'none'"));
    for host in ["http://", "https://", "//cdn", "src=\""] {
        assert!(!html.contains(host), "the page refers to {host}");
    }
    // Only the page's own script is allowed to run, by its hash.
    assert_eq!(html.matches("<script>").count(), 1);
    assert!(html.contains("script-src 'sha256-"));
}

#[test]
fn each_chart_has_one_mark_per_rule_or_unit() {
    let dir = region("region-charts");
    let page = dir.with_file_name("region-charts.html");
    nianbao(&[
        "check",
        dir.to_str().expect("path"),
        "--report",
        page.to_str().expect("path"),
    ]);
    let html = std::fs::read_to_string(&page).expect("page written");
    let units = page_data(&html);
    let codes: BTreeSet<String> = checked(&dir)
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().cloned().unwrap_or_default())
        .map(|d| d["code"].as_str().expect("code").to_owned())
        .collect();
    let rules = chart(&html, "chart-rules");
    assert_eq!(rules.matches("data-code=").count(), codes.len());
    for code in &codes {
        assert!(rules.contains(&format!(r#"data-code="{code}""#)), "{code}");
    }
    let results = chart(&html, "chart-results");
    assert_eq!(results.matches("data-unit=").count(), units.len());
    let failed = units.iter().filter(|u| u["verdict"] == "failed").count();
    assert_eq!(results.matches("v-failed").count(), failed);
    for (i, figure) in ["本年新收申请", "本年办理结果", "行政复议", "行政诉讼"]
        .iter()
        .enumerate()
    {
        let with = units
            .iter()
            .filter(|u| u["figures"][i]["value"].is_u64())
            .count();
        assert!(with > 0, "{figure}");
        assert_eq!(
            chart(&html, &format!("chart-figure-{i}"))
                .matches("<circle")
                .count(),
            with,
            "{figure}"
        );
    }
    // 淮安市 2024's new requests, from its truth, stand where they are.
    let huaian = units
        .iter()
        .find(|u| {
            u["file"]
                .as_str()
                .is_some_and(|f| f.ends_with("truth-2024-huaian-city-gov.json"))
        })
        .expect("淮安市");
    let truth: Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures().join("truth/2024-huaian-city-gov.json"))
            .expect("truth"),
    )
    .expect("json");
    assert_eq!(
        huaian["figures"][0]["value"],
        truth["requests"]["new"]["total"]
    );
}

#[test]
fn the_same_reports_give_the_same_files_whatever_the_threads() {
    let dir = region("region-threads");
    let mut pages = Vec::new();
    for jobs in ["1", "2"] {
        let page = dir.with_file_name(format!("region-threads-{jobs}.html"));
        let book = dir.with_file_name(format!("region-threads-{jobs}.xlsx"));
        nianbao(&[
            "check",
            dir.to_str().expect("path"),
            "-j",
            jobs,
            "--report",
            page.to_str().expect("path"),
            "--format",
            "xlsx",
            "-o",
            book.to_str().expect("path"),
        ]);
        pages.push((
            std::fs::read(page).expect("page"),
            std::fs::read(book).expect("workbook"),
        ));
    }
    assert!(pages[0] == pages[1], "the files differ with the threads");
}

#[test]
fn a_workbook_is_written_only_to_a_file() {
    let out = nianbao(&[
        "check",
        "--format",
        "xlsx",
        fixtures().join("real").to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("-o"), "{message}");
}

fn require(tool: &str) {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "`{tool}` is missing: run `bash scripts/setup.sh`, which installs it"
    );
}

/// Every sheet of `book` as CSV rows, as LibreOffice reads them.
fn sheets(book: &Path, dir: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    require("libreoffice");
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    // UTF-8 (76), every sheet to its own file (-1).
    let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
    let out = Command::new("libreoffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            filter,
            "--outdir",
        ])
        .arg(dir)
        .arg(book)
        .output()
        .expect("libreoffice runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stem = book
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned();
    let mut found = Vec::new();
    for name in [
        "概况",
        "单位",
        "问题",
        "单元格（2021年版）",
        "单元格（2019年试行）",
    ] {
        let path = dir.join(format!("{stem}-{name}.csv"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("sheet {name} converted"));
        let rows = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.expect("row").iter().map(str::to_owned).collect())
            .collect();
        found.push((name.to_owned(), rows));
    }
    found
}

#[test]
fn the_workbook_opens_in_libreoffice_with_every_sheet() {
    let dir = region("region-workbook");
    let out_dir = folder("region-workbook-out");
    let book = out_dir.join("核查结果.xlsx");
    let out = nianbao(&[
        "check",
        dir.to_str().expect("path"),
        "--format",
        "xlsx",
        "-o",
        book.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let expected = checked(&dir);
    let sheets = sheets(&book, &out_dir);
    let sheet = |name: &str| &sheets.iter().find(|(n, _)| n == name).expect("sheet").1;

    let overview = sheet("概况");
    let count = |label: &str| {
        overview
            .iter()
            .find(|r| r[0] == label)
            .map(|r| r[1].clone())
            .expect("line")
    };
    assert_eq!(count("报告"), expected.len().to_string());
    let unreadable = expected.iter().filter(|f| f.get("error").is_some()).count();
    assert_eq!(count("无法读取"), unreadable.to_string());

    let units = sheet("单位");
    assert_eq!(units[0][..5], ["文件", "机关", "年度", "格式版本", "结果"]);
    assert_eq!(units.len(), expected.len() + 1);
    for (row, file) in units[1..].iter().zip(&expected) {
        assert_eq!(row[0], file["path"].as_str().expect("path"));
        if let Some(counts) = file.get("counts") {
            assert_eq!(row[5], counts["errors"].to_string());
            assert_eq!(row[6], counts["warnings"].to_string());
        }
    }

    let findings = sheet("问题");
    assert_eq!(findings[0][..4], ["文件", "机关", "年度", "代码"]);
    let all: usize = expected
        .iter()
        .map(|f| f["diagnostics"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(findings.len(), all + 1);

    // Every cell of every report of the edition, headed by the official labels.
    let cells = sheet("单元格（2021年版）");
    let header = &cells[0];
    let at = header
        .iter()
        .position(|h| h == "表三「一、本年新收」行「总计」列")
        .expect("a column for 表三's new requests' total");
    let huaian = cells
        .iter()
        .find(|r| r[0].ends_with("truth-2024-huaian-city-gov.json"))
        .expect("淮安市's row");
    let truth: Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures().join("truth/2024-huaian-city-gov.json"))
            .expect("truth"),
    )
    .expect("json");
    assert_eq!(huaian[at], truth["requests"]["new"]["total"].to_string());
    let shanghai = sheet("单元格（2019年试行）");
    assert!(shanghai[1..].iter().all(|r| r[2] == "2019"));
    // A blank cell stays blank, not zero: 上海's portal page leaves cells blank.
    assert!(shanghai[1..]
        .iter()
        .any(|r| r[3..].iter().any(String::is_empty)));
}

#[test]
fn one_report_gets_its_own_page_for_its_unit() {
    let dir = folder("region-one");
    let page = dir.join("洪泽区.html");
    let pdf = fixtures().join("real/2023-huaian-hongze-district-gov.pdf");
    let out = nianbao(&[
        "check",
        pdf.to_str().expect("path"),
        "--report",
        page.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(1), "the report has errors");
    let html = std::fs::read_to_string(&page).expect("page written");
    assert!(html.contains("<title>洪泽区人民政府2023 年度政府信息公开工作年度报告核查结果</title>"));
    let units = page_data(&html);
    assert_eq!(units.len(), 1);
    // Its findings are those the text output lists, H4 among them.
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let codes: Vec<&str> = units[0]["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .flat_map(|g| g["findings"].as_array().expect("findings"))
        .map(|f| f["code"].as_str().expect("code"))
        .collect();
    assert!(codes.contains(&"H4"));
    for code in &codes {
        assert!(
            text.contains(&format!(" {code}  ")),
            "{code} is in the text output"
        );
    }
    // With one unit there is no region to rank it in.
    assert!(units[0]["figures"][0]["of"] == 1);
}

#[test]
fn with_last_years_reports_the_page_compares_the_two_years() {
    let dir = folder("region-years");
    std::fs::create_dir_all(dir.join("2022")).expect("folder");
    std::fs::create_dir_all(dir.join("2021")).expect("folder");
    for (year, sub) in [("2022", "2022"), ("2021", "2021")] {
        let name = format!("{year}-pingtan-zone-admin-committee.txt");
        std::fs::copy(
            fixtures().join("real").join(&name),
            dir.join(sub).join(&name),
        )
        .expect("copy");
    }
    let page = dir.join("page.html");
    nianbao(&[
        "check",
        dir.join("2022").to_str().expect("path"),
        "--previous",
        dir.join("2021").to_str().expect("path"),
        "--report",
        page.to_str().expect("path"),
    ]);
    let html = std::fs::read_to_string(&page).expect("page written");
    assert!(html.contains("与上年相比"));
    assert!(html.contains("1 个单位有上年报告"));
    let units = page_data(&html);
    let last = &units[0]["last_year"];
    assert!(last["file"]
        .as_str()
        .is_some_and(|f| f.ends_with("2021-pingtan-zone-admin-committee.txt")));
    // Last year's new requests are 平潭 2021's, as its truth has them.
    let truth: Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures().join("truth/2021-pingtan-zone-admin-committee.json"))
            .expect("truth"),
    )
    .expect("json");
    assert_eq!(
        units[0]["figures"][0]["last"],
        truth["requests"]["new"]["total"]
    );
    // Without last year's reports, nothing is compared.
    nianbao(&[
        "check",
        dir.join("2022").to_str().expect("path"),
        "--report",
        page.to_str().expect("path"),
    ]);
    let html = std::fs::read_to_string(&page).expect("page written");
    assert!(!html.contains("与上年相比"));
}
