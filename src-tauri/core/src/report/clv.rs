//! 客户终身价值: each customer's historical value (amount and margin to date) and predicted value: BG/NBD
//! for future purchases and the chance the customer is still buying (P(alive)), Gamma-Gamma for the value
//! of a purchase, fitted by maximum likelihood on the whole book's purchases as of a day, in days.
//! Frequency = purchases after the first, recency = last − first purchase, T = as-of − first purchase.
//! Where too few customers bought twice (under 30) or the fit does not converge, it says so and shows
//! historical value only. The valuation is shared with the churn and value-matrix reports.

use std::sync::Arc;

use chrono::NaiveDate;

use super::fit::{BgNbd, Customer, FitError, GammaGamma, Horizon, Spend};
use super::history::{self, day_number, day_of_number};
use super::model::{
    BgNbdParameters, Cell, ChartKind, ColumnKind, CustomerValue, DrillKind, GammaGammaParameters,
    Report, ReportName, ReportQuery,
};
use super::table::{customer_names, kpi, share, Table};
use super::{common, Context};
use crate::error::{CoreError, Result};

/// Days in a month of the predictions: twelve of them are a year.
const DAYS_PER_MONTH: f64 = 365.0 / 12.0;

/// One purchaser's history and what the models say of it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Valued {
    pub customer_id: i64,
    pub purchases: u32,
    pub first: i32,
    pub last: i32,
    /// 分.
    pub historical: i64,
    /// The median of the days between its own purchases (three or more purchases).
    pub median_gap: Option<f64>,
    pub p_alive: Option<f64>,
    pub expected_90: Option<f64>,
    pub expected_365: Option<f64>,
    /// 分, the next 12 months discounted.
    pub predicted_365: Option<i64>,
}

/// The book's valuation as of a day.
#[derive(Debug, Clone)]
pub(super) struct Valuation {
    pub as_of: NaiveDate,
    /// Most valuable first (predicted, else historical).
    pub rows: Vec<Valued>,
    pub bgnbd: Option<BgNbd>,
    pub gamma_gamma: Option<GammaGamma>,
    /// Why there is no prediction, if there is none.
    pub failure: Option<FitError>,
}

/// The median of `v` (not empty), sorting it.
fn median_of(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// The monthly rate of a yearly discount rate.
fn monthly(yearly_percent: u32) -> f64 {
    (1.0 + yearly_percent as f64 / 100.0).powf(1.0 / 12.0) - 1.0
}

/// Fits and predicts over `histories` (purchase days and amounts) as of `as_of`; runs on a blocking
/// thread. Pure but for `cancel`.
pub(super) fn value(
    histories: &[history::Purchases],
    as_of: NaiveDate,
    yearly_discount_percent: u32,
    cancel: &dyn Fn() -> bool,
) -> std::result::Result<Valuation, FitError> {
    let t_now = day_number(as_of);
    let mut rows: Vec<Valued> = Vec::with_capacity(histories.len());
    let mut customers = Vec::with_capacity(histories.len());
    let mut spends = Vec::new();
    for p in histories {
        if p.days.is_empty() {
            continue;
        }
        let n = p.days.len() as u32;
        let (first, last) = (p.first(), p.last());
        let median_gap = (n >= 3).then(|| {
            let mut gaps: Vec<f64> = p.days.windows(2).map(|w| (w[1] - w[0]) as f64).collect();
            median_of(&mut gaps)
        });
        customers.push(Customer::new(
            n - 1,
            (last - first) as f64,
            (t_now - first) as f64,
        ));
        if n > 1 {
            // The mean value of the repeat purchases (the first is left out, as the model wants), in 元.
            let repeat: i64 = p.amounts[1..].iter().sum();
            let mean = repeat as f64 / 100.0 / (n - 1) as f64;
            spends.push(if mean > 0.0 {
                Some(Spend::new(n - 1, mean))
            } else {
                None
            });
        } else {
            spends.push(None);
        }
        rows.push(Valued {
            customer_id: p.customer_id,
            purchases: n,
            first,
            last,
            historical: p.total(),
            median_gap,
            p_alive: None,
            expected_90: None,
            expected_365: None,
            predicted_365: None,
        });
    }
    if cancel() {
        return Err(FitError::Cancelled);
    }
    let fitted = BgNbd::fit(&customers, cancel).and_then(|bg| {
        let valid: Vec<Spend> = spends.iter().flatten().copied().collect();
        GammaGamma::fit(&valid, cancel).map(|gg| (bg, gg))
    });
    let (bgnbd, gamma_gamma, failure) = match fitted {
        Ok((bg, gg)) => (Some(bg), Some(gg), None),
        Err(FitError::Cancelled) => return Err(FitError::Cancelled),
        Err(e) => (None, None, Some(e)),
    };
    if let (Some(bg), Some(gg)) = (&bgnbd, &gamma_gamma) {
        let horizon = Horizon::new(12, DAYS_PER_MONTH, monthly(yearly_discount_percent))?;
        for (i, (row, c)) in rows.iter_mut().zip(&customers).enumerate() {
            if i % 50_000 == 0 && cancel() {
                return Err(FitError::Cancelled);
            }
            let x = c.frequency;
            let mean = spends[i].map(|s| s.mean_value).unwrap_or(0.0);
            row.p_alive = Some(bg.p_alive(x, c.recency, c.age));
            row.expected_90 = Some(bg.expected_purchases(90.0, x, c.recency, c.age));
            row.expected_365 = Some(bg.expected_purchases(365.0, x, c.recency, c.age));
            let v = super::fit::predicted_value(bg, gg, x, c.recency, c.age, mean, &horizon);
            row.predicted_365 = v.is_finite().then(|| (v * 100.0).round() as i64);
        }
    }
    rows.sort_by(|a, b| {
        b.predicted_365
            .unwrap_or(b.historical)
            .cmp(&a.predicted_365.unwrap_or(a.historical))
            .then(b.historical.cmp(&a.historical))
            .then(a.customer_id.cmp(&b.customer_id))
    });
    Ok(Valuation {
        as_of,
        rows,
        bgnbd,
        gamma_gamma,
        failure,
    })
}

/// The book's valuation for the query, from the cache while purchases have not changed.
pub(super) async fn valuation(ctx: &Context<'_>, q: &ReportQuery) -> Result<Arc<Valuation>> {
    let as_of = ctx.as_of(q)?;
    let generation = {
        let mut conn = ctx.store.read().acquire().await?;
        crate::aggregate::generation(&mut conn).await?
    };
    let key = format!(
        "valuation:{as_of}:{}:{}",
        ctx.settings.discount_rate_percent,
        serde_json::to_string(&q.filters).unwrap_or_default()
    );
    if let Some(hit) = ctx.cache.get::<Valuation>(&key, generation) {
        return Ok(hit);
    }
    ctx.progress(0, 3);
    let histories = history::load(ctx, &q.filters, as_of).await?;
    ctx.progress(1, 3);
    let cancel = ctx.cancel.clone();
    let discount = ctx.settings.discount_rate_percent;
    let valued = tokio::task::spawn_blocking(move || {
        let stop = || cancel.load(std::sync::atomic::Ordering::Relaxed);
        value(&histories, as_of, discount, &stop)
    })
    .await
    .map_err(|e| CoreError::Internal(e.to_string()))?;
    let valued = match valued {
        Ok(v) => Arc::new(v),
        Err(FitError::Cancelled) => {
            return Err(CoreError::conflict("cancelled", "the report was cancelled"))
        }
        Err(e) => return Err(CoreError::Internal(e.to_string())),
    };
    ctx.progress(3, 3);
    ctx.cache.put(&key, generation, valued.clone());
    Ok(valued)
}

/// The note that says why there is no prediction.
pub(super) fn failure_note(ctx: &Context<'_>, failure: &FitError) -> String {
    match failure {
        FitError::TooFewRepeatBuyers {
            repeat_buyers,
            needed,
        } => ctx
            .t("note.clv.tooFew")
            .replace("{n}", &repeat_buyers.to_string())
            .replace("{needed}", &needed.to_string()),
        _ => ctx.t("note.clv.noFit"),
    }
}

/// Historical margins (line amount − quantity × the product's cost, where the product has a cost) of
/// customers `ids` up to `as_of`.
pub(super) async fn margins(
    ctx: &Context<'_>,
    ids: &[i64],
    as_of: NaiveDate,
) -> Result<std::collections::HashMap<i64, i64>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    let mut conn = ctx.store.read().acquire().await?;
    let rows: Vec<(i64, i64)> = sqlx::query_as(&format!(
        "SELECT ct.customer_id, sum(l.amount - (l.quantity_milli * p.cost + 500) / 1000) FROM contract_lines l \
         JOIN contracts ct ON ct.id = l.contract_id JOIN products p ON p.id = l.product_id \
         WHERE p.cost IS NOT NULL AND {} AND ct.signed_on <= ? \
         AND ct.customer_id IN (SELECT value FROM json_each(?)) GROUP BY ct.customer_id",
        crate::aggregate::contract_counts("ct")
    ))
    .bind(as_of.format("%Y-%m-%d").to_string())
    .bind(serde_json::to_string(ids).expect("ids serialize"))
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().collect())
}

/// The customers of the result as the JSON lists them, with their names and margins.
pub(super) async fn customer_values(
    ctx: &Context<'_>,
    rows: &[&Valued],
    as_of: NaiveDate,
) -> Result<Vec<CustomerValue>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.customer_id).collect();
    let names = {
        let mut conn = ctx.store.read().acquire().await?;
        customer_names(&mut conn, &ids).await?
    };
    let margins = margins(ctx, &ids, as_of).await?;
    let day = |n: i32| day_of_number(n).format("%Y-%m-%d").to_string();
    Ok(rows
        .iter()
        .map(|r| CustomerValue {
            id: r.customer_id,
            name: names.get(&r.customer_id).cloned().unwrap_or_default(),
            purchases: r.purchases,
            first_purchase: day(r.first),
            last_purchase: day(r.last),
            historical_value: r.historical,
            historical_margin: margins.get(&r.customer_id).copied(),
            p_alive: r.p_alive,
            expected_purchases_90: r.expected_90,
            expected_purchases_365: r.expected_365,
            predicted_value_365: r.predicted_365,
        })
        .collect())
}

/// The predicted-value bands (元): key and bounds in 分.
const BANDS: [(&str, i64, i64); 5] = [
    ("under1k", i64::MIN, 100_000),
    ("from1kTo10k", 100_000, 1_000_000),
    ("from10kTo100k", 1_000_000, 10_000_000),
    ("from100kTo1m", 10_000_000, 100_000_000),
    ("over1m", 100_000_000, i64::MAX),
];

/// The bounds (分, upper bound excluded) of band `key`.
pub(super) fn band(key: &str) -> Option<(i64, i64)> {
    BANDS.iter().find(|b| b.0 == key).map(|b| (b.1, b.2))
}

pub(super) async fn run(ctx: &Context<'_>, q: &ReportQuery) -> Result<Report> {
    let v = valuation(ctx, q).await?;
    let limit = q.limit.map(|l| l as usize).unwrap_or(usize::MAX);
    let mut report = common::report(ctx, ReportName::Clv, q, None, None);
    report.parameters.push(super::model::Parameter {
        label: ctx.t("param.discountRate"),
        value: format!("{}%", ctx.settings.discount_rate_percent),
    });
    report.unit = Some("day".into());
    report.bgnbd = v.bgnbd.as_ref().map(|m| BgNbdParameters {
        r: m.r(),
        alpha: m.alpha(),
        a: m.a(),
        b: m.b(),
    });
    report.gamma_gamma = v.gamma_gamma.as_ref().map(|m| GammaGammaParameters {
        p: m.p(),
        q: m.q(),
        gamma: m.gamma(),
    });
    if let Some(f) = &v.failure {
        report.notes.push(failure_note(ctx, f));
    }
    let repeat = v.rows.iter().filter(|r| r.purchases > 1).count() as i64;
    let historical: i64 = v.rows.iter().map(|r| r.historical).sum();
    let predicted: Option<i64> = v
        .bgnbd
        .map(|_| v.rows.iter().filter_map(|r| r.predicted_365).sum());
    report.kpis = vec![
        kpi(
            ctx,
            "purchasers",
            ColumnKind::Count,
            v.rows.len() as i64,
            None,
        ),
        kpi(ctx, "repeatBuyers", ColumnKind::Count, repeat, None),
        kpi(ctx, "historicalValue", ColumnKind::Money, historical, None),
    ];
    if let Some(p) = predicted {
        report
            .kpis
            .push(kpi(ctx, "predictedValue", ColumnKind::Money, p, None));
    }

    // Bands of predicted value (historical where nothing is predicted).
    let mut t = Table::new(ctx, "valueBands")
        .col(ctx, "band", ColumnKind::Text)
        .col(ctx, "customers", ColumnKind::Count)
        .col(ctx, "customerShare", ColumnKind::Percent)
        .col(
            ctx,
            if predicted.is_some() {
                "predictedValue"
            } else {
                "historicalValue"
            },
            ColumnKind::Money,
        )
        .chart(ChartKind::Bar, 0, &[1])
        .drill(DrillKind::Customers);
    for (key, lo, hi) in BANDS {
        let members: Vec<i64> = v
            .rows
            .iter()
            .map(|r| r.predicted_365.unwrap_or(r.historical))
            .filter(|x| *x >= lo && *x < hi)
            .collect();
        let n = members.len() as i64;
        t.row(
            Some(format!("band:{key}")),
            vec![
                Cell::text(ctx.t(&format!("band.{key}"))),
                Cell::Int(n),
                share(n, v.rows.len() as i64),
                Cell::Int(members.iter().sum()),
            ],
        );
    }
    report.sections.push(
        t.totals(ctx, &[(2, share(v.rows.len() as i64, v.rows.len() as i64))])
            .done(),
    );

    let shown: Vec<&Valued> = v.rows.iter().take(limit).collect();
    let values = customer_values(ctx, &shown, v.as_of).await?;
    let mut t = Table::new(ctx, "clvCustomers")
        .col(ctx, "customer", ColumnKind::Text)
        .col(ctx, "purchases", ColumnKind::Count)
        .col(ctx, "firstPurchase", ColumnKind::Day)
        .col(ctx, "lastPurchase", ColumnKind::Day)
        .col(ctx, "historicalValue", ColumnKind::Money)
        .col(ctx, "historicalMargin", ColumnKind::Money)
        .col(ctx, "pAlive", ColumnKind::Percent)
        .col(ctx, "expected90", ColumnKind::Number)
        .col(ctx, "expected365", ColumnKind::Number)
        .col(ctx, "predictedValue", ColumnKind::Money)
        .drill(DrillKind::Customers);
    let opt_f = |v: Option<f64>| v.map(Cell::float).unwrap_or(Cell::Empty);
    for c in &values {
        t.row(
            Some(format!("customer:{}", c.id)),
            vec![
                Cell::text(c.name.clone()),
                Cell::Int(c.purchases as i64),
                Cell::text(c.first_purchase.clone()),
                Cell::text(c.last_purchase.clone()),
                Cell::Int(c.historical_value),
                c.historical_margin.map(Cell::Int).unwrap_or(Cell::Empty),
                opt_f(c.p_alive),
                opt_f(c.expected_purchases_90),
                opt_f(c.expected_purchases_365),
                c.predicted_value_365.map(Cell::Int).unwrap_or(Cell::Empty),
            ],
        );
    }
    if v.rows.len() > limit {
        t = t.total_rows(v.rows.len() as i64);
    }
    report.sections.push(t.done());
    report.customers = Some(values);
    report.empty = v.rows.is_empty();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history(id: i64, days: &[i32], amounts: &[i64]) -> history::Purchases {
        history::Purchases {
            customer_id: id,
            days: days.to_vec(),
            amounts: amounts.to_vec(),
        }
    }

    #[test]
    fn a_book_with_too_few_repeat_buyers_keeps_historical_value_and_says_why() {
        let as_of = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        let t = day_number(as_of);
        let book: Vec<_> = (0..40)
            .map(|i| {
                if i < 10 {
                    history(i, &[t - 300, t - 100], &[50_000, 70_000])
                } else {
                    history(i, &[t - 200], &[30_000])
                }
            })
            .collect();
        let v = value(&book, as_of, 10, &|| false).unwrap();
        assert_eq!(
            v.failure,
            Some(FitError::TooFewRepeatBuyers {
                repeat_buyers: 10,
                needed: 30
            })
        );
        assert!(
            v.rows
                .iter()
                .all(|r| r.p_alive.is_none() && r.predicted_365.is_none()),
            "never a made-up number"
        );
        assert_eq!(
            v.rows[0].historical, 120_000,
            "the repeat buyers lead by what they bought"
        );
    }

    #[test]
    fn every_purchase_on_one_day_cannot_be_fitted() {
        let as_of = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        let t = day_number(as_of);
        let book: Vec<_> = (0..100).map(|i| history(i, &[t - 10], &[10_000])).collect();
        let v = value(&book, as_of, 10, &|| false).unwrap();
        assert!(matches!(
            v.failure,
            Some(FitError::TooFewRepeatBuyers {
                repeat_buyers: 0,
                ..
            })
        ));
    }

    #[test]
    fn a_cancelled_valuation_stops() {
        let as_of = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        let book = vec![history(1, &[100], &[1])];
        assert_eq!(
            value(&book, as_of, 10, &|| true).unwrap_err(),
            FitError::Cancelled
        );
    }

    #[test]
    fn the_median_gap_counts_customers_with_three_purchases_or_more() {
        let as_of = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        let book = vec![
            history(1, &[0, 10, 40, 50], &[1, 1, 1, 1]),
            history(2, &[0, 30], &[1, 1]),
        ];
        let v = value(&book, as_of, 10, &|| false).unwrap();
        let gap = |id| {
            v.rows
                .iter()
                .find(|r| r.customer_id == id)
                .unwrap()
                .median_gap
        };
        assert_eq!(gap(1), Some(10.0), "gaps 10, 30, 10");
        assert_eq!(gap(2), None);
    }

    #[test]
    fn a_yearly_rate_of_ten_percent_is_about_point_eight_percent_a_month() {
        assert!((monthly(10) - 0.007974).abs() < 1e-6);
        assert_eq!(monthly(0), 0.0);
    }
}
