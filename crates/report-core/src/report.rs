//! The whole report: metadata, the prose sections and the three tables, and reading it from JSON.

use serde::{Deserialize, Serialize};

use crate::layout::{Edition, ProseField, TableId};
use crate::table::{Appeals, Proactive, Requests};

/// A 政府信息公开工作年度报告, in either edition of the national format.
///
/// JSON names follow `docs/format.md`. A blank cell is `null`; a table row the report does not
/// print is absent. The prose sections may be absent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The edition of the national format the report follows: `"2021"` or `"2019"`.
    pub edition: Edition,
    /// The year the report covers (1 January – 31 December).
    pub year: u16,
    /// The agency that publishes the report, as named in its title.
    pub agency: String,
    /// The agency's administrative level, when known; otherwise it is inferred from its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub agency_level: Option<AgencyLevel>,
    /// The date the report was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional, type = "string"))]
    pub published: Option<Date>,
    /// The opening paragraph before 一 (导语), with the statistics period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub preface: Option<String>,
    /// 一、总体情况.
    #[serde(default, skip_serializing_if = "Overview::is_empty")]
    #[cfg_attr(feature = "typescript", ts(optional, as = "Option<Overview>"))]
    pub overview: Overview,
    /// 表二 主动公开政府信息情况.
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(type = "ProactiveTable"))]
    pub proactive: Proactive,
    /// 表三 收到和处理政府信息公开申请情况.
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(type = "RequestsTable"))]
    pub requests: Requests,
    /// 表四 政府信息公开行政复议、行政诉讼情况.
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(type = "AppealsTable"))]
    pub appeals: Appeals,
    /// 五、存在的主要问题及改进情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub problems: Option<String>,
    /// 六、其他需要报告的事项 (where the 信息处理费 collected is reported).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub other_matters: Option<String>,
}

/// 一、总体情况: either one text, or the five sub-parts the format suggests (or both: `summary`
/// then holds the text before the first sub-heading).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Overview {
    /// The section's text, or its opening before the sub-headings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub summary: Option<String>,
    /// （一）主动公开.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub proactive_disclosure: Option<String>,
    /// （二）依申请公开.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub disclosure_on_request: Option<String>,
    /// （三）政府信息管理.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub information_management: Option<String>,
    /// （四）政府信息公开平台建设.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub platforms: Option<String>,
    /// （五）监督保障.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub oversight: Option<String>,
}

impl Overview {
    /// Whether no part of 一 is given.
    pub fn is_empty(&self) -> bool {
        *self == Overview::default()
    }
}

/// The administrative level of an agency, which decides what it may issue (S4) and by when it
/// must publish (S7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum AgencyLevel {
    /// A department of the State Council.
    Central,
    /// A province, autonomous region or municipality directly under the central government, or
    /// one of its departments.
    Provincial,
    /// A city divided into districts (设区的市), or one of its departments.
    Municipal,
    /// A county, county-level city or district, or one of its departments.
    County,
    /// A township, town or sub-district office (乡镇/街道).
    Township,
}

impl AgencyLevel {
    /// Guesses the level from an agency's name, only where the name leaves no doubt.
    pub fn infer(agency: &str) -> Option<AgencyLevel> {
        const DEVELOPMENT_ZONES: [&str; 7] = [
            "实验区",
            "开发区",
            "新区",
            "高新区",
            "自贸区",
            "示范区",
            "保税区",
        ];
        if agency.contains("街道") || agency.contains("乡人民政府") || agency.contains("镇人民政府")
        {
            Some(AgencyLevel::Township)
        } else if agency.contains('县')
            || (agency.contains('区') && !DEVELOPMENT_ZONES.iter().any(|z| agency.contains(z)))
        {
            Some(AgencyLevel::County)
        } else {
            None
        }
    }
}

impl Report {
    /// An empty report of `edition`: every row and column present, every cell blank.
    pub fn blank(edition: Edition, year: u16, agency: impl Into<String>) -> Report {
        Report {
            edition,
            year,
            agency: agency.into(),
            agency_level: None,
            published: None,
            preface: None,
            overview: Overview::default(),
            proactive: Proactive::blank(edition),
            requests: Requests::blank(edition),
            appeals: Appeals::blank(edition),
            problems: None,
            other_matters: None,
        }
    }

    /// A report of `edition` with no table printed: rows and cells appear as they are set.
    pub fn empty(edition: Edition, year: u16, agency: impl Into<String>) -> Report {
        Report {
            proactive: Proactive::empty(),
            requests: Requests::empty(),
            appeals: Appeals::empty(),
            ..Report::blank(edition, year, agency)
        }
    }

    /// The prose of one field, if given.
    pub fn prose(&self, field: ProseField) -> Option<&str> {
        let text = match field {
            ProseField::Preface => &self.preface,
            ProseField::Summary => &self.overview.summary,
            ProseField::ProactiveDisclosure => &self.overview.proactive_disclosure,
            ProseField::DisclosureOnRequest => &self.overview.disclosure_on_request,
            ProseField::InformationManagement => &self.overview.information_management,
            ProseField::Platforms => &self.overview.platforms,
            ProseField::Oversight => &self.overview.oversight,
            ProseField::Problems => &self.problems,
            ProseField::OtherMatters => &self.other_matters,
        };
        text.as_deref()
    }

    /// The prose of one field, to change it.
    pub fn prose_mut(&mut self, field: ProseField) -> &mut Option<String> {
        match field {
            ProseField::Preface => &mut self.preface,
            ProseField::Summary => &mut self.overview.summary,
            ProseField::ProactiveDisclosure => &mut self.overview.proactive_disclosure,
            ProseField::DisclosureOnRequest => &mut self.overview.disclosure_on_request,
            ProseField::InformationManagement => &mut self.overview.information_management,
            ProseField::Platforms => &mut self.overview.platforms,
            ProseField::Oversight => &mut self.overview.oversight,
            ProseField::Problems => &mut self.problems,
            ProseField::OtherMatters => &mut self.other_matters,
        }
    }

    /// Every printed cell of the three tables with its place, in printed order.
    pub fn cells(&self) -> impl Iterator<Item = (crate::place::Place, &crate::cell::Cell)> + '_ {
        use crate::place::Place;
        let proactive = self
            .proactive
            .cells()
            .map(|(r, c, v)| (Place::Proactive(r, Some(c)), v));
        let requests = self
            .requests
            .cells()
            .map(|(r, c, v)| (Place::Requests(r, Some(c)), v));
        let appeals = self
            .appeals
            .cells()
            .map(|(r, c, v)| (Place::Appeals(r, Some(c)), v));
        proactive.chain(requests).chain(appeals)
    }

    /// The cell at `place`, if the place is a cell the report prints.
    pub fn cell(&self, place: crate::place::Place) -> Option<&crate::cell::Cell> {
        use crate::place::Place;
        match place {
            Place::Proactive(item, Some(col)) => self.proactive.cell(item, col),
            Place::Requests(row, Some(col)) => self.requests.cell(row, col),
            Place::Appeals(group, Some(col)) => self.appeals.cell(group, col),
            _ => None,
        }
    }

    /// Sets the cell at `place`, adding its row and column when the report did not print them.
    /// Returns false (and changes nothing) when `place` is not a cell.
    pub fn set_cell(&mut self, place: crate::place::Place, cell: crate::cell::Cell) -> bool {
        use crate::place::Place;
        match place {
            Place::Proactive(item, Some(col)) => self.proactive.set(item, col, cell),
            Place::Requests(row, Some(col)) => self.requests.set(row, col, cell),
            Place::Appeals(group, Some(col)) => self.appeals.set(group, col, cell),
            _ => return false,
        }
        true
    }

    /// Whether the report has any prose at all (a tables-only report skips the prose rules).
    pub fn has_prose(&self) -> bool {
        ProseField::ALL
            .iter()
            .any(|&f| self.prose(f).is_some_and(|t| !t.trim().is_empty()))
    }

    /// The agency's level: as stated, or inferred from its name.
    pub fn level(&self) -> Option<AgencyLevel> {
        self.agency_level
            .or_else(|| AgencyLevel::infer(&self.agency))
    }

    /// Which tables the report has at least one row of.
    pub fn tables_present(&self) -> impl Iterator<Item = TableId> + '_ {
        TableId::ALL.into_iter().filter(|t| match t {
            TableId::Proactive => self.proactive.present_rows().next().is_some(),
            TableId::Requests => self.requests.present_rows().next().is_some(),
            TableId::Appeals => self.appeals.present_rows().next().is_some(),
        })
    }
}

pub use crate::date::Date;
pub use crate::json::ReadError;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cell::Cell;
    use crate::layout::{Applicant, RequestRow};

    const MINIMAL: &str = r#"{"edition":"2021","year":2024,"agency":"某某局"}"#;

    #[test]
    fn a_report_without_prose_or_tables_is_valid_input() {
        let report = Report::from_json(MINIMAL).expect("reads");
        assert_eq!(report.year, 2024);
        assert!(report.requests.present_rows().next().is_none());
    }

    #[test]
    fn unknown_fields_are_refused_with_their_place() {
        let text = r#"{"edition":"2021","year":2024,"agency":"x","requests":{"new":{"natural_person":1,"robots":2}}}"#;
        let err = Report::from_json(text).expect_err("refused");
        assert_eq!(err.pointer, "/requests/new/robots");
        assert!(
            err.message.contains("unknown field `robots`"),
            "{}",
            err.message
        );
        assert!(err.describe(crate::Lang::Zh).contains("未知字段 `robots`"));

        let err = Report::from_json(r#"{"edition":"2021","year":2024,"agency":"x","colour":1}"#)
            .expect_err("refused");
        assert!(err.message.contains("colour"), "{err}");
    }

    #[test]
    fn columns_of_the_other_edition_are_refused() {
        let text =
            r#"{"edition":"2021","year":2024,"agency":"x","proactive":{"regulations":{"made":1}}}"#;
        let err = Report::from_json(text).expect_err("refused");
        assert_eq!(err.pointer, "/proactive/regulations/made");
        assert!(
            err.describe(crate::Lang::Zh)
                .contains("2021 年版格式没有这一列"),
            "{}",
            err.describe(crate::Lang::Zh)
        );
    }

    #[test]
    fn blank_cells_round_trip_as_null() {
        let mut report = Report::blank(Edition::V2021, 2024, "某某局");
        report
            .requests
            .set(RequestRow::New, Applicant::Total, Cell::Count(3));
        let json = report.to_json();
        assert!(json.contains("\"natural_person\": null"));
        assert_eq!(Report::from_json(&json).expect("reads"), report);
    }

    #[test]
    fn numbers_must_be_valid_for_their_cell() {
        let read = |cell: &str| {
            let text = format!(
                r#"{{"edition":"2021","year":2024,"agency":"x","requests":{{"new":{{"total":{cell}}}}},"proactive":{{"fees":{{"amount":"1"}}}}}}"#
            );
            Report::from_json(&text)
        };
        let negative = read("-3").expect_err("a negative count is refused");
        assert_eq!(negative.pointer, "/requests/new/total");
        assert_eq!(
            negative.describe(crate::Lang::Zh),
            "第 1 行第 72 列（/requests/new/total）：件数不能为负数：-3"
        );
        assert!(read("2.5").is_err());
        assert!(read("true").is_err());
        // Text printed in a number cell is kept for the rules to report.
        let kept = read(r#""/""#).expect("kept");
        assert_eq!(
            kept.requests.cell(RequestRow::New, Applicant::Total),
            Some(&Cell::Text("/".into()))
        );

        let float_money = r#"{"edition":"2021","year":2024,"agency":"x","proactive":{"fees":{"amount":7730.28}}}"#;
        let err = Report::from_json(float_money).expect_err("money as a float is refused");
        assert_eq!(err.pointer, "/proactive/fees/amount");
        assert!(
            err.describe(crate::Lang::Zh).contains("金额应写成字符串"),
            "{}",
            err.describe(crate::Lang::Zh)
        );
    }

    #[test]
    fn empty_files_and_byte_order_marks() {
        assert_eq!(
            Report::from_json(" \n")
                .expect_err("empty")
                .describe(crate::Lang::Zh),
            "文件为空"
        );
        assert!(
            Report::from_json("\u{feff}{\"edition\":\"2021\",\"year\":2024,\"agency\":\"x\"}")
                .is_ok()
        );
    }

    proptest::proptest! {
        #[test]
        fn no_text_makes_the_reader_panic(text in "\\PC{0,200}") {
            let _ = Report::from_json(&text);
        }

        #[test]
        fn no_damage_to_a_valid_report_makes_the_reader_panic(cut in 0usize..400, insert in "[\\[\\]{}\",:0-9a-z-]{0,3}") {
            let text = Report::blank(Edition::V2021, 2024, "某某局").to_json();
            let mut at = cut.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let damaged = format!("{}{insert}{}", &text[..at], &text[at..]);
            let _ = Report::from_json(&damaged);
        }
    }

    #[test]
    fn dates_are_checked() {
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2023-02-29").is_none());
        let text = r#"{"edition":"2021","year":2024,"agency":"x","published":"2025-13-01"}"#;
        let err = Report::from_json(text).expect_err("refused");
        assert_eq!(err.pointer, "/published");
    }

    #[test]
    fn levels_are_inferred_only_when_clear() {
        assert_eq!(
            AgencyLevel::infer("头二三街道办事处"),
            Some(AgencyLevel::Township)
        );
        assert_eq!(
            AgencyLevel::infer("洪泽区人民政府"),
            Some(AgencyLevel::County)
        );
        assert_eq!(AgencyLevel::infer("平潭综合实验区管委会"), None);
        assert_eq!(AgencyLevel::infer("淮安市人民政府"), None);
    }
}
