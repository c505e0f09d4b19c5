//! 忠诚度矩阵: the customers who bought in the window, by repeat purchases (high at the settings' count)
//! and preference (high at the settings' rating) → 完全忠诚型 (both high), 潜在忠诚型 (preference high,
//! repeats low), 缓慢忠诚型 (repeats high, preference low), 忠诚缺失型 (both low).
//!
//! Preference is the mean 满意度 recorded on the customer's follow-ups; where none was recorded, the
//! customer's own 偏好 rating. Customers with neither are counted apart (未评价), never guessed.

use std::collections::HashMap;

use super::history::day_number;
use super::model::{Cell, ColumnKind, DrillKind, Report, ReportName, ReportQuery};
use super::period::Period;
use super::table::{customer_names, segments, Table};
use super::{common, Context};
use crate::error::Result;

/// The quadrants in the order reports list them, with the customers counted apart last.
pub(super) const QUADRANTS: [&str; 5] = ["complete", "latent", "slow", "none", "unrated"];

/// Where a customer's preference came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Preference {
    /// The mean 满意度 of its follow-ups.
    Satisfaction(f64),
    /// Its 偏好 rating.
    Rating(i64),
}

impl Preference {
    pub fn value(self) -> f64 {
        match self {
            Preference::Satisfaction(v) => v,
            Preference::Rating(v) => v as f64,
        }
    }
}

/// The quadrant of a customer with `purchases` in the window and preference `pref`.
pub(super) fn quadrant(
    purchases: i64,
    pref: Option<Preference>,
    min_preference: u32,
    min_repeats: u32,
) -> &'static str {
    let Some(p) = pref else { return "unrated" };
    match (
        p.value() >= min_preference as f64,
        purchases >= min_repeats as i64,
    ) {
        (true, true) => "complete",
        (true, false) => "latent",
        (false, true) => "slow",
        (false, false) => "none",
    }
}

/// Every live customer's preference (mean 满意度 first, else its 偏好).
pub(super) async fn preferences(ctx: &Context<'_>) -> Result<HashMap<i64, Preference>> {
    let mut conn = ctx.store.read().acquire().await?;
    let mut out: HashMap<i64, Preference> = HashMap::new();
    let ratings: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT id, preference FROM customers WHERE preference IS NOT NULL AND deleted_at IS NULL",
    )
    .fetch_all(&mut *conn)
    .await?;
    for (id, r) in ratings {
        out.insert(id, Preference::Rating(r));
    }
    let satisfaction: Vec<(i64, f64)> = sqlx::query_as(
        "SELECT customer_id, avg(satisfaction) FROM follow_ups WHERE satisfaction IS NOT NULL AND deleted_at IS NULL \
         GROUP BY customer_id",
    )
    .fetch_all(&mut *conn)
    .await?;
    for (id, s) in satisfaction {
        out.insert(id, Preference::Satisfaction(s));
    }
    Ok(out)
}

/// (customer, purchases in the window, amount, preference, quadrant) of every purchaser in the window.
async fn classified(
    ctx: &Context<'_>,
    q: &ReportQuery,
    window: Period,
) -> Result<Vec<(i64, i64, i64, Option<Preference>, &'static str)>> {
    let histories = super::history::load(ctx, &q.filters, window.to).await?;
    let prefs = preferences(ctx).await?;
    let (from, to) = (day_number(window.from), day_number(window.to));
    let s = &ctx.settings;
    Ok(histories
        .iter()
        .filter_map(|p| {
            let (n, amount, last) = p.within(from, to);
            last?;
            let pref = prefs.get(&p.customer_id).copied();
            Some((
                p.customer_id,
                n as i64,
                amount,
                pref,
                quadrant(n as i64, pref, s.loyalty_preference, s.loyalty_repeats),
            ))
        })
        .collect())
}

pub(super) async fn run(ctx: &Context<'_>, q: &ReportQuery) -> Result<Report> {
    let as_of = ctx.as_of(q)?;
    let window = Period::ending(as_of, ctx.settings.window_days as i64);
    let limit = q.limit.map(|l| l as usize).unwrap_or(usize::MAX);
    let mut report = common::report(ctx, ReportName::Loyalty, q, Some(window), None);
    report.parameters.push(super::model::Parameter {
        label: ctx.t("param.loyaltyThresholds"),
        value: format!(
            "{} ≥ {} · {} ≥ {}",
            ctx.t("col.preference"),
            ctx.settings.loyalty_preference,
            ctx.t("col.purchases"),
            ctx.settings.loyalty_repeats
        ),
    });
    let rows = classified(ctx, q, window).await?;
    ctx.check()?;
    let (table, sizes) = segments(
        ctx,
        ("quadrants", "quadrant"),
        &QUADRANTS,
        &rows,
        |r| (r.4, r.2),
        &[],
        |_, _| Vec::new(),
    );
    report.sections.push(table);
    let unrated = sizes.last().map(|s| s.customers).unwrap_or(0);
    if unrated > 0 {
        report.notes.push(
            ctx.t("note.loyaltyUnrated")
                .replace("{n}", &unrated.to_string()),
        );
    }
    report.segments = Some(sizes);

    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|a, b| {
        rows[*b]
            .2
            .cmp(&rows[*a].2)
            .then(rows[*a].0.cmp(&rows[*b].0))
    });
    let shown: Vec<i64> = order.iter().take(limit).map(|i| rows[*i].0).collect();
    let mut conn = ctx.store.read().acquire().await?;
    let names = customer_names(&mut conn, &shown).await?;
    let mut t = Table::new(ctx, "loyaltyCustomers")
        .col(ctx, "customer", ColumnKind::Text)
        .col(ctx, "purchases", ColumnKind::Count)
        .col(ctx, "amount", ColumnKind::Money)
        .col(ctx, "preference", ColumnKind::Number)
        .col(ctx, "preferenceFrom", ColumnKind::Text)
        .col(ctx, "quadrant", ColumnKind::Text)
        .drill(DrillKind::Customers);
    for i in order.iter().take(limit) {
        let (id, n, amount, pref, key) = rows[*i];
        let from = match pref {
            Some(Preference::Satisfaction(_)) => Cell::text(ctx.t("preferenceFrom.satisfaction")),
            Some(Preference::Rating(_)) => Cell::text(ctx.t("preferenceFrom.rating")),
            None => Cell::Empty,
        };
        t.row(
            Some(format!("customer:{id}")),
            vec![
                Cell::text(names.get(&id).cloned().unwrap_or_default()),
                Cell::Int(n),
                Cell::Int(amount),
                pref.map(|p| Cell::float((p.value() * 100.0).round() / 100.0))
                    .unwrap_or(Cell::Empty),
                from,
                Cell::text(ctx.t(&format!("quadrant.{key}"))),
            ],
        );
    }
    if rows.len() > limit {
        t = t.total_rows(rows.len() as i64);
    }
    report.sections.push(t.done());
    report.empty = rows.is_empty();
    Ok(report)
}

/// The customers of quadrant `key` for the query.
pub(super) async fn members(ctx: &Context<'_>, q: &ReportQuery, key: &str) -> Result<Vec<i64>> {
    let as_of = ctx.as_of(q)?;
    let window = Period::ending(as_of, ctx.settings.window_days as i64);
    Ok(classified(ctx, q, window)
        .await?
        .into_iter()
        .filter(|r| r.4 == key)
        .map(|r| r.0)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_quadrants_follow_preference_and_repeat_purchases() {
        let sat = |v| Some(Preference::Satisfaction(v));
        assert_eq!(
            quadrant(3, sat(4.0), 4, 3),
            "complete",
            "preference 4 and 3 purchases reach both thresholds"
        );
        assert_eq!(
            quadrant(2, sat(4.5), 4, 3),
            "latent",
            "likes us, buys little: 潜在忠诚型"
        );
        assert_eq!(
            quadrant(5, sat(3.9), 4, 3),
            "slow",
            "buys often, lukewarm: 缓慢忠诚型"
        );
        assert_eq!(quadrant(1, sat(2.0), 4, 3), "none");
        assert_eq!(
            quadrant(1, Some(Preference::Rating(5)), 4, 3),
            "latent",
            "偏好 counts where no 满意度 was recorded"
        );
        assert_eq!(
            quadrant(9, None, 4, 3),
            "unrated",
            "no preference is never guessed"
        );
    }
}
