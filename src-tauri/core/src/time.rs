//! Wall-clock time as epoch milliseconds, the form every record stores; depends on nothing.

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}
