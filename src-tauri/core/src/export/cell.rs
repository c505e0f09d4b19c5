//! A typed cell of an exported row, and the neutralizing of text a spreadsheet would take for a formula.

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveDateTime};

/// One exported value. Text is owned so rows can cross threads.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(i64),
    /// Money in 分.
    Money(i64),
    /// A fraction: 0.25 is 25%.
    Percent(f64),
    Date(NaiveDate),
    /// Local time.
    DateTime(NaiveDateTime),
}

impl Cell {
    pub fn text(s: Option<String>) -> Cell {
        s.map(Cell::Text).unwrap_or(Cell::Empty)
    }

    pub fn day(s: Option<&str>) -> Cell {
        match s.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) {
            Some(d) => Cell::Date(d),
            None => Cell::Empty,
        }
    }

    /// An epoch-milliseconds moment in the machine's local time.
    pub fn moment(ms: Option<i64>) -> Cell {
        use chrono::TimeZone;
        match ms.and_then(|ms| chrono::Local.timestamp_millis_opt(ms).single()) {
            Some(t) => Cell::DateTime(t.naive_local()),
            None => Cell::Empty,
        }
    }
}

/// Whether a spreadsheet would read this text as a formula (or a DDE payload) when it is opened or edited:
/// it starts with `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP "CSV injection").
pub fn looks_like_formula(s: &str) -> bool {
    matches!(s.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}

/// Text as a CSV cell should hold it: a formula-like text gets a leading apostrophe, which spreadsheets
/// show as text and imports take off again ([`unneutralize`]).
pub fn neutralize(s: &str) -> Cow<'_, str> {
    if looks_like_formula(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// The text a neutralized cell stood for: the apostrophe an export put before a formula-like text goes.
pub fn unneutralize(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_a_spreadsheet_would_run_is_neutralized() {
        for evil in [
            "=HYPERLINK(\"http://x\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tcmd",
            "\r=1",
        ] {
            let safe = neutralize(evil);
            assert!(
                safe.starts_with('\''),
                "{evil:?} must not reach a cell as a formula"
            );
            assert_eq!(
                unneutralize(&safe),
                evil,
                "an import gets the user's text back"
            );
        }
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for fine in ["华远科技", "a=b", "'quoted", "138 0013 8000"] {
            assert_eq!(neutralize(fine), fine);
            assert_eq!(
                unneutralize(fine),
                fine,
                "an apostrophe the user typed stays"
            );
        }
    }
}
