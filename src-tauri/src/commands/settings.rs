//! Commands for the preferences (language, reminders, closing to the tray), readable before unlocking.

use crm_core::settings::Settings;
use tauri::{AppHandle, Runtime, State};

use super::reply::Reply;
use crate::AppState;

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Reply<Settings> {
    Ok(Settings::read(state.dir()))
}

/// Saves the settings and applies those the shell owns (the close button, the tray icon) at once.
#[tauri::command]
pub async fn set_settings<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    settings: Settings,
) -> Reply<Settings> {
    settings.write(state.dir())?;
    state.set_close_to_tray(settings.close_to_tray);
    if let Err(e) = crate::tray::apply(&app, &settings) {
        tracing::warn!(error = %e, "the tray icon could not be updated");
    }
    Ok(settings)
}
