//! Turning a raw cell into the text a form field would hold: numbers without a trailing `.0` (phones saved
//! as numbers), Excel date serials and text dates as `YYYY-MM-DD`, full-width digits folded, the
//! apostrophe of a neutralized export taken off, choices read from their words in any language.

use chrono::{Duration, NaiveDate};

use super::grid::Raw;
use crate::error::{CoreError, Result};
use crate::export::unneutralize;
use crate::field::{fen_from_text, half_width, money, Day};
use crate::sheet::{parse_enum, Column, ColumnKind};

/// A cell as plain text, for headers, previews and the error workbook.
pub fn plain_text(raw: &Raw) -> String {
    match raw {
        Raw::Empty => String::new(),
        Raw::Text(t) => unneutralize(t.trim()).to_string(),
        Raw::Number(n) => number_text(*n),
        Raw::DateTime(t) if t.time() == chrono::NaiveTime::MIN => t.format("%Y-%m-%d").to_string(),
        Raw::DateTime(t) => t.format("%Y-%m-%d %H:%M").to_string(),
        Raw::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
    }
}

/// 13800138000.0 is 13800138000; 0.5 stays 0.5.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e16 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// The day of an Excel serial number (1900 date system).
pub fn serial_day(n: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&n) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(Duration::days(n.floor() as i64))
}

/// The text a field of `column` gets from this cell, or none when the cell is blank. A cell that cannot
/// be such a value is refused with the column's key and the reason.
pub fn field_text(column: &Column, raw: &Raw) -> Result<Option<String>> {
    if raw.is_empty() {
        return Ok(None);
    }
    let field = column.key;
    let text = match column.kind {
        ColumnKind::Date => match raw {
            Raw::DateTime(t) => t.format("%Y-%m-%d").to_string(),
            Raw::Number(n) => serial_day(*n)
                .ok_or(CoreError::invalid(field, "format"))?
                .format("%Y-%m-%d")
                .to_string(),
            other => Day::parse(field, &plain_text(other))?.to_text(),
        },
        ColumnKind::Code => half_width(&plain_text(raw)).trim().to_string(),
        ColumnKind::Choice | ColumnKind::Flag => {
            let t = plain_text(raw);
            let t = match raw {
                Raw::Bool(b) => b.to_string(),
                _ => t,
            };
            parse_enum(field, &t)
                .ok_or(CoreError::invalid(field, "unknown_choice"))?
                .to_string()
        }
        // Money becomes its 分, as the form sends it.
        ColumnKind::Money => match raw {
            Raw::Number(n) if n.is_finite() => {
                money(field, (n * 100.0).round() as i64)?.to_string()
            }
            other => fen_from_text(field, &plain_text(other))?.to_string(),
        },
        ColumnKind::Int => {
            let t = half_width(&plain_text(raw));
            t.trim()
                .parse::<i64>()
                .map_err(|_| CoreError::invalid(field, "format"))?
                .to_string()
        }
        _ => plain_text(raw),
    };
    Ok(Some(text).filter(|t| !t.trim().is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::RecordKind;

    fn column(key: &str) -> &'static Column {
        RecordKind::Customers
            .columns()
            .iter()
            .chain(RecordKind::FollowUps.columns())
            .find(|c| c.key == key)
            .unwrap()
    }

    #[test]
    fn a_phone_saved_as_a_number_keeps_every_digit() {
        assert_eq!(
            field_text(column("mobile"), &Raw::Number(13800138000.0))
                .unwrap()
                .as_deref(),
            Some("13800138000")
        );
    }

    #[test]
    fn full_width_digits_become_ascii() {
        assert_eq!(
            field_text(
                column("mobile"),
                &Raw::Text("１３８００１３８０００".into())
            )
            .unwrap()
            .as_deref(),
            Some("13800138000")
        );
    }

    #[test]
    fn dates_as_serials_cells_or_text_are_one_day() {
        let next = column("nextDate");
        for raw in [
            Raw::Number(45356.0),
            Raw::DateTime(
                NaiveDate::from_ymd_opt(2024, 3, 5)
                    .unwrap()
                    .and_hms_opt(0, 0, 0)
                    .unwrap(),
            ),
            Raw::Text("2024/3/5".into()),
            Raw::Text("2024-03-05".into()),
            Raw::Text("2024年3月5日".into()),
        ] {
            assert_eq!(
                field_text(next, &raw).unwrap().as_deref(),
                Some("2024-03-05"),
                "{raw:?}"
            );
        }
        assert!(field_text(next, &Raw::Text("下周".into())).is_err());
    }

    #[test]
    fn a_neutralized_export_reads_back_as_the_users_text() {
        assert_eq!(
            field_text(column("notes"), &Raw::Text("'=1+2".into()))
                .unwrap()
                .as_deref(),
            Some("=1+2"),
            "the text is kept as text; it is never evaluated"
        );
    }

    #[test]
    fn a_choice_is_read_from_its_word() {
        assert_eq!(
            field_text(column("status"), &Raw::Text("成交".into()))
                .unwrap()
                .as_deref(),
            Some("deal")
        );
        assert_eq!(
            field_text(column("status"), &Raw::Text("也许".into()))
                .unwrap_err()
                .to_string(),
            "status: unknown_choice"
        );
    }
}
