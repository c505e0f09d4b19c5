//! When a demo customer buys: a buy-till-you-die process as real books show it. Each customer has its own
//! buying rate (Gamma-distributed: most buy rarely, a few often) and its own chance of stopping after each
//! purchase (Beta-distributed); purchases follow the year's seasons (a 春节 dip, a year-end peak); about
//! half the book never buys. Deterministic per seed and customer.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// The most purchases a demo customer makes (contract ids are laid out in blocks of this size).
pub const MAX_PURCHASES: usize = 40;

/// A Gamma(shape, 1) draw (Marsaglia and Tsang; shape below 1 by the boost u^(1/shape)).
pub(super) fn gamma(rng: &mut StdRng, shape: f64) -> f64 {
    if shape < 1.0 {
        let u: f64 = rng.gen_range(f64::MIN_POSITIVE..1.0);
        return gamma(rng, shape + 1.0) * u.powf(1.0 / shape);
    }
    let d = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * d).sqrt();
    loop {
        // A standard normal by Box–Muller.
        let (u1, u2): (f64, f64) = (rng.gen_range(f64::MIN_POSITIVE..1.0), rng.gen());
        let x = (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos();
        let v = (1.0 + c * x).powi(3);
        if v <= 0.0 {
            continue;
        }
        let u: f64 = rng.gen_range(f64::MIN_POSITIVE..1.0);
        if u.ln() < 0.5 * x * x + d - d * v + d * v.ln() {
            return d * v;
        }
    }
}

/// A Beta(a, b) draw.
pub(super) fn beta(rng: &mut StdRng, a: f64, b: f64) -> f64 {
    let x = gamma(rng, a);
    let y = gamma(rng, b);
    x / (x + y)
}

/// How busy a day of the year is for buying, by month (1.0 an ordinary month): the Spring Festival
/// empties February and the end of January, budgets are spent in November and December.
pub(super) fn season(month: u32) -> f64 {
    [
        0.85, 0.45, 1.0, 1.0, 1.05, 1.1, 0.95, 0.9, 1.05, 0.85, 1.3, 1.5,
    ][(month.clamp(1, 12) - 1) as usize]
}

const PEAK: f64 = 1.5;

fn month_of(day: i32) -> u32 {
    use chrono::Datelike;
    (chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid day")
        + chrono::Duration::days(day as i64))
    .month()
}

/// The days (since 1970-01-01, ascending) on which customer `id`, created on `created`, buys up to `today`.
pub fn purchase_days(seed: u64, id: i64, created: i32, today: i32) -> Vec<i32> {
    let mut rng = StdRng::seed_from_u64(seed ^ (id as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93));
    if rng.gen_bool(0.52) {
        return Vec::new();
    }
    // Purchases a day while alive: mean about 1.4 a year, a long tail of frequent buyers.
    let rate = gamma(&mut rng, 0.9) / 240.0;
    // The chance of stopping after each purchase: mean 0.25.
    let stop = beta(&mut rng, 1.2, 3.6);
    let mut days = Vec::new();
    // The first purchase comes some weeks after the customer was entered (the deal cycle).
    let cycle = (-(rng.gen_range(f64::MIN_POSITIVE..1.0f64)).ln() * 55.0) as i32;
    let mut t = created + cycle;
    // The first purchase is itself subject to the seasons: a February first deal often waits for March.
    while t <= today && !rng.gen_bool(season(month_of(t)) / PEAK) {
        t += rng.gen_range(3..15);
    }
    while t <= today && days.len() < MAX_PURCHASES {
        if days.last() != Some(&t) {
            days.push(t);
        }
        if rng.gen_bool(stop) {
            break;
        }
        // The next purchase: a Poisson process at the peak rate, thinned by the season.
        loop {
            let gap = -(rng.gen_range(f64::MIN_POSITIVE..1.0f64)).ln() / (rate * PEAK).max(1e-6);
            t += gap.ceil().max(1.0).min(4000.0) as i32;
            if t > today || rng.gen_bool(season(month_of(t)) / PEAK) {
                break;
            }
        }
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_purchases_and_most_customers_buy_rarely() {
        let today = 20_000;
        let all: Vec<Vec<i32>> = (1..=4000)
            .map(|id| purchase_days(1, id, today - 1000, today))
            .collect();
        assert_eq!(
            all,
            (1..=4000)
                .map(|id| purchase_days(1, id, today - 1000, today))
                .collect::<Vec<_>>()
        );
        let buyers = all.iter().filter(|d| !d.is_empty()).count();
        assert!(
            (1500..2500).contains(&buyers),
            "about half buy at all: {buyers}"
        );
        let once = all.iter().filter(|d| d.len() == 1).count();
        let often = all.iter().filter(|d| d.len() >= 5).count();
        assert!(
            once > often * 2,
            "most buy once ({once}), a few often ({often})"
        );
        assert!(often > 20, "some buy often: {often}");
        assert!(all
            .iter()
            .all(|d| d.windows(2).all(|w| w[0] < w[1]) && d.iter().all(|x| *x <= today)));
    }

    #[test]
    fn gamma_and_beta_draws_have_their_means() {
        let mut rng = StdRng::seed_from_u64(9);
        let n = 20_000;
        let g: f64 = (0..n).map(|_| gamma(&mut rng, 0.9)).sum::<f64>() / n as f64;
        assert!((g - 0.9).abs() < 0.05, "{g}");
        let b: f64 = (0..n).map(|_| beta(&mut rng, 1.2, 3.6)).sum::<f64>() / n as f64;
        assert!((b - 0.25).abs() < 0.02, "{b}");
    }

    #[test]
    fn february_is_the_quietest_month_and_december_the_busiest() {
        let by_month: Vec<f64> = (1..=12).map(season).collect();
        let min = by_month.iter().cloned().fold(f64::MAX, f64::min);
        let max = by_month.iter().cloned().fold(0.0, f64::max);
        assert_eq!((season(2), season(12)), (min, max));
    }
}
