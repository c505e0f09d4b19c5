//! Filling the derived tables set-wise from the records: all of them (a rebuild), or the rows a bulk load
//! inserted above its marks. The triggers in `schema` do the same one row at a time; the tests hold them
//! to this.

use sqlx::SqliteConnection;

use super::schema::{
    self, book_dims, contract_counts, cube_add, dim_case, dim_keys, local_day, receipt_counts,
    STAGE, TABLE_NAMES,
};
use crate::error::Result;

/// The largest id of each table a bulk load adds to, taken before it starts: `Suspended::resume` adds
/// the rows above them.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Marks {
    pub customers: i64,
    pub contracts: i64,
    pub installments: i64,
    pub receipts: i64,
    pub follow_ups: i64,
}

/// Empties every derived table but the generation counter.
pub(super) async fn clear(conn: &mut SqliteConnection) -> Result<()> {
    for table in TABLE_NAMES.iter().filter(|t| **t != "agg_state") {
        sqlx::query(&format!("DELETE FROM {table}"))
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Fills the (empty) derived tables from every record.
pub(super) async fn all(conn: &mut SqliteConnection) -> Result<()> {
    inserted_since(conn, Marks::default()).await
}

/// Drops the triggers on `tables` whose names start with `prefix`, returning their SQL to put back.
pub(super) async fn lift(
    conn: &mut SqliteConnection,
    tables: &[&str],
    suffix: Option<&str>,
) -> Result<Vec<(String, String)>> {
    let list = tables
        .iter()
        .map(|t| format!("'{t}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let ending = suffix
        .map(|s| format!(" AND name LIKE '%\\{s}' ESCAPE '\\'"))
        .unwrap_or_default();
    let triggers: Vec<(String, String)> = sqlx::query_as(&format!(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'agg\\_%' ESCAPE '\\' \
         AND tbl_name IN ({list}){ending}"
    ))
    .fetch_all(&mut *conn)
    .await?;
    for (name, _) in &triggers {
        sqlx::query(&format!("DROP TRIGGER \"{name}\""))
            .execute(&mut *conn)
            .await?;
    }
    Ok(triggers)
}

/// Creates the triggers `lifted` once held.
pub(super) async fn put_back(
    conn: &mut SqliteConnection,
    lifted: &[(String, String)],
) -> Result<()> {
    for (_, sql) in lifted {
        sqlx::query(sql).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Adds the customers, contracts (with their lines), receipts and follow-ups with ids above `m` to the
/// derived tables. The per-customer tables' own triggers are lifted meanwhile: this adds to the cube
/// directly.
pub(super) async fn inserted_since(conn: &mut SqliteConnection, m: Marks) -> Result<()> {
    let lifted = lift(conn, &["agg_sales", "agg_collections"], None).await?;
    for step in statements(m) {
        match step {
            Step::Sql(sql) => {
                sqlx::query(&sql).execute(&mut *conn).await?;
            }
            Step::Spread(rows, amount, count) => spread(conn, &rows, amount, count).await?,
        }
    }
    put_back(conn, &lifted).await?;
    sqlx::query("UPDATE agg_state SET generation = generation + 1")
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// One step of a fill.
enum Step {
    /// A statement.
    Sql(String),
    /// Rows of (province, city, industry, source, level, day, amount, count) summed into the cube's
    /// `amount` and `count` measures under every customer dimension ([`spread`]).
    Spread(String, &'static str, &'static str),
}

/// Sums `rows` (see [`Step::Spread`]) by customer dimension, value and day in memory and adds the sums
/// to the cube at day and month grain: a million purchases are read once, in the order they lie, instead
/// of being sorted six times over by SQLite.
async fn spread(conn: &mut SqliteConnection, rows: &str, amount: &str, count: &str) -> Result<()> {
    use futures_util::TryStreamExt;
    use std::collections::HashMap;
    type Row = (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        String,
        i64,
        i64,
    );
    let mut sums: HashMap<(usize, String, String), (i64, i64)> = HashMap::new();
    {
        let mut stream = sqlx::query_as::<_, Row>(rows).fetch(&mut *conn);
        while let Some((province, city, industry, source, level, day, a, n)) =
            stream.try_next().await?
        {
            let values = schema::customer_dim_values(
                province.as_deref(),
                city.as_deref(),
                industry.as_deref(),
                source.as_deref(),
                level.as_deref(),
            );
            let month = day.get(..7).unwrap_or_default().to_string();
            for (dim, value) in values.into_iter().enumerate() {
                for period in [day.clone(), month.clone()] {
                    let e = sums.entry((dim, value.clone(), period)).or_default();
                    e.0 += a;
                    e.1 += n;
                }
            }
        }
    }
    let sums: Vec<_> = sums.into_iter().collect();
    for chunk in sums.chunks(2000) {
        let mut b = sqlx::QueryBuilder::new(format!(
            "INSERT INTO agg_cube (grain, dim, period, value, {amount}, {count}) "
        ));
        b.push_values(chunk, |mut v, ((dim, value, period), (a, n))| {
            v.push_bind(if period.len() == 7 { "m" } else { "d" })
                .push_bind(schema::CUSTOMER_DIMS[*dim].0)
                .push_bind(period.clone())
                .push_bind(value.clone())
                .push_bind(*a)
                .push_bind(*n);
        });
        b.push(format!(
            " ON CONFLICT (grain, dim, period, value) DO UPDATE SET {amount} = {amount} + excluded.{amount}, \
             {count} = {count} + excluded.{count}"
        ));
        b.build().execute(&mut *conn).await?;
    }
    Ok(())
}

/// Every column of a customer the book is counted by (as `c`'s own names, so the dimensions' SQL reads
/// a grouped row as it reads a customer).
const TUPLE: &str =
    "c.province AS province, c.city AS city, c.industry AS industry, c.source AS source, \
     c.level AS level, c.status AS status, c.furthest_stage AS furthest_stage";
/// The statements of [`inserted_since`], in order (purchases before the totals made of them).
fn statements(m: Marks) -> Vec<Step> {
    let book = book_dims();
    let new_customers = format!("c.id > {} AND c.deleted_at IS NULL", m.customers);
    let created = local_day("c.created_at");
    let counted = format!("ct.id > {} AND {}", m.contracts, contract_counts("ct"));
    let receipts = format!("r.id > {} AND {}", m.receipts, receipt_counts("r"));
    let follow_ups = format!(
        "f.id > {} AND f.deleted_at IS NULL AND EXISTS (SELECT 1 FROM customers c WHERE c.id = f.customer_id \
         AND c.deleted_at IS NULL)",
        m.follow_ups
    );
    let touched = if m.contracts == 0 {
        String::from("true")
    } else {
        format!("s.customer_id IN (SELECT ct.customer_id FROM contracts ct WHERE {counted})")
    };
    let touched_customers = touched.replace("s.customer_id", "customer_id");
    let fu_day = local_day("f.happened_at");
    // Purchases and receipts by the customer's dimensions and day. Read in customer order (each
    // customer's rows of agg_sales and agg_collections lie together) when the whole book is filled: a
    // lookup of each contract's customer would read a million customer pages at random.
    let bought = if m.contracts == 0 {
        "SELECT c.province, c.city, c.industry, c.source, c.level, s.day, s.amount, s.contracts \
         FROM customers c CROSS JOIN agg_sales s ON s.customer_id = c.id"
            .to_string()
    } else {
        format!(
            "SELECT c.province, c.city, c.industry, c.source, c.level, ct.signed_on, ct.amount, 1 \
             FROM contracts ct LEFT JOIN customers c ON c.id = ct.customer_id WHERE {counted}"
        )
    };
    // Receipts count with their installment, contract and customer live: read in contract order.
    let receipts_from = "contracts ct CROSS JOIN receipts r ON r.contract_id = ct.id \
         CROSS JOIN installments i ON i.id = r.installment_id";
    let receipts_counted = format!(
        "r.id > {} AND r.deleted_at IS NULL AND i.deleted_at IS NULL AND ct.deleted_at IS NULL AND ct.customer_live = 1",
        m.receipts
    );
    let paid = if m.receipts == 0 {
        "SELECT c.province, c.city, c.industry, c.source, c.level, s.day, s.amount, s.receipts \
         FROM customers c CROSS JOIN agg_collections s ON s.customer_id = c.id"
            .to_string()
    } else {
        format!(
            "SELECT c.province, c.city, c.industry, c.source, c.level, r.received_on, r.amount, 1 \
             FROM {receipts_from} LEFT JOIN customers c ON c.id = r.customer_id WHERE {receipts_counted}"
        )
    };
    vec![
        // The live book and new customers. Customers alike in every dimension are counted together
        // first, then spread over the dimensions.
        Step::Sql(format!(
            "INSERT INTO agg_book (dim, value, customers) SELECT v.column1, {}, sum(c.n) FROM \
             (SELECT {TUPLE}, count(*) AS n FROM customers c WHERE {new_customers} GROUP BY 1, 2, 3, 4, 5, 6, 7) c \
             CROSS JOIN {} v WHERE true GROUP BY 1, 2 \
             ON CONFLICT (dim, value) DO UPDATE SET customers = customers + excluded.customers",
            dim_case("v.column1", &book),
            dim_keys(&book)
        )),
        Step::Sql(cube_add(
            &format!(
                "WITH made AS MATERIALIZED (SELECT {created} AS day, {STAGE} AS stage FROM customers c \
                 WHERE {new_customers}) \
                 SELECT '' AS dim, '' AS value, day, count(*) AS customers FROM made GROUP BY day \
                 UNION ALL SELECT 'stage', CAST(stage AS TEXT), day, count(*) FROM made GROUP BY stage, day"
            ),
            &["customers"],
        )),
        // Purchases, by customer and under its dimensions, with their lines and years.
        Step::Sql(format!(
            "INSERT INTO agg_sales (customer_id, day, amount, contracts) \
             SELECT ct.customer_id, ct.signed_on, sum(ct.amount), count(*) FROM contracts ct WHERE {counted} \
             GROUP BY 1, 2 ON CONFLICT (customer_id, day) DO UPDATE SET amount = amount + excluded.amount, \
             contracts = contracts + excluded.contracts"
        )),
        Step::Spread(bought, "signed_amount", "signed_count"),
        Step::Sql(cube_add(
            &format!(
                "SELECT 'product' AS dim, coalesce(CAST(l.product_id AS TEXT), '') AS value, ct.signed_on AS day, \
                 sum(l.amount) AS signed_amount, count(*) AS signed_count, sum(l.quantity_milli) AS quantity_milli \
                 FROM contracts ct CROSS JOIN contract_lines l ON l.contract_id = ct.id WHERE {counted} GROUP BY 2, 3"
            ),
            &["signed_amount", "signed_count", "quantity_milli"],
        )),
        Step::Sql(format!(
            "INSERT INTO agg_years (year, customer_id, amount, contracts) \
             SELECT substr(ct.signed_on, 1, 4), ct.customer_id, sum(ct.amount), count(*) FROM contracts ct \
             WHERE {counted} GROUP BY 1, 2 \
             ON CONFLICT (year, customer_id) DO UPDATE SET amount = amount + excluded.amount, \
             contracts = contracts + excluded.contracts"
        )),
        Step::Sql(format!(
            "INSERT INTO agg_customers (customer_id, created_day, first_day, last_day, purchases, signed) \
             SELECT s.customer_id, (SELECT {created} FROM customers c WHERE c.id = s.customer_id), min(s.day), \
             max(s.day), count(*), sum(s.amount) FROM agg_sales s WHERE {touched} GROUP BY s.customer_id \
             ON CONFLICT (customer_id) DO UPDATE SET created_day = excluded.created_day, \
             first_day = excluded.first_day, last_day = excluded.last_day, purchases = excluded.purchases, \
             signed = excluded.signed"
        )),
        Step::Sql(format!("UPDATE agg_customers SET cycle = {} WHERE {touched_customers}", schema::CYCLE)),
        // Receipts, by customer, under its dimensions and by method.
        Step::Sql(format!(
            "INSERT INTO agg_collections (customer_id, day, amount, receipts) \
             SELECT r.customer_id, r.received_on, sum(r.amount), count(*) FROM receipts r WHERE {receipts} \
             GROUP BY 1, 2 ON CONFLICT (customer_id, day) DO UPDATE SET amount = amount + excluded.amount, \
             receipts = receipts + excluded.receipts"
        )),
        Step::Spread(paid, "received_amount", "received_count"),
        Step::Sql(cube_add(
            &format!(
                "SELECT 'method' AS dim, r.method AS value, r.received_on AS day, sum(r.amount) AS received_amount, \
                 count(*) AS received_count FROM {receipts_from} WHERE {receipts_counted} GROUP BY 2, 3"
            ),
            &["received_amount", "received_count"],
        )),
        // What the payment plans ask for.
        Step::Sql(cube_add(
            &format!(
                "SELECT '' AS dim, '' AS value, i.due_on AS day, sum(i.amount) AS planned FROM installments i \
                 WHERE i.id > {} AND i.counted = 1 GROUP BY 3",
                m.installments
            ),
            &["planned"],
        )),
        // What each customer still owes.
        Step::Sql(format!(
            "INSERT INTO agg_owed (customer_id, open_amount) SELECT i.customer_id, sum(i.amount - i.received) \
             FROM installments i WHERE i.id > {} AND i.counted = 1 AND i.received < i.amount GROUP BY 1 \
             ON CONFLICT (customer_id) DO UPDATE SET open_amount = open_amount + excluded.open_amount",
            m.installments
        )),
        // Follow-ups.
        Step::Sql(cube_add(
            &format!(
                "WITH done AS MATERIALIZED (SELECT {fu_day} AS day, f.kind AS kind, count(*) AS n FROM follow_ups f \
                 WHERE {follow_ups} GROUP BY 1, 2) \
                 SELECT '' AS dim, '' AS value, day, sum(n) AS follow_ups FROM done GROUP BY day \
                 UNION ALL SELECT 'followUpKind', kind, day, n FROM done"
            ),
            &["follow_ups"],
        )),
    ]
}

/// Creates every trigger (after a fill: a fill adds set-wise what they would add row by row).
pub(super) async fn create_triggers(conn: &mut SqliteConnection) -> Result<()> {
    for (_, sql) in schema::triggers() {
        sqlx::query(&sql).execute(&mut *conn).await?;
    }
    Ok(())
}
