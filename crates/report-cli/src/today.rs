//! Today's date in China (UTC+8), for what the commands write; `SOURCE_DATE_EPOCH` (seconds since
//! 1970) stands in for the clock, so that the same reports give the same files.

use report_core::Date;

/// Today, or the day of `SOURCE_DATE_EPOCH` when it is set.
pub fn today() -> Option<Date> {
    let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) => text.trim().parse::<i64>().ok()?,
        Err(_) => {
            let since = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?;
            i64::try_from(since.as_secs()).ok()?
        }
    };
    let days = (seconds + 8 * 3600).div_euclid(86_400);
    civil(days)
}

/// The calendar date `days` after 1970-01-01 (proleptic Gregorian calendar).
fn civil(days: i64) -> Option<Date> {
    // Count from 0000-03-01, so that the leap day ends each 400-year era's years.
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    Date::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
}

#[cfg(test)]
mod tests {
    use super::civil;

    #[test]
    fn days_fall_on_their_dates() {
        let date = |d| civil(d).map(|d| d.to_string());
        assert_eq!(date(0).as_deref(), Some("1970-01-01"));
        assert_eq!(date(59).as_deref(), Some("1970-03-01"));
        assert_eq!(date(11_016).as_deref(), Some("2000-02-29"));
        assert_eq!(date(20_088).as_deref(), Some("2024-12-31"));
        assert_eq!(date(20_453).as_deref(), Some("2025-12-31"));
    }
}
