//! Commands of documents: the file dialog, attach, list, preview, open with the system's app, save as,
//! rename, trash.

use crm_core::document::Document;
use crm_core::CoreError;
use tauri::ipc::Response;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use super::reply::{test_path, Reply};
use crate::AppState;

/// The file to attach, from the OS file dialog; none when the user cancels.
#[tauri::command]
pub async fn pick_document_file<R: Runtime>(app: AppHandle<R>) -> Reply<Option<String>> {
    if let Some(p) = test_path("CRM_TEST_ATTACH_FILE") {
        return Ok(Some(p));
    }
    let picked = app.dialog().file().blocking_pick_file();
    Ok(picked
        .and_then(|p| p.into_path().ok())
        .map(|p| p.to_string_lossy().into_owned()))
}

#[tauri::command]
pub async fn attach_document(
    state: State<'_, AppState>,
    path: String,
    customer_id: i64,
    contract_id: Option<i64>,
) -> Reply<Document> {
    Ok(state
        .store()
        .await?
        .documents()
        .attach(std::path::Path::new(&path), customer_id, contract_id, None)
        .await?)
}

#[tauri::command]
pub async fn list_customer_documents(
    state: State<'_, AppState>,
    customer_id: i64,
) -> Reply<Vec<Document>> {
    Ok(state
        .store()
        .await?
        .documents()
        .of_customer(customer_id)
        .await?)
}

#[tauri::command]
pub async fn list_contract_documents(
    state: State<'_, AppState>,
    contract_id: i64,
) -> Reply<Vec<Document>> {
    Ok(state
        .store()
        .await?
        .documents()
        .of_contract(contract_id)
        .await?)
}

/// The whole file, as raw bytes rather than JSON, for the in-app preview of a PDF or an image.
#[tauri::command]
pub async fn document_contents(state: State<'_, AppState>, id: i64) -> Reply<Response> {
    Ok(Response::new(
        state.store().await?.documents().contents(id).await?,
    ))
}

/// Opens a decrypted copy with the system's app for its type; returns where the copy is. (Debug builds
/// with `CRM_TEST_NO_OPEN` set make the copy without starting an app: the end-to-end tests check it.)
#[tauri::command]
pub async fn open_document<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> Reply<String> {
    let path = state.store().await?.documents().open_copy(id).await?;
    let path = path.to_string_lossy().into_owned();
    if test_path("CRM_TEST_NO_OPEN").is_none() {
        app.opener()
            .open_path(&path, None::<&str>)
            .map_err(|e| CoreError::io("no_app", e.to_string()))?;
    }
    Ok(path)
}

#[tauri::command]
pub async fn save_document_as(state: State<'_, AppState>, id: i64, path: String) -> Reply<()> {
    Ok(state
        .store()
        .await?
        .documents()
        .save_to(id, std::path::Path::new(&path))
        .await?)
}

#[tauri::command]
pub async fn rename_document(state: State<'_, AppState>, id: i64, name: String) -> Reply<Document> {
    Ok(state.store().await?.documents().rename(id, &name).await?)
}
