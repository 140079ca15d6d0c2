//! The whole report: metadata, the prose sections and the three tables, and reading it from JSON.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::layout::{Edition, TableId};
use crate::table::{Appeals, Proactive, Requests, TableLayout};

/// A 政府信息公开工作年度报告, in either edition of the national format.
///
/// JSON names follow FORMAT.md §8. A blank cell is `null`; a table row the report does not print
/// is absent. The prose sections may be absent.
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

/// A prose field of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProseField {
    /// 一 — the summary or whole text.
    Summary,
    /// 一（一）主动公开.
    ProactiveDisclosure,
    /// 一（二）依申请公开.
    DisclosureOnRequest,
    /// 一（三）政府信息管理.
    InformationManagement,
    /// 一（四）政府信息公开平台建设.
    Platforms,
    /// 一（五）监督保障.
    Oversight,
    /// 五、存在的主要问题及改进情况.
    Problems,
    /// 六、其他需要报告的事项.
    OtherMatters,
}

impl ProseField {
    /// Every prose field, in printed order.
    pub const ALL: [ProseField; 8] = [
        ProseField::Summary,
        ProseField::ProactiveDisclosure,
        ProseField::DisclosureOnRequest,
        ProseField::InformationManagement,
        ProseField::Platforms,
        ProseField::Oversight,
        ProseField::Problems,
        ProseField::OtherMatters,
    ];

    /// The JSON Pointer of the field.
    pub const fn pointer(self) -> &'static str {
        match self {
            ProseField::Summary => "/overview/summary",
            ProseField::ProactiveDisclosure => "/overview/proactive_disclosure",
            ProseField::DisclosureOnRequest => "/overview/disclosure_on_request",
            ProseField::InformationManagement => "/overview/information_management",
            ProseField::Platforms => "/overview/platforms",
            ProseField::Oversight => "/overview/oversight",
            ProseField::Problems => "/problems",
            ProseField::OtherMatters => "/other_matters",
        }
    }

    /// The verbatim heading of the field (2021 format).
    pub const fn heading(self) -> &'static str {
        match self {
            ProseField::Summary => "一、总体情况",
            ProseField::ProactiveDisclosure => "（一）主动公开",
            ProseField::DisclosureOnRequest => "（二）依申请公开",
            ProseField::InformationManagement => "（三）政府信息管理",
            ProseField::Platforms => "（四）政府信息公开平台建设",
            ProseField::Oversight => "（五）监督保障",
            ProseField::Problems => "五、存在的主要问题及改进情况",
            ProseField::OtherMatters => "六、其他需要报告的事项",
        }
    }
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

    /// Reads a report from JSON text.
    ///
    /// Fails on malformed JSON, on fields the contract does not know (naming the field and where
    /// it is), and on rows or columns of the other edition. Values that are wrong for their cell
    /// are kept and reported by the rules instead.
    pub fn from_json(text: &str) -> Result<Report, ReadError> {
        // Editors on Windows often save UTF-8 with a byte-order mark; it is not part of the JSON.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(ReadError::contract(String::new(), "empty file".to_owned()));
        }
        let mut de = serde_json::Deserializer::from_str(text);
        let report: Report = match serde::Deserialize::deserialize(&mut de) {
            Ok(report) => report,
            // Tracking the path slows every read down; it is done again only to say where an
            // error is.
            #[cfg(feature = "paths")]
            Err(first) => {
                let mut de = serde_json::Deserializer::from_str(text);
                let (pointer, err) = match serde_path_to_error::deserialize::<_, Report>(&mut de) {
                    Err(err) => (path_to_pointer(err.path()), err.into_inner()),
                    Ok(_) => (String::new(), first),
                };
                return Err(ReadError::from_json_error(pointer, &err));
            }
            // Without the `paths` feature (pages, where size counts) an error names its line
            // and column, and the field where the message names one.
            #[cfg(not(feature = "paths"))]
            Err(err) => return Err(ReadError::from_json_error(String::new(), &err)),
        };
        de.end().map_err(|err| ReadError {
            pointer: String::new(),
            line: err.line(),
            column: err.column(),
            message: err.to_string(),
        })?;
        report.check_edition_keys()?;
        Ok(report)
    }

    /// Writes the report as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        // Serializing this model cannot fail: every map key is a string and no value is a float.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Refuses rows and columns that do not exist in the report's edition. The one exception is
    /// the single （六）其他处理 row in a 2021-format report, which real reports print and rule H8
    /// reports.
    fn check_edition_keys(&self) -> Result<(), ReadError> {
        fn check<L: TableLayout>(
            table: &crate::table::Table<L>,
            edition: Edition,
            allowed_row: impl Fn(L::Row) -> bool,
        ) -> Result<(), ReadError> {
            for row in table.present_rows() {
                let row_pointer = format!("/{}/{}", L::ID.key(), L::row_key(row));
                if !L::row_in_edition(row, edition) && !allowed_row(row) {
                    return Err(ReadError::contract(
                        row_pointer,
                        format!(
                            "unknown field `{}`: the {} format has no such row",
                            L::row_key(row),
                            edition.key()
                        ),
                    ));
                }
                for &col in L::columns(row) {
                    if table.cell(row, col).is_some() && !L::col_in_edition(col, edition) {
                        return Err(ReadError::contract(
                            format!("{row_pointer}/{}", L::col_key(col)),
                            format!(
                                "unknown field `{}`: the {} format has no such column",
                                L::col_key(col),
                                edition.key()
                            ),
                        ));
                    }
                }
            }
            Ok(())
        }
        check(&self.proactive, self.edition, |_| false)?;
        check(&self.requests, self.edition, |row| {
            row == crate::layout::RequestRow::Other
        })?;
        check(&self.appeals, self.edition, |_| false)
    }

    /// The prose of one field, if given.
    pub fn prose(&self, field: ProseField) -> Option<&str> {
        let text = match field {
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

#[cfg(feature = "paths")]
fn path_to_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        pointer.push('/');
        match segment {
            Segment::Map { key } => pointer.push_str(&key.replace('~', "~0").replace('/', "~1")),
            Segment::Seq { index } => pointer.push_str(&index.to_string()),
            Segment::Enum { variant } => pointer.push_str(variant),
            // A place the reader could not name (inside malformed JSON): the line and column say it.
            Segment::Unknown => pointer.pop().map_or((), drop),
        }
    }
    pointer
}

/// Why a report could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe(crate::Lang::En))]
pub struct ReadError {
    /// The JSON Pointer of the offending place (empty for the document itself).
    pub pointer: String,
    /// The line of the offending place (1-based; 0 when unknown).
    pub line: usize,
    /// The column of the offending place (1-based; 0 when unknown).
    pub column: usize,
    /// What is wrong, in English as the JSON reader says it.
    pub message: String,
}

impl ReadError {
    fn from_json_error(mut pointer: String, inner: &serde_json::Error) -> ReadError {
        // For an unknown or repeated key the reader stops at the object holding it; the place
        // to show is the key itself.
        let message = inner.to_string();
        for prefix in ["unknown field `", "duplicate field `"] {
            if let Some(name) = message
                .strip_prefix(prefix)
                .and_then(|rest| rest.split('`').next())
            {
                let segment = format!("/{}", name.replace('~', "~0").replace('/', "~1"));
                if !pointer.is_empty() && !pointer.ends_with(&segment) {
                    pointer.push_str(&segment);
                }
            }
        }
        ReadError {
            pointer,
            line: inner.line(),
            column: inner.column(),
            message,
        }
    }

    fn contract(pointer: String, message: String) -> ReadError {
        ReadError {
            pointer,
            line: 0,
            column: 0,
            message,
        }
    }

    /// The error for people, in `lang`: where, then what.
    pub fn describe(&self, lang: crate::Lang) -> String {
        let mut out = String::new();
        let zh = lang == crate::Lang::Zh;
        if self.line > 0 {
            if zh {
                out.push_str(&format!("第 {} 行第 {} 列", self.line, self.column));
            } else {
                out.push_str(&format!("line {}, column {}", self.line, self.column));
            }
        }
        if !self.pointer.is_empty() {
            if zh {
                out.push_str(&format!("（{}）", self.pointer));
            } else {
                out.push_str(&format!(
                    "{}({})",
                    if out.is_empty() { "" } else { " " },
                    self.pointer
                ));
            }
        }
        if !out.is_empty() {
            out.push_str(if zh { "：" } else { ": " });
        }
        out.push_str(&if zh {
            translate_reader_message(&self.message)
        } else {
            self.message.clone()
        });
        out
    }
}

/// Puts the JSON reader's messages into Chinese; keeps field names and values as they are.
fn translate_reader_message(message: &str) -> String {
    // The reader appends " at line L column C"; the location is already shown in front.
    let message = message.split(" at line ").next().unwrap_or(message);
    // Whole messages of this crate's own making.
    let quoted = |m: &str| m.split('`').nth(1).unwrap_or_default().to_owned();
    if message.starts_with("negative count ") {
        return format!("件数不能为负数：{}", quoted(message));
    }
    if message.starts_with("fractional count") {
        return "件数应为整数，不能有小数".to_owned();
    }
    if message.starts_with("number for an amount") {
        return "金额应写成字符串（例如 \"7730.28\"），不能写成数字".to_owned();
    }
    if message.starts_with("count `") && message.ends_with("is too large") {
        return format!("数字过大：{}", quoted(message));
    }
    if message == "empty file" {
        return "文件为空".to_owned();
    }
    let phrases: [(&str, &str); 30] = [
        ("unknown field ", "未知字段 "),
        ("unknown variant ", "无法识别的取值 "),
        ("missing field ", "缺少字段 "),
        ("duplicate field ", "字段重复 "),
        ("invalid type: ", "类型错误："),
        ("invalid value: ", "取值错误："),
        ("invalid length ", "长度错误 "),
        ("EOF while parsing a string", "字符串没有结束，文件就结束了"),
        (
            "EOF while parsing an object",
            "对象没有结束（缺少 }），文件就结束了",
        ),
        (
            "EOF while parsing a list",
            "数组没有结束（缺少 ]），文件就结束了",
        ),
        ("EOF while parsing a value", "文件在 JSON 值结束前就结束了"),
        ("trailing characters", "JSON 之后还有多余字符"),
        ("trailing comma", "多余的逗号"),
        ("expected value", "此处应为一个 JSON 值"),
        (
            "expected ident",
            "此处应为一个 JSON 值（true、false 或 null 拼写有误？）",
        ),
        (
            "expected `\"` at start of string",
            "此处应为字符串（用双引号）",
        ),
        ("expected `:`", "此处应为冒号 `:`"),
        ("expected `,` or `}`", "此处应为逗号 `,` 或 `}`"),
        ("expected `,` or `]`", "此处应为逗号 `,` 或 `]`"),
        ("key must be a string", "键必须是字符串"),
        (
            "control character (\\u0000-\\u001F) found while parsing a string",
            "字符串中有控制字符",
        ),
        ("invalid number", "数字格式错误"),
        ("number out of range", "数字超出范围"),
        ("invalid escape", "转义字符错误"),
        ("invalid unicode code point", "Unicode 码位错误"),
        ("recursion limit exceeded", "嵌套层数过多"),
        (
            ": the 2021 format has no such row",
            "：2021 年版格式没有这一行",
        ),
        (
            ": the 2019 format has no such row",
            "：2019 年试行格式没有这一行",
        ),
        (
            ": the 2021 format has no such column",
            "：2021 年版格式没有这一列",
        ),
        (
            ": the 2019 format has no such column",
            "：2019 年试行格式没有这一列",
        ),
    ];
    let words: [(&str, &str); 13] = [
        ("` or `", "` 或 `"),
        (", expected one of ", "，应为以下之一："),
        (", expected ", "，应为 "),
        ("a number, a string or null", "数字、字符串或 null"),
        ("boolean ", "布尔值 "),
        ("integer ", "整数 "),
        ("floating point ", "小数 "),
        ("string ", "字符串 "),
        ("a string", "字符串"),
        ("u16", "0–65535 的整数"),
        ("struct Report", "报告对象"),
        ("a map", "对象"),
        ("an object with the rows of ", "对象，其中各键为此表的行："),
    ];
    let mut out = message.to_owned();
    for (en, zh) in phrases.iter().chain(words.iter()) {
        out = out.replace(en, zh);
    }
    out
}

/// A calendar date, written `YYYY-MM-DD` in JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year.
    pub year: u16,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31.
    pub day: u8,
}

impl Date {
    /// A date, if it exists in the calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        Date::new(year, month, day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format_args!(
                "invalid value: `{text}` is not a date, expected YYYY-MM-DD"
            ))
        })
    }
}

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
