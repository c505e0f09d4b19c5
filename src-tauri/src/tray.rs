//! The tray icon that keeps the app reachable when "close to tray" is on: closing the window hides it,
//! the icon brings it back, and its menu quits. Made only once the setting is on, so a user who never
//! turns it on never sees an icon.

use crm_core::settings::{Language, Settings};
use tauri::menu::{Menu, MenuItem};
use tauri::tray::{MouseButton, MouseButtonState, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Manager, Runtime};

const TRAY_ID: &str = "main";

/// The tray menu's words: (show, quit, tooltip).
fn labels(language: Option<Language>) -> (&'static str, &'static str, &'static str) {
    let language = language.unwrap_or_else(os_language);
    match language {
        Language::ZhCn => ("显示主窗口", "退出", "客源 CRM"),
        Language::ZhTw => ("顯示主視窗", "結束", "客源 CRM"),
        Language::En => ("Show window", "Quit", "Keyuan CRM"),
    }
}

/// The OS language as the UI would follow it, from the POSIX locale variables (Windows and macOS users
/// who never chose a language get Simplified Chinese, the app's first language).
fn os_language() -> Language {
    let lang = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()));
    match lang.as_deref().map(|l| l.to_ascii_lowercase()) {
        Some(l) if l.starts_with("zh_tw") || l.starts_with("zh_hk") || l.contains("hant") => {
            Language::ZhTw
        }
        Some(l) if l.starts_with("en") => Language::En,
        _ => Language::ZhCn,
    }
}

pub fn show_main_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.show();
        let _ = w.unminimize();
        let _ = w.set_focus();
    }
}

/// Puts the tray icon in line with the settings: shown (with menu words in the current language) when
/// closing to the tray is on, hidden otherwise.
pub fn apply<R: Runtime>(app: &AppHandle<R>, settings: &Settings) -> tauri::Result<()> {
    let existing = app.tray_by_id(TRAY_ID);
    if !settings.close_to_tray {
        if let Some(tray) = existing {
            tray.set_visible(false)?;
        }
        return Ok(());
    }
    let (show, quit, tooltip) = labels(settings.language);
    let menu = Menu::with_items(
        app,
        &[
            &MenuItem::with_id(app, "show", show, true, None::<&str>)?,
            &MenuItem::with_id(app, "quit", quit, true, None::<&str>)?,
        ],
    )?;
    if let Some(tray) = existing {
        tray.set_menu(Some(menu))?;
        tray.set_tooltip(Some(tooltip))?;
        return tray.set_visible(true);
    }
    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .menu(&menu)
        .tooltip(tooltip)
        .show_menu_on_left_click(false)
        .on_menu_event(|app, event| match event.id().as_ref() {
            "show" => show_main_window(app),
            "quit" => app.exit(0),
            _ => {}
        })
        .on_tray_icon_event(|tray, event| {
            if let TrayIconEvent::Click {
                button: MouseButton::Left,
                button_state: MouseButtonState::Up,
                ..
            } = event
            {
                show_main_window(tray.app_handle());
            }
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tray_speaks_the_chosen_language() {
        assert_eq!(labels(Some(Language::ZhTw)).1, "結束");
        assert_eq!(labels(Some(Language::En)).0, "Show window");
    }
}
