//! Commands every kind of record shares, keyed by its kind: the trash (put in, bring back, delete for good,
//! list) and the change history.

use crm_core::history::{self, HistoryEntry};
use crm_core::record::RecordKind;
use crm_core::trash::TrashedRows;
use tauri::State;

use super::reply::Reply;
use crate::AppState;

#[tauri::command]
pub async fn trash_record(state: State<'_, AppState>, kind: RecordKind, id: i64) -> Reply<()> {
    Ok(state.store().await?.trash().put(kind, id).await?)
}

#[tauri::command]
pub async fn restore_record(state: State<'_, AppState>, kind: RecordKind, id: i64) -> Reply<()> {
    Ok(state.store().await?.trash().restore(kind, id).await?)
}

#[tauri::command]
pub async fn delete_record(state: State<'_, AppState>, kind: RecordKind, id: i64) -> Reply<()> {
    Ok(state.store().await?.trash().delete(kind, id).await?)
}

#[tauri::command]
pub async fn list_trash(state: State<'_, AppState>, kind: RecordKind) -> Reply<TrashedRows> {
    Ok(state.store().await?.trash().list(kind).await?)
}

#[tauri::command]
pub async fn list_history(
    state: State<'_, AppState>,
    kind: RecordKind,
    id: i64,
) -> Reply<Vec<HistoryEntry>> {
    Ok(history::of(&*state.store().await?, kind, id).await?)
}
