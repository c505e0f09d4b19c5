//! Merging (合并) two customers that are one: the survivor takes the field values the user picked, and the
//! merged-away customer's contacts, follow-ups, reminders and history. The merged-away customer is kept,
//! pointing at the survivor, and the merge can be undone. No UI, no tauri.

mod model;
mod run;
mod undo;

pub use model::{Merge, MergeInput, MergeOutcome};
pub use run::merge;
pub use undo::undo;

use crate::error::Result;
use crate::store::Store;

/// The merges into a customer, newest first (its timeline shows them, with undo).
pub async fn into_customer(store: &Store, survivor_id: i64) -> Result<Vec<Merge>> {
    model::of_survivor(store, survivor_id).await
}
