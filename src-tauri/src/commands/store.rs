//! Commands about the store itself: status, unlocking, recovery key, integrity check.

use crm_core::store::{StoreCheck, StoreStatus};
use tauri::State;

use super::reply::Reply;
use crate::AppState;

#[tauri::command]
pub async fn store_status(state: State<'_, AppState>) -> Reply<StoreStatus> {
    Ok(state.status().await)
}

#[tauri::command]
pub async fn retry_open_store(state: State<'_, AppState>) -> Reply<StoreStatus> {
    Ok(state.retry().await)
}

#[tauri::command]
pub async fn set_passphrase(state: State<'_, AppState>, passphrase: String) -> Reply<StoreStatus> {
    state
        .unlock(|u| async move { u.set_passphrase(&passphrase).await })
        .await
}

#[tauri::command]
pub async fn unlock_with_passphrase(
    state: State<'_, AppState>,
    passphrase: String,
) -> Reply<StoreStatus> {
    state
        .unlock(|u| async move { u.unlock_with_passphrase(&passphrase).await })
        .await
}

#[tauri::command]
pub async fn unlock_with_recovery_key(
    state: State<'_, AppState>,
    recovery_key: String,
) -> Reply<StoreStatus> {
    state
        .unlock(|u| async move { u.unlock_with_recovery_key(&recovery_key).await })
        .await
}

#[tauri::command]
pub async fn export_recovery_key(state: State<'_, AppState>) -> Reply<String> {
    Ok(state.store().await?.recovery_key())
}

#[tauri::command]
pub async fn check_store(state: State<'_, AppState>) -> Reply<StoreCheck> {
    Ok(state.store().await?.check().await?)
}
