//! The figures `crmctl bench` prints, each measured on a real encrypted store of N demo customers.

use std::path::Path;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::customer::{CustomerLevel, CustomerQuery, LifecycleStatus};
use crate::demo::Generator;
use crate::error::Result;
use crate::store::{Store, StoreKey};

/// One measured figure.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    pub name: String,
    pub value: f64,
    pub unit: &'static str,
}

impl Figure {
    pub(crate) fn new(name: &str, value: f64, unit: &'static str) -> Self {
        Figure {
            name: name.to_string(),
            value: (value * 1000.0).round() / 1000.0,
            unit,
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The value below which 95% of the samples fall.
pub fn p95(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(|a, b| a.total_cmp(b));
    let rank = ((samples.len() as f64) * 0.95).ceil() as usize;
    samples[rank.saturating_sub(1).min(samples.len() - 1)]
}

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(|a, b| a.total_cmp(b));
    samples[samples.len() / 2]
}

/// Fills `store` with demo customers up to `n` (with their contacts, follow-ups and money) and returns
/// the insert rates of the customers and of the money rows (contracts, lines, plans, receipts), if any
/// were added.
pub async fn fill_to(
    store: &Store,
    n: u64,
    seed: u64,
    progress: impl FnMut(u64),
) -> Result<Option<Vec<Figure>>> {
    let have = store.check_count().await? as u64;
    if have >= n {
        return Ok(None);
    }
    let g = Generator::new(seed, crate::time::now_ms());
    let first = store.customers().max_id().await? + 1;
    let mut progress = progress;
    let start = Instant::now();
    let times = g.fill_customers(store, n - have, &mut progress).await?;
    let rate = (n - have) as f64 / start.elapsed().as_secs_f64();
    let start = Instant::now();
    let rows = g.fill_money(store, first, n - have, &mut progress).await?;
    let money_rate = rows as f64 / start.elapsed().as_secs_f64();
    let s = |d: Duration| d.as_secs_f64();
    Ok(Some(vec![
        Figure::new("demo_data.customers_per_s", rate, "customers/s"),
        // Where the customers' load spent its time (the rest: dropping the indexes, waiting for the generator).
        Figure::new("demo_data.customer_rows_s", s(times.customers), "s"),
        Figure::new("demo_data.contacts_follow_ups_s", s(times.book), "s"),
        Figure::new("demo_data.index_builds_s", s(times.indexes), "s"),
        Figure::new("demo_data.search_tokens_s", s(times.search), "s"),
        Figure::new("demo_data.search_merge_s", s(times.search_merge), "s"),
        Figure::new("demo_data.commit_s", s(times.commit), "s"),
        Figure::new("demo_data.money_rows_per_s", money_rate, "rows/s"),
    ]))
}

/// How fast the generator alone makes customers (no store), to tell generating from writing.
pub fn generate_rate(n: u64, seed: u64) -> Figure {
    let g = Generator::new(seed, crate::time::now_ms());
    let start = Instant::now();
    let mut names = 0usize;
    for id in 1..=n as i64 {
        names += g.customer(id).customer.name.len();
    }
    assert!(names > 0);
    Figure::new(
        "demo_data.generate_per_s",
        n as f64 / start.elapsed().as_secs_f64(),
        "customers/s",
    )
}

/// The insert rates measured on a scratch store in a temporary directory.
pub async fn demo_rate_on_scratch(n: u64, seed: u64) -> Result<Vec<Figure>> {
    let dir = tempfile_dir()?;
    let store = Store::open(&dir, &StoreKey::random()).await?;
    let fig = fill_to(&store, n, seed, |_| {})
        .await?
        .expect("an empty store gets filled");
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(fig)
}

/// Runs the Python peer script (XlsxWriter, openpyxl) with `args` and returns the seconds it printed;
/// none where Python or its packages are missing (the figure is then left out, not faked).
pub(crate) fn python_peer(args: &[&str]) -> Option<f64> {
    let python = ["/usr/bin/python3", "python3"]
        .into_iter()
        .find(|p| !p.starts_with('/') || Path::new(p).exists())?;
    let out = std::process::Command::new(python)
        .arg("-c")
        .arg(include_str!("peers.py"))
        .args(args)
        .output()
        .ok()?;
    if !out.status.success() {
        eprintln!(
            "python peer: {}",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .unwrap_or_default()
        );
        return None;
    }
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

fn tempfile_dir() -> Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("crm-bench-scratch-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

async fn time_pages(
    store: &Store,
    base: &CustomerQuery,
    cursors: &[Option<String>],
) -> Result<f64> {
    let mut samples = Vec::with_capacity(cursors.len());
    for c in cursors {
        let q = CustomerQuery {
            after: c.clone(),
            ..base.clone()
        };
        let t = Instant::now();
        let page = store.customers().list(&q).await?;
        samples.push(ms(t.elapsed()));
        assert!(
            !page.rows.is_empty() || c.is_some(),
            "the first page of a filled store has rows"
        );
    }
    Ok(p95(samples))
}

/// Cursors at `n` places spread through the whole list, so "next page" is measured deep in the book too.
async fn spread_cursors(
    store: &Store,
    base: &CustomerQuery,
    n: usize,
) -> Result<Vec<Option<String>>> {
    let total = store.customers().count(base).await?.max(1);
    let step = (total / n as i64).max(1);
    let mut cursors = Vec::with_capacity(n);
    for i in 0..n as i64 {
        let row = store
            .customers()
            .nth(base, (i * step).min(total - 1))
            .await?;
        cursors.push(Some(crate::customer::cursor_after(base, &row)));
    }
    Ok(cursors)
}

/// Every list figure, with and without a status filter.
pub async fn list_figures(store: &Store) -> Result<Vec<Figure>> {
    let mut out = Vec::new();
    let filters = [
        ("", CustomerQuery::default()),
        (
            "_status",
            CustomerQuery {
                status: Some(LifecycleStatus::Lost),
                ..Default::default()
            },
        ),
        (
            "_level",
            CustomerQuery {
                level: Some(CustomerLevel::A),
                ..Default::default()
            },
        ),
    ];
    for (suffix, filter) in filters {
        let base = CustomerQuery {
            limit: 100,
            ..filter
        };
        let first: Vec<Option<String>> = vec![None; 200];
        out.push(Figure::new(
            &format!("customers.list_first_page{suffix}_p95_ms"),
            time_pages(store, &base, &first).await?,
            "ms",
        ));
        let cursors = spread_cursors(store, &base, 200).await?;
        out.push(Figure::new(
            &format!("customers.list_next_page{suffix}_p95_ms"),
            time_pages(store, &base, &cursors).await?,
            "ms",
        ));
        let mut counts = Vec::new();
        for _ in 0..20 {
            let t = Instant::now();
            store.customers().count(&base).await?;
            counts.push(ms(t.elapsed()));
        }
        out.push(Figure::new(
            &format!("customers.count{suffix}_p95_ms"),
            p95(counts),
            "ms",
        ));
    }
    Ok(out)
}

/// Opening the store: connect with the raw key, check the key, check migrations, read the first page.
pub async fn open_figure(dir: &Path, key: &StoreKey) -> Result<Figure> {
    let mut samples = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        let store = Store::open(dir, key).await?;
        store.customers().list(&CustomerQuery::default()).await?;
        samples.push(ms(t.elapsed()));
        store.close().await;
    }
    Ok(Figure::new("store.open_ms", median(samples), "ms"))
}

/// The query plan of a read-only `sql` and the time of three runs of it.
pub async fn explain(store: &Store, sql: &str) -> Result<Vec<String>> {
    let mut out: Vec<String> =
        sqlx::query_as::<_, (i64, i64, i64, String)>(&format!("EXPLAIN QUERY PLAN {sql}"))
            .fetch_all(store.read())
            .await?
            .into_iter()
            .map(|(id, parent, _, detail)| format!("{id:>4} {parent:>4}  {detail}"))
            .collect();
    for _ in 0..3 {
        let t = Instant::now();
        let rows = sqlx::query(sql).fetch_all(store.read()).await?.len();
        out.push(format!("{rows} rows in {:.2} ms", ms(t.elapsed())));
    }
    // The first rows themselves, as text (a developer looking at a figure wants to see them).
    use sqlx::{Row, ValueRef};
    for row in sqlx::query(sql)
        .fetch_all(store.read())
        .await?
        .iter()
        .take(20)
    {
        let cells: Vec<String> = (0..row.columns().len())
            .map(|i| match row.try_get_raw(i) {
                Ok(v) if v.is_null() => "NULL".into(),
                _ => row
                    .try_get::<String, _>(i)
                    .or_else(|_| row.try_get::<i64, _>(i).map(|v| v.to_string()))
                    .or_else(|_| row.try_get::<f64, _>(i).map(|v| v.to_string()))
                    .unwrap_or_else(|_| "?".into()),
            })
            .collect();
        out.push(format!("  {}", cells.join(" | ")));
    }
    Ok(out)
}

impl Store {
    /// Live and trashed customers together.
    pub(crate) async fn check_count(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM customers")
            .fetch_one(self.read())
            .await?)
    }
}

mod export;
mod import;
mod money;
mod reports;
mod search;
mod today;
pub use export::export_figures;
pub use import::import_figures;
pub use money::money_figures;
pub use reports::report_figures;
pub use search::search_figures;
pub use today::{duplicate_figures, today_figures};
