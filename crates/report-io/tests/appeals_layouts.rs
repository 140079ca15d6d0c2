//! 表四 as OCR tools and portals print it besides the official row of fifteen numbers: one small
//! table per group, one row per group, the groups as columns. A real report (淮安市 2024) is
//! rendered and its 表四 replaced by each layout; the numbers must land in their own group, or
//! be reported, never put in another group's cells.

use report_core::layout::{AppealGroup, Outcome};
use report_core::place::appeal;
use report_core::{check, CheckOptions, Report};
use report_io::export::{render, Target};
use report_io::{import_as, Format, Imported};

fn huaian() -> Report {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/truth/2024-huaian-city-gov.json");
    Report::from_json(&std::fs::read_to_string(path).expect("fixture")).expect("reads")
}

fn values(report: &Report, group: AppealGroup) -> Vec<String> {
    Outcome::ALL
        .iter()
        .map(|&o| {
            report
                .cell(appeal(group, o))
                .map(|c| c.display())
                .unwrap_or_default()
        })
        .collect()
}

const HEADER: &str =
    "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|\n";

/// The report as Markdown with its 表四 replaced by `appeals`.
fn with_appeals(report: &Report, appeals: &str) -> String {
    let markdown = String::from_utf8(render(report, Target::Markdown)).expect("UTF-8");
    let start = markdown
        .find("四、政府信息公开行政复议")
        .expect("表四 heading");
    let start = start + markdown[start..].find('\n').expect("line end") + 1;
    let end = markdown.find("五、存在的主要问题").expect("heading 五");
    let end = markdown[..end].rfind('\n').expect("line") + 1;
    format!("{}\n{appeals}\n{}", &markdown[..start], &markdown[end..])
}

fn import(text: &str) -> Imported {
    import_as(text, Format::Markdown).expect("a report")
}

fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

fn assert_groups_as_published(imported: &Imported, truth: &Report) {
    for &group in AppealGroup::ALL {
        assert_eq!(
            values(&imported.report, group),
            values(truth, group),
            "{}",
            group.key()
        );
    }
    let result = check(&imported.report, &CheckOptions::default());
    assert!(
        !result.diagnostics.iter().any(|d| d.code == "H4"),
        "{:?}",
        result.diagnostics
    );
}

#[test]
fn one_small_table_per_group_each_with_its_caption() {
    let truth = huaian();
    let mut appeals = String::new();
    for &group in AppealGroup::ALL {
        appeals.push_str(&format!("{}\n\n{HEADER}", group.def().label));
        appeals.push_str(&row(&values(&truth, group)));
        appeals.push('\n');
    }
    let imported = import(&with_appeals(&truth, &appeals));
    assert_groups_as_published(&imported, &truth);
}

#[test]
fn captions_in_another_order_still_name_their_group() {
    let truth = huaian();
    let mut appeals = String::new();
    for &group in AppealGroup::ALL.iter().rev() {
        appeals.push_str(&format!("{}\n\n{HEADER}", group.def().label));
        appeals.push_str(&row(&values(&truth, group)));
        appeals.push('\n');
    }
    let imported = import(&with_appeals(&truth, &appeals));
    assert_groups_as_published(&imported, &truth);
}

#[test]
fn one_row_per_group_named_in_the_row() {
    let truth = huaian();
    let mut appeals = String::from(
        "| 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|---|\n",
    );
    for &group in AppealGroup::ALL {
        let mut cells = vec![group.def().label.to_owned()];
        cells.extend(values(&truth, group));
        appeals.push_str(&row(&cells));
    }
    let imported = import(&with_appeals(&truth, &appeals));
    assert_groups_as_published(&imported, &truth);
}

#[test]
fn groups_as_columns() {
    let truth = huaian();
    let mut appeals =
        String::from("| 结果 | 行政复议 | 未经复议直接起诉 | 复议后起诉 |\n|---|---|---|---|\n");
    for (k, &outcome) in Outcome::ALL.iter().enumerate() {
        let mut cells = vec![outcome
            .def()
            .labels
            .any(report_core::Edition::V2021)
            .to_owned()];
        cells.extend(
            AppealGroup::ALL
                .iter()
                .map(|&g| values(&truth, g)[k].clone()),
        );
        appeals.push_str(&row(&cells));
    }
    let imported = import(&with_appeals(&truth, &appeals));
    assert_groups_as_published(&imported, &truth);
}

#[test]
fn three_uncaptioned_tables_are_read_in_the_formats_order_and_flagged() {
    let truth = huaian();
    let mut appeals = String::new();
    for &group in AppealGroup::ALL {
        appeals.push_str(HEADER);
        appeals.push_str(&row(&values(&truth, group)));
        appeals.push('\n');
    }
    let imported = import(&with_appeals(&truth, &appeals));
    assert_groups_as_published(&imported, &truth);
    assert!(
        imported
            .diagnostics
            .iter()
            .any(|d| d.code == "I2" && d.message.contains("按格式的顺序")),
        "{:?}",
        imported.diagnostics
    );
}

#[test]
fn two_uncaptioned_rows_are_reported_and_placed_nowhere() {
    let truth = huaian();
    let mut appeals = String::new();
    for &group in &[AppealGroup::Review, AppealGroup::LitigationAfterReview] {
        appeals.push_str(HEADER);
        appeals.push_str(&row(&values(&truth, group)));
        appeals.push('\n');
    }
    let imported = import(&with_appeals(&truth, &appeals));
    for &group in AppealGroup::ALL {
        assert!(
            values(&imported.report, group).iter().all(String::is_empty),
            "{}: {:?}",
            group.key(),
            values(&imported.report, group)
        );
    }
    let unreadable = imported
        .diagnostics
        .iter()
        .filter(|d| d.code == "I3" && d.severity == report_core::Severity::Error)
        .count();
    assert_eq!(unreadable, 2, "{:?}", imported.diagnostics);
}

#[test]
fn the_official_row_of_fifteen_is_read_as_before() {
    let truth = huaian();
    let markdown = String::from_utf8(render(&truth, Target::Markdown)).expect("UTF-8");
    let imported = import(&markdown);
    assert_groups_as_published(&imported, &truth);
}

#[test]
fn small_tables_in_pdf_text_with_captions() {
    let truth = huaian();
    let mut text = String::from(
        "淮安市人民政府2024年政府信息公开工作年度报告\n\n一、总体情况\n\n   正文。\n\n四、政府信息公开行政复议、行政诉讼情况\n\n",
    );
    for &group in AppealGroup::ALL {
        text.push_str(&format!("   {}\n", group.def().label));
        text.push_str("   结果维持    结果纠正    其他结果    尚未审结    总计\n");
        text.push_str(&format!(
            "     {}\n",
            values(&truth, group).join("          ")
        ));
    }
    text.push_str(
        "\n五、存在的主要问题及改进情况\n\n   问题。\n\n六、其他需要报告的事项\n\n   无。\n",
    );
    let imported = import_as(&text, Format::PdfLayout).expect("a report");
    for &group in AppealGroup::ALL {
        assert_eq!(
            values(&imported.report, group),
            values(&truth, group),
            "{}",
            group.key()
        );
    }
}
