//! Commands of the customer archive.

use crm_core::customer::{Customer, CustomerInput, CustomerPage, CustomerQuery};
use tauri::State;

use super::reply::Reply;
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
pub async fn check_customer_duplicates(
    state: State<'_, AppState>,
    input: CustomerInput,
    exclude: Option<i64>,
) -> Reply<Vec<crm_core::duplicate::DuplicateHint>> {
    Ok(crm_core::duplicate::likely_duplicates(&*state.store().await?, &input, exclude).await?)
}
