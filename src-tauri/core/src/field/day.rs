//! A calendar day in the user's calendar, stored as `YYYY-MM-DD`.

use chrono::NaiveDate;

use super::text::half_width;
use crate::error::{CoreError, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(NaiveDate);

impl Day {
    /// Accepts 2026-11-23, 2026/11/23, 2026.11.23 and 2026年11月23日.
    pub fn parse(field: &'static str, raw: &str) -> Result<Self> {
        let s = half_width(raw);
        let nums: Vec<u32> = s
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse::<u32>()
                    .map_err(|_| CoreError::invalid(field, "format"))
            })
            .collect::<Result<_>>()?;
        let bad = || CoreError::invalid(field, "format");
        if s.chars()
            .any(|c| !(c.is_ascii_digit() || "-/.年月日 ".contains(c)))
        {
            return Err(bad());
        }
        match nums.as_slice() {
            [y, m, d] if (1900..=2200).contains(y) => NaiveDate::from_ymd_opt(*y as i32, *m, *d)
                .map(Day)
                .ok_or_else(bad),
            _ => Err(bad()),
        }
    }

    pub fn date(self) -> NaiveDate {
        self.0
    }

    pub fn of(date: NaiveDate) -> Self {
        Day(date)
    }

    pub fn to_text(self) -> String {
        self.0.format("%Y-%m-%d").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_written_the_usual_ways_is_stored_one_way() {
        for raw in [
            "2026-11-23",
            "2026/11/23",
            "2026年11月23日",
            "２０２６-１１-２３",
        ] {
            assert_eq!(
                Day::parse("nextDate", raw).unwrap().to_text(),
                "2026-11-23",
                "{raw}"
            );
        }
        assert!(Day::parse("nextDate", "2026-02-30").is_err());
        assert!(Day::parse("nextDate", "tomorrow").is_err());
    }
}
