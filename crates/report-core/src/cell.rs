//! One table cell, as printed.
//!
//! A cell keeps what the report says, even when that is not a valid number: a blank stays
//! [`Cell::Blank`] (never 0), and "/", "无" or "-3" in a count column stay [`Cell::Text`] so that
//! the rules H5 and H6 can report them and nothing typed or imported is lost.

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, DeserializeSeed, Visitor};
use serde::{Serialize, Serializer};

use crate::layout::CellKind;

/// The value of one cell.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Cell {
    /// Nothing was printed or typed. Not zero.
    #[default]
    Blank,
    /// A non-negative whole number in a count column.
    Count(u64),
    /// A whole number in a column that may be negative (2019 format 本年增/减).
    Signed(i64),
    /// An exact non-negative decimal amount (万元).
    Money(Decimal),
    /// Text as printed: a defect in a number column ("/", "无", "-3", "1.5"), or the text of a
    /// text column (2019 format 采购总金额).
    Text(String),
}

/// Marks that real reports print in a cell instead of a number; they mean "nothing here" but are
/// defects to report, not zeros to assume.
const PLACEHOLDERS: &[&str] = &[
    "/", "／", "-", "－", "—", "——", "–", "―", "无", "空", "暂无", "\\", "、",
];

impl Cell {
    /// The count in the cell, if it holds a valid one.
    pub fn count(&self) -> Option<u64> {
        match self {
            Cell::Count(n) => Some(*n),
            _ => None,
        }
    }

    /// Whether nothing is in the cell.
    pub fn is_blank(&self) -> bool {
        matches!(self, Cell::Blank)
    }

    /// Whether the cell holds a mark such as "/" or "无" that stands in for a missing number.
    pub fn is_placeholder(&self) -> bool {
        match self {
            Cell::Text(text) => PLACEHOLDERS.contains(&text.trim()),
            _ => false,
        }
    }

    /// Reads what a person typed or a document printed into a cell of `kind`.
    ///
    /// Whitespace around the text, thousands separators and full-width digits ("１２") are read as
    /// a person means them; anything that is not a
    /// valid value for the column is kept verbatim as [`Cell::Text`].
    pub fn parse(kind: CellKind, text: &str) -> Cell {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Cell::Blank;
        }
        // Full-width digits, point and minus (typed with a Chinese input method) are digits.
        let compact: String = trimmed
            .chars()
            .filter(|c| *c != ',' && *c != '，')
            .map(|c| match c {
                '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                '．' => '.',
                '－' => '-',
                other => other,
            })
            .collect();
        // A count written with its unit ("12件", as some portals' editors print every cell) is
        // that count; an amount keeps its unit question to the reader (元 is not 万元).
        let count = compact.strip_suffix('件').unwrap_or(&compact).trim_end();
        let parsed = match kind {
            CellKind::Count => count.parse::<u64>().ok().map(Cell::Count),
            CellKind::SignedCount => count.parse::<i64>().ok().map(Cell::Signed),
            CellKind::Money => parse_money(&compact).map(Cell::Money),
            CellKind::Text => None,
        };
        parsed.unwrap_or_else(|| Cell::Text(trimmed.to_owned()))
    }

    /// The cell as a person would type it back (empty for a blank cell).
    pub fn display(&self) -> String {
        match self {
            Cell::Blank => String::new(),
            Cell::Count(n) => n.to_string(),
            Cell::Signed(n) => n.to_string(),
            Cell::Money(d) => d.to_string(),
            Cell::Text(t) => t.clone(),
        }
    }
}

/// Parses a non-negative decimal written with digits and at most one point.
fn parse_money(text: &str) -> Option<Decimal> {
    let plain = !text.is_empty()
        && text.chars().all(|c| c.is_ascii_digit() || c == '.')
        && text.chars().filter(|c| *c == '.').count() <= 1
        && !text.starts_with('.')
        && !text.ends_with('.');
    if !plain {
        return None;
    }
    text.parse::<Decimal>().ok()
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Blank => f.write_str("（空白）"),
            other => f.write_str(&other.display()),
        }
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Blank => serializer.serialize_none(),
            Cell::Count(n) => serializer.serialize_u64(*n),
            Cell::Signed(n) => serializer.serialize_i64(*n),
            // Money is a decimal string, never a float: the scale as written is kept.
            Cell::Money(d) => serializer.collect_str(d),
            Cell::Text(t) => serializer.serialize_str(t),
        }
    }
}

/// Reads a cell of a known kind from JSON.
///
/// `null` is blank; a string is read as [`Cell::parse`] reads what a person typed, so that text
/// printed in a number column ("/", "无") is kept and reported rather than refused. A JSON number
/// must be valid for its column: a negative or fractional count, or an amount written as a number
/// instead of a string, is refused with the reason.
pub(crate) struct CellSeed(pub CellKind);

impl<'de> DeserializeSeed<'de> for CellSeed {
    type Value = Cell;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Cell, D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// JSON numbers are refused for money: a float cannot hold an amount exactly, and the contract
/// writes every amount as a decimal string.
fn money_number<E: de::Error>() -> E {
    E::custom("number for an amount: amounts are written as strings, e.g. \"7730.28\"")
}

impl<'de> Visitor<'de> for CellSeed {
    type Value = Cell;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, a string or null")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Cell, E> {
        Ok(Cell::Blank)
    }
    fn visit_none<E: de::Error>(self) -> Result<Cell, E> {
        Ok(Cell::Blank)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Cell, D::Error> {
        deserializer.deserialize_any(self)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cell, E> {
        match self.0 {
            CellKind::Count => Ok(Cell::Count(v)),
            CellKind::SignedCount => i64::try_from(v)
                .map(Cell::Signed)
                .map_err(|_| E::custom(format_args!("count `{v}` is too large"))),
            CellKind::Money => Err(money_number()),
            CellKind::Text => Ok(Cell::Text(v.to_string())),
        }
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cell, E> {
        match (u64::try_from(v), self.0) {
            (Ok(u), _) => self.visit_u64(u),
            (Err(_), CellKind::SignedCount) => Ok(Cell::Signed(v)),
            (Err(_), CellKind::Count) => Err(E::custom(format_args!(
                "negative count `{v}`: a count cannot be negative"
            ))),
            (Err(_), CellKind::Money) => Err(money_number()),
            (Err(_), CellKind::Text) => Ok(Cell::Text(v.to_string())),
        }
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Cell, E> {
        match self.0 {
            CellKind::Money => Err(money_number()),
            // A whole number read as a float is beyond what a float holds exactly (a JavaScript
            // number over 2^53): refused, never rounded.
            _ if v.fract() == 0.0 => Err(E::custom(
                "count too large: beyond what can be counted exactly",
            )),
            _ => Err(E::custom("fractional count: a count is a whole number")),
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell, E> {
        Ok(Cell::parse(self.0, v))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Cell, E> {
        Err(E::invalid_type(de::Unexpected::Bool(v), &self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_are_digits() {
        assert_eq!(Cell::parse(CellKind::Count, "１２"), Cell::Count(12));
        assert_eq!(Cell::parse(CellKind::SignedCount, "－３"), Cell::Signed(-3));
        assert_eq!(
            Cell::parse(CellKind::Money, "９６１７１．６").display(),
            "96171.6"
        );
        assert_eq!(
            Cell::parse(CellKind::Count, "约１００"),
            Cell::Text("约１００".into())
        );
    }

    #[test]
    fn a_count_written_with_its_unit_is_that_count() {
        assert_eq!(Cell::parse(CellKind::Count, "3001件"), Cell::Count(3001));
        assert_eq!(Cell::parse(CellKind::Count, "１２ 件"), Cell::Count(12));
        assert_eq!(Cell::parse(CellKind::SignedCount, "-3件"), Cell::Signed(-3));
        // Only the count's own unit, and only after a number; an amount keeps its unit question.
        assert_eq!(Cell::parse(CellKind::Count, "件"), Cell::Text("件".into()));
        assert_eq!(
            Cell::parse(CellKind::Count, "12条"),
            Cell::Text("12条".into())
        );
        assert_eq!(
            Cell::parse(CellKind::Money, "25元"),
            Cell::Text("25元".into())
        );
    }

    #[test]
    fn blank_is_not_zero() {
        assert_eq!(Cell::parse(CellKind::Count, "  "), Cell::Blank);
        assert_eq!(Cell::parse(CellKind::Count, "0"), Cell::Count(0));
    }

    #[test]
    fn defects_are_kept_as_printed() {
        assert_eq!(Cell::parse(CellKind::Count, "/"), Cell::Text("/".into()));
        assert!(Cell::parse(CellKind::Count, "无").is_placeholder());
        assert_eq!(Cell::parse(CellKind::Count, "-3"), Cell::Text("-3".into()));
        assert_eq!(Cell::parse(CellKind::Count, "1,234"), Cell::Count(1234));
        assert_eq!(Cell::parse(CellKind::SignedCount, "-3"), Cell::Signed(-3));
    }

    #[test]
    fn money_keeps_its_scale() {
        let cell = Cell::parse(CellKind::Money, "96171.60");
        assert_eq!(cell.display(), "96171.60");
        assert_eq!(Cell::parse(CellKind::Money, "-5"), Cell::Text("-5".into()));
        assert_eq!(
            Cell::parse(CellKind::Money, "1e3"),
            Cell::Text("1e3".into())
        );
        assert_eq!(
            serde_json::to_string(&cell).ok().as_deref(),
            Some("\"96171.60\"")
        );
    }
}
