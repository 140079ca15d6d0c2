//! Reading and writing the report's JSON contract, and why a document could not be read.

use crate::layout::Edition;
use crate::report::Report;
use crate::table::TableLayout;

impl Report {
    /// Reads a report from JSON text.
    ///
    /// Fails on malformed JSON, on fields the contract does not know (naming the field and where
    /// it is), and on rows or columns of the other edition. Values that are wrong for their cell
    /// are kept and reported by the rules instead.
    #[cfg(feature = "json")]
    pub fn from_json(text: &str) -> Result<Report, ReadError> {
        let text = without_bom(text);
        if text.trim().is_empty() {
            return Err(ReadError::empty());
        }
        let mut de = serde_json::Deserializer::from_str(text);
        let report: Report = match serde::Deserialize::deserialize(&mut de) {
            Ok(report) => report,
            Err(err) => {
                // Tracking the path slows every read down; it is done again only to say where an
                // error is. Without the `paths` feature (pages, where size counts) an error names
                // its line and column, and the field where the message names one.
                let pointer = pointer_of_error(&mut serde_json::Deserializer::from_str(text));
                return Err(ReadError::from_reader(
                    pointer,
                    err.to_string(),
                    err.line(),
                    err.column(),
                ));
            }
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
    #[cfg(feature = "json")]
    pub fn to_json(&self) -> String {
        // Serializing this model cannot fail: every map key is a string and no value is a float.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a report with any serde reader (of a JavaScript object, for one), with the checks of
    /// [`Report::from_json`]. With the `paths` feature the place of an error is tracked as it is
    /// read (one pass: a second reading would double the code of a WebAssembly module).
    pub fn read_from<'de, D: serde::Deserializer<'de>>(reader: D) -> Result<Report, ReadError> {
        #[cfg(feature = "paths")]
        let report: Report = serde_path_to_error::deserialize(reader).map_err(|err| {
            let pointer = path_to_pointer(err.path());
            ReadError::from_reader(pointer, err.into_inner().to_string(), 0, 0)
        })?;
        #[cfg(not(feature = "paths"))]
        let report: Report = serde::Deserialize::deserialize(reader)
            .map_err(|err| ReadError::from_reader(String::new(), err.to_string(), 0, 0))?;
        report.check_edition_keys()?;
        Ok(report)
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
}

/// Where reading a report with `reader` fails, as a JSON Pointer (empty without the `paths`
/// feature, or when the reader cannot say).
#[cfg(feature = "json")]
#[allow(unused_variables)]
fn pointer_of_error<'de, D: serde::Deserializer<'de>>(reader: D) -> String {
    #[cfg(feature = "paths")]
    if let Err(err) = serde_path_to_error::deserialize::<_, Report>(reader) {
        return path_to_pointer(err.path());
    }
    String::new()
}

/// The text without the byte-order mark that editors on Windows often save UTF-8 with; it is not
/// part of the JSON.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
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
    /// An error as a reader of the data format gave it: its message (in English), with the place
    /// found for it (a JSON Pointer, line and column; empty and 0 when unknown).
    pub fn from_reader(
        mut pointer: String,
        message: String,
        line: usize,
        column: usize,
    ) -> ReadError {
        // A JavaScript reader's errors print as JavaScript errors do.
        let message = match message.strip_prefix("Error: ") {
            Some(rest) => rest.to_owned(),
            None => message,
        };
        // For an unknown or repeated key the reader stops at the object holding it; the place
        // to show is the key itself.
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
            line,
            column,
            message,
        }
    }

    /// The error for a document with nothing in it.
    pub fn empty() -> ReadError {
        ReadError::contract(String::new(), "empty file".to_owned())
    }

    /// The error for text that is not JSON at all, at `line` and `column` (1-based; 0 when
    /// unknown), when the JSON reader gives no message of its own to translate.
    pub fn syntax(line: usize, column: usize) -> ReadError {
        ReadError {
            pointer: String::new(),
            line,
            column,
            message: "invalid JSON".to_owned(),
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
    if message == "invalid JSON" {
        return "不是有效的 JSON 文本（括号、引号或逗号有误）".to_owned();
    }
    if message.starts_with("count too large") {
        return "数字过大，超出可以精确计数的范围".to_owned();
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
