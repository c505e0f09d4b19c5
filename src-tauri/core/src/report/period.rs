//! Periods of the calendar a report covers: both ends included, read from `YYYY-MM-DD`, split into
//! months, quarters or years, and the period it is compared with. Depends on chrono only.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};

/// From and to, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// What a report's period is compared with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Comparison {
    #[default]
    None,
    /// The period of the same length right before.
    PreviousPeriod,
    /// The same dates a year earlier.
    PreviousYear,
}

/// How a period is split for a table by time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Grain {
    #[default]
    Month,
    Quarter,
    Year,
}

/// The first day SQLite's and chrono's calendars both handle without surprises; the last the same.
const FIRST: (i32, u32, u32) = (1900, 1, 1);
const LAST: (i32, u32, u32) = (9999, 12, 31);

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(FIRST.0, FIRST.1, FIRST.2).expect("a valid day")
}

fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(LAST.0, LAST.1, LAST.2).expect("a valid day")
}

/// Reads a `YYYY-MM-DD` day of a report's query (`field` names it in the error).
pub fn parse_day(field: &'static str, text: &str) -> Result<NaiveDate> {
    let day = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| CoreError::invalid(field, "format"))?;
    if day < first_day() || day > last_day() {
        return Err(CoreError::invalid(field, "range"));
    }
    Ok(day)
}

/// The day as `YYYY-MM-DD`.
pub fn day_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The first day of `d`'s month.
pub fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).expect("every month has a first day")
}

/// The last day of `d`'s month.
pub fn month_end(d: NaiveDate) -> NaiveDate {
    let next = if d.month() == 12 {
        NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1)
    };
    match next {
        Some(n) => n - Duration::days(1),
        None => last_day(),
    }
}

/// `d` moved by `months` whole months, the day kept where the month has it (else its last day).
pub fn add_months(d: NaiveDate, months: i32) -> NaiveDate {
    let total = d.year() * 12 + d.month0() as i32 + months;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    let Some(start) = NaiveDate::from_ymd_opt(y, m, 1) else {
        return if months < 0 { first_day() } else { last_day() };
    };
    let end = month_end(start);
    start
        .with_day(d.day().min(end.day()))
        .unwrap_or(end)
        .clamp(first_day(), last_day())
}

impl Period {
    /// A period of the query's days; refused when it ends before it starts.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Period> {
        if to < from {
            return Err(CoreError::invalid("to", "before_from"));
        }
        Ok(Period { from, to })
    }

    /// Reads the query's `from` and `to`, each falling back to `default`'s.
    pub fn parse(from: Option<&str>, to: Option<&str>, default: Period) -> Result<Period> {
        let from = match from.filter(|s| !s.trim().is_empty()) {
            Some(s) => parse_day("from", s)?,
            None => default.from,
        };
        let to = match to.filter(|s| !s.trim().is_empty()) {
            Some(s) => parse_day("to", s)?,
            None => default.to,
        };
        Period::new(from, to)
    }

    pub fn month_of(d: NaiveDate) -> Period {
        Period {
            from: month_start(d),
            to: month_end(d),
        }
    }

    pub fn quarter_of(d: NaiveDate) -> Period {
        let first = NaiveDate::from_ymd_opt(d.year(), (d.month0() / 3) * 3 + 1, 1).unwrap_or(d);
        Period {
            from: first,
            to: month_end(add_months(first, 2)),
        }
    }

    pub fn year_of(d: NaiveDate) -> Period {
        Period {
            from: NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap_or(d),
            to: NaiveDate::from_ymd_opt(d.year(), 12, 31).unwrap_or(d),
        }
    }

    /// The `days` days that end on `to` (a window as of a day).
    pub fn ending(to: NaiveDate, days: i64) -> Period {
        let from = to
            .checked_sub_signed(Duration::days(days.max(1) - 1))
            .unwrap_or(first_day())
            .max(first_day());
        Period { from, to }
    }

    /// The twelve whole months that end with `d`'s month.
    pub fn twelve_months_to(d: NaiveDate) -> Period {
        Period {
            from: add_months(month_start(d), -11),
            to: month_end(d),
        }
    }

    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        d >= self.from && d <= self.to
    }

    pub fn from_text(&self) -> String {
        day_text(self.from)
    }

    pub fn to_text(&self) -> String {
        day_text(self.to)
    }

    /// The period compared with this one, if any and if the calendar has it.
    pub fn compared(&self, how: Comparison) -> Option<Period> {
        match how {
            Comparison::None => None,
            Comparison::PreviousPeriod => {
                let to = self.from.checked_sub_signed(Duration::days(1))?;
                let from = to.checked_sub_signed(Duration::days(self.days() - 1))?;
                (from >= first_day()).then_some(Period { from, to })
            }
            Comparison::PreviousYear => {
                let from = add_months(self.from, -12);
                // A period that ends on the last day of February ends there a year earlier too.
                let to = if self.to == month_end(self.to) {
                    month_end(add_months(self.to, -12))
                } else {
                    add_months(self.to, -12)
                };
                (self.from.year() > FIRST.0).then_some(Period { from, to })
            }
        }
    }

    /// The months the period touches, each cut to the period: (`YYYY-MM`, the part of the month inside).
    pub fn months(&self) -> Vec<(String, Period)> {
        let mut out = Vec::new();
        let mut start = month_start(self.from);
        while start <= self.to {
            let end = month_end(start);
            out.push((
                start.format("%Y-%m").to_string(),
                Period {
                    from: start.max(self.from),
                    to: end.min(self.to),
                },
            ));
            match end.succ_opt() {
                Some(next) => start = next,
                None => break,
            }
        }
        out
    }

    /// The period split by `grain`, each bucket named (`2026-03`, `2026Q1`, `2026`) and cut to the period.
    pub fn buckets(&self, grain: Grain) -> Vec<(String, Period)> {
        let mut out: Vec<(String, Period)> = Vec::new();
        for (month, part) in self.months() {
            let name = match grain {
                Grain::Month => month,
                Grain::Quarter => format!("{}Q{}", part.from.year(), part.from.month0() / 3 + 1),
                Grain::Year => part.from.year().to_string(),
            };
            match out.last_mut() {
                Some((last, p)) if *last == name => p.to = part.to,
                _ => out.push((name, part)),
            }
        }
        out
    }

    /// The name of `d`'s bucket under `grain`, as [`Period::buckets`] names them.
    pub fn bucket_of(d: NaiveDate, grain: Grain) -> String {
        match grain {
            Grain::Month => d.format("%Y-%m").to_string(),
            Grain::Quarter => format!("{}Q{}", d.year(), d.month0() / 3 + 1),
            Grain::Year => d.year().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_day("t", s).unwrap()
    }

    #[test]
    fn a_period_that_ends_before_it_starts_is_refused() {
        let e = Period::new(d("2026-03-02"), d("2026-03-01")).unwrap_err();
        assert_eq!(e.to_string(), "to: before_from");
        assert!(
            Period::new(d("2026-03-01"), d("2026-03-01")).is_ok(),
            "one day is a period"
        );
    }

    #[test]
    fn unreadable_and_out_of_range_days_are_refused() {
        assert_eq!(
            parse_day("from", "2026-02-30").unwrap_err().to_string(),
            "from: format"
        );
        assert_eq!(
            parse_day("from", "yesterday").unwrap_err().to_string(),
            "from: format"
        );
        assert_eq!(
            parse_day("from", "1899-12-31").unwrap_err().to_string(),
            "from: range"
        );
        assert!(parse_day("from", "1900-01-01").is_ok() && parse_day("to", "9999-12-31").is_ok());
    }

    #[test]
    fn the_previous_period_has_the_same_length_and_ends_the_day_before() {
        let p = Period::new(d("2026-03-01"), d("2026-03-31")).unwrap();
        let c = p.compared(Comparison::PreviousPeriod).unwrap();
        assert_eq!(
            (c.from_text(), c.to_text()),
            ("2026-01-29".into(), "2026-02-28".into())
        );
        assert_eq!(c.days(), 31);
    }

    #[test]
    fn the_same_period_last_year_keeps_month_ends() {
        let feb = Period::new(d("2024-02-01"), d("2024-02-29")).unwrap();
        let c = feb.compared(Comparison::PreviousYear).unwrap();
        assert_eq!(
            (c.from_text(), c.to_text()),
            ("2023-02-01".into(), "2023-02-28".into())
        );
        let leap = Period::new(d("2025-02-01"), d("2025-02-28")).unwrap();
        let c = leap.compared(Comparison::PreviousYear).unwrap();
        assert_eq!(
            c.to_text(),
            "2024-02-29",
            "a month's end is the month's end a year earlier"
        );
    }

    #[test]
    fn there_is_no_comparison_before_the_calendar_starts() {
        let p = Period::new(d("1900-01-01"), d("1900-12-31")).unwrap();
        assert_eq!(p.compared(Comparison::PreviousPeriod), None);
        assert_eq!(p.compared(Comparison::PreviousYear), None);
        let end = Period::new(d("9999-01-01"), d("9999-12-31")).unwrap();
        assert_eq!(
            end.months().len(),
            12,
            "the last year of the calendar splits without overflow"
        );
    }

    #[test]
    fn a_period_splits_into_months_quarters_and_years_cut_to_its_ends() {
        let p = Period::new(d("2025-11-15"), d("2026-04-10")).unwrap();
        let months = p.buckets(Grain::Month);
        assert_eq!(months.len(), 6);
        assert_eq!(months[0].0, "2025-11");
        assert_eq!(months[0].1.from_text(), "2025-11-15");
        assert_eq!(months[5].1.to_text(), "2026-04-10");
        let quarters: Vec<String> = p.buckets(Grain::Quarter).into_iter().map(|b| b.0).collect();
        assert_eq!(quarters, ["2025Q4", "2026Q1", "2026Q2"]);
        let years: Vec<String> = p.buckets(Grain::Year).into_iter().map(|b| b.0).collect();
        assert_eq!(years, ["2025", "2026"]);
    }

    #[test]
    fn months_are_added_keeping_the_day_where_the_month_has_it() {
        assert_eq!(add_months(d("2026-03-31"), -1), d("2026-02-28"));
        assert_eq!(add_months(d("2026-01-15"), -13), d("2024-12-15"));
        assert_eq!(
            Period::twelve_months_to(d("2026-12-06")).from_text(),
            "2026-01-01"
        );
    }
}
