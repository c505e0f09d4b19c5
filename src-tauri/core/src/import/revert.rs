//! Reverting an import: the customers it created go (with their contacts and search entries), the ones it
//! changed get their fields back, in one transaction; an import is reverted once.

use super::model::ImportRecord;
use crate::customer::{CustomerInput, ValidCustomer};
use crate::error::{CoreError, Result};
use crate::history;
use crate::record::RecordKind;
use crate::store::Store;
use crate::time::now_ms;

const RECORD: &str = "SELECT id, file_name, entity, mode, created_at, created, updated, rejected, reverted_at FROM imports";

/// The imports, newest first.
pub async fn list(store: &Store) -> Result<Vec<ImportRecord>> {
    Ok(
        sqlx::query_as(&format!("{RECORD} ORDER BY id DESC LIMIT 100"))
            .fetch_all(store.read())
            .await?,
    )
}

pub async fn revert(store: &Store, id: i64) -> Result<ImportRecord> {
    let mut tx = store.write().await?;
    let record: ImportRecord = sqlx::query_as(&format!("{RECORD} WHERE id = ?"))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(CoreError::NotFound)?;
    if record.reverted_at.is_some() {
        return Err(CoreError::conflict(
            "import_reverted",
            format!("import {id} was reverted already"),
        ));
    }
    match record.entity {
        RecordKind::Customers => revert_customers(&mut tx, id).await?,
        RecordKind::Contacts => super::contacts::revert(&mut tx, id).await?,
        RecordKind::Products => super::products::revert(&mut tx, id).await?,
        RecordKind::Contracts => super::contracts::revert(&mut tx, id).await?,
        RecordKind::Installments => super::installments::revert(&mut tx, id).await?,
        RecordKind::Receipts => super::receipts::revert(&mut tx, id).await?,
        RecordKind::FollowUps => super::follow_ups::revert(&mut tx, id).await?,
        RecordKind::Documents => {
            return Err(CoreError::Internal(format!(
                "import {id} names documents, which are never imported"
            )))
        }
    }
    finish(tx, record).await
}

/// Takes back a customer import: the customers it created go, the ones it changed get their fields back.
async fn revert_customers(tx: &mut sqlx::SqliteConnection, id: i64) -> Result<()> {
    const CREATED: &str =
        "SELECT record_id FROM import_rows WHERE import_id = ?1 AND action = 'created'";
    // Deleting a customer takes its contracts and documents with it: money recorded since the import is
    // never lost to a revert.
    let has_money: bool = sqlx::query_scalar(&format!(
        "SELECT EXISTS (SELECT 1 FROM contracts WHERE customer_id IN ({CREATED})) \
         OR EXISTS (SELECT 1 FROM documents WHERE customer_id IN ({CREATED}))"
    ))
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    if has_money {
        return Err(CoreError::conflict(
            "has_contracts",
            format!("a customer of import {id} has contracts or documents now"),
        ));
    }
    // A merge holds the customers it joined; undo it first, or the revert would take the other one along.
    let merged: bool = sqlx::query_scalar(&format!(
        "SELECT EXISTS (SELECT 1 FROM merges WHERE undone_at IS NULL AND \
         (survivor_id IN ({CREATED}) OR merged_id IN ({CREATED})))"
    ))
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    if merged {
        return Err(CoreError::conflict(
            "merged",
            format!("a customer of import {id} is part of a merge"),
        ));
    }
    crate::owned::forget_owned_history(&mut *tx, RecordKind::Customers, CREATED, id).await?;
    for sql in [
        format!("DELETE FROM search_contact WHERE rowid IN (SELECT id FROM contacts WHERE customer_id IN ({CREATED}))"),
        format!("DELETE FROM search_customer WHERE rowid IN ({CREATED})"),
        history::forget_sql(RecordKind::Customers, CREATED),
        format!("DELETE FROM customers WHERE id IN ({CREATED})"),
    ] {
        sqlx::query(&sql).bind(id).execute(&mut *tx).await?;
    }
    let updated: Vec<(i64, String)> = sqlx::query_as(
        "SELECT record_id, before FROM import_rows WHERE import_id = ? AND action = 'updated' AND before IS NOT NULL",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    // Their search tokens are written again once, after the loop (one at a time, each would make FTS5
    // write out a segment of its own).
    let mut changed = Vec::new();
    for (customer_id, before) in updated {
        let input: CustomerInput = serde_json::from_str(&before)
            .map_err(|e| CoreError::Internal(format!("import {id} row {customer_id}: {e}")))?;
        let valid = input.validate()?;
        let now = match crate::customer::load(&mut *tx, customer_id).await {
            Ok(c) => c,
            // Deleted for good since: nothing to put back.
            Err(CoreError::NotFound) => continue,
            Err(e) => return Err(e),
        };
        if ValidCustomer::from(&now) != valid
            && crate::customer::overwrite_fields(&mut *tx, &now, &valid).await?
        {
            changed.push(customer_id);
        }
    }
    crate::search::index_load(&mut *tx, &mut changed, None, false).await?;
    Ok(())
}

/// Marks the import reverted and commits.
async fn finish(
    mut tx: sqlx::Transaction<'static, sqlx::Sqlite>,
    record: ImportRecord,
) -> Result<ImportRecord> {
    let at = now_ms();
    sqlx::query("UPDATE imports SET reverted_at = ? WHERE id = ?")
        .bind(at)
        .bind(record.id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(ImportRecord {
        reverted_at: Some(at),
        ..record
    })
}
