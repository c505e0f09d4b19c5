//! Undoing a merge: both customers come back as they were. What moved goes back; the survivor's fields the
//! merge set go back to their old values, except those the user has changed since (their edit stands).

use serde_json::{Map, Value};

use super::model::{self, Merge};
use crate::customer::{load, overwrite, CustomerInput, ValidCustomer};
use crate::error::{CoreError, Result};
use crate::follow_up::refresh_customer;
use crate::history::{self, Change};
use crate::owned::{self, Moved};
use crate::record::RecordKind;
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
    owned::move_back(&mut tx, &moved, s, m).await?;
    refresh_customer(&mut tx, s, now).await?;
    refresh_customer(&mut tx, m, now).await?;
    search::sync_customer(&mut tx, m).await?;
    search::sync_contacts_of(&mut tx, m).await?;
    history::record(
        &mut tx,
        RecordKind::Customers,
        m,
        &[Change::new("mergedInto", Some(restored.name.clone()), None)],
        now,
    )
    .await?;
    history::record(
        &mut tx,
        RecordKind::Customers,
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
