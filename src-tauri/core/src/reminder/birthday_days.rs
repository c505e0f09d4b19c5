//! Which stored birthdays fall on each day of a window: solar ones by month and day (02-29 on 02-28 in
//! other years), lunar ones (农历生日) by the lunar month and day that solar day is. A lunar birthday on
//! the 30th falls on the 29th in a year whose month is short; birthdays are kept in the ordinary month,
//! so a leap month (闰月) has none.

use chinese_lunisolar_calendar::LunisolarDate;
use chrono::{Datelike, Duration, NaiveDate};

/// A solar day of the window and one `MM-DD` a stored birthday may carry to fall on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BirthdayDay {
    pub day: NaiveDate,
    pub lunar: bool,
    pub month_day: String,
}

/// Every (calendar, `MM-DD`) that falls on a day from `from` to `to`, day by day.
pub fn birthday_days(from: NaiveDate, to: NaiveDate) -> Vec<BirthdayDay> {
    let mut out = Vec::new();
    let mut d = from;
    while d <= to {
        let mut add = |lunar, month, day| {
            out.push(BirthdayDay {
                day: d,
                lunar,
                month_day: format!("{month:02}-{day:02}"),
            })
        };
        add(false, d.month(), d.day());
        if d.month() == 2 && d.day() == 28 && NaiveDate::from_ymd_opt(d.year(), 2, 29).is_none() {
            add(false, 2, 29);
        }
        // The lunar calendar is tabulated for 1901–2100; outside it only solar birthdays are found.
        if let Ok(l) = LunisolarDate::from_date(d) {
            let (month, day) = (l.to_lunar_month(), l.to_lunar_day().to_u8());
            if !month.is_leap_month() {
                add(true, month.to_u8() as u32, day as u32);
                let month_days = month.get_total_days(l.to_lunisolar_year()).unwrap_or(30);
                if day == 29 && month_days == 29 {
                    add(true, month.to_u8() as u32, 30);
                }
            }
        }
        d += Duration::days(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn lunar_on(day: &str) -> Vec<String> {
        birthday_days(date(day), date(day))
            .into_iter()
            .filter(|b| b.lunar)
            .map(|b| b.month_day)
            .collect()
    }

    #[test]
    fn the_spring_festival_is_the_first_day_of_the_first_lunar_month() {
        assert_eq!(
            lunar_on("2026-02-17"),
            ["01-01"],
            "春节 2026 is on 17 February"
        );
        assert_eq!(
            lunar_on("2025-01-29"),
            ["01-01"],
            "春节 2025 is on 29 January"
        );
        assert_eq!(
            lunar_on("2026-09-25"),
            ["08-15"],
            "中秋 2026 is on 25 September"
        );
    }

    #[test]
    fn a_birthday_on_the_30th_falls_on_the_29th_of_a_short_month() {
        // 2026-02-16 is 除夕, the last day of the twelfth month of 乙巳 (2025), which has 29 days.
        assert_eq!(lunar_on("2026-02-16"), ["12-29", "12-30"]);
    }

    #[test]
    fn a_leap_month_carries_no_birthdays() {
        // 2025 has a leap sixth month (闰六月) from 25 July to 22 August.
        assert!(lunar_on("2025-08-01").is_empty());
        assert_eq!(
            lunar_on("2025-07-01"),
            ["06-07"],
            "the ordinary sixth month does"
        );
    }

    #[test]
    fn solar_02_29_falls_on_02_28_in_common_years() {
        let days = birthday_days(date("2027-02-28"), date("2027-02-28"));
        let solar: Vec<&str> = days
            .iter()
            .filter(|b| !b.lunar)
            .map(|b| b.month_day.as_str())
            .collect();
        assert_eq!(solar, ["02-28", "02-29"]);
    }
}
