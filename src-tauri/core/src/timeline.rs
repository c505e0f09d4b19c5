//! A customer's timeline (时间线): follow-ups and every recorded change of the customer and its contacts,
//! newest first, with the contracts it signed and the payments it made. Other record types (tickets) join
//! by adding their entries here.

use serde::Serialize;
use ts_rs::TS;

use crate::contract::ContractRow;
use crate::error::Result;
use crate::follow_up::FollowUp;
use crate::history::HistoryEntry;
use crate::merge::Merge;
use crate::receivable::Receipt;
use crate::store::Store;
use crate::time::noon_of;

/// One event on a customer's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "type")]
#[ts(export)]
pub enum TimelineEntry {
    /// A follow-up was logged.
    FollowUp {
        #[ts(type = "number")]
        at: i64,
        #[serde(rename = "followUp")]
        follow_up: FollowUp,
    },
    /// A field of the customer or of one of its contacts changed (or the record was created or trashed).
    Change {
        #[ts(type = "number")]
        at: i64,
        /// `customer` or `contact`.
        entity: String,
        #[ts(type = "number")]
        #[serde(rename = "entityId")]
        entity_id: i64,
        /// The contact's name for a contact's change.
        label: Option<String>,
        change: HistoryEntry,
    },
    /// Another customer was merged into this one (undone or not; undo starts here).
    Merge {
        #[ts(type = "number")]
        at: i64,
        merge: Merge,
    },
    /// A contract was signed (at noon UTC of its sign date; its creation when it has none).
    Contract {
        #[ts(type = "number")]
        at: i64,
        contract: ContractRow,
    },
    /// A payment came in (at noon UTC of the day it was received).
    Receipt {
        #[ts(type = "number")]
        at: i64,
        receipt: Receipt,
    },
}

impl TimelineEntry {
    fn at(&self) -> i64 {
        match self {
            TimelineEntry::FollowUp { at, .. }
            | TimelineEntry::Change { at, .. }
            | TimelineEntry::Merge { at, .. }
            | TimelineEntry::Contract { at, .. }
            | TimelineEntry::Receipt { at, .. } => *at,
        }
    }
}

/// The most entries a timeline returns.
pub const TIMELINE_LIMIT: usize = 300;

pub async fn of_customer(store: &Store, customer_id: i64) -> Result<Vec<TimelineEntry>> {
    let mut out: Vec<TimelineEntry> = store
        .follow_ups()
        .of_customer(customer_id)
        .await?
        .into_iter()
        .map(|f| TimelineEntry::FollowUp {
            at: f.happened_at,
            follow_up: f,
        })
        .collect();
    let customer: Vec<HistoryEntry> = crate::history::of(store, "customer", customer_id).await?;
    // A merge shows once, as itself, rather than also as the survivor's `mergedFrom` change.
    out.extend(
        customer
            .into_iter()
            .filter(|c| c.field != "mergedFrom")
            .map(|change| TimelineEntry::Change {
                at: change.changed_at,
                entity: "customer".into(),
                entity_id: customer_id,
                label: None,
                change,
            }),
    );
    // Every contact's history in one query rather than one per contact.
    let contact_changes: Vec<(i64, String, String, Option<String>, Option<String>, i64)> = sqlx::query_as(
        "SELECT ct.id, ct.name, h.field, h.old_value, h.new_value, h.changed_at FROM contacts ct \
         JOIN history h ON h.entity = 'contact' AND h.entity_id = ct.id WHERE ct.customer_id = ?",
    )
    .bind(customer_id)
    .fetch_all(store.read())
    .await?;
    for (id, name, field, old_value, new_value, changed_at) in contact_changes {
        out.push(TimelineEntry::Change {
            at: changed_at,
            entity: "contact".into(),
            entity_id: id,
            label: Some(name),
            change: HistoryEntry {
                field,
                old_value,
                new_value,
                changed_at,
            },
        });
    }
    let merges = crate::merge::into_customer(store, customer_id).await?;
    out.extend(merges.into_iter().map(|merge| TimelineEntry::Merge {
        at: merge.merged_at,
        merge,
    }));
    for contract in store.contracts().of_customer(customer_id).await? {
        let at = contract
            .signed_on
            .as_deref()
            .and_then(noon_of)
            .unwrap_or(contract.updated_at);
        out.push(TimelineEntry::Contract { at, contract });
    }
    for receipt in store.receipts().of_customer(customer_id).await? {
        let at = noon_of(&receipt.received_on).unwrap_or(receipt.created_at);
        out.push(TimelineEntry::Receipt { at, receipt });
    }
    out.sort_by_key(|e| std::cmp::Reverse(e.at()));
    out.truncate(TIMELINE_LIMIT);
    Ok(out)
}
