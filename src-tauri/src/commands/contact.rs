//! Commands of contacts.

use crm_core::contact::{Contact, ContactInput, ContactPage, ContactQuery};
use crm_core::history::{self, HistoryEntry};
use crm_core::record::RecordKind;
use tauri::State;

use super::Reply;
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

#[tauri::command]
pub async fn trash_contact(state: State<'_, AppState>, id: i64) -> Reply<()> {
    Ok(state
        .store()
        .await?
        .trash()
        .put(RecordKind::Contacts, id)
        .await?)
}

#[tauri::command]
pub async fn restore_contact(state: State<'_, AppState>, id: i64) -> Reply<()> {
    Ok(state
        .store()
        .await?
        .trash()
        .restore(RecordKind::Contacts, id)
        .await?)
}

#[tauri::command]
pub async fn delete_contact(state: State<'_, AppState>, id: i64) -> Reply<()> {
    Ok(state
        .store()
        .await?
        .trash()
        .delete(RecordKind::Contacts, id)
        .await?)
}

#[tauri::command]
pub async fn list_contact_history(state: State<'_, AppState>, id: i64) -> Reply<Vec<HistoryEntry>> {
    Ok(history::of(&*state.store().await?, RecordKind::Contacts, id).await?)
}
