//! The totals reports read instead of scanning the book: purchases per customer and day, receipts per
//! customer and day, each customer's totals, and a cube of sums per day and month by dimension (region,
//! industry, source, level, payment method, product, follow-up method) and counts of the live book.
//!
//! They are derived data, never the user's: triggers keep them in the same transaction as every write
//! of the records they are made of, and [`rebuild`] makes them again from the records (at open when
//! [`VERSION`] changed, and as the reference the tests hold the triggers to). Depends on sqlx and the
//! error type only; it knows tables, not the nouns' code.
//!
//! The definitions, once for all reports:
//! - 签约额 (signed): contracts signed, active or completed, live, of a live customer, with a signing date,
//!   on that date, at their amount. A purchase is a customer's day with at least one such contract.
//! - 回款额 (received): live receipts whose installment, contract and customer are live, on their date.
//! - A product line counts with its contract, on the contract's signing date.
//! - 计划回款 (planned): installments owed now (live, of a signed, active or completed contract of a live
//!   customer), on their due date.
//! - Owed: what each customer's counted installments still ask for.
//! - New customers and follow-ups count while live (a follow-up also while its customer is), on the day
//!   of their creation or of the follow-up in the computer's own time zone.

mod fill;
mod schema;

use sqlx::SqliteConnection;

use crate::error::Result;

use fill::Marks;
pub(crate) use schema::{contract_counts, local_day, receipt_counts, CUSTOMER_DIMS, STAGE};

/// The version of the tables, triggers and definitions here; a store built with another is rebuilt once.
pub(crate) const VERSION: i64 = 10;

/// Whether the store's derived tables are of another version than [`VERSION`] ([`ensure`] makes them).
pub(crate) async fn stale(conn: &mut SqliteConnection) -> Result<bool> {
    let version: i64 = sqlx::query_scalar("SELECT version FROM aggregate_version")
        .fetch_one(&mut *conn)
        .await?;
    Ok(version != VERSION)
}

/// Makes the derived tables and their triggers when the store's version differs from [`VERSION`], and
/// fills them from the records. Returns whether it did.
pub(crate) async fn ensure(conn: &mut SqliteConnection) -> Result<bool> {
    let version: i64 = sqlx::query_scalar("SELECT version FROM aggregate_version")
        .fetch_one(&mut *conn)
        .await?;
    if version == VERSION {
        return Ok(false);
    }
    schema::drop_all(conn).await?;
    schema::create(conn).await?;
    fill::all(conn).await?;
    fill::create_triggers(conn).await?;
    sqlx::query("UPDATE aggregate_version SET version = ?")
        .bind(VERSION)
        .execute(&mut *conn)
        .await?;
    Ok(true)
}

/// Empties the derived tables and fills them again from the records, in the caller's transaction.
pub async fn rebuild(conn: &mut SqliteConnection) -> Result<()> {
    fill::clear(conn).await?;
    fill::all(conn).await
}

/// The insert triggers a bulk load lifted, and where the tables stood before it.
#[derive(Debug, Default)]
pub(crate) struct Suspended {
    lifted: Vec<(String, String)>,
    marks: Marks,
}

/// The record tables whose inserts a bulk load may leave to [`Suspended::resume`].
const RECORD_TABLES: [&str; 6] = [
    "customers",
    "contracts",
    "contract_lines",
    "installments",
    "receipts",
    "follow_ups",
];

/// Lifts the insert triggers of the record tables while a bulk load inserts into them, so that a million rows are
/// not each summed one by one; [`Suspended::resume`] then adds what the load inserted in a few set-wise
/// statements. A load may update rows that were there before it (their update triggers still run), not
/// rows it inserted itself, and adds product lines only to contracts it inserted.
pub(crate) async fn suspend(conn: &mut SqliteConnection) -> Result<Suspended> {
    let (customers, contracts, installments, receipts, follow_ups) = sqlx::query_as(
        "SELECT (SELECT coalesce(max(id), 0) FROM customers), (SELECT coalesce(max(id), 0) FROM contracts), \
         (SELECT coalesce(max(id), 0) FROM installments), (SELECT coalesce(max(id), 0) FROM receipts), \
         (SELECT coalesce(max(id), 0) FROM follow_ups)",
    )
    .fetch_one(&mut *conn)
    .await?;
    let lifted = fill::lift(conn, &RECORD_TABLES, Some("_insert")).await?;
    Ok(Suspended {
        lifted,
        marks: Marks {
            customers,
            contracts,
            installments,
            receipts,
            follow_ups,
        },
    })
}

impl Suspended {
    /// Adds the rows the load inserted and puts the lifted triggers back.
    pub(crate) async fn resume(self, conn: &mut SqliteConnection) -> Result<()> {
        if self.lifted.is_empty() {
            return Ok(());
        }
        fill::inserted_since(conn, self.marks).await?;
        fill::put_back(conn, &self.lifted).await
    }
}

/// How many times purchases or receipts changed: a model fitted on them stays valid while this is the same.
pub async fn generation(conn: &mut SqliteConnection) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT generation FROM agg_state")
        .fetch_one(&mut *conn)
        .await?)
}

/// Every derived row as text, in key order, leaving out rows whose sums are all zero (triggers leave
/// them where a rebuild makes none).
async fn snapshot(conn: &mut SqliteConnection) -> Result<Vec<String>> {
    let m = schema::MEASURES.join(", ");
    let zero = schema::MEASURES
        .iter()
        .map(|c| format!("{c} = 0"))
        .collect::<Vec<_>>()
        .join(" AND ");
    let queries = [
        "SELECT json_array('sales', customer_id, day, amount, contracts) FROM agg_sales ORDER BY customer_id, day".to_string(),
        "SELECT json_array('collections', customer_id, day, amount, receipts) FROM agg_collections ORDER BY customer_id, day".into(),
        "SELECT json_array('customers', customer_id, created_day, first_day, last_day, purchases, signed, cycle) FROM agg_customers \
         ORDER BY customer_id".into(),
        "SELECT json_array('years', year, customer_id, amount, contracts) FROM agg_years ORDER BY year, customer_id".into(),
        format!("SELECT json_array('cube', grain, dim, period, value, {m}) FROM agg_cube WHERE NOT ({zero}) \
                 ORDER BY grain, dim, period, value"),
        "SELECT json_array('book', dim, value, customers) FROM agg_book WHERE customers <> 0 ORDER BY dim, value".into(),
        "SELECT json_array('owed', customer_id, open_amount) FROM agg_owed ORDER BY customer_id".into(),
    ];
    let mut out = Vec::new();
    for q in queries {
        let rows: Vec<String> = sqlx::query_scalar(&q).fetch_all(&mut *conn).await?;
        out.extend(rows);
    }
    Ok(out)
}

/// Test support: the derived rows as the triggers left them and as a rebuild from the records makes
/// them (the rebuild is rolled back).
#[doc(hidden)]
pub async fn kept_and_rebuilt(store: &crate::store::Store) -> Result<(Vec<String>, Vec<String>)> {
    let mut tx = store.write().await?;
    let kept = snapshot(&mut tx).await?;
    rebuild(&mut tx).await?;
    let rebuilt = snapshot(&mut tx).await?;
    tx.rollback().await?;
    Ok((kept, rebuilt))
}
