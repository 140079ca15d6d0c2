//! Reports and results as JavaScript values, for the page and the embeddable checker.
//!
//! Values cross into JavaScript as plain objects (never `Map`s) and come back through
//! `serde-wasm-bindgen`; JSON text is read and written by the browser's own `JSON.parse` and
//! `JSON.stringify`, so a module built with this feature and without `json` carries no JSON
//! reader or writer of its own.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::json::{without_bom, ReadError};
use crate::report::Report;

/// The value as a plain JavaScript value: objects for structs and maps, numbers, strings,
/// arrays and `null`.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    // Serializing this model cannot fail: every map key is a string, every count is below 2^53
    // in any report a person writes, and no value is a float.
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// Reads a value of type `T` from a JavaScript value; the error is the reader's message.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value).map_err(|err| message(&err))
}

/// Reads a report from a JavaScript object, with the checks of [`Report::from_json`]: unknown
/// fields, rows and columns of the other edition and values wrong for their type are refused
/// with their place (a JSON Pointer, with the `paths` feature).
pub fn report_from_js(value: &JsValue) -> Result<Report, ReadError> {
    if value.is_undefined() || value.is_null() {
        return Err(ReadError::empty());
    }
    Report::read_from(serde_wasm_bindgen::Deserializer::from(value.clone()))
}

/// Reads a report from JSON text with the browser's JSON reader.
pub fn report_from_json_text(text: &str) -> Result<Report, ReadError> {
    report_from_js(&parse_json(text)?)
}

/// Parses JSON text with the browser's reader; text that is not JSON is refused with its line
/// and column when the browser names a position.
pub fn parse_json(text: &str) -> Result<JsValue, ReadError> {
    let text = without_bom(text);
    if text.trim().is_empty() {
        return Err(ReadError::empty());
    }
    js_sys::JSON::parse(text).map_err(|err| {
        let (line, column) = position(&js_message(&err))
            .map(|at| line_and_column(text, at))
            .unwrap_or((0, 0));
        ReadError::syntax(line, column)
    })
}

/// The value as JSON text, by the browser's `JSON.stringify`; `indent` spaces a level (0: one
/// line).
pub fn to_json_text<T: Serialize + ?Sized>(value: &T, indent: u32) -> String {
    let value = to_js(value);
    let text = if indent == 0 {
        js_sys::JSON::stringify(&value)
    } else {
        js_sys::JSON::stringify_with_replacer_and_space(
            &value,
            &JsValue::NULL,
            &JsValue::from(indent),
        )
    };
    text.ok().and_then(|t| t.as_string()).unwrap_or_default()
}

/// The message of a reader's error, without the `Error: ` that JavaScript puts before it.
fn message(err: &serde_wasm_bindgen::Error) -> String {
    let text = err.to_string();
    text.strip_prefix("Error: ").unwrap_or(&text).to_owned()
}

fn js_message(err: &JsValue) -> String {
    js_sys::Reflect::get(err, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default()
}

/// The character offset a browser's JSON syntax error names ("… at position 15"), if any.
fn position(message: &str) -> Option<usize> {
    let rest = &message[message.find("position ")? + "position ".len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The 1-based line and column of the UTF-16 offset `at` in `text` (JavaScript counts positions
/// in UTF-16 units).
fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let (mut line, mut column, mut units) = (1, 1, 0);
    for c in text.chars() {
        if units >= at {
            break;
        }
        units += c.len_utf16();
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_browser_position_becomes_line_and_column() {
        let text = "{\n  \"年\": 2024,\n  x\n}";
        let at = position(
            "Expected double-quoted property name in JSON at position 17 (line 3 column 3)",
        );
        assert_eq!(at, Some(17));
        assert_eq!(line_and_column(text, 17), (3, 3));
        assert_eq!(position("Unexpected end of JSON input"), None);
    }
}
