//! Carrying a merge out, in one transaction: nothing half-merged is ever seen.

use sqlx::SqliteConnection;

use super::model::{self, MergeInput, MergeOutcome, Moved};
use crate::contact::ensure_primary;
use crate::contract::move_to_customer;
use crate::customer::{load, overwrite, Customer, CustomerInput, ValidCustomer};
use crate::error::{CoreError, Result};
use crate::follow_up::refresh_customer;
use crate::history::{self, Change};
use crate::search;
use crate::store::Store;
use crate::time::now_ms;

/// Reminder kinds whose marks belong to the customer (a birthday's belongs to its contact and moves with it).
pub(crate) const CUSTOMER_REMINDERS: &str = "('followUp', 'keepInTouch', 'dormant')";

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
    let moved = move_records(&mut tx, m, s).await?;
    refresh_customer(&mut tx, s, now).await?;
    search::sync_customer(&mut tx, m).await?;
    search::sync_contacts_of(&mut tx, s).await?;
    history::record(
        &mut tx,
        "customer",
        m,
        &[Change::new("mergedInto", None, Some(fields.name.clone()))],
        now,
    )
    .await?;
    history::record(
        &mut tx,
        "customer",
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

/// Moves contacts (live and trashed), follow-ups, the customer's own history and its reminder marks from
/// `from` to `to`, and says what moved. The survivor keeps its primary contact if it has one.
async fn move_records(conn: &mut SqliteConnection, from: i64, to: i64) -> Result<Moved> {
    let contacts: Vec<(i64, bool)> =
        sqlx::query_as("SELECT id, is_primary FROM contacts WHERE customer_id = ? ORDER BY id")
            .bind(from)
            .fetch_all(&mut *conn)
            .await?;
    sqlx::query(
        "UPDATE contacts SET customer_id = ?1, is_primary = is_primary AND NOT EXISTS \
         (SELECT 1 FROM contacts WHERE customer_id = ?1 AND deleted_at IS NULL AND is_primary = 1) \
         WHERE customer_id = ?2",
    )
    .bind(to)
    .bind(from)
    .execute(&mut *conn)
    .await?;
    ensure_primary(conn, to).await?;

    let follow_ups: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM follow_ups WHERE customer_id = ? ORDER BY id")
            .bind(from)
            .fetch_all(&mut *conn)
            .await?;
    sqlx::query("UPDATE follow_ups SET customer_id = ? WHERE customer_id = ?")
        .bind(to)
        .bind(from)
        .execute(&mut *conn)
        .await?;

    let history: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM history WHERE entity = 'customer' AND entity_id = ? ORDER BY id",
    )
    .bind(from)
    .fetch_all(&mut *conn)
    .await?;
    sqlx::query("UPDATE history SET entity_id = ? WHERE entity = 'customer' AND entity_id = ?")
        .bind(to)
        .bind(from)
        .execute(&mut *conn)
        .await?;

    let reminders = move_reminder_marks(conn, from, to, None).await?;
    let contracts: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM contracts WHERE customer_id = ? ORDER BY id")
            .bind(from)
            .fetch_all(&mut *conn)
            .await?;
    let documents: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM documents WHERE customer_id = ? ORDER BY id")
            .bind(from)
            .fetch_all(&mut *conn)
            .await?;
    move_to_customer(conn, &contracts, &documents, to).await?;
    Ok(Moved {
        contacts,
        follow_ups,
        history,
        reminders,
        contracts,
        documents,
    })
}

/// Moves the customer's reminder marks (all of them, or only `only`) from `from` to `to`, except where `to`
/// has a mark for the same reminder already; says which moved.
pub(crate) async fn move_reminder_marks(
    conn: &mut SqliteConnection,
    from: i64,
    to: i64,
    only: Option<&[(String, String)]>,
) -> Result<Vec<(String, String)>> {
    let marks: Vec<(String, String)> = sqlx::query_as(&format!(
        "SELECT kind, due FROM reminder_actions WHERE entity_id = ? AND kind IN {CUSTOMER_REMINDERS}"
    ))
    .bind(from)
    .fetch_all(&mut *conn)
    .await?;
    let mut moved = Vec::new();
    for (kind, due) in marks {
        if only.is_some_and(|o| !o.contains(&(kind.clone(), due.clone()))) {
            continue;
        }
        let done = sqlx::query("UPDATE OR IGNORE reminder_actions SET entity_id = ? WHERE kind = ? AND entity_id = ? AND due = ?")
            .bind(to)
            .bind(&kind)
            .bind(from)
            .bind(&due)
            .execute(&mut *conn)
            .await?;
        if done.rows_affected() == 1 {
            moved.push((kind, due));
        }
    }
    Ok(moved)
}
