//! Each customer's purchases (days with counted contracts and their amounts), read once from the kept
//! totals for the models and segments, and kept in the cache until purchases change.

use std::sync::Arc;

use chrono::NaiveDate;
use futures_util::TryStreamExt;
use sqlx::{QueryBuilder, Sqlite};

use super::model::ReportFilters;
use super::Context;
use crate::error::Result;

/// One customer's purchases, oldest first. Days are counted from 1970-01-01.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Purchases {
    pub customer_id: i64,
    pub days: Vec<i32>,
    /// 分, one per day.
    pub amounts: Vec<i64>,
}

impl Purchases {
    pub fn first(&self) -> i32 {
        self.days.first().copied().unwrap_or_default()
    }

    pub fn last(&self) -> i32 {
        self.days.last().copied().unwrap_or_default()
    }

    pub fn total(&self) -> i64 {
        self.amounts.iter().sum()
    }

    /// The purchases from `from` to `to` (day numbers, both included): (count, amount, last day).
    pub fn within(&self, from: i32, to: i32) -> (u32, i64, Option<i32>) {
        let mut n = 0;
        let mut amount = 0;
        let mut last = None;
        for (d, a) in self.days.iter().zip(&self.amounts) {
            if *d >= from && *d <= to {
                n += 1;
                amount += a;
                last = Some(*d);
            }
        }
        (n, amount, last)
    }
}

/// The day number of a calendar day (days since 1970-01-01).
pub(super) fn day_number(d: NaiveDate) -> i32 {
    (d - NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid day")).num_days() as i32
}

pub(super) fn day_of_number(n: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid day") + chrono::Duration::days(n as i64)
}

/// Every purchase up to `up_to` of the live customers that pass `filters` (the product category is not a
/// customer filter and is left out: a purchase is a whole day's contracts), by customer.
pub(super) async fn load(
    ctx: &Context<'_>,
    filters: &ReportFilters,
    up_to: NaiveDate,
) -> Result<Arc<Vec<Purchases>>> {
    let store = ctx.store;
    let mut conn = store.read().acquire().await?;
    let generation = crate::aggregate::generation(&mut conn).await?;
    let key = format!(
        "purchases:{}:{}",
        up_to,
        serde_json::to_string(filters).unwrap_or_default()
    );
    if let Some(hit) = ctx.cache.get::<Vec<Purchases>>(&key, generation) {
        return Ok(hit);
    }
    let mut b: QueryBuilder<Sqlite> =
        QueryBuilder::new("SELECT s.customer_id, s.day, s.amount FROM agg_sales s");
    if filters.on_customers() {
        b.push(" JOIN customers c ON c.id = s.customer_id");
    }
    b.push(" WHERE s.day <= ")
        .push_bind(up_to.format("%Y-%m-%d").to_string());
    if filters.on_customers() {
        super::source::push_filters(&mut b, filters);
    }
    b.push(" ORDER BY s.customer_id, s.day");
    let mut out: Vec<Purchases> = Vec::new();
    {
        let mut rows = b.build_query_as::<(i64, String, i64)>().fetch(&mut *conn);
        let mut seen = 0u64;
        while let Some((customer_id, day, amount)) = rows.try_next().await? {
            let Ok(d) = NaiveDate::parse_from_str(&day, "%Y-%m-%d") else {
                continue;
            };
            let n = day_number(d);
            match out.last_mut() {
                Some(p) if p.customer_id == customer_id => {
                    p.days.push(n);
                    p.amounts.push(amount);
                }
                _ => out.push(Purchases {
                    customer_id,
                    days: vec![n],
                    amounts: vec![amount],
                }),
            }
            seen += 1;
            if seen % 100_000 == 0 {
                ctx.check()?;
            }
        }
    }
    let out = Arc::new(out);
    ctx.cache.put(&key, generation, out.clone());
    Ok(out)
}
