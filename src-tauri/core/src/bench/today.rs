//! The Today view, the duplicate warning and the duplicate scan, timed on the bench store.

use std::time::Instant;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::{ms, p95, Figure};
use crate::customer::CustomerInput;
use crate::duplicate::{likely_duplicates, scan};
use crate::error::Result;
use crate::reminder::{today, TodayQuery};
use crate::store::Store;

/// `today.p95_ms` over 50 loads of the Today view for the current day (China time), with how many
/// follow-ups it finds due today, as a check that there was something to find.
pub async fn today_figures(store: &Store) -> Result<Vec<Figure>> {
    let day = chrono::DateTime::from_timestamp_millis(crate::time::now_ms() + 8 * 3_600_000)
        .unwrap_or_default()
        .date_naive();
    let q = TodayQuery::on(day.format("%Y-%m-%d").to_string(), 480);
    let mut times = Vec::new();
    let mut due_today = 0;
    for _ in 0..50 {
        let t = Instant::now();
        let v = today(store, &q).await?;
        times.push(ms(t.elapsed()));
        due_today = v.today.len();
    }
    Ok(vec![
        Figure::new("today.p95_ms", p95(times), "ms"),
        Figure::new("today.due_today_listed", due_today as f64, "reminders"),
    ])
}

/// `duplicates.check_p95_ms`: the warning on save for 100 customers typed the way a duplicate arrives
/// (the name without its city, the same mobile and e-mail), and how many of them it recognised.
pub async fn duplicate_figures(store: &Store, seed: u64) -> Result<Vec<Figure>> {
    let max: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM customers")
        .fetch_one(store.read())
        .await?;
    let mut rng = StdRng::seed_from_u64(seed ^ 0xD0D0);
    let mut times = Vec::new();
    let mut found = 0;
    let mut baseline = Vec::new();
    for _ in 0..100 {
        let row: Option<(i64, String, Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT id, name, mobile, email FROM customers WHERE id >= ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
        )
        .bind(rng.gen_range(1..=max.max(1)))
        .fetch_optional(store.read())
        .await?;
        let Some((id, name, mobile, email)) = row else {
            continue;
        };
        let typed: String = name.chars().skip(2).collect();
        let input = CustomerInput {
            name: typed,
            mobile,
            email,
            ..Default::default()
        };
        let t = Instant::now();
        let hints = likely_duplicates(store, &input, None).await?;
        times.push(ms(t.elapsed()));
        found += hints.iter().any(|h| h.id == id) as usize;
        if baseline.len() < 3 {
            let t = Instant::now();
            naive_check(store, &input).await?;
            baseline.push(ms(t.elapsed()));
        }
    }
    let t = Instant::now();
    let scanned = scan(store).await?;
    let scan_s = t.elapsed().as_secs_f64();
    Ok(vec![
        Figure::new("duplicates.check_p95_ms", p95(times), "ms"),
        Figure::new("duplicates.check_recognised", found as f64, "of 100"),
        Figure::new("duplicates.check_like_baseline_p95_ms", p95(baseline), "ms"),
        Figure::new("duplicates.scan_s", scan_s, "s"),
        Figure::new(
            "duplicates.scan_groups",
            scanned.total_groups as f64,
            "groups",
        ),
        Figure::new(
            "duplicates.scan_customers_in_groups",
            scanned.customers_in_groups as f64,
            "customers",
        ),
    ])
}

/// The naive warning, as the baseline: one scan of the table with the typed name as a `LIKE '%…%'`
/// pattern and the mobile and e-mail compared as they are, every match (3 samples; it reads every row).
async fn naive_check(store: &Store, input: &CustomerInput) -> Result<usize> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT id FROM customers NOT INDEXED WHERE deleted_at IS NULL \
         AND (name LIKE '%' || ?1 || '%' OR mobile = ?2 OR lower(email) = lower(?3))",
    )
    .bind(&input.name)
    .bind(&input.mobile)
    .bind(&input.email)
    .fetch_all(store.read())
    .await?;
    Ok(rows.len())
}
