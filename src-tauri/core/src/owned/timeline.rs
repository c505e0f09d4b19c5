//! A customer's timeline (时间线): follow-ups and every recorded change of the customer and its contacts,
//! newest first, with the merges into it, the contracts it signed and the payments it made. Each kind of
//! record a customer owns says here what it shows (a new kind does not compile until it has).

use serde::Serialize;
use ts_rs::TS;

use crate::contract::ContractRow;
use crate::error::Result;
use crate::follow_up::FollowUp;
use crate::history::HistoryEntry;
use crate::merge::Merge;
use crate::receivable::Receipt;
use crate::record::RecordKind;
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
        /// `customers` or `contacts`.
        entity: RecordKind,
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

    /// Which of two entries at the same moment comes first: a follow-up before the changes it caused.
    fn rank(&self) -> u8 {
        match self {
            TimelineEntry::FollowUp { .. } => 0,
            TimelineEntry::Change {
                entity: RecordKind::Customers,
                ..
            } => 1,
            TimelineEntry::Change { .. } => 2,
            TimelineEntry::Merge { .. } => 3,
            TimelineEntry::Contract { .. } => 4,
            TimelineEntry::Receipt { .. } => 5,
        }
    }
}

/// The most entries a timeline returns.
pub const TIMELINE_LIMIT: usize = 300;

pub async fn of_customer(store: &Store, customer_id: i64) -> Result<Vec<TimelineEntry>> {
    let mut out = Vec::new();
    for kind in RecordKind::ALL {
        match kind {
            RecordKind::Customers => {
                let changes = crate::history::of(store, kind, customer_id).await?;
                // A merge shows once, as itself, rather than also as the survivor's `mergedFrom` change.
                out.extend(
                    changes
                        .into_iter()
                        .filter(|c| c.field != "mergedFrom")
                        .map(|change| TimelineEntry::Change {
                            at: change.changed_at,
                            entity: kind,
                            entity_id: customer_id,
                            label: None,
                            change,
                        }),
                );
                let merges = crate::merge::into_customer(store, customer_id).await?;
                out.extend(merges.into_iter().map(|merge| TimelineEntry::Merge {
                    at: merge.merged_at,
                    merge,
                }));
            }
            RecordKind::Contacts => out.extend(contact_changes(store, customer_id).await?),
            RecordKind::FollowUps => {
                let follow_ups = store.follow_ups().of_customer(customer_id).await?;
                out.extend(follow_ups.into_iter().map(|f| TimelineEntry::FollowUp {
                    at: f.happened_at,
                    follow_up: f,
                }));
            }
            // The book's, not the customer's.
            RecordKind::Products => {}
            RecordKind::Contracts => {
                for contract in store.contracts().of_customer(customer_id).await? {
                    let at = contract
                        .signed_on
                        .as_deref()
                        .and_then(noon_of)
                        .unwrap_or(contract.updated_at);
                    out.push(TimelineEntry::Contract { at, contract });
                }
            }
            // A plan is what the contract asks for; what came in shows as receipts.
            RecordKind::Installments => {}
            RecordKind::Receipts => {
                for receipt in store.receipts().of_customer(customer_id).await? {
                    let at = noon_of(&receipt.received_on).unwrap_or(receipt.created_at);
                    out.push(TimelineEntry::Receipt { at, receipt });
                }
            }
            // Documents have their own tab on the customer.
            RecordKind::Documents => {}
        }
    }
    out.sort_by_key(|e| (std::cmp::Reverse(e.at()), e.rank()));
    out.truncate(TIMELINE_LIMIT);
    Ok(out)
}

/// Every contact's history in one query rather than one per contact.
async fn contact_changes(store: &Store, customer_id: i64) -> Result<Vec<TimelineEntry>> {
    let rows: Vec<(i64, String, String, Option<String>, Option<String>, i64)> = sqlx::query_as(
        "SELECT ct.id, ct.name, h.field, h.old_value, h.new_value, h.changed_at FROM contacts ct \
         JOIN history h ON h.entity = ? AND h.entity_id = ct.id WHERE ct.customer_id = ?",
    )
    .bind(RecordKind::Contacts.history_name())
    .bind(customer_id)
    .fetch_all(store.read())
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, name, field, old_value, new_value, changed_at)| TimelineEntry::Change {
                at: changed_at,
                entity: RecordKind::Contacts,
                entity_id: id,
                label: Some(name),
                change: HistoryEntry {
                    field,
                    old_value,
                    new_value,
                    changed_at,
                },
            },
        )
        .collect())
}
