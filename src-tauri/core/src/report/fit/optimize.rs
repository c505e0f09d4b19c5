//! A BFGS minimizer with a weak-Wolfe line search, for the few smooth parameters of these models.

/// How a minimization ended.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Outcome<const N: usize> {
    /// The gradient vanished (to the tolerance) at `x`, where the objective is `f`.
    Converged { x: [f64; N], f: f64 },
    /// The iterations ran out, the line search found no lower point, or a parameter ran off
    /// towards a boundary of the space.
    NotConverged,
    /// The caller's cancel closure said stop.
    Cancelled,
}

/// Tolerances and limits of [`minimize`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Settings {
    /// Converged once every component of the gradient is at most this.
    pub gradient_tolerance: f64,
    /// When no lower point can be found, the gradient still counts as vanished below this:
    /// rounding in the objective's sums stops any further progress.
    pub stalled_gradient_tolerance: f64,
    /// Most iterations (not evaluations) before giving up.
    pub max_iterations: usize,
    /// No component of one step is longer than this.
    pub max_step: f64,
    /// A parameter beyond ±this has run off towards a boundary: the optimum is not interior.
    pub bound: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            gradient_tolerance: 1e-9,
            stalled_gradient_tolerance: 1e-5,
            max_iterations: 500,
            max_step: 2.0,
            bound: 30.0,
        }
    }
}

fn dot<const N: usize>(u: &[f64; N], v: &[f64; N]) -> f64 {
    u.iter().zip(v).map(|(a, b)| a * b).sum()
}

fn max_abs<const N: usize>(v: &[f64; N]) -> f64 {
    v.iter().fold(0.0, |m, x| m.max(x.abs()))
}

fn identity<const N: usize>() -> [[f64; N]; N] {
    let mut h = [[0.0; N]; N];
    for (i, row) in h.iter_mut().enumerate() {
        row[i] = 1.0;
    }
    h
}

/// One evaluated point: where, the value, and the gradient.
#[derive(Clone, Copy)]
struct Point<const N: usize> {
    x: [f64; N],
    f: f64,
    g: [f64; N],
}

/// Minimizes `objective`, which returns f(x) and writes ∇f(x) into its second argument, from
/// `start`; `cancel` is polled once per iteration.
///
/// A non-finite value counts as +∞, so the line search backs away from it. The inverse Hessian
/// starts as the identity, is rescaled after the first step (Nocedal & Wright, eq. 6.20),
/// skips updates that would lose positive definiteness, and restarts from the identity when
/// the search direction stops going downhill or the line search fails.
pub(super) fn minimize<const N: usize>(
    mut objective: impl FnMut(&[f64; N], &mut [f64; N]) -> f64,
    start: [f64; N],
    cancel: &dyn Fn() -> bool,
    settings: Settings,
) -> Outcome<N> {
    let mut evaluate = |x: &[f64; N]| {
        let mut g = [0.0; N];
        let f = objective(x, &mut g);
        if f.is_finite() && g.iter().all(|v| v.is_finite()) {
            Point { x: *x, f, g }
        } else {
            Point {
                x: *x,
                f: f64::INFINITY,
                g,
            }
        }
    };
    let mut here = evaluate(&start);
    if !here.f.is_finite() {
        return Outcome::NotConverged;
    }
    let mut h = identity::<N>();
    let mut fresh = true;
    for _ in 0..settings.max_iterations {
        if cancel() {
            return Outcome::Cancelled;
        }
        if max_abs(&here.g) <= settings.gradient_tolerance {
            return Outcome::Converged {
                x: here.x,
                f: here.f,
            };
        }
        let mut direction = [0.0; N];
        for (i, d) in direction.iter_mut().enumerate() {
            *d = -dot(&h[i], &here.g);
        }
        if dot(&direction, &here.g) >= 0.0 {
            h = identity();
            fresh = true;
            direction = here.g.map(|v| -v);
        }
        let longest = max_abs(&direction);
        if longest > settings.max_step {
            direction = direction.map(|d| d * settings.max_step / longest);
        }
        let Some(next) = line_search(&mut evaluate, &here, &direction) else {
            if max_abs(&here.g) <= settings.stalled_gradient_tolerance {
                return Outcome::Converged {
                    x: here.x,
                    f: here.f,
                };
            }
            if fresh {
                return Outcome::NotConverged;
            }
            h = identity();
            fresh = true;
            continue;
        };
        let s: [f64; N] = std::array::from_fn(|i| next.x[i] - here.x[i]);
        let y: [f64; N] = std::array::from_fn(|i| next.g[i] - here.g[i]);
        let sy = dot(&s, &y);
        if sy > 1e-12 * dot(&s, &s).sqrt() * dot(&y, &y).sqrt() && sy > 0.0 {
            if fresh {
                let scale = sy / dot(&y, &y);
                h = identity();
                for (i, row) in h.iter_mut().enumerate() {
                    row[i] = scale;
                }
                fresh = false;
            }
            h = bfgs_update(&h, &s, &y, sy);
        }
        here = next;
        if max_abs(&here.x) > settings.bound {
            return Outcome::NotConverged;
        }
    }
    if max_abs(&here.g) <= settings.gradient_tolerance {
        Outcome::Converged {
            x: here.x,
            f: here.f,
        }
    } else {
        Outcome::NotConverged
    }
}

/// H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / (yᵀ s).
fn bfgs_update<const N: usize>(
    h: &[[f64; N]; N],
    s: &[f64; N],
    y: &[f64; N],
    sy: f64,
) -> [[f64; N]; N] {
    let rho = 1.0 / sy;
    let hy: [f64; N] = std::array::from_fn(|i| dot(&h[i], y));
    let yhy = dot(y, &hy);
    let mut next = *h;
    for i in 0..N {
        for j in 0..N {
            next[i][j] +=
                -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
        }
    }
    next
}

/// A step along `direction` that lowers f enough (Armijo, c₁ = 1e-4) and flattens the slope
/// enough (curvature, c₂ = 0.9), by doubling and bisection; None when no such step is found.
fn line_search<const N: usize>(
    evaluate: &mut impl FnMut(&[f64; N]) -> Point<N>,
    here: &Point<N>,
    direction: &[f64; N],
) -> Option<Point<N>> {
    const ARMIJO: f64 = 1e-4;
    const CURVATURE: f64 = 0.9;
    let slope = dot(&here.g, direction);
    let mut low = 0.0;
    let mut high = f64::INFINITY;
    let mut step = 1.0;
    let mut best_sufficient: Option<Point<N>> = None;
    for _ in 0..60 {
        let x: [f64; N] = std::array::from_fn(|i| here.x[i] + step * direction[i]);
        let point = evaluate(&x);
        // Non-finite values were turned into +∞ by `evaluate`, so they land here too.
        if point.f > here.f + ARMIJO * step * slope {
            high = step;
        } else if dot(&point.g, direction) < CURVATURE * slope {
            low = step;
            best_sufficient = Some(point);
        } else {
            return Some(point);
        }
        step = if high.is_finite() {
            0.5 * (low + high)
        } else {
            2.0 * low
        };
        if high.is_finite() && (high - low) * max_abs(direction) < 1e-14 * (1.0 + max_abs(&here.x))
        {
            break;
        }
    }
    best_sufficient
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bfgs_finds_the_minimum_of_the_rosenbrock_valley() {
        let rosenbrock = |x: &[f64; 2], g: &mut [f64; 2]| {
            let (a, b) = (x[0], x[1]);
            g[0] = -2.0 * (1.0 - a) - 400.0 * a * (b - a * a);
            g[1] = 200.0 * (b - a * a);
            (1.0 - a).powi(2) + 100.0 * (b - a * a).powi(2)
        };
        match minimize(rosenbrock, [-1.2, 1.0], &|| false, Settings::default()) {
            Outcome::Converged { x, f } => {
                assert!(
                    (x[0] - 1.0).abs() < 1e-6 && (x[1] - 1.0).abs() < 1e-6,
                    "{x:?}"
                );
                assert!(f < 1e-12);
            }
            other => panic!("did not converge: {other:?}"),
        }
    }

    #[test]
    fn a_minimum_at_infinity_is_reported_as_not_converged() {
        // −x keeps falling as x grows: there is no interior minimum to report.
        let falling = |x: &[f64; 1], g: &mut [f64; 1]| {
            g[0] = -1.0;
            -x[0]
        };
        assert_eq!(
            minimize(falling, [0.0], &|| false, Settings::default()),
            Outcome::NotConverged
        );
    }

    #[test]
    fn the_cancel_closure_stops_the_minimizer() {
        let bowl = |x: &[f64; 1], g: &mut [f64; 1]| {
            g[0] = 2.0 * x[0];
            x[0] * x[0]
        };
        assert_eq!(
            minimize(bowl, [3.0], &|| true, Settings::default()),
            Outcome::Cancelled
        );
    }

    #[test]
    fn a_start_where_the_objective_is_undefined_is_not_converged() {
        let undefined = |_: &[f64; 1], _: &mut [f64; 1]| f64::NAN;
        assert_eq!(
            minimize(undefined, [0.0], &|| false, Settings::default()),
            Outcome::NotConverged
        );
    }
}
