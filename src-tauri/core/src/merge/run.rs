//! Carrying a merge out, in one transaction: nothing half-merged is ever seen.

use sqlx::SqliteConnection;

use super::model::{self, MergeInput, MergeOutcome};
use crate::customer::{load, overwrite, Customer, CustomerInput, ValidCustomer};
use crate::error::{CoreError, Result};
use crate::follow_up::refresh_customer;
use crate::history::{self, Change};
use crate::owned;
use crate::record::RecordKind;
use crate::search;
use crate::store::Store;
use crate::time::now_ms;

/// Merges `input.merged_id` into `input.survivor_id`. Refused for a customer merged into itself, and when
/// either is in the trash (or merged away already).
pub async fn merge(store: &Store, input: &MergeInput) -> Result<MergeOutcome> {
    let (s, m) = (input.survivor_id, input.merged_id);
    if s == m {
        return Err(CoreError::conflict(
            "merge_self",
            format!("customer {s} cannot be merged into itself"),
        ));
    }
    let fields = input.fields.validate()?;
    let mut tx = store.write().await?;
    let survivor = live(&mut tx, s).await?;
    let merged = live(&mut tx, m).await?;
    let now = now_ms();

    // The merged-away customer leaves first, so that the survivor may take its 统一社会信用代码.
    sqlx::query("UPDATE customers SET deleted_at = ?, merged_into = ? WHERE id = ?")
        .bind(now)
        .bind(s)
        .bind(m)
        .execute(&mut *tx)
        .await?;
    overwrite(&mut tx, &survivor, &fields).await?;
    let moved = owned::move_records(&mut tx, m, s).await?;
    refresh_customer(&mut tx, s, now).await?;
    search::sync_customer(&mut tx, m).await?;
    search::sync_contacts_of(&mut tx, s).await?;
    history::record(
        &mut tx,
        RecordKind::Customers,
        m,
        &[Change::new("mergedInto", None, Some(fields.name.clone()))],
        now,
    )
    .await?;
    history::record(
        &mut tx,
        RecordKind::Customers,
        s,
        &[Change::new("mergedFrom", None, Some(merged.name.clone()))],
        now,
    )
    .await?;

    let before = CustomerInput::from(&ValidCustomer::from(&survivor));
    let after = CustomerInput::from(&fields);
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO merges (survivor_id, merged_id, survivor_before, survivor_after, moved, merged_at) \
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(s)
    .bind(m)
    .bind(serde_json::to_string(&before).expect("input serializes"))
    .bind(serde_json::to_string(&after).expect("input serializes"))
    .bind(serde_json::to_string(&moved).expect("moved serializes"))
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    let merge = model::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(MergeOutcome {
        merge,
        survivor: store.customers().get(s).await?,
    })
}

/// A customer that may take part in a merge: stored, not trashed, not merged away.
async fn live(conn: &mut SqliteConnection, id: i64) -> Result<Customer> {
    let c = load(conn, id).await?;
    if c.deleted_at.is_some() {
        return Err(CoreError::conflict(
            "customer_trashed",
            format!("customer {id} is in the trash"),
        ));
    }
    Ok(c)
}
