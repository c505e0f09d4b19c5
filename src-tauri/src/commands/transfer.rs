//! Commands of Excel in and out: file dialogs, export with progress and cancel, import (inspect, run,
//! history, revert, error workbook, template).

use std::path::PathBuf;

use crm_core::export::{self, ExportProgress, ExportRequest, ExportSummary};
use crm_core::import::{self, ImportPreview, ImportRecord, ImportReport, ImportRequest};
use crm_core::record::RecordKind;
use crm_core::settings::Language;
use crm_core::CoreError;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use super::reply::{test_path, Reply};
use crate::AppState;

/// The spreadsheet to import, from the OS file dialog; none when the user cancels.
#[tauri::command]
pub async fn pick_import_file<R: Runtime>(app: AppHandle<R>) -> Reply<Option<String>> {
    if let Some(p) = test_path("CRM_TEST_IMPORT_FILE") {
        return Ok(Some(p));
    }
    let picked = app
        .dialog()
        .file()
        .add_filter("Excel / CSV", &["xlsx", "xlsm", "xls", "ods", "csv", "txt"])
        .blocking_pick_file();
    Ok(picked
        .and_then(|p| p.into_path().ok())
        .map(|p| p.to_string_lossy().into_owned()))
}

/// Where to save a file, from the OS save dialog, starting from `default_name`; none when cancelled.
#[tauri::command]
pub async fn pick_save_path<R: Runtime>(
    app: AppHandle<R>,
    default_name: String,
) -> Reply<Option<String>> {
    if let Some(dir) = test_path("CRM_TEST_SAVE_DIR") {
        return Ok(Some(
            PathBuf::from(dir)
                .join(&default_name)
                .to_string_lossy()
                .into_owned(),
        ));
    }
    let ext = std::path::Path::new(&default_name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("xlsx")
        .to_string();
    let picked = app
        .dialog()
        .file()
        .set_file_name(&default_name)
        .add_filter(ext.to_uppercase(), &[ext.as_str()])
        .blocking_save_file();
    Ok(picked
        .and_then(|p| p.into_path().ok())
        .map(|p| p.to_string_lossy().into_owned()))
}

#[tauri::command]
pub async fn export_records(
    state: State<'_, AppState>,
    request: ExportRequest,
    on_progress: Channel<ExportProgress>,
) -> Reply<ExportSummary> {
    let store = state.store().await?;
    let cancel = state.start_export();
    Ok(export::export(&store, &request, cancel, move |p| {
        let _ = on_progress.send(p);
    })
    .await?)
}

#[tauri::command]
pub async fn cancel_export(state: State<'_, AppState>) -> Reply<()> {
    state.cancel_export();
    Ok(())
}

#[tauri::command]
pub async fn inspect_import(
    path: String,
    entity: RecordKind,
    language: Language,
) -> Reply<ImportPreview> {
    Ok(import::inspect(&PathBuf::from(path), entity, language).await?)
}

#[tauri::command]
pub async fn run_import(
    state: State<'_, AppState>,
    request: ImportRequest,
    on_progress: Channel<ExportProgress>,
) -> Reply<ImportReport> {
    let store = state.store().await?;
    Ok(import::run(&store, &request, move |p| {
        let _ = on_progress.send(p);
    })
    .await?)
}

#[tauri::command]
pub async fn list_imports(state: State<'_, AppState>) -> Reply<Vec<ImportRecord>> {
    Ok(import::list(&*state.store().await?).await?)
}

#[tauri::command]
pub async fn revert_import(state: State<'_, AppState>, id: i64) -> Reply<ImportRecord> {
    Ok(import::revert(&*state.store().await?, id).await?)
}

#[tauri::command]
pub async fn save_import_rejects(
    state: State<'_, AppState>,
    id: i64,
    path: String,
    language: Language,
) -> Reply<()> {
    import::write_rejects(&*state.store().await?, id, &PathBuf::from(path), language).await?;
    Ok(())
}

#[tauri::command]
pub async fn save_import_template(
    entity: RecordKind,
    path: String,
    language: Language,
) -> Reply<()> {
    tokio::task::spawn_blocking(move || {
        import::write_template(entity, &PathBuf::from(path), language)
    })
    .await
    .map_err(|e| CoreError::Internal(e.to_string()))??;
    Ok(())
}
