//! Commands of the duplicate scan and of merging customers.

use crm_core::duplicate::{self, DuplicateScan};
use crm_core::merge::{self, Merge, MergeInput, MergeOutcome};
use tauri::State;

use super::reply::Reply;
use crate::AppState;

#[tauri::command]
pub async fn scan_duplicates(state: State<'_, AppState>) -> Reply<DuplicateScan> {
    Ok(duplicate::scan(&*state.store().await?).await?)
}

#[tauri::command]
pub async fn merge_customers(state: State<'_, AppState>, input: MergeInput) -> Reply<MergeOutcome> {
    Ok(merge::merge(&*state.store().await?, &input).await?)
}

#[tauri::command]
pub async fn undo_merge(state: State<'_, AppState>, id: i64) -> Reply<Merge> {
    Ok(merge::undo(&*state.store().await?, id).await?)
}
