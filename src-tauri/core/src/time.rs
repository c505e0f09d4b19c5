//! Wall-clock time as epoch milliseconds, the form every record stores; depends on nothing.

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Today in the computer's own time zone: the day the user sees on their calendar.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Epoch milliseconds at noon UTC of a calendar day: a date-only event (a contract signed, a payment
/// received) keeps its calendar day for every offset from UTC−11 to UTC+11 when shown as a time.
pub fn noon_of(day: &str) -> Option<i64> {
    chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .map(|t| t.and_utc().timestamp_millis())
}
