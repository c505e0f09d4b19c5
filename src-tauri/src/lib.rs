//! The desktop shell: opens the store, manages its state, registers plugins and the commands.
//! Every domain rule lives in crm-core; this crate only connects it to the window.

pub mod commands;
mod state;
mod tray;

use std::sync::Arc;

use tauri::Manager;

pub use state::AppState;

pub use commands::{handlers, Cache, Command, COMMANDS};

pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let dir = crm_core::store::data_dir();
    let vault = Arc::new(crm_core::store::OsKeychain::for_dir(&dir));
    let state = AppState::new(&dir, vault);

    let app = tauri::Builder::default()
        // A second start focuses the running window instead of opening the store twice.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            tray::show_main_window(app)
        }))
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .setup(move |app| {
            // Started before the window asks anything; commands wait for it instead of racing it.
            state.start();
            let settings = crm_core::settings::Settings::read(state.dir());
            app.manage(state);
            if let Err(e) = tray::apply(app.handle(), &settings) {
                tracing::warn!(error = %e, "no tray icon");
            }
            Ok(())
        })
        // With "close to tray" on, the close button hides the window; the tray icon brings it back.
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                if window.app_handle().state::<AppState>().close_to_tray() {
                    api.prevent_close();
                    let _ = window.hide();
                }
            }
        })
        .invoke_handler(handlers())
        .build(tauri::generate_context!("tauri.conf.json"))
        .expect("the app starts");

    app.run(|handle, event| {
        if let tauri::RunEvent::Exit = event {
            tracing::info!("exiting: closing the store");
            tauri::async_runtime::block_on(handle.state::<AppState>().close());
        }
    });
}
