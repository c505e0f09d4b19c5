//! Customer-lifetime-value models (BG/NBD, Gamma-Gamma) fitted by maximum likelihood; std only.
//!
//! All times of one model share one unit (days, weeks, …) chosen by the caller: a model fitted
//! on weeks predicts in weeks. Values are in whatever currency the Gamma-Gamma fit saw.
//! Fits refuse data with fewer than [`MIN_REPEAT_BUYERS`] repeat buyers; predictions are
//! always finite.

mod bgnbd;
mod gamma_gamma;
mod optimize;
mod special;

use std::fmt;

pub use bgnbd::{BgNbd, Customer};
pub use gamma_gamma::{GammaGamma, Spend};

/// Fewest customers with at least one repeat purchase that a fit accepts: below this the
/// parameters are noise.
pub const MIN_REPEAT_BUYERS: usize = 30;

/// Why a model could not be fitted, or a model or horizon could not be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FitError {
    /// Too few customers bought more than once for the model to mean anything.
    TooFewRepeatBuyers {
        /// Customers (weights counted) with at least one repeat purchase.
        repeat_buyers: usize,
        /// How many the fit needs ([`MIN_REPEAT_BUYERS`]).
        needed: usize,
    },
    /// The likelihood has no maximum the minimizer could find from any of its starts (it
    /// also says so when the maximum lies at a boundary, e.g. a parameter going to infinity).
    DidNotConverge,
    /// The caller's cancel closure asked to stop.
    Cancelled,
    /// An input is outside the model's domain; the text says which rule it broke.
    InvalidInput(&'static str),
}

impl fmt::Display for FitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FitError::TooFewRepeatBuyers {
                repeat_buyers,
                needed,
            } => write!(
                f,
                "only {repeat_buyers} customers bought more than once; the model needs at least {needed}"
            ),
            FitError::DidNotConverge => write!(f, "the model's fit did not converge"),
            FitError::Cancelled => write!(f, "the fit was cancelled"),
            FitError::InvalidInput(why) => write!(f, "invalid input: {why}"),
        }
    }
}

impl std::error::Error for FitError {}

/// How far ahead [`predicted_value`] looks, how long a month is in the model's time unit, and
/// how future money is discounted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Horizon {
    months: u32,
    units_per_month: f64,
    monthly_discount_rate: f64,
}

impl Horizon {
    /// A month in days, as lifetimes counts it.
    pub const DAYS_PER_MONTH: f64 = 30.0;
    /// A month in weeks, as lifetimes counts it.
    pub const WEEKS_PER_MONTH: f64 = 4.345;

    /// `months` months of `units_per_month` model time units each, discounted at
    /// `monthly_discount_rate` (0.01 for 1 % a month); the length of a month must be finite
    /// and positive and the rate finite and above −1.
    pub fn new(
        months: u32,
        units_per_month: f64,
        monthly_discount_rate: f64,
    ) -> Result<Self, FitError> {
        if !(units_per_month.is_finite() && units_per_month > 0.0) {
            return Err(FitError::InvalidInput(
                "a month must be a finite positive number of time units",
            ));
        }
        if !(monthly_discount_rate.is_finite() && monthly_discount_rate > -1.0) {
            return Err(FitError::InvalidInput(
                "the discount rate must be a finite number above −1",
            ));
        }
        Ok(Horizon {
            months,
            units_per_month,
            monthly_discount_rate,
        })
    }

    /// Months looked ahead.
    pub fn months(&self) -> u32 {
        self.months
    }

    /// Model time units in a month.
    pub fn units_per_month(&self) -> f64 {
        self.units_per_month
    }

    /// Discount rate per month.
    pub fn monthly_discount_rate(&self) -> f64 {
        self.monthly_discount_rate
    }
}

/// Discounted value of a customer's purchases over the horizon, as lifetimes'
/// `customer_lifetime_value` computes it: for each month i = 1..=months, the purchases the
/// BG/NBD expects between months i − 1 and i, times the Gamma-Gamma's expected value per
/// purchase, divided by (1 + monthly rate)^i.
///
/// `x`, `t_x` and `age` (T) are in the BG/NBD's time unit, `m_x` in the Gamma-Gamma's
/// currency; out-of-domain inputs are clamped as the two models' predictions do, and the
/// result is always finite.
pub fn predicted_value(
    bg: &BgNbd,
    gg: &GammaGamma,
    x: u32,
    t_x: f64,
    age: f64,
    m_x: f64,
    horizon: &Horizon,
) -> f64 {
    let value_per_purchase = gg.expected_value(x, m_x);
    let growth = 1.0 + horizon.monthly_discount_rate;
    let mut total = 0.0;
    let mut before = 0.0;
    let mut discount = 1.0;
    for month in 1..=horizon.months {
        let until = bg.expected_purchases(f64::from(month) * horizon.units_per_month, x, t_x, age);
        discount /= growth;
        total += (until - before) * value_per_purchase * discount;
        before = until;
    }
    if total.is_finite() {
        total
    } else {
        0.0
    }
}

/// The CDNOW sample summaries that ship with the lifetimes package (tests/fixtures/README.md).
#[cfg(test)]
mod cdnow {
    use super::Customer;

    /// One customer of the summary with monetary value.
    pub(super) struct Summary {
        pub frequency: u32,
        pub monetary_value: f64,
    }

    fn fields(line: &str) -> Vec<&str> {
        line.trim_end_matches('\r').split(',').collect()
    }

    /// The 2,357 (x, t_x, T) rows of cdnow_customers_summary.csv, T in weeks.
    pub(super) fn summary() -> Vec<Customer> {
        let text = include_str!("../../../tests/fixtures/cdnow_customers_summary.csv");
        let rows: Vec<Customer> = text
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let f = fields(line);
                Customer::new(
                    f[1].parse().expect("frequency"),
                    f[2].parse().expect("recency"),
                    f[3].parse().expect("T"),
                )
            })
            .collect();
        assert_eq!(rows.len(), 2_357, "the CDNOW summary has 2,357 customers");
        rows
    }

    /// The 2,357 rows of cdnow_customers_summary_with_transactions.csv (x and the mean value
    /// of the repeat purchases, "zbar").
    pub(super) fn with_monetary_value() -> Vec<Summary> {
        let text =
            include_str!("../../../tests/fixtures/cdnow_customers_summary_with_transactions.csv");
        let rows: Vec<Summary> = text
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let f = fields(line);
                Summary {
                    frequency: f[1].parse().expect("x"),
                    monetary_value: f[4].parse().expect("zbar"),
                }
            })
            .collect();
        assert_eq!(rows.len(), 2_357, "the CDNOW summary has 2,357 customers");
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published() -> (BgNbd, GammaGamma) {
        (
            BgNbd::new(0.243, 4.414, 0.793, 2.426).expect("valid"),
            GammaGamma::new(6.25, 3.74, 15.44).expect("valid"),
        )
    }

    fn assert_within(got: f64, want: f64, relative: f64, what: &str) {
        let err = ((got - want) / want).abs();
        assert!(
            err <= relative,
            "{what}: got {got}, want {want} (relative error {err:.2e} > {relative:e})"
        );
    }

    #[test]
    fn predicted_value_follows_lifetimes_monthly_discounted_sum() {
        // lifetimes' _customer_lifetime_value loop (12 months, 4.345 weeks a month, 1 % a
        // month) with equation (10) and the Gamma-Gamma mean evaluated in mpmath 1.4.1 at the
        // published parameters of both models.
        let (bg, gg) = published();
        let weekly = Horizon::new(12, Horizon::WEEKS_PER_MONTH, 0.01).expect("valid");
        let cases = [
            (2, 30.43, 38.86, 22.35, 36.289_211_125_599_2),
            (0, 0.0, 38.86, 0.0, 8.369_004_358_920_46),
        ];
        for (x, t_x, age, m_x, want) in cases {
            let got = predicted_value(&bg, &gg, x, t_x, age, m_x, &weekly);
            assert_within(
                got,
                want,
                1e-10,
                &format!("CLV of ({x}, {t_x}, {age}, {m_x})"),
            );
        }
        let two_years = Horizon::new(24, Horizon::WEEKS_PER_MONTH, 0.01).expect("valid");
        let got = predicted_value(&bg, &gg, 10, 35.0, 38.86, 40.0, &two_years);
        assert_within(got, 459.286_710_877_274, 1e-10, "24-month CLV");
    }

    #[test]
    fn predicted_value_works_in_days_as_well_as_weeks() {
        // The same customer and model with every time multiplied by 7 and a 30-day month
        // (mpmath 1.4.1 reference, as above).
        let (_, gg) = published();
        let bg = BgNbd::new(0.243, 4.414 * 7.0, 0.793, 2.426).expect("valid");
        let daily = Horizon::new(12, Horizon::DAYS_PER_MONTH, 0.01).expect("valid");
        let got = predicted_value(&bg, &gg, 2, 30.43 * 7.0, 38.86 * 7.0, 22.35, &daily);
        assert_within(got, 35.881_652_647_567_3, 1e-10, "CLV in days");
    }

    #[test]
    fn predicted_value_is_finite_for_extreme_customers() {
        let (bg, gg) = published();
        let horizon = Horizon::new(120, Horizon::WEEKS_PER_MONTH, 0.0).expect("valid");
        for (x, t_x, age, m_x) in [
            (500, 0.0005, 0.001, 1e9),
            (500, 9_999.0, 10_000.0, 0.01),
            (0, 0.0, 10_000.0, 0.0),
            (7, f64::NAN, -3.0, f64::INFINITY),
        ] {
            let v = predicted_value(&bg, &gg, x, t_x, age, m_x, &horizon);
            assert!(
                v.is_finite() && v >= 0.0,
                "({x}, {t_x}, {age}, {m_x}) → {v}"
            );
        }
    }

    #[test]
    fn a_horizon_needs_a_positive_month_and_a_rate_above_minus_one() {
        assert!(Horizon::new(12, 0.0, 0.01).is_err());
        assert!(Horizon::new(12, f64::NAN, 0.01).is_err());
        assert!(Horizon::new(12, 30.0, -1.0).is_err());
        assert!(Horizon::new(12, 30.0, f64::INFINITY).is_err());
        assert_eq!(Horizon::new(0, 30.0, 0.0).map(|h| h.months()), Ok(0));
    }

    #[test]
    fn errors_read_as_sentences() {
        let e = FitError::TooFewRepeatBuyers {
            repeat_buyers: 12,
            needed: MIN_REPEAT_BUYERS,
        };
        assert_eq!(
            e.to_string(),
            "only 12 customers bought more than once; the model needs at least 30"
        );
        assert_eq!(
            FitError::InvalidInput("a recency is negative").to_string(),
            "invalid input: a recency is negative"
        );
    }
}
