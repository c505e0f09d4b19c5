//! Undoing a merge: both customers come back as they were. What moved goes back; the survivor's fields the
//! merge set go back to their old values, except those the user has changed since (their edit stands).

use serde_json::{Map, Value};
use sqlx::SqliteConnection;

use super::model::{self, Merge, Moved};
use super::run::move_reminder_marks;
use crate::contact::ensure_primary;
use crate::customer::{load, overwrite, CustomerInput, ValidCustomer};
use crate::error::{CoreError, Result};
use crate::follow_up::refresh_customer;
use crate::history::{self, Change};
use crate::search;
use crate::store::Store;
use crate::time::now_ms;

/// Undoes merge `id`. Refused when it was undone already, or when the survivor is in the trash or merged
/// away itself (restore or undo that first).
pub async fn undo(store: &Store, id: i64) -> Result<Merge> {
    let mut tx = store.write().await?;
    let merge = model::get(&mut tx, id).await?;
    if merge.undone_at.is_some() {
        return Err(CoreError::conflict(
            "merge_undone",
            format!("merge {id} was undone already"),
        ));
    }
    let (s, m) = (merge.survivor_id, merge.merged_id);
    let survivor = load(&mut tx, s).await?;
    if survivor.deleted_at.is_some() {
        return Err(CoreError::conflict(
            "customer_trashed",
            format!("customer {s} is in the trash"),
        ));
    }
    let (before, after, moved): (String, String, String) =
        sqlx::query_as("SELECT survivor_before, survivor_after, moved FROM merges WHERE id = ?")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
    let moved: Moved =
        serde_json::from_str(&moved).map_err(|e| CoreError::Internal(e.to_string()))?;
    let now = now_ms();

    let current = CustomerInput::from(&ValidCustomer::from(&survivor));
    let restored = unmerged_fields(&current, &before, &after)?;
    overwrite(&mut tx, &survivor, &restored).await?;
    // The survivor has given back the merged-away customer's 统一社会信用代码 (if it took it) before that one returns.
    sqlx::query("UPDATE customers SET deleted_at = NULL, merged_into = NULL WHERE id = ?")
        .bind(m)
        .execute(&mut *tx)
        .await
        .map_err(crate::customer::unique_uscc)?;
    move_back(&mut tx, &moved, s, m).await?;
    refresh_customer(&mut tx, s, now).await?;
    refresh_customer(&mut tx, m, now).await?;
    search::sync_customer(&mut tx, m).await?;
    search::sync_contacts_of(&mut tx, m).await?;
    history::record(
        &mut tx,
        "customer",
        m,
        &[Change::new("mergedInto", Some(restored.name.clone()), None)],
        now,
    )
    .await?;
    history::record(
        &mut tx,
        "customer",
        s,
        &[Change::new(
            "mergedFrom",
            Some(merge.merged_name.clone()),
            None,
        )],
        now,
    )
    .await?;
    sqlx::query("UPDATE merges SET undone_at = ? WHERE id = ?")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let merge = model::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(merge)
}

/// Each field goes back to its value before the merge if it still holds what the merge put there.
fn unmerged_fields(current: &CustomerInput, before: &str, after: &str) -> Result<ValidCustomer> {
    let parse = |s: &str| -> Result<Map<String, Value>> {
        match serde_json::from_str(s) {
            Ok(Value::Object(map)) => Ok(map),
            _ => Err(CoreError::Internal(
                "a merge's stored fields are not an object".into(),
            )),
        }
    };
    let (before, after) = (parse(before)?, parse(after)?);
    let Value::Object(mut fields) = serde_json::to_value(current).expect("input serializes") else {
        unreachable!("a CustomerInput serializes to an object")
    };
    for (key, now) in fields.iter_mut() {
        if after.get(key) == Some(now) {
            *now = before.get(key).cloned().unwrap_or(Value::Null);
        }
    }
    let input: CustomerInput = serde_json::from_value(Value::Object(fields))
        .map_err(|e| CoreError::Internal(e.to_string()))?;
    input.validate()
}

/// Puts back on `m` what moved from it to `s`: the contacts (with their primary flags), follow-ups, history
/// and reminder marks. Follow-ups logged on `s` since, with a contact that goes back, keep no contact.
async fn move_back(conn: &mut SqliteConnection, moved: &Moved, s: i64, m: i64) -> Result<()> {
    for (contact, was_primary) in &moved.contacts {
        sqlx::query(
            "UPDATE contacts SET customer_id = ?, is_primary = (? AND deleted_at IS NULL) WHERE id = ? AND customer_id = ?",
        )
        .bind(m)
        .bind(was_primary)
        .bind(contact)
        .bind(s)
        .execute(&mut *conn)
        .await?;
    }
    ensure_primary(conn, s).await?;
    ensure_primary(conn, m).await?;
    let ids = |v: Vec<i64>| serde_json::to_string(&v).expect("ids serialize");
    sqlx::query("UPDATE follow_ups SET customer_id = ? WHERE customer_id = ? AND id IN (SELECT value FROM json_each(?))")
        .bind(m)
        .bind(s)
        .bind(ids(moved.follow_ups.clone()))
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "UPDATE follow_ups SET contact_id = NULL WHERE customer_id = ? \
         AND contact_id IN (SELECT id FROM contacts WHERE customer_id = ?)",
    )
    .bind(s)
    .bind(m)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE history SET entity_id = ? WHERE entity = 'customer' AND entity_id = ? \
         AND id IN (SELECT value FROM json_each(?))",
    )
    .bind(m)
    .bind(s)
    .bind(ids(moved.history.clone()))
    .execute(&mut *conn)
    .await?;
    move_reminder_marks(conn, s, m, Some(&moved.reminders)).await?;
    crate::contract::move_to_customer(conn, &moved.contracts, &moved.documents, m).await?;
    Ok(())
}
