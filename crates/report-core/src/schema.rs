//! The JSON Schema of the report contract, generated from the types and the official layout.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::{json, Map, Value};

use crate::layout::{CellKind, Labels};
use crate::report::{Date, Report};
use crate::table::{Table, TableLayout};

/// The JSON Schema of a report, as the CLI's `schema` command prints it.
pub fn report_schema() -> Value {
    let schema = schemars::schema_for!(Report);
    let mut value = schema.to_value();
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "$id".into(),
            json!(format!(
                "https://nianbao.invalid/schema/report-{}.json",
                crate::CONTRACT_VERSION
            )),
        );
        object.insert(
            "title".into(),
            json!("政府信息公开工作年度报告 (nianbao report contract)"),
        );
    }
    value
}

/// The schema text, pretty-printed with a final newline, as committed in the repository.
pub fn report_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&report_schema()).unwrap_or_default();
    text.push('\n');
    text
}

fn describe(labels: Labels) -> String {
    match (labels.v2021, labels.v2019) {
        (Some(a), Some(b)) if a == b => a.to_owned(),
        (Some(a), Some(b)) => format!("{a} (2019 format: {b})"),
        (Some(a), None) => format!("{a} (2021 format only)"),
        (None, Some(b)) => format!("{b} (2019 format only)"),
        (None, None) => String::new(),
    }
}

fn cell_schema(kind: CellKind, labels: Labels) -> Value {
    let label = describe(labels);
    match kind {
        CellKind::Count => json!({
            "description": format!("{label}. A non-negative integer; null when blank. Text is kept as printed and reported (H5/H6)."),
            "anyOf": [{"type": "integer", "minimum": 0}, {"type": "null"}, {"type": "string"}]
        }),
        CellKind::SignedCount => json!({
            "description": format!("{label}. An integer, may be negative; null when blank."),
            "anyOf": [{"type": "integer"}, {"type": "null"}, {"type": "string"}]
        }),
        CellKind::Money => json!({
            "description": format!("{label}. A non-negative decimal written as a string (never a float); null when blank."),
            "anyOf": [{"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$"}, {"type": "null"}, {"type": "string"}],
            "examples": ["7730.28"]
        }),
        CellKind::Text => json!({
            "description": format!("{label}. Text as printed, unit included; null when blank."),
            "type": ["string", "null"]
        }),
    }
}

impl<L: TableLayout> JsonSchema for Table<L> {
    fn schema_name() -> Cow<'static, str> {
        let key = L::ID.key();
        let mut name = key[..1].to_uppercase();
        name.push_str(&key[1..]);
        name.into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut rows = Map::new();
        for &row in L::rows() {
            let mut cols = Map::new();
            for &col in L::columns(row) {
                cols.insert(
                    L::col_key(col).to_owned(),
                    cell_schema(L::col_kind(col), L::col_labels(col)),
                );
            }
            rows.insert(
                L::row_key(row).to_owned(),
                json!({
                    "description": describe(L::row_labels(row)),
                    "type": "object",
                    "additionalProperties": false,
                    "properties": cols
                }),
            );
        }
        json_schema!({
            "description": format!("{} {}: rows the report prints; a row it does not print is absent.", L::ID.short_name(), L::ID.heading()),
            "type": "object",
            "additionalProperties": false,
            "properties": rows
        })
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"})
    }
}
