//! Commands of contacts.

use crm_core::contact::{Contact, ContactInput, ContactPage, ContactQuery};
use tauri::State;

use super::reply::Reply;
use crate::AppState;

#[tauri::command]
pub async fn list_customer_contacts(
    state: State<'_, AppState>,
    customer_id: i64,
) -> Reply<Vec<Contact>> {
    Ok(state
        .store()
        .await?
        .contacts()
        .of_customer(customer_id)
        .await?)
}

#[tauri::command]
pub async fn list_contacts(state: State<'_, AppState>, query: ContactQuery) -> Reply<ContactPage> {
    Ok(state.store().await?.contacts().list(&query).await?)
}

#[tauri::command]
pub async fn create_contact(
    state: State<'_, AppState>,
    customer_id: i64,
    input: ContactInput,
) -> Reply<Contact> {
    Ok(state
        .store()
        .await?
        .contacts()
        .create_from(customer_id, &input)
        .await?)
}

#[tauri::command]
pub async fn update_contact(
    state: State<'_, AppState>,
    id: i64,
    input: ContactInput,
) -> Reply<Contact> {
    Ok(state
        .store()
        .await?
        .contacts()
        .update_from(id, &input)
        .await?)
}
