//! A birthday: a date with or without the year, in the solar or the lunar calendar.

use chrono::NaiveDate;

use super::text::half_width;
use crate::error::{CoreError, Result};

/// Stored as `YYYY-MM-DD`, or `--MM-DD` when the year is not known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Birthday(String);

impl Birthday {
    /// Accepts 1990-05-12, 1990/5/12, 1990年5月12日, 05-12, 5月12日; `lunar` allows day 30 in any month
    /// and checks the year's lunar calendar no further.
    pub fn parse(raw: &str, lunar: bool) -> Result<Self> {
        let s = half_width(raw);
        let nums: Vec<&str> = s
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .collect();
        let bad = || CoreError::invalid("birthday", "format");
        let parse = |p: &str| p.parse::<u32>().map_err(|_| bad());
        let (year, month, day) = match nums.as_slice() {
            [y, m, d] if y.len() == 4 => (Some(parse(y)? as i32), parse(m)?, parse(d)?),
            [m, d] => (None, parse(m)?, parse(d)?),
            _ => return Err(bad()),
        };
        if s.chars()
            .any(|c| !(c.is_ascii_digit() || "-/.年月日 ".contains(c)))
        {
            return Err(bad());
        }
        let valid = if lunar {
            (1..=12).contains(&month) && (1..=30).contains(&day)
        } else {
            // Without a year, 02-29 is a real birthday: check it against a leap year.
            NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day).is_some()
        };
        if !valid || year.is_some_and(|y| !(1900..=2100).contains(&y)) {
            return Err(bad());
        }
        Ok(Birthday(match year {
            Some(y) => format!("{y:04}-{month:02}-{day:02}"),
            None => format!("--{month:02}-{day:02}"),
        }))
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_ways_of_writing_a_birthday_are_stored_one_way() {
        for raw in [
            "1990-05-12",
            "1990/5/12",
            "1990年5月12日",
            "１９９０-０５-１２",
        ] {
            assert_eq!(
                Birthday::parse(raw, false).unwrap().into_string(),
                "1990-05-12",
                "{raw}"
            );
        }
        assert_eq!(
            Birthday::parse("5月12日", false).unwrap().into_string(),
            "--05-12",
            "the year may be unknown"
        );
    }

    #[test]
    fn impossible_dates_are_refused_but_the_29th_of_february_is_a_birthday() {
        assert!(Birthday::parse("1990-02-30", false).is_err());
        assert!(
            Birthday::parse("1990-02-29", false).is_err(),
            "1990 was not a leap year"
        );
        assert_eq!(
            Birthday::parse("02-29", false).unwrap().into_string(),
            "--02-29"
        );
        assert!(Birthday::parse("13-01", false).is_err());
        assert!(Birthday::parse("next tuesday", false).is_err());
    }

    #[test]
    fn a_lunar_birthday_may_fall_on_the_thirtieth_of_any_month() {
        assert_eq!(
            Birthday::parse("1988-02-30", true).unwrap().into_string(),
            "1988-02-30"
        );
        assert!(Birthday::parse("1988-13-01", true).is_err());
    }
}
