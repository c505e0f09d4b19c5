//! SQL for products: create, edit with history, trash, restore, delete (refused while a contract line uses
//! the product), and a keyset-paged list by name.

use sqlx::{QueryBuilder, SqliteConnection};

use super::model::{Product, ProductInput, ProductPage, ProductQuery, ValidProduct};
use crate::error::{CoreError, Result};
use crate::history::{self, Change};
use crate::page::{page_size, Cursor, SortValue};
use crate::record::RecordKind;
use crate::store::Store;
use crate::time::now_ms;

const COLUMNS: &str =
    "id, name, code, unit, category, list_price, cost, active, notes, created_at, \
     updated_at, deleted_at";

/// The products of one open store.
pub struct Products<'s> {
    pub(crate) store: &'s Store,
}

impl Store {
    pub fn products(&self) -> Products<'_> {
        Products { store: self }
    }
}

pub(crate) fn unique_code(e: sqlx::Error) -> CoreError {
    if let sqlx::Error::Database(db) = &e {
        if db.message().contains("products.code") {
            return CoreError::conflict("code_taken", db.message().to_string());
        }
    }
    e.into()
}

/// The fields of a product as history compares them.
fn snapshot(p: &ValidProduct) -> Vec<(&'static str, Option<String>)> {
    vec![
        ("name", Some(p.name.clone())),
        ("code", p.code.clone()),
        ("unit", p.unit.clone()),
        ("category", p.category.clone()),
        ("listPrice", Some(p.list_price.to_string())),
        ("cost", p.cost.map(|c| c.to_string())),
        ("active", Some(p.active.to_string())),
        ("notes", p.notes.clone()),
    ]
}

impl Products<'_> {
    pub async fn create_from(&self, input: &ProductInput) -> Result<Product> {
        self.create(&input.validate()?).await
    }

    pub async fn update_from(&self, id: i64, input: &ProductInput) -> Result<Product> {
        self.update(id, &input.validate()?).await
    }

    pub async fn create(&self, p: &ValidProduct) -> Result<Product> {
        let now = now_ms();
        let mut tx = self.store.write().await?;
        let id = insert_one(&mut tx, p, now).await?;
        tx.commit().await?;
        self.get(id).await
    }

    /// Saves an edit of a live product. Contract lines keep what they said when they were written.
    pub async fn update(&self, id: i64, p: &ValidProduct) -> Result<Product> {
        let before = self.get(id).await?;
        if before.deleted_at.is_some() {
            return Err(CoreError::NotFound);
        }
        let mut tx = self.store.write().await?;
        if overwrite(&mut tx, &before, p, now_ms()).await? {
            tx.commit().await?;
        }
        self.get(id).await
    }

    pub async fn get(&self, id: i64) -> Result<Product> {
        Ok(
            sqlx::query_as(&format!("SELECT {COLUMNS} FROM products WHERE id = ?"))
                .bind(id)
                .fetch_one(self.store.read())
                .await?,
        )
    }

    /// One page of products by name (the trash: most recently trashed first).
    pub async fn list(&self, q: &ProductQuery) -> Result<ProductPage> {
        let (column, descending) = if q.trashed {
            ("deleted_at", true)
        } else {
            ("name", false)
        };
        let mut b = QueryBuilder::new(format!("SELECT {COLUMNS} FROM products WHERE "));
        b.push(if q.trashed {
            "deleted_at IS NOT NULL"
        } else {
            "deleted_at IS NULL"
        });
        if q.active_only {
            b.push(" AND active = 1");
        }
        if let Some(text) = q.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            // The user's text is a bound value and its wildcards are escaped: it never becomes a pattern.
            let like = format!("%{}%", escape_like(text));
            b.push(" AND (name LIKE ")
                .push_bind(like.clone())
                .push(" ESCAPE '\\' OR code LIKE ")
                .push_bind(like)
                .push(" ESCAPE '\\')");
        }
        if let Some(after) = &q.after {
            Cursor::decode(after)?.push_after(&mut b, column, "id", descending);
        }
        let dir = if descending { "DESC" } else { "ASC" };
        let limit = page_size(q.limit);
        b.push(format!(" ORDER BY {column} {dir}, id {dir} LIMIT "))
            .push_bind(limit as i64);
        let rows: Vec<Product> = b.build_query_as().fetch_all(self.store.read()).await?;
        let next_cursor = match rows.last() {
            Some(last) if rows.len() == limit as usize => {
                let value = if q.trashed {
                    SortValue::Int(last.deleted_at.unwrap_or_default())
                } else {
                    SortValue::Text(last.name.clone())
                };
                Some(Cursor::new(value, last.id).encode())
            }
            _ => None,
        };
        Ok(ProductPage { rows, next_cursor })
    }
}

/// Inserts a product with its history (the form and imports).
pub(crate) async fn insert_one(
    conn: &mut SqliteConnection,
    p: &ValidProduct,
    now: i64,
) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO products (name, code, unit, category, list_price, cost, active, notes, created_at, \
         updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(&p.name)
    .bind(&p.code)
    .bind(&p.unit)
    .bind(&p.category)
    .bind(p.list_price)
    .bind(p.cost)
    .bind(p.active)
    .bind(&p.notes)
    .bind(now)
    .bind(now)
    .fetch_one(&mut *conn)
    .await
    .map_err(unique_code)?;
    history::record(conn, RecordKind::Products, id, &[Change::created()], now).await?;
    Ok(id)
}

/// Writes `p` over the stored product `before`, recording each changed field; false when nothing changed.
pub(crate) async fn overwrite(
    conn: &mut SqliteConnection,
    before: &Product,
    p: &ValidProduct,
    now: i64,
) -> Result<bool> {
    let old = ValidProduct::from(before);
    let changes = history::changes(&snapshot(&old), &snapshot(p));
    if changes.is_empty() {
        return Ok(false);
    }
    sqlx::query(
        "UPDATE products SET name = ?, code = ?, unit = ?, category = ?, list_price = ?, cost = ?, \
         active = ?, notes = ?, updated_at = ? WHERE id = ?",
    )
    .bind(&p.name)
    .bind(&p.code)
    .bind(&p.unit)
    .bind(&p.category)
    .bind(p.list_price)
    .bind(p.cost)
    .bind(p.active)
    .bind(&p.notes)
    .bind(now)
    .bind(before.id)
    .execute(&mut *conn)
    .await
    .map_err(unique_code)?;
    history::record(conn, RecordKind::Products, before.id, &changes, now).await?;
    Ok(true)
}

/// `%`, `_` and the escape character itself, escaped for `LIKE … ESCAPE '\'`.
pub(crate) fn escape_like(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
