//! Calendar dates, written `YYYY-MM-DD` in JSON.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

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

impl Date {
    /// Parses a date written out as a document dates itself at its end: "2025年1月20日", with
    /// spaces or full-width digits anywhere, or in Chinese numerals ("二〇二五年一月二十日"); the
    /// whole text must be the date (a full stop after it aside).
    pub fn parse_written(text: &str) -> Option<Date> {
        let text: String = crate::prose::normalise(text);
        let text = text.trim_end_matches(['。', '.']);
        let (year, rest) = text.split_once('年')?;
        let (month, rest) = rest.split_once('月')?;
        let day = rest.strip_suffix('日')?;
        let year = if year.chars().count() == 4 {
            year.chars()
                .map(|c| c.to_digit(10).or_else(|| digit_zh(c)))
                .try_fold(0u32, |n, d| Some(n * 10 + d?))?
        } else {
            return None;
        };
        Date::new(
            u16::try_from(year).ok()?,
            small_number(month)?,
            small_number(day)?,
        )
    }
}

/// A Chinese numeral digit, as written in dates (〇 and 零 for zero).
fn digit_zh(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .or((c == '零').then_some(0))
        .map(|d| d as u32)
}

/// A month or a day: one or two digits, or Chinese numerals up to 三十一 ("十", "二十一").
fn small_number(text: &str) -> Option<u8> {
    if !text.is_empty() && text.len() <= 2 && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok();
    }
    let chars: Vec<char> = text.chars().collect();
    let n = match chars.as_slice() {
        ['十'] => 10,
        [d] => digit_zh(*d)?,
        ['十', d] => 10 + digit_zh(*d)?,
        [t, '十'] => digit_zh(*t)? * 10,
        [t, '十', d] => digit_zh(*t)? * 10 + digit_zh(*d)?,
        _ => return None,
    };
    u8::try_from(n).ok().filter(|&n| n > 0)
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

    #[test]
    fn a_date_written_out_is_read_in_digits_or_numerals() {
        let d = Date::new(2025, 1, 20);
        assert_eq!(Date::parse_written("2025年1月20日"), d);
        assert_eq!(Date::parse_written(" 2025 年 1 月 20 日。"), d);
        assert_eq!(Date::parse_written("２０２５年１月２０日"), d);
        assert_eq!(Date::parse_written("二〇二五年一月二十日"), d);
        assert_eq!(
            Date::parse_written("二〇二五年十二月三十一日"),
            Date::new(2025, 12, 31)
        );
        assert_eq!(
            Date::parse_written("二〇二五年十月十日"),
            Date::new(2025, 10, 10)
        );
        assert_eq!(Date::parse_written("二〇二五年二月三十日"), None);
        assert_eq!(Date::parse_written("2025年1月20日发布"), None);
        assert_eq!(Date::parse_written("截至2025年1月20日"), None);
    }
}
