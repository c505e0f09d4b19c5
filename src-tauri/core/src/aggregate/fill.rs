//! Filling the derived tables set-wise from the records: all of them (a rebuild), or the rows a bulk load
//! inserted above its marks. The triggers in `schema` do the same one row at a time; the tests hold them
//! to this.

use sqlx::SqliteConnection;

use super::schema::{
    self, book_dims, contract_counts, cube_add, customer_dims, dim_case, dim_keys, local_day,
    receipt_counts, STAGE, TABLE_NAMES,
};
use super::Marks;
use crate::error::Result;

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
pub(super) async fn put_back(conn: &mut SqliteConnection, lifted: &[(String, String)]) -> Result<()> {
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
    for sql in statements(m) {
        sqlx::query(&sql).execute(&mut *conn).await?;
    }
    put_back(conn, &lifted).await?;
    sqlx::query("UPDATE agg_state SET generation = generation + 1")
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The statements of [`inserted_since`], in order (purchases before the totals made of them).
fn statements(m: Marks) -> Vec<String> {
    let book = book_dims();
    let dims = customer_dims();
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
    let fu_day = local_day("f.happened_at");
    vec![
        // The live book and new customers.
        format!(
            "INSERT INTO agg_book (dim, value, customers) SELECT v.column1, {}, count(*) FROM customers c, {} v \
             WHERE {new_customers} GROUP BY 1, 2 \
             ON CONFLICT (dim, value) DO UPDATE SET customers = customers + excluded.customers",
            dim_case("v.column1", &book),
            dim_keys(&book)
        ),
        cube_add(
            &format!(
                "SELECT '' AS dim, '' AS value, {created} AS day, count(*) AS customers FROM customers c \
                 WHERE {new_customers} GROUP BY 3 \
                 UNION ALL SELECT 'stage', CAST({STAGE} AS TEXT), {created}, count(*) FROM customers c \
                 WHERE {new_customers} GROUP BY 2, 3"
            ),
            &["customers"],
        ),
        // Purchases, by customer and under its dimensions, with their lines and years.
        format!(
            "INSERT INTO agg_sales (customer_id, day, amount, contracts) \
             SELECT ct.customer_id, ct.signed_on, sum(ct.amount), count(*) FROM contracts ct WHERE {counted} \
             GROUP BY 1, 2 ON CONFLICT (customer_id, day) DO UPDATE SET amount = amount + excluded.amount, \
             contracts = contracts + excluded.contracts"
        ),
        cube_add(
            &format!(
                "SELECT v.column1 AS dim, {} AS value, ct.signed_on AS day, sum(ct.amount) AS signed_amount, \
                 count(*) AS signed_count FROM contracts ct LEFT JOIN customers c ON c.id = ct.customer_id, {} v \
                 WHERE {counted} GROUP BY 1, 2, 3",
                dim_case("v.column1", &dims),
                dim_keys(&dims)
            ),
            &["signed_amount", "signed_count"],
        ),
        cube_add(
            &format!(
                "SELECT 'product' AS dim, coalesce(CAST(l.product_id AS TEXT), '') AS value, ct.signed_on AS day, \
                 sum(l.amount) AS signed_amount, count(*) AS signed_count, sum(l.quantity_milli) AS quantity_milli \
                 FROM contract_lines l JOIN contracts ct ON ct.id = l.contract_id WHERE {counted} GROUP BY 2, 3"
            ),
            &["signed_amount", "signed_count", "quantity_milli"],
        ),
        format!(
            "INSERT INTO agg_years (year, customer_id, amount, contracts) \
             SELECT substr(ct.signed_on, 1, 4), ct.customer_id, sum(ct.amount), count(*) FROM contracts ct \
             WHERE {counted} GROUP BY 1, 2 \
             ON CONFLICT (year, customer_id) DO UPDATE SET amount = amount + excluded.amount, \
             contracts = contracts + excluded.contracts"
        ),
        format!(
            "INSERT INTO agg_customers (customer_id, created_day, first_day, last_day, purchases, signed) \
             SELECT s.customer_id, (SELECT {created} FROM customers c WHERE c.id = s.customer_id), min(s.day), \
             max(s.day), count(*), sum(s.amount) FROM agg_sales s WHERE {touched} GROUP BY s.customer_id \
             ON CONFLICT (customer_id) DO UPDATE SET created_day = excluded.created_day, \
             first_day = excluded.first_day, last_day = excluded.last_day, purchases = excluded.purchases, \
             signed = excluded.signed"
        ),
        // Receipts, by customer, under its dimensions and by method.
        format!(
            "INSERT INTO agg_collections (customer_id, day, amount, receipts) \
             SELECT r.customer_id, r.received_on, sum(r.amount), count(*) FROM receipts r WHERE {receipts} \
             GROUP BY 1, 2 ON CONFLICT (customer_id, day) DO UPDATE SET amount = amount + excluded.amount, \
             receipts = receipts + excluded.receipts"
        ),
        cube_add(
            &format!(
                "SELECT v.column1 AS dim, {} AS value, r.received_on AS day, sum(r.amount) AS received_amount, \
                 count(*) AS received_count FROM receipts r LEFT JOIN customers c ON c.id = r.customer_id, {} v \
                 WHERE {receipts} GROUP BY 1, 2, 3 \
                 UNION ALL SELECT 'method', r.method, r.received_on, sum(r.amount), count(*) FROM receipts r \
                 WHERE {receipts} GROUP BY 2, 3",
                dim_case("v.column1", &dims),
                dim_keys(&dims)
            ),
            &["received_amount", "received_count"],
        ),
        // What the payment plans ask for.
        cube_add(
            &format!(
                "SELECT '' AS dim, '' AS value, i.due_on AS day, sum(i.amount) AS planned FROM installments i \
                 WHERE i.id > {} AND i.counted = 1 GROUP BY 3",
                m.installments
            ),
            &["planned"],
        ),
        // What each customer still owes.
        format!(
            "INSERT INTO agg_owed (customer_id, open_amount) SELECT i.customer_id, sum(i.amount - i.received) \
             FROM installments i WHERE i.id > {} AND i.counted = 1 AND i.received < i.amount GROUP BY 1 \
             ON CONFLICT (customer_id) DO UPDATE SET open_amount = open_amount + excluded.open_amount",
            m.installments
        ),
        // Follow-ups.
        cube_add(
            &format!(
                "SELECT '' AS dim, '' AS value, {fu_day} AS day, count(*) AS follow_ups FROM follow_ups f \
                 WHERE {follow_ups} GROUP BY 3 \
                 UNION ALL SELECT 'followUpKind', f.kind, {fu_day}, count(*) FROM follow_ups f \
                 WHERE {follow_ups} GROUP BY 2, 3"
            ),
            &["follow_ups"],
        ),
    ]
}

/// Creates every trigger (after a fill: a fill adds set-wise what they would add row by row).
pub(super) async fn create_triggers(conn: &mut SqliteConnection) -> Result<()> {
    for (_, sql) in schema::triggers() {
        sqlx::query(&sql).execute(&mut *conn).await?;
    }
    Ok(())
}
