//! Commands for the preferences readable before unlocking (the language).

use crm_core::settings::Settings;
use tauri::State;

use super::Reply;
use crate::AppState;

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Reply<Settings> {
    Ok(Settings::read(state.dir()))
}

#[tauri::command]
pub async fn set_settings(state: State<'_, AppState>, settings: Settings) -> Reply<Settings> {
    settings.write(state.dir())?;
    Ok(settings)
}
