//! Commands of contracts.

use crm_core::contract::{Contract, ContractInput, ContractPage, ContractQuery, ContractRow};
use tauri::State;

use super::reply::Reply;
use crate::AppState;

#[tauri::command]
pub async fn list_contracts(
    state: State<'_, AppState>,
    query: ContractQuery,
) -> Reply<ContractPage> {
    Ok(state.store().await?.contracts().list(&query).await?)
}

#[tauri::command]
pub async fn count_contracts(state: State<'_, AppState>, query: ContractQuery) -> Reply<i64> {
    Ok(state.store().await?.contracts().count(&query).await?)
}

#[tauri::command]
pub async fn list_customer_contracts(
    state: State<'_, AppState>,
    customer_id: i64,
) -> Reply<Vec<ContractRow>> {
    Ok(state
        .store()
        .await?
        .contracts()
        .of_customer(customer_id)
        .await?)
}

#[tauri::command]
pub async fn get_contract(state: State<'_, AppState>, id: i64) -> Reply<Contract> {
    Ok(state.store().await?.contracts().get(id).await?)
}

#[tauri::command]
pub async fn create_contract(state: State<'_, AppState>, input: ContractInput) -> Reply<Contract> {
    Ok(state.store().await?.contracts().create_from(&input).await?)
}

#[tauri::command]
pub async fn update_contract(
    state: State<'_, AppState>,
    id: i64,
    input: ContractInput,
) -> Reply<Contract> {
    Ok(state
        .store()
        .await?
        .contracts()
        .update_from(id, &input)
        .await?)
}
