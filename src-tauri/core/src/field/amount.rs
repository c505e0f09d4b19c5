//! Money in 分 (integer minor units), quantities in thousandths, discounts in hundredths of a percent, and
//! the amount of one contract line. Pure arithmetic: no floating point in what is stored or summed.

use crate::error::{CoreError, Result};

/// The largest amount of money a field holds: 10 trillion yuan, far past any small business and far from
/// overflowing a sum of millions of rows.
pub const MAX_FEN: i64 = 1_000_000_000_000_000;

/// An amount of money in 分 that is not negative and not absurd.
pub fn money(field: &'static str, fen: i64) -> Result<i64> {
    if fen < 0 {
        return Err(CoreError::invalid(field, "negative"));
    }
    if fen > MAX_FEN {
        return Err(CoreError::invalid(field, "too_large"));
    }
    Ok(fen)
}

/// An amount of money that must be more than zero (an installment, a receipt).
pub fn positive_money(field: &'static str, fen: i64) -> Result<i64> {
    if fen == 0 {
        return Err(CoreError::invalid(field, "not_positive"));
    }
    money(field, fen)
}

/// A quantity of a product, in thousandths of its unit (2.5 kg is 2500).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Quantity(i64);

impl Quantity {
    /// Takes the number the form shows (up to three decimals); zero, negative and absurd are refused.
    pub fn parse(field: &'static str, units: f64) -> Result<Self> {
        if !units.is_finite() {
            return Err(CoreError::invalid(field, "format"));
        }
        if units <= 0.0 {
            return Err(CoreError::invalid(field, "not_positive"));
        }
        if units > 1e9 {
            return Err(CoreError::invalid(field, "too_large"));
        }
        let milli = (units * 1000.0).round() as i64;
        if milli == 0 {
            return Err(CoreError::invalid(field, "not_positive"));
        }
        Ok(Quantity(milli))
    }

    pub fn from_milli(milli: i64) -> Self {
        Quantity(milli)
    }

    pub fn milli(self) -> i64 {
        self.0
    }

    pub fn units(self) -> f64 {
        self.0 as f64 / 1000.0
    }
}

/// A discount off the price, in hundredths of a percent (12.5% off is 1250), from 0 to 100%.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Discount(i64);

impl Discount {
    pub fn parse(field: &'static str, percent: f64) -> Result<Self> {
        if !percent.is_finite() {
            return Err(CoreError::invalid(field, "format"));
        }
        if percent < 0.0 {
            return Err(CoreError::invalid(field, "negative"));
        }
        if percent > 100.0 {
            return Err(CoreError::invalid(field, "over_100"));
        }
        Ok(Discount((percent * 100.0).round() as i64))
    }

    pub fn from_bp(bp: i64) -> Self {
        Discount(bp)
    }

    pub fn bp(self) -> i64 {
        self.0
    }

    pub fn percent(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

/// Money written as people write it in a sheet or a form — `1,234.56`, `¥1234.5`, `１２３４元`, `0.05` —
/// as 分, exactly (no floating point). More than two decimals, or anything else, is refused as `format`.
pub fn fen_from_text(field: &'static str, raw: &str) -> Result<i64> {
    let text: String = super::text::half_width(raw)
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '¥' | '￥' | '元' | '\u{a0}'))
        .collect();
    let bad = || CoreError::invalid(field, "format");
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (whole, cents) = match digits.split_once('.') {
        Some((w, c)) => (w, c),
        None => (digits, ""),
    };
    if (whole.is_empty() && cents.is_empty())
        || cents.len() > 2
        || !whole
            .chars()
            .chain(cents.chars())
            .all(|c| c.is_ascii_digit())
        || whole.len() > 15
    {
        return Err(bad());
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| bad())?
    };
    let cents: i64 = format!("{cents:0<2}").parse().map_err(|_| bad())?;
    let fen = whole * 100 + cents;
    if negative {
        return Err(CoreError::invalid(field, "negative"));
    }
    money(field, fen)
}

/// 分 as plain yuan text, as CSV and machine readers want it: -5 is "-0.05", 123456 is "1234.56".
pub fn yuan_plain(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// 分 as yuan with thousands separators, for history and messages: 123456 is "1,234.56".
pub fn yuan(fen: i64) -> String {
    let plain = yuan_plain(fen);
    let (sign, digits) = plain.split_at(usize::from(fen < 0));
    let (whole, cents) = digits.split_at(digits.len() - 3);
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}{cents}")
}

/// quantity × unit price × (1 − discount), rounded half up to the 分, computed in integers.
pub fn line_amount(field: &'static str, q: Quantity, unit_price: i64, d: Discount) -> Result<i64> {
    let exact = q.0 as i128 * unit_price as i128 * (10_000 - d.0) as i128;
    let scale: i128 = 1000 * 10_000;
    let fen = (exact + scale / 2) / scale;
    if fen > MAX_FEN as i128 {
        return Err(CoreError::invalid(field, "too_large"));
    }
    Ok(fen as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_amount_is_exact_in_fen_and_rounds_half_up() {
        let q = Quantity::parse("quantity", 3.0).unwrap();
        // 3 × ¥0.10 with no discount is exactly ¥0.30, where 3 * 0.1 in floating point is not.
        assert_eq!(
            line_amount("amount", q, 10, Discount::default()).unwrap(),
            30
        );
        // 1 × ¥0.05 at 10% off is 4.5 分, which rounds up to 5.
        let one = Quantity::parse("quantity", 1.0).unwrap();
        let ten = Discount::parse("discount", 10.0).unwrap();
        assert_eq!(line_amount("amount", one, 5, ten).unwrap(), 5);
        // 2.5 units × ¥1,999.00 at 12.5% off = ¥4,372.8125 → ¥4,372.81.
        let q = Quantity::parse("quantity", 2.5).unwrap();
        let d = Discount::parse("discount", 12.5).unwrap();
        assert_eq!(line_amount("amount", q, 199_900, d).unwrap(), 437_281);
    }

    #[test]
    fn fen_are_shown_as_yuan_with_separators() {
        assert_eq!(yuan(123_456), "1,234.56");
        assert_eq!(yuan(5), "0.05");
        assert_eq!(yuan(100_000_000), "1,000,000.00");
        assert_eq!(yuan(-250), "-2.50");
        assert_eq!(yuan(-123_456_789), "-1,234,567.89");
        assert_eq!(yuan_plain(123_456), "1234.56");
        assert_eq!(yuan_plain(-5), "-0.05", "a small refund keeps its minus");
    }

    #[test]
    fn money_written_the_usual_ways_is_read_exactly() {
        for (raw, fen) in [
            ("1,234.56", 123_456),
            ("¥1234.5", 123_450),
            ("１２３４元", 123_400),
            ("0.05", 5),
            (".5", 50),
            ("￥ 3 200", 320_000),
        ] {
            assert_eq!(fen_from_text("listPrice", raw).unwrap(), fen, "{raw}");
        }
        for (raw, reason) in [
            ("1.234", "format"),
            ("abc", "format"),
            ("", "format"),
            ("-5", "negative"),
        ] {
            assert_eq!(
                fen_from_text("listPrice", raw).unwrap_err().reason(),
                Some(reason),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn a_full_discount_makes_a_free_line() {
        let q = Quantity::parse("quantity", 7.0).unwrap();
        let all = Discount::parse("discount", 100.0).unwrap();
        assert_eq!(line_amount("amount", q, 123_456, all).unwrap(), 0);
    }

    #[test]
    fn zero_negative_and_absurd_quantities_are_refused() {
        for (q, reason) in [
            (0.0, "not_positive"),
            (-1.0, "not_positive"),
            (0.0001, "not_positive"),
            (f64::NAN, "format"),
            (1e12, "too_large"),
        ] {
            assert_eq!(
                Quantity::parse("quantity", q).unwrap_err().reason(),
                Some(reason),
                "{q}"
            );
        }
    }

    #[test]
    fn a_discount_over_100_percent_or_below_zero_is_refused() {
        assert_eq!(
            Discount::parse("discount", 100.01).unwrap_err().reason(),
            Some("over_100")
        );
        assert_eq!(
            Discount::parse("discount", -5.0).unwrap_err().reason(),
            Some("negative")
        );
    }

    #[test]
    fn negative_money_is_refused_and_zero_only_where_allowed() {
        assert_eq!(
            money("listPrice", -1).unwrap_err().reason(),
            Some("negative")
        );
        assert_eq!(money("listPrice", 0).unwrap(), 0);
        assert_eq!(
            positive_money("amount", 0).unwrap_err().reason(),
            Some("not_positive")
        );
        assert_eq!(
            money("amount", MAX_FEN + 1).unwrap_err().reason(),
            Some("too_large")
        );
    }

    #[test]
    fn a_huge_line_is_refused_rather_than_overflowing() {
        let q = Quantity::parse("quantity", 1e9).unwrap();
        assert_eq!(
            line_amount("amount", q, MAX_FEN, Discount::default())
                .unwrap_err()
                .reason(),
            Some("too_large")
        );
    }
}
