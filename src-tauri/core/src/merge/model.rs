//! What a merge is, what the UI sends to make one, and what it remembers to undo it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::customer::{Customer, CustomerInput};
use crate::error::Result;
use crate::store::Store;

/// Merge customer `mergedId` into `survivorId`; the survivor's fields become `fields` (the value the user
/// picked for each, from either customer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MergeInput {
    #[ts(type = "number")]
    pub survivor_id: i64,
    #[ts(type = "number")]
    pub merged_id: i64,
    pub fields: CustomerInput,
}

/// A merge as the UI shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Merge {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub survivor_id: i64,
    #[ts(type = "number")]
    pub merged_id: i64,
    /// The merged-away customer's name.
    pub merged_name: String,
    #[ts(type = "number")]
    pub merged_at: i64,
    #[ts(type = "number | null")]
    pub undone_at: Option<i64>,
}

/// What a merge returns: the merge (to undo it) and the survivor as it now is.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MergeOutcome {
    pub merge: Merge,
    pub survivor: Customer,
}

const SELECT: &str =
    "SELECT m.id, m.survivor_id, m.merged_id, c.name AS merged_name, m.merged_at, m.undone_at \
     FROM merges m JOIN customers c ON c.id = m.merged_id";

pub(crate) async fn get(conn: &mut sqlx::SqliteConnection, id: i64) -> Result<Merge> {
    let merge: Option<Merge> = sqlx::query_as(&format!("{SELECT} WHERE m.id = ?"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    merge.ok_or(crate::error::CoreError::NotFound)
}

pub(crate) async fn of_survivor(store: &Store, survivor_id: i64) -> Result<Vec<Merge>> {
    Ok(sqlx::query_as(&format!(
        "{SELECT} WHERE m.survivor_id = ? ORDER BY m.merged_at DESC, m.id DESC"
    ))
    .bind(survivor_id)
    .fetch_all(store.read())
    .await?)
}
