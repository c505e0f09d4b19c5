//! What a merge moves from the merged-away customer to the survivor, and what its undo puts back: every
//! kind of record a customer owns, decided here.

use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

use crate::contact::ensure_primary;
use crate::contract::move_to_customer;
use crate::error::Result;
use crate::record::RecordKind;

/// Reminder kinds whose marks belong to the customer (a birthday's belongs to its contact and moves with it).
const CUSTOMER_REMINDERS: &str = "('followUp', 'keepInTouch', 'dormant')";

/// What moved from the merged-away customer to the survivor, so that undo moves exactly that back
/// (stored with the merge as JSON: fields are only ever added, with a default for older merges).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Moved {
    /// Contact ids, each with whether it was its customer's primary contact.
    pub contacts: Vec<(i64, bool)>,
    pub follow_ups: Vec<i64>,
    /// History entries of the merged-away customer itself.
    pub history: Vec<i64>,
    /// Done / snoozed marks on the merged-away customer's reminders: (kind, due).
    pub reminders: Vec<(String, String)>,
    /// Contracts (with their plans and receipts) and documents; absent in merges from before contracts.
    #[serde(default)]
    pub contracts: Vec<i64>,
    #[serde(default)]
    pub documents: Vec<i64>,
}

async fn ids_of(conn: &mut SqliteConnection, kind: RecordKind, customer: i64) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(&format!(
        "SELECT id FROM {} WHERE customer_id = ? ORDER BY id",
        kind.table()
    ))
    .bind(customer)
    .fetch_all(&mut *conn)
    .await?)
}

/// Moves every record `from` owns to `to`, and the customer's own history and reminder marks, and says
/// what moved. The survivor keeps its primary contact if it has one.
pub(crate) async fn move_records(conn: &mut SqliteConnection, from: i64, to: i64) -> Result<Moved> {
    let mut moved = Moved::default();
    for kind in RecordKind::ALL {
        match kind {
            RecordKind::Customers => {
                moved.history = sqlx::query_scalar(
                    "SELECT id FROM history WHERE entity = ? AND entity_id = ? ORDER BY id",
                )
                .bind(kind.history_name())
                .bind(from)
                .fetch_all(&mut *conn)
                .await?;
                sqlx::query("UPDATE history SET entity_id = ? WHERE entity = ? AND entity_id = ?")
                    .bind(to)
                    .bind(kind.history_name())
                    .bind(from)
                    .execute(&mut *conn)
                    .await?;
                moved.reminders = move_reminder_marks(conn, from, to, None).await?;
            }
            RecordKind::Contacts => {
                moved.contacts = sqlx::query_as(
                    "SELECT id, is_primary FROM contacts WHERE customer_id = ? ORDER BY id",
                )
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
            }
            RecordKind::FollowUps => {
                moved.follow_ups = ids_of(conn, kind, from).await?;
                sqlx::query("UPDATE follow_ups SET customer_id = ? WHERE customer_id = ?")
                    .bind(to)
                    .bind(from)
                    .execute(&mut *conn)
                    .await?;
            }
            // The book's, not a customer's.
            RecordKind::Products => {}
            RecordKind::Contracts => moved.contracts = ids_of(conn, kind, from).await?,
            // They go with their contract.
            RecordKind::Installments | RecordKind::Receipts => {}
            RecordKind::Documents => moved.documents = ids_of(conn, kind, from).await?,
        }
    }
    move_to_customer(conn, &moved.contracts, &moved.documents, to).await?;
    Ok(moved)
}

/// Puts back on `m` what moved from it to `s`. Follow-ups logged on `s` since, with a contact that goes
/// back, keep no contact.
pub(crate) async fn move_back(
    conn: &mut SqliteConnection,
    moved: &Moved,
    s: i64,
    m: i64,
) -> Result<()> {
    let ids = |v: &[i64]| serde_json::to_string(v).expect("ids serialize");
    for kind in RecordKind::ALL {
        match kind {
            RecordKind::Customers => {
                sqlx::query(
                    "UPDATE history SET entity_id = ? WHERE entity = ? AND entity_id = ? \
                     AND id IN (SELECT value FROM json_each(?))",
                )
                .bind(m)
                .bind(kind.history_name())
                .bind(s)
                .bind(ids(&moved.history))
                .execute(&mut *conn)
                .await?;
                move_reminder_marks(conn, s, m, Some(&moved.reminders)).await?;
            }
            RecordKind::Contacts => {
                for (contact, was_primary) in &moved.contacts {
                    sqlx::query(
                        "UPDATE contacts SET customer_id = ?, is_primary = (? AND deleted_at IS NULL) \
                         WHERE id = ? AND customer_id = ?",
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
            }
            RecordKind::FollowUps => {
                sqlx::query(
                    "UPDATE follow_ups SET customer_id = ? WHERE customer_id = ? \
                     AND id IN (SELECT value FROM json_each(?))",
                )
                .bind(m)
                .bind(s)
                .bind(ids(&moved.follow_ups))
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
            }
            RecordKind::Products | RecordKind::Installments | RecordKind::Receipts => {}
            // Contracts and documents go back together, below.
            RecordKind::Contracts | RecordKind::Documents => {}
        }
    }
    move_to_customer(conn, &moved.contracts, &moved.documents, m).await?;
    Ok(())
}

/// Moves the customer's reminder marks (all of them, or only `only`) from `from` to `to`, except where `to`
/// has a mark for the same reminder already; says which moved.
async fn move_reminder_marks(
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
        let done = sqlx::query(
            "UPDATE OR IGNORE reminder_actions SET entity_id = ? WHERE kind = ? AND entity_id = ? AND due = ?",
        )
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
