//! Importing products: a row is the same product as a live one with its code, or (without a code) with its
//! name. Written in one transaction through the same functions as the form, and recorded for revert.

use std::collections::{HashMap, HashSet};

use sqlx::SqliteConnection;

use super::model::{ImportMode, ImportReport, ImportRequest};
use super::plan::{carry_out, parse_before, updated, Plan, Record, CREATED};
use super::row::SheetRow;
use crate::error::{CoreError, Result};
use crate::history;
use crate::product::{Product, ProductInput, ValidProduct};
use crate::record::RecordKind;
use crate::store::Store;
use crate::time::now_ms;

struct Products;

impl Record for Products {
    type Stored = Product;
    type Valid = ValidProduct;
    type Context = ();
    const KIND: RecordKind = RecordKind::Products;

    async fn insert(
        conn: &mut SqliteConnection,
        _: &(),
        valid: &ValidProduct,
        now: i64,
    ) -> Result<Vec<i64>> {
        Ok(vec![crate::product::insert_one(conn, valid, now).await?])
    }

    async fn overwrite(
        conn: &mut SqliteConnection,
        before: &Product,
        valid: &ValidProduct,
        now: i64,
    ) -> Result<()> {
        crate::product::overwrite(conn, before, valid, now)
            .await
            .map(|_| ())
    }

    fn before(stored: &Product) -> (i64, String) {
        (
            stored.id,
            serde_json::to_string(&ProductInput::from(stored)).expect("serializes"),
        )
    }
}

/// Sets one field of the form from a cell's text (money arrives as 分, flags as true/false).
fn apply(input: &mut ProductInput, key: &str, text: &str) -> Result<()> {
    let some = || Some(text.to_string());
    let fen = |field: &'static str| {
        text.parse::<i64>()
            .map_err(|_| CoreError::invalid(field, "format"))
    };
    match key {
        "name" => input.name = text.to_string(),
        "code" => input.code = some(),
        "unit" => input.unit = some(),
        "category" => input.category = some(),
        "listPrice" => input.list_price = fen("listPrice")?,
        "cost" => input.cost = Some(fen("cost")?),
        "active" => input.active = text == "true",
        "notes" => input.notes = some(),
        _ => {}
    }
    Ok(())
}

/// The key a row matches on: its code, else its name.
fn key_of(row: &SheetRow) -> Option<(bool, String)> {
    let code = row
        .get("code")
        .map(|c| crate::field::half_width(c.trim()))
        .filter(|c| !c.is_empty());
    match code {
        Some(c) => Some((true, c)),
        None => row
            .get("name")
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .map(|n| (false, n)),
    }
}

/// Every live product by code and by name (a catalogue is small: one read of the table).
async fn live_products(
    store: &Store,
) -> Result<(HashMap<String, Product>, HashMap<String, Vec<Product>>)> {
    let all = store
        .products()
        .list(&crate::product::ProductQuery {
            limit: 500,
            ..Default::default()
        })
        .await?;
    let mut rows = all.rows;
    let mut after = all.next_cursor;
    while let Some(cursor) = after {
        let page = store
            .products()
            .list(&crate::product::ProductQuery {
                limit: 500,
                after: Some(cursor),
                ..Default::default()
            })
            .await?;
        rows.extend(page.rows);
        after = page.next_cursor;
    }
    let mut by_code = HashMap::new();
    let mut by_name: HashMap<String, Vec<Product>> = HashMap::new();
    for p in rows {
        if let Some(code) = &p.code {
            by_code.insert(code.clone(), p.clone());
        }
        by_name.entry(p.name.clone()).or_default().push(p);
    }
    Ok((by_code, by_name))
}

/// Plans and (unless a dry run) writes a product import. `cells_of` gives a refused row's original cells.
pub(super) async fn run(
    store: &Store,
    request: &ImportRequest,
    file_name: String,
    headers: &[String],
    rows: &[SheetRow],
    cells_of: &(dyn Fn(&SheetRow) -> Vec<String> + Sync),
) -> Result<ImportReport> {
    let (by_code, by_name) = live_products(store).await?;
    let mut seen: HashSet<(bool, String)> = HashSet::new();
    let plans: Vec<Plan<Product, ValidProduct>> = rows
        .iter()
        .map(|row| {
            let fields = match &row.fields {
                Ok(f) => f,
                Err(refusal) => return Plan::Reject(refusal.clone()),
            };
            let Some(key) = key_of(row) else {
                return Plan::reject("name", "required");
            };
            if !seen.insert(key.clone()) {
                return Plan::reject("", "duplicate_in_file");
            }
            let stored: Option<&Product> = match &key {
                (true, code) => by_code.get(code),
                (false, name) => match by_name.get(name).map(Vec::as_slice) {
                    None | Some([]) => None,
                    Some([p]) => Some(p),
                    Some(_) => return Plan::reject("name", "ambiguous"),
                },
            };
            let base = match (stored, request.mode) {
                (Some(_), ImportMode::Create) => return Plan::reject("", "exists"),
                (None, ImportMode::Update) => return Plan::reject("", "not_found"),
                (Some(p), _) => ProductInput::from(p),
                (None, _) => ProductInput::default(),
            };
            let mut input = base;
            for (k, v) in fields {
                if let Err(e) = apply(&mut input, k, v) {
                    return Plan::refused(&e);
                }
            }
            match (input.validate(), stored) {
                (Err(e), _) => Plan::refused(&e),
                (Ok(product), None) => Plan::Create(product),
                (Ok(product), Some(p)) if product == ValidProduct::from(p) => Plan::Unchanged,
                (Ok(product), Some(p)) => Plan::Update {
                    before: Box::new(p.clone()),
                    valid: product,
                },
            }
        })
        .collect();

    carry_out::<Products>(
        store,
        &(),
        request,
        &file_name,
        headers,
        rows,
        &plans,
        cells_of,
    )
    .await
}

/// Reverts a product import inside the caller's transaction: created products go (or, when a contract has
/// sold them since, go to the trash, so that no contract loses a line), updated ones get their fields back.
pub(super) async fn revert(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let now = now_ms();
    sqlx::query(&format!(
        "UPDATE products SET deleted_at = ?2 WHERE id IN ({CREATED}) AND deleted_at IS NULL \
         AND EXISTS (SELECT 1 FROM contract_lines l WHERE l.product_id = products.id)"
    ))
    .bind(id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    for sql in [
        history::forget_sql(
            RecordKind::Products,
            &format!("{CREATED} AND record_id NOT IN (SELECT product_id FROM contract_lines WHERE product_id IS NOT NULL)"),
        ),
        format!(
            "DELETE FROM products WHERE id IN ({CREATED}) \
             AND NOT EXISTS (SELECT 1 FROM contract_lines l WHERE l.product_id = products.id)"
        ),
    ] {
        sqlx::query(&sql).bind(id).execute(&mut *conn).await?;
    }
    for (product_id, before) in updated(conn, id).await? {
        let input: ProductInput = parse_before(id, product_id, &before)?;
        let valid = input.validate()?;
        let stored: Option<Product> = sqlx::query_as(
            "SELECT id, name, code, unit, category, list_price, cost, active, notes, created_at, updated_at, \
             deleted_at FROM products WHERE id = ?",
        )
        .bind(product_id)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(now_stored) = stored.filter(|p| p.deleted_at.is_none()) {
            crate::product::overwrite(conn, &now_stored, &valid, now).await?;
        }
    }
    Ok(())
}
