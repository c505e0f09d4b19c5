//! Figures of the money side: contract lists, receivables of the whole book and of one customer, and
//! attaching a 50 MB document (time and how much the process grows meanwhile).

use std::time::Instant;

use rand::{Rng, SeedableRng};

use super::export::{reset_peak_rss, rss_kb};
use super::{ms, p95, Figure};
use crate::contract::{ContractQuery, ContractStatus};
use crate::error::Result;
use crate::receivable::{self, AgingBucket, OpenInstallmentQuery};
use crate::record::RecordKind;
use crate::store::Store;

async fn time_contract_pages(
    store: &Store,
    base: &ContractQuery,
    cursors: &[Option<String>],
) -> Result<f64> {
    let mut samples = Vec::with_capacity(cursors.len());
    for c in cursors {
        let q = ContractQuery {
            after: c.clone(),
            ..base.clone()
        };
        let t = Instant::now();
        store.contracts().list(&q).await?;
        samples.push(ms(t.elapsed()));
    }
    Ok(p95(samples))
}

/// Up to `n` cursors spread evenly through the whole list, found by walking it in pages of 500.
async fn contract_cursors(
    store: &Store,
    base: &ContractQuery,
    n: usize,
) -> Result<Vec<Option<String>>> {
    let mut all = Vec::new();
    let mut after = None;
    loop {
        let page = store
            .contracts()
            .list(&ContractQuery {
                limit: 500,
                after: after.clone(),
                ..base.clone()
            })
            .await?;
        match page.next_cursor {
            Some(c) => {
                all.push(Some(c.clone()));
                after = Some(c);
            }
            None => break,
        }
    }
    let step = (all.len() / n).max(1);
    Ok(all.into_iter().step_by(step).take(n).collect())
}

pub async fn money_figures(store: &Store, seed: u64) -> Result<Vec<Figure>> {
    let mut out = Vec::new();
    let contracts: i64 =
        sqlx::query_scalar("SELECT count(*) FROM contracts WHERE deleted_at IS NULL")
            .fetch_one(store.read())
            .await?;
    let plan_rows: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM installments) + (SELECT count(*) FROM receipts)",
    )
    .fetch_one(store.read())
    .await?;
    out.push(Figure::new(
        "money.contracts",
        contracts as f64,
        "contracts",
    ));
    out.push(Figure::new(
        "money.plan_and_receipt_rows",
        plan_rows as f64,
        "rows",
    ));

    for (suffix, filter) in [
        ("", ContractQuery::default()),
        (
            "_status",
            ContractQuery {
                status: Some(ContractStatus::Active),
                ..Default::default()
            },
        ),
    ] {
        let base = ContractQuery {
            limit: 100,
            ..filter
        };
        out.push(Figure::new(
            &format!("contracts.list_first_page{suffix}_p95_ms"),
            time_contract_pages(store, &base, &vec![None; 200]).await?,
            "ms",
        ));
        let cursors = contract_cursors(store, &base, 200).await?;
        out.push(Figure::new(
            &format!("contracts.list_next_page{suffix}_p95_ms"),
            time_contract_pages(store, &base, &cursors).await?,
            "ms",
        ));
        let mut counts = Vec::new();
        for _ in 0..20 {
            let t = Instant::now();
            store.contracts().count(&base).await?;
            counts.push(ms(t.elapsed()));
        }
        out.push(Figure::new(
            &format!("contracts.count{suffix}_p95_ms"),
            p95(counts),
            "ms",
        ));
    }

    let today = crate::time::today();
    let mut book = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        receivable::of_book(store, today).await?;
        book.push(ms(t.elapsed()));
    }
    out.push(Figure::new("receivables.summary_p95_ms", p95(book), "ms"));

    // Customers with contracts, picked at random.
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT customer_id FROM contracts WHERE deleted_at IS NULL LIMIT 100000",
    )
    .fetch_all(store.read())
    .await?;
    if !ids.is_empty() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
        let mut one = Vec::new();
        for _ in 0..200 {
            let id = ids[rng.gen_range(0..ids.len())];
            let t = Instant::now();
            receivable::of_customer(store, id, today).await?;
            one.push(ms(t.elapsed()));
        }
        out.push(Figure::new(
            "receivables.customer_summary_p95_ms",
            p95(one),
            "ms",
        ));
    }
    let mut pages = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        receivable::open_installments(
            store,
            &OpenInstallmentQuery {
                bucket: Some(AgingBucket::Overdue),
                ..Default::default()
            },
            today,
        )
        .await?;
        pages.push(ms(t.elapsed()));
    }
    out.push(Figure::new(
        "receivables.open_first_page_p95_ms",
        p95(pages),
        "ms",
    ));

    out.extend(attach_figures(store, seed).await?);
    Ok(out)
}

/// Attaches a 50 MB file of random bytes (nothing to deduplicate) to one customer, then removes it
/// again so that a reused bench store does not grow.
async fn attach_figures(store: &Store, seed: u64) -> Result<Vec<Figure>> {
    let Some(customer): Option<i64> =
        sqlx::query_scalar("SELECT min(id) FROM customers WHERE deleted_at IS NULL")
            .fetch_one(store.read())
            .await?
    else {
        return Ok(Vec::new());
    };
    let dir = std::env::temp_dir().join(format!("crm-bench-doc-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("50mb-scan.pdf");
    {
        use std::io::Write;
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed ^ crate::time::now_ms() as u64);
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path)?);
        f.write_all(b"%PDF-1.7\n")?;
        let mut buf = vec![0u8; 1 << 20];
        for _ in 0..50 {
            rng.fill(&mut buf[..]);
            f.write_all(&buf)?;
        }
        f.flush()?;
    }
    reset_peak_rss();
    let before = rss_kb("VmRSS");
    let t = Instant::now();
    let doc = store
        .documents()
        .attach(&path, customer, None, None)
        .await?;
    let attach_s = t.elapsed().as_secs_f64();
    let growth = rss_kb("VmHWM").saturating_sub(before);
    let copy = dir.join("copy.pdf");
    let t = Instant::now();
    store.documents().save_to(doc.id, &copy).await?;
    let save_s = t.elapsed().as_secs_f64();
    store.trash().put(RecordKind::Documents, doc.id).await?;
    store.trash().delete(RecordKind::Documents, doc.id).await?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(vec![
        Figure::new("documents.attach_50mb_s", attach_s, "s"),
        Figure::new(
            "documents.attach_rss_growth_mb",
            growth as f64 / 1024.0,
            "MB",
        ),
        Figure::new("documents.save_50mb_s", save_s, "s"),
    ])
}
