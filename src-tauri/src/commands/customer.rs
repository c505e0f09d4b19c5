//! Commands of the customer archive.

use crm_core::customer::{Customer, CustomerInput, CustomerPage, CustomerQuery};
use crm_core::history::{self, HistoryEntry};
use crm_core::record::RecordKind;
use tauri::State;

use super::Reply;
use crate::AppState;

#[tauri::command]
pub async fn list_customers(
    state: State<'_, AppState>,
    query: CustomerQuery,
) -> Reply<CustomerPage> {
    Ok(state.store().await?.customers().list(&query).await?)
}

#[tauri::command]
pub async fn count_customers(state: State<'_, AppState>, query: CustomerQuery) -> Reply<i64> {
    Ok(state.store().await?.customers().count(&query).await?)
}

#[tauri::command]
pub async fn list_tags(state: State<'_, AppState>) -> Reply<Vec<String>> {
    Ok(state.store().await?.customers().tags().await?)
}

#[tauri::command]
pub async fn get_customer(state: State<'_, AppState>, id: i64) -> Reply<Customer> {
    Ok(state.store().await?.customers().get(id).await?)
}

#[tauri::command]
pub async fn create_customer(state: State<'_, AppState>, input: CustomerInput) -> Reply<Customer> {
    Ok(state.store().await?.customers().create_from(&input).await?)
}

#[tauri::command]
pub async fn update_customer(
    state: State<'_, AppState>,
    id: i64,
    input: CustomerInput,
) -> Reply<Customer> {
    Ok(state
        .store()
        .await?
        .customers()
        .update_from(id, &input)
        .await?)
}

#[tauri::command]
pub async fn trash_customer(state: State<'_, AppState>, id: i64) -> Reply<()> {
    Ok(state
        .store()
        .await?
        .trash()
        .put(RecordKind::Customers, id)
        .await?)
}

#[tauri::command]
pub async fn restore_customer(state: State<'_, AppState>, id: i64) -> Reply<()> {
    Ok(state
        .store()
        .await?
        .trash()
        .restore(RecordKind::Customers, id)
        .await?)
}

#[tauri::command]
pub async fn delete_customer(state: State<'_, AppState>, id: i64) -> Reply<()> {
    Ok(state
        .store()
        .await?
        .trash()
        .delete(RecordKind::Customers, id)
        .await?)
}

#[tauri::command]
pub async fn list_customer_history(
    state: State<'_, AppState>,
    id: i64,
) -> Reply<Vec<HistoryEntry>> {
    Ok(history::of(&*state.store().await?, RecordKind::Customers, id).await?)
}

#[tauri::command]
pub async fn check_customer_duplicates(
    state: State<'_, AppState>,
    input: CustomerInput,
    exclude: Option<i64>,
) -> Reply<Vec<crm_core::duplicate::DuplicateHint>> {
    Ok(crm_core::duplicate::likely_duplicates(&*state.store().await?, &input, exclude).await?)
}
