//! The Gamma-Gamma model of spend per purchase: Fader, Hardie & Lee (2005), "RFM and CLV: Using
//! Iso-Value Curves for Customer Base Analysis", Journal of Marketing Research 42(4), 415–430,
//! and Fader & Hardie's note "The Gamma-Gamma Model of Monetary Value" (2013).

use super::optimize::{self, Outcome, Settings};
use super::special::{digamma, ln_gamma};
use super::{FitError, MIN_REPEAT_BUYERS};

/// What one customer (or `weight` identical customers) spent per repeat purchase.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spend {
    /// x: repeat purchases. Rows with 0 are skipped by the fit, so everyone can be passed.
    pub frequency: u32,
    /// m_x: mean value of the repeat purchases (the first purchase left out, as lifetimes'
    /// summary does); must be positive when `frequency` is.
    pub mean_value: f64,
    /// How many customers have this (x, m_x); 0 leaves the row out.
    pub weight: u32,
}

impl Spend {
    /// One customer (weight 1) with x = `frequency` and m_x = `mean_value`.
    pub fn new(frequency: u32, mean_value: f64) -> Self {
        Spend {
            frequency,
            mean_value,
            weight: 1,
        }
    }
}

/// A Gamma-Gamma model: a customer's purchase values are Gamma(shape p, rate ν), and ν varies
/// across customers as Gamma(shape q, rate γ).
///
/// γ is in the currency of the data it was fitted on. lifetimes calls γ "v".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GammaGamma {
    p: f64,
    q: f64,
    gamma: f64,
}

/// Distinct (x, m_x) rows grouped by x, so the lnΓ terms are taken once per distinct x.
struct Prepared {
    frequencies: Vec<Frequency>,
    rows: Vec<Row>,
    total_weight: f64,
}

struct Frequency {
    x: f64,
    ln_x: f64,
    weight: f64,
    /// Σ weight · ln m_x over this x's rows: constant across evaluations.
    weighted_ln_m: f64,
}

struct Row {
    frequency: usize,
    /// x · m_x (scaled).
    total: f64,
    weight: f64,
}

impl GammaGamma {
    /// A model with the given parameters, which must all be finite and positive.
    pub fn new(p: f64, q: f64, gamma: f64) -> Result<Self, FitError> {
        if [p, q, gamma].iter().all(|v| v.is_finite() && *v > 0.0) {
            Ok(GammaGamma { p, q, gamma })
        } else {
            Err(FitError::InvalidInput(
                "Gamma-Gamma parameters must be finite and positive",
            ))
        }
    }

    /// p: shape of the distribution of one customer's purchase values.
    pub fn p(&self) -> f64 {
        self.p
    }

    /// q: shape of the distribution of the rate ν across customers.
    pub fn q(&self) -> f64 {
        self.q
    }

    /// γ: rate of the distribution of ν across customers (lifetimes' "v").
    pub fn gamma(&self) -> f64 {
        self.gamma
    }

    /// Fits the model by maximum likelihood (the note's equation (1a)) to the rows with x > 0;
    /// `cancel` is polled between iterations.
    ///
    /// Refuses, with [`FitError::TooFewRepeatBuyers`], fewer than [`MIN_REPEAT_BUYERS`]
    /// customers with x > 0, and with [`FitError::InvalidInput`] a repeat buyer whose mean
    /// value is not a finite positive number.
    pub fn fit(rows: &[Spend], cancel: &dyn Fn() -> bool) -> Result<Self, FitError> {
        let repeaters: Vec<&Spend> = rows
            .iter()
            .filter(|s| s.frequency > 0 && s.weight > 0)
            .collect();
        if repeaters
            .iter()
            .any(|s| !(s.mean_value.is_finite() && s.mean_value > 0.0))
        {
            return Err(FitError::InvalidInput(
                "a repeat buyer's mean purchase value is not a finite positive number",
            ));
        }
        let repeat_buyers: u64 = repeaters.iter().map(|s| u64::from(s.weight)).sum();
        if repeat_buyers < MIN_REPEAT_BUYERS as u64 {
            return Err(FitError::TooFewRepeatBuyers {
                repeat_buyers: usize::try_from(repeat_buyers).unwrap_or(usize::MAX),
                needed: MIN_REPEAT_BUYERS,
            });
        }
        // Values are scaled to mean 1 (γ scales with them, p and q do not), so the start below
        // suits any currency.
        let weighted_sum: f64 = repeaters
            .iter()
            .map(|s| s.mean_value * f64::from(s.weight))
            .sum();
        let scale = weighted_sum / repeat_buyers as f64;
        let prepared = prepare(&repeaters, scale);
        let mut objective = |theta: &[f64; 3], gradient: &mut [f64; 3]| {
            negative_mean_log_likelihood(&prepared, theta, gradient)
        };
        // p = 1, q = 2, γ = 1 puts the population mean pγ/(q − 1) at the sample mean; then
        // lifetimes' default start (all e^0.1).
        let starts = [[0.0, 2.0_f64.ln(), 0.0], [0.1; 3]];
        for start in starts {
            match optimize::minimize(&mut objective, start, cancel, Settings::default()) {
                Outcome::Converged { x, .. } => {
                    let [p, q, gamma] = x.map(f64::exp);
                    return GammaGamma::new(p, q, gamma * scale)
                        .map_err(|_| FitError::DidNotConverge);
                }
                Outcome::Cancelled => return Err(FitError::Cancelled),
                Outcome::NotConverged => {}
            }
        }
        Err(FitError::DidNotConverge)
    }

    /// Mean value per purchase across the population, pγ/(q − 1); None when q ≤ 1, where the
    /// model gives that mean no finite value.
    pub fn population_mean(&self) -> Option<f64> {
        let mean = self.p * self.gamma / (self.q - 1.0);
        (self.q > 1.0 && mean.is_finite()).then_some(mean)
    }

    /// Expected value of a future purchase by a customer with x repeat purchases of mean
    /// value m_x: p(γ + x·m_x)/(px + q − 1), the note's equation (5), which weighs the
    /// population mean against the customer's own.
    ///
    /// For x = 0 it is the population mean, or 0 when q ≤ 1 (see
    /// [`GammaGamma::population_mean`]). A negative or non-finite m_x counts as 0; where
    /// px + q ≤ 1 the posterior mean is infinite and m_x itself is returned.
    pub fn expected_value(&self, x: u32, m_x: f64) -> f64 {
        if x == 0 {
            return self.population_mean().unwrap_or(0.0);
        }
        let m_x = if m_x.is_finite() && m_x > 0.0 {
            m_x
        } else {
            0.0
        };
        let px = self.p * f64::from(x);
        let denominator = px + self.q - 1.0;
        let value = self.p * (self.gamma + f64::from(x) * m_x) / denominator;
        if denominator > 0.0 && value.is_finite() {
            value
        } else {
            m_x
        }
    }
}

fn prepare(repeaters: &[&Spend], scale: f64) -> Prepared {
    let mut keyed: Vec<(u32, u64, u64)> = repeaters
        .iter()
        .map(|s| {
            (
                s.frequency,
                (s.mean_value / scale).to_bits(),
                u64::from(s.weight),
            )
        })
        .collect();
    keyed.sort_unstable();
    let mut frequencies: Vec<Frequency> = Vec::new();
    let mut rows = Vec::new();
    let mut total_weight = 0.0;
    let mut i = 0;
    while i < keyed.len() {
        let (x, m_bits, _) = keyed[i];
        let mut weight = 0_u64;
        while i < keyed.len() && (keyed[i].0, keyed[i].1) == (x, m_bits) {
            weight += keyed[i].2;
            i += 1;
        }
        let (xf, m, w) = (f64::from(x), f64::from_bits(m_bits), weight as f64);
        // `keyed` is sorted by x, so a new x is always the last one seen.
        if frequencies.last().is_none_or(|f| f.x != xf) {
            frequencies.push(Frequency {
                x: xf,
                ln_x: xf.ln(),
                weight: 0.0,
                weighted_ln_m: 0.0,
            });
        }
        let frequency = frequencies.len() - 1;
        frequencies[frequency].weight += w;
        frequencies[frequency].weighted_ln_m += w * m.ln();
        total_weight += w;
        rows.push(Row {
            frequency,
            total: xf * m,
            weight: w,
        });
    }
    Prepared {
        frequencies,
        rows,
        total_weight,
    }
}

/// −(1/N) Σ weight · ln L(p, q, γ | x, m_x) at θ = ln(p, q, γ), with its gradient in θ.
///
/// ln L = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln m_x + px ln x − (px+q) ln(x m_x + γ).
fn negative_mean_log_likelihood(
    prepared: &Prepared,
    theta: &[f64; 3],
    gradient: &mut [f64; 3],
) -> f64 {
    let [p, q, gamma] = theta.map(f64::exp);
    let ln_gamma_rate = theta[2];
    let mut ln_total = vec![0.0; prepared.frequencies.len()];
    let mut inv_total = vec![0.0; prepared.frequencies.len()];
    for row in &prepared.rows {
        let total = row.total + gamma;
        ln_total[row.frequency] += row.weight * total.ln();
        inv_total[row.frequency] += row.weight / total;
    }
    let (ln_gamma_q, digamma_q) = (ln_gamma(q), digamma(q));
    let (mut ll, mut d_p, mut d_q, mut d_gamma) = (0.0, 0.0, 0.0, 0.0);
    for (i, f) in prepared.frequencies.iter().enumerate() {
        let (x, w) = (f.x, f.weight);
        let px = p * x;
        let (digamma_pxq, digamma_px) = (digamma(px + q), digamma(px));
        ll += w * (ln_gamma(px + q) - ln_gamma(px) - ln_gamma_q + q * ln_gamma_rate + px * f.ln_x)
            + (px - 1.0) * f.weighted_ln_m
            - (px + q) * ln_total[i];
        d_p += w * x * (digamma_pxq - digamma_px + f.ln_x) + x * f.weighted_ln_m - x * ln_total[i];
        d_q += w * (digamma_pxq - digamma_q + ln_gamma_rate) - ln_total[i];
        d_gamma += w * q / gamma - (px + q) * inv_total[i];
    }
    let n = prepared.total_weight;
    *gradient = [-d_p * p / n, -d_q * q / n, -d_gamma * gamma / n];
    -ll / n
}

#[cfg(test)]
mod tests {
    use super::super::cdnow;
    use super::*;

    fn never() -> bool {
        false
    }

    fn assert_within(got: f64, want: f64, relative: f64, what: &str) {
        let err = ((got - want) / want).abs();
        assert!(
            err <= relative,
            "{what}: got {got}, want {want} (relative error {err:.2e} > {relative:e})"
        );
    }

    fn cdnow_spend() -> Vec<Spend> {
        cdnow::with_monetary_value()
            .iter()
            .map(|c| Spend::new(c.frequency, c.monetary_value))
            .collect()
    }

    #[test]
    fn gamma_gamma_fit_reproduces_the_published_cdnow_parameters() {
        let model = GammaGamma::fit(&cdnow_spend(), &never).expect("CDNOW fits");
        // Fader & Hardie, "The Gamma-Gamma Model of Monetary Value": p = 6.25, q = 3.74,
        // γ = 15.44; lifetimes' documentation: "fitted with 946 subjects, p: 6.25, q: 3.74,
        // v: 15.45".
        assert_within(model.p(), 6.25, 0.01, "p");
        assert_within(model.q(), 3.74, 0.01, "q");
        assert_within(model.gamma(), 15.44, 0.01, "gamma");
    }

    #[test]
    fn the_fit_matches_an_independent_high_precision_optimum() {
        // scipy 1.17.1 Nelder–Mead then BFGS (gtol 1e-9) on the same likelihood in numpy over
        // the 946 repeat buyers: p = 6.24880314, q = 3.74458839, γ = 15.4477463.
        let model = GammaGamma::fit(&cdnow_spend(), &never).expect("CDNOW fits");
        assert_within(model.p(), 6.248_803_14, 1e-5, "p");
        assert_within(model.q(), 3.744_588_39, 1e-5, "q");
        assert_within(model.gamma(), 15.447_746_3, 1e-5, "gamma");
    }

    #[test]
    fn the_analytic_gradient_agrees_with_finite_differences() {
        let spend = cdnow_spend();
        let repeaters: Vec<&Spend> = spend.iter().filter(|s| s.frequency > 0).collect();
        let prepared = prepare(&repeaters, 35.0);
        let theta = [1.5, 1.0, -0.5];
        let mut gradient = [0.0; 3];
        negative_mean_log_likelihood(&prepared, &theta, &mut gradient);
        let mut ignored = [0.0; 3];
        for i in 0..3 {
            let h = 1e-6;
            let mut up = theta;
            up[i] += h;
            let mut down = theta;
            down[i] -= h;
            let numeric = (negative_mean_log_likelihood(&prepared, &up, &mut ignored)
                - negative_mean_log_likelihood(&prepared, &down, &mut ignored))
                / (2.0 * h);
            assert!(
                (numeric - gradient[i]).abs() < 1e-7,
                "component {i}: analytic {} numeric {numeric}",
                gradient[i]
            );
        }
    }

    #[test]
    fn expected_value_shrinks_the_customers_mean_towards_the_population_mean() {
        let model = GammaGamma::new(6.25, 3.74, 15.44).expect("valid");
        // p(γ + x m)/(px + q − 1) by hand: 6.25 (15.44 + 2·22.35)/(12.5 + 2.74) = 24.6578…
        assert_within(
            model.expected_value(2, 22.35),
            6.25 * (15.44 + 44.7) / 15.24,
            1e-12,
            "E[Z]",
        );
        let population = 6.25 * 15.44 / 2.74;
        assert_within(model.expected_value(0, 0.0), population, 1e-12, "x = 0");
        assert_eq!(
            model.population_mean(),
            Some(model.expected_value(0, 123.0))
        );
        let heavy_tailed = GammaGamma::new(2.0, 0.5, 10.0).expect("valid");
        assert_eq!(heavy_tailed.population_mean(), None);
        assert_eq!(heavy_tailed.expected_value(0, 0.0), 0.0);
        assert!(heavy_tailed.expected_value(1, 30.0).is_finite());
        assert!(model.expected_value(3, f64::NAN).is_finite());
    }

    #[test]
    fn fewer_than_thirty_repeat_buyers_are_refused() {
        let mut rows: Vec<Spend> = (0..29)
            .map(|i| Spend::new(2, 10.0 + f64::from(i)))
            .collect();
        rows.extend((0..100).map(|_| Spend::new(0, 0.0)));
        assert_eq!(
            GammaGamma::fit(&rows, &never),
            Err(FitError::TooFewRepeatBuyers {
                repeat_buyers: 29,
                needed: 30
            })
        );
    }

    #[test]
    fn a_cancel_that_answers_yes_cancels_the_fit() {
        assert_eq!(
            GammaGamma::fit(&cdnow_spend(), &|| true),
            Err(FitError::Cancelled)
        );
    }

    #[test]
    fn a_repeat_buyer_without_a_positive_mean_value_is_invalid_input() {
        for bad in [0.0, -5.0, f64::NAN, f64::INFINITY] {
            let mut rows = cdnow_spend();
            rows.push(Spend::new(3, bad));
            assert!(
                matches!(
                    GammaGamma::fit(&rows, &never),
                    Err(FitError::InvalidInput(_))
                ),
                "m_x = {bad}"
            );
        }
    }

    #[test]
    fn the_fit_does_not_depend_on_the_currency() {
        let cents: Vec<Spend> = cdnow_spend()
            .iter()
            .map(|s| Spend {
                mean_value: s.mean_value * 100.0,
                ..*s
            })
            .collect();
        let dollars = GammaGamma::fit(&cdnow_spend(), &never).expect("fits");
        let cents = GammaGamma::fit(&cents, &never).expect("fits");
        assert_within(cents.p(), dollars.p(), 1e-6, "p");
        assert_within(cents.q(), dollars.q(), 1e-6, "q");
        assert_within(cents.gamma(), 100.0 * dollars.gamma(), 1e-6, "gamma");
    }
}
