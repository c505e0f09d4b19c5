//! Special functions the fits need: log-gamma, digamma and Gauss's hypergeometric function 2F1.

use std::f64::consts::PI;

/// ln √(2π).
const LN_SQRT_2PI: f64 = 0.918_938_533_204_672_8;

/// Below this argument the asymptotic series are not accurate to f64, so the recurrences shift up.
const ASYMPTOTIC_FROM: f64 = 10.0;

/// Past this many terms a series is given up on (no sane model parameter needs nearly as many).
const MAX_TERMS: usize = 10_000_000;

/// ln Γ(x) for x > 0: +∞ at 0 and NaN for negative or NaN arguments.
///
/// Accurate to about 1e-15 absolute.
pub(super) fn ln_gamma(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 || x.is_infinite() {
        return f64::INFINITY;
    }
    let mut y = x;
    let mut product = 1.0;
    while y < ASYMPTOTIC_FROM {
        product *= y;
        y += 1.0;
    }
    stirling(y) - product.ln()
}

/// Stirling's series for ln Γ(y), y ≥ 10, to the 1/y¹³ term (the next one is below 1e-17 there).
fn stirling(y: f64) -> f64 {
    let inv = 1.0 / y;
    let inv2 = inv * inv;
    let series = inv
        * (1.0 / 12.0
            + inv2
                * (-1.0 / 360.0
                    + inv2
                        * (1.0 / 1260.0
                            + inv2
                                * (-1.0 / 1680.0
                                    + inv2
                                        * (1.0 / 1188.0
                                            + inv2 * (-691.0 / 360_360.0 + inv2 / 156.0))))));
    (y - 0.5) * y.ln() - y + LN_SQRT_2PI + series
}

/// sin(πx), exact at the integers, where the naive product loses every digit.
fn sin_pi(x: f64) -> f64 {
    let reduced = x - 2.0 * (x / 2.0).round();
    (PI * reduced).sin()
}

/// Whether x is 0, −1, −2, …: a pole of Γ.
fn is_non_positive_integer(x: f64) -> bool {
    x <= 0.0 && x == x.round()
}

/// ln |Γ(x)| and the sign of Γ(x) for any real x that is not a pole; the sign is 0 at a pole.
fn ln_gamma_signed(x: f64) -> (f64, f64) {
    if x > 0.0 {
        return (ln_gamma(x), 1.0);
    }
    if is_non_positive_integer(x) || x.is_nan() {
        return (f64::INFINITY, 0.0);
    }
    // Reflection: Γ(x) Γ(1 − x) = π / sin(πx), and Γ(1 − x) > 0 here.
    let s = sin_pi(x);
    (PI.ln() - s.abs().ln() - ln_gamma(1.0 - x), s.signum())
}

/// Γ(numerator…) / Γ(denominator…): 0 when a denominator argument is a pole, NaN when a
/// numerator one is.
fn gamma_ratio(numerator: &[f64], denominator: &[f64]) -> f64 {
    if denominator.iter().any(|&d| is_non_positive_integer(d)) {
        return 0.0;
    }
    let mut ln = 0.0;
    let mut sign = 1.0;
    for &n in numerator {
        let (l, s) = ln_gamma_signed(n);
        if s == 0.0 {
            return f64::NAN;
        }
        ln += l;
        sign *= s;
    }
    for &d in denominator {
        let (l, s) = ln_gamma_signed(d);
        ln -= l;
        sign *= s;
    }
    sign * ln.exp()
}

/// ψ(x) = d/dx ln Γ(x): NaN at the poles 0, −1, −2, … and for NaN.
pub(super) fn digamma(x: f64) -> f64 {
    if x.is_nan() || is_non_positive_integer(x) {
        return f64::NAN;
    }
    if x < 0.0 {
        // Reflection: ψ(1 − x) − ψ(x) = π cot(πx).
        let s = sin_pi(x);
        let c = (PI * (x - 2.0 * (x / 2.0).round())).cos();
        return digamma(1.0 - x) - PI * c / s;
    }
    if x.is_infinite() {
        return f64::INFINITY;
    }
    let mut y = x;
    let mut shift = 0.0;
    while y < ASYMPTOTIC_FROM {
        shift -= 1.0 / y;
        y += 1.0;
    }
    let inv2 = 1.0 / (y * y);
    let series = inv2
        * (1.0 / 12.0
            - inv2
                * (1.0 / 120.0
                    - inv2
                        * (1.0 / 252.0
                            - inv2
                                * (1.0 / 240.0
                                    - inv2
                                        * (1.0 / 132.0
                                            - inv2 * (691.0 / 32_760.0 - inv2 / 12.0))))));
    shift + y.ln() - 0.5 / y - series
}

/// A summed series and the sum of its terms' absolute values, which says how many digits
/// cancellation cost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Series {
    /// Σ tₙ.
    pub sum: f64,
    /// Σ |tₙ|.
    pub magnitude: f64,
}

/// Σ tₙ for n ≥ 0 where t₀ = `first` and tₙ₊₁ = tₙ · (p₁+n)(p₂+n) / ((q₁+n)(q₂+n)) · z.
///
/// With q₂ = 1 this is the hypergeometric series ₂F₁(p₁, p₂; q₁; z) scaled by `first`.
/// Returns None when the series has not settled within [`MAX_TERMS`] terms or a term is not
/// finite.
pub(super) fn ratio_series(first: f64, p: [f64; 2], q: [f64; 2], z: f64) -> Option<Series> {
    let mut term = first;
    let mut sum = first;
    let mut magnitude = first.abs();
    if first == 0.0 {
        return Some(Series { sum, magnitude });
    }
    // Until n passes every negative parameter, ratios can still change sign or grow, so the
    // tail bound below would not hold yet.
    let settled_from = p
        .iter()
        .chain(q.iter())
        .fold(0.0_f64, |m, &v| m.max(-v))
        .ceil()
        + 1.0;
    let mut n = 0.0;
    for _ in 0..MAX_TERMS {
        let ratio = (p[0] + n) * (p[1] + n) / ((q[0] + n) * (q[1] + n)) * z;
        term *= ratio;
        sum += term;
        magnitude += term.abs();
        n += 1.0;
        if !magnitude.is_finite() {
            return None;
        }
        if term == 0.0 {
            return Some(Series { sum, magnitude });
        }
        if n >= settled_from {
            // The ratios tend to z, so a geometric tail with the larger of the current ratio
            // and |z| bounds what is left once they are monotone.
            let bound = ratio.abs().max(z.abs());
            if bound < 1.0 && term.abs() * bound / (1.0 - bound) <= f64::EPSILON * sum.abs() {
                return Some(Series { sum, magnitude });
            }
        }
    }
    None
}

/// ln Σ tₙ for the series of [`ratio_series`] with t₀ = 1, when every term is positive; the
/// running sum is rescaled as it goes so that sums far beyond f64 still have a logarithm.
///
/// None when a term is not positive or the series does not settle.
pub(super) fn ln_positive_series(p: [f64; 2], q: [f64; 2], z: f64) -> Option<f64> {
    const RESCALE_ABOVE: f64 = 1e250;
    let mut term = 1.0_f64;
    let mut sum = 1.0_f64;
    let mut ln_scale = 0.0_f64;
    let mut n = 0.0;
    for _ in 0..MAX_TERMS {
        let ratio = (p[0] + n) * (p[1] + n) / ((q[0] + n) * (q[1] + n)) * z;
        if ratio.is_nan() || ratio <= 0.0 {
            return None;
        }
        term *= ratio;
        sum += term;
        n += 1.0;
        if sum > RESCALE_ABOVE {
            term /= RESCALE_ABOVE;
            sum /= RESCALE_ABOVE;
            ln_scale += RESCALE_ABOVE.ln();
        }
        if ratio < 1.0 && term * ratio.max(z) / (1.0 - ratio.max(z)) <= f64::EPSILON * sum {
            return Some(sum.ln() + ln_scale);
        }
    }
    None
}

/// Gauss's hypergeometric function ₂F₁(a, b; c; z) for real parameters and z < 1.
///
/// The power series is summed directly for |z| ≤ 0.9; negative z goes through Pfaff's
/// transformation z → z/(z−1); z in (0.9, 1) goes through the connection formula for 1 − z
/// (Abramowitz & Stegun 15.3.6), as scipy does. Where c − a − b is within 2.5e-4 of an
/// integer that formula cancels catastrophically, so c is nudged both ways and the results
/// extrapolated (Richardson) back to c.
///
/// Returns NaN for z ≥ 1, for c a pole (0, −1, −2, …), and for non-finite arguments; it can
/// overflow to ±∞ where the function itself is beyond f64.
pub(super) fn hyp2f1(a: f64, b: f64, c: f64, z: f64) -> f64 {
    if !(a.is_finite() && b.is_finite() && c.is_finite() && z.is_finite()) || z >= 1.0 {
        return f64::NAN;
    }
    if is_non_positive_integer(c) {
        return f64::NAN;
    }
    if z == 0.0 || a == 0.0 || b == 0.0 {
        return 1.0;
    }
    if is_non_positive_integer(a) || is_non_positive_integer(b) {
        // A polynomial: the series stops by itself, whatever z is.
        return ratio_series(1.0, [a, b], [c, 1.0], z).map_or(f64::NAN, |s| s.sum);
    }
    if z < 0.0 {
        // Pfaff: ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z/(z − 1)), and z/(z − 1) ∈ (0, 1).
        let w = z / (z - 1.0);
        return (-a * (-z).ln_1p()).exp() * hyp2f1(a, c - b, c, w);
    }
    if z <= 0.9 {
        return ratio_series(1.0, [a, b], [c, 1.0], z).map_or(f64::NAN, |s| s.sum);
    }
    let d = c - a - b;
    let off_integer = d - d.round();
    if off_integer.abs() > 2.5e-4 {
        return near_one(a, b, c, z);
    }
    let h = 1e-3;
    let near = 0.5 * (near_one(a, b, c + h, z) + near_one(a, b, c - h, z));
    let far = 0.5 * (near_one(a, b, c + 2.0 * h, z) + near_one(a, b, c - 2.0 * h, z));
    (4.0 * near - far) / 3.0
}

/// A&S 15.3.6 for z in (0.9, 1) and c − a − b off the integers: two series in 1 − z ≤ 0.1.
fn near_one(a: f64, b: f64, c: f64, z: f64) -> f64 {
    let d = c - a - b;
    let w = 1.0 - z;
    let first = gamma_ratio(&[c, d], &[c - a, c - b]);
    let second = gamma_ratio(&[c, -d], &[a, b]);
    let first_series = if first == 0.0 {
        0.0
    } else {
        ratio_series(1.0, [a, b], [1.0 - d, 1.0], w).map_or(f64::NAN, |s| s.sum)
    };
    let second_series = if second == 0.0 {
        0.0
    } else {
        ratio_series(1.0, [c - a, c - b], [1.0 + d, 1.0], w).map_or(f64::NAN, |s| s.sum)
    };
    first * first_series + (d * w.ln()).exp() * second * second_series
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_close(got: f64, want: f64, rel: f64, what: &str) {
        let err = ((got - want) / want).abs();
        assert!(
            err <= rel,
            "{what}: got {got}, want {want}, relative error {err:e}"
        );
    }

    // Reference values in this module were computed with mpmath 1.4.1 at 40 significant digits
    // (mpmath.loggamma, mpmath.digamma, mpmath.hyp2f1).

    #[test]
    fn ln_gamma_matches_high_precision_values_across_its_range() {
        let cases = [
            (1e-8, 18.420_680_738_180_21),
            (0.243, 1.318_043_584_699_669_8),
            (0.5, 0.572_364_942_924_700_1),
            (3.7, 1.428_072_326_665_387_9),
            (12.5, 18.734_347_511_936_446),
            (502.4, 2_620.034_265_549_458_1),
            (1e6, 12_815_504.569_147_612),
        ];
        for (x, want) in cases {
            assert_close(ln_gamma(x), want, 1e-14, &format!("ln Γ({x})"));
        }
        assert!(ln_gamma(1.0).abs() < 5e-15 && ln_gamma(2.0).abs() < 5e-15);
        assert!(ln_gamma(-1.0).is_nan() && ln_gamma(0.0) == f64::INFINITY);
    }

    #[test]
    fn the_signed_ln_gamma_handles_negative_arguments() {
        // Γ(−0.5) = −2√π and Γ(−1.5) = 4√π/3 in closed form.
        let (l, s) = ln_gamma_signed(-0.5);
        assert_close(s * l.exp(), -2.0 * PI.sqrt(), 1e-14, "Γ(−0.5)");
        let (l, s) = ln_gamma_signed(-1.5);
        assert_close(s * l.exp(), 4.0 * PI.sqrt() / 3.0, 1e-14, "Γ(−1.5)");
        assert_eq!(ln_gamma_signed(-2.0).1, 0.0);
    }

    #[test]
    fn digamma_matches_high_precision_values_across_its_range() {
        let cases = [
            (1e-6, -1_000_000.577_214_02),
            (0.243, -4.351_093_864_423_211),
            (1.0, -0.577_215_664_901_532_9),
            (3.7, 1.167_153_539_361_511_4),
            (15.44, 2.704_228_709_291_247),
            (-0.5, 0.036_489_973_978_576_52),
            (-2.3, 3.317_323_157_561_82),
        ];
        for (x, want) in cases {
            assert_close(digamma(x), want, 1e-13, &format!("ψ({x})"));
        }
        assert!(digamma(0.0).is_nan() && digamma(-3.0).is_nan());
    }

    #[test]
    fn hyp2f1_matches_high_precision_values_for_every_branch() {
        // (a, b, c, z, ₂F₁, relative tolerance)
        let cases = [
            // The term of the FHL (2005) worked example: r + x, b + x, a + b + x − 1 and
            // t/(α + T + t) with the published parameters.
            (
                2.243,
                4.426,
                4.219,
                0.474_025_816_175_219_4,
                4.575_315_897_643_689,
                1e-13,
            ),
            (1.0, 1.0, 2.0, 0.5, 1.386_294_361_119_890_6, 1e-14),
            (
                500.243,
                502.426,
                502.219,
                0.5,
                4.469_760_267_134_493e150,
                1e-11,
            ),
            // z in (0.9, 1): the 1 − z connection formula.
            (0.5, 0.5, 1.5, 0.99, 1.478_037_662_374_774_8, 1e-12),
            (1.426, -0.207, 4.219, 0.97, 0.912_561_426_491_184_8, 1e-12),
            (1.426, -0.207, 2.0, 0.95, 0.748_937_989_491_343_9, 1e-12),
            (0.2, 0.3, -0.49, 0.93, -1.991_864_514_761_913, 1e-11),
            // c − a − b an integer, or within 1e-5 of one: nudged and extrapolated.
            (3.0, 4.0, 5.0, 0.999_999, 1_999_996_000_028.764_2, 1e-7),
            (2.5, 1.5, 2.0, 0.999_999_9, 84_882_638_527_099.11, 1e-7),
            (0.2, 0.3, 1.50001, 0.95, 1.064_413_472_723_356_7, 1e-9),
            (
                1.426,
                -0.207,
                504.219,
                0.999,
                0.999_414_044_323_804_9,
                1e-11,
            ),
            // Negative z: Pfaff's transformation.
            (0.3, 2.0, 1.7, -5.0, 0.552_873_081_391_826_9, 1e-12),
            (1.5, 2.5, 3.0, -0.5, 0.598_554_160_717_613_7, 1e-13),
            // A polynomial (a = −3).
            (-3.0, 2.0, 1.5, 0.7, -0.0752, 1e-13),
        ];
        for (a, b, c, z, want, rel) in cases {
            assert_close(
                hyp2f1(a, b, c, z),
                want,
                rel,
                &format!("₂F₁({a}, {b}; {c}; {z})"),
            );
        }
    }

    #[test]
    fn hyp2f1_refuses_what_it_cannot_define() {
        assert!(hyp2f1(1.0, 1.0, 2.0, 1.0).is_nan());
        assert!(hyp2f1(1.0, 1.0, -2.0, 0.5).is_nan());
        assert!(hyp2f1(f64::NAN, 1.0, 2.0, 0.5).is_nan());
        assert_eq!(hyp2f1(1.0, 1.0, 2.0, 0.0), 1.0);
    }
}
