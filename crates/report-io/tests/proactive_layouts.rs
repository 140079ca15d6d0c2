//! 表二 as portals' editors merge its cells: a label over two grid columns, a number over two, a
//! row whose merges do not line up with its header's. A real report (淮安市 2024) is rendered as
//! HTML and its 表二 replaced by each layout; every number must land in its own cell, as a reader
//! of the page sees it, and a blank cell must stay blank in its place.

use report_core::layout::{Edition, ProactiveColumn, ProactiveItem};
use report_core::{Cell, Place, Report};
use report_io::export::{render, Target};
use report_io::{import_as, Format};

fn huaian() -> Report {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/truth/2024-huaian-city-gov.json");
    Report::from_json(&std::fs::read_to_string(path).expect("fixture")).expect("reads")
}

/// The report as HTML with its 表二 table replaced by `table`.
fn with_proactive(report: &Report, table: &str) -> Report {
    let html = String::from_utf8(render(report, Target::Html)).expect("UTF-8");
    let start = html.find("<table data-table=\"proactive\"").expect("表二");
    let end = start + html[start..].find("</table>").expect("end") + "</table>".len();
    let page = format!("{}{table}{}", &html[..start], &html[end..]);
    import_as(&page, Format::Html).expect("a report").report
}

fn value(report: &Report, item: ProactiveItem, col: ProactiveColumn) -> Cell {
    report
        .cell(Place::Proactive(item, Some(col)))
        .cloned()
        .unwrap_or(Cell::Blank)
}

fn documents(report: &Report) -> Vec<Cell> {
    let mut out = Vec::new();
    for item in [
        ProactiveItem::Regulations,
        ProactiveItem::NormativeDocuments,
    ] {
        for col in item.columns_in(Edition::V2021) {
            out.push(value(report, item, col));
        }
    }
    out
}

const REST: &str = r#"<tr><td colspan="5">第二十条第（五）项</td></tr>
<tr><td colspan="2">信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td colspan="2">行政许可</td><td colspan="3">447228</td></tr>
<tr><td colspan="5">第二十条第（六）项</td></tr>
<tr><td colspan="2">信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td colspan="2">行政处罚</td><td colspan="3">3985758</td></tr>
<tr><td colspan="2">行政强制</td><td colspan="3">88283</td></tr>
<tr><td colspan="5">第二十条第（八）项</td></tr>
<tr><td colspan="2">信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td colspan="2">行政事业性收费</td><td colspan="3">96171.6</td></tr></table>"#;

#[test]
fn a_label_over_two_columns_leaves_the_numbers_in_their_cells() {
    let truth = huaian();
    let table = format!(
        r#"<table><tr><td colspan="5">第二十条第（一）项</td></tr>
<tr><td colspan="2">信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td colspan="2">规章</td><td>1</td><td>0</td><td>11</td></tr>
<tr><td colspan="2">行政规范性文件</td><td>8</td><td>26</td><td>66</td></tr>
{REST}"#
    );
    let read = with_proactive(&truth, &table);
    assert_eq!(documents(&read), documents(&truth));
    assert_eq!(read.proactive, truth.proactive);
}

#[test]
fn numbers_merged_unlike_their_header_are_read_in_order() {
    // The header merges 本年制发件数 over two columns, the rows merge another pair: a reader
    // sees three numbers under three headings, and so must the import.
    let truth = huaian();
    let table = format!(
        r#"<table><tr><td colspan="5">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td colspan="2">本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>1</td><td colspan="2">0</td><td>11</td></tr>
<tr><td>行政规范性文件</td><td>8</td><td colspan="2">26</td><td>66</td></tr>
{}"#,
        REST.replace("colspan=\"2\"", "colspan=\"1\"")
            .replace("colspan=\"3\"", "colspan=\"4\"")
    );
    let read = with_proactive(&truth, &table);
    assert_eq!(read.proactive, truth.proactive);
}

#[test]
fn a_blank_cell_beside_a_merged_one_stays_blank_in_its_place() {
    let truth = huaian();
    let table = format!(
        r#"<table><tr><td colspan="5">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td colspan="2">本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td colspan="2">1</td><td>&nbsp;</td><td>11</td></tr>
<tr><td>行政规范性文件</td><td colspan="2">8</td><td>26</td><td>66</td></tr>
{}"#,
        REST.replace("colspan=\"2\"", "colspan=\"1\"")
            .replace("colspan=\"3\"", "colspan=\"4\"")
    );
    let read = with_proactive(&truth, &table);
    let mut expected = documents(&truth);
    expected[1] = Cell::Blank;
    assert_eq!(documents(&read), expected);
}
