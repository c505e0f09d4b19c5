//! The desktop shell: opens the store, manages its state, registers plugins and the commands.
//! Every domain rule lives in crm-core; this crate only connects it to the window.

mod commands;
mod state;

use std::sync::Arc;

use tauri::{Manager, Runtime};

pub use state::AppState;

/// Every command the window may call. Shared by the app and the tests that run handlers without a desktop.
pub fn handlers<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    use commands::*;
    tauri::generate_handler![
        store::store_status,
        store::retry_open_store,
        store::set_passphrase,
        store::unlock_with_passphrase,
        store::unlock_with_recovery_key,
        store::export_recovery_key,
        store::check_store,
        settings::get_settings,
        settings::set_settings,
        customer::list_customers,
        customer::count_customers,
        customer::list_tags,
        customer::get_customer,
        customer::create_customer,
        customer::update_customer,
        customer::trash_customer,
        customer::restore_customer,
        customer::delete_customer,
        customer::list_customer_history,
        customer::check_customer_duplicates,
        contact::list_customer_contacts,
        contact::list_contacts,
        contact::create_contact,
        contact::update_contact,
        contact::trash_contact,
        contact::restore_contact,
        contact::delete_contact,
        contact::list_contact_history,
        search::search,
        follow_up::create_follow_up,
        follow_up::update_follow_up,
        follow_up::trash_follow_up,
        follow_up::restore_follow_up,
        follow_up::delete_follow_up,
        follow_up::list_trashed_follow_ups,
        follow_up::customer_timeline,
        follow_up::today_view,
        follow_up::act_on_reminder,
    ]
}

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
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.show();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .setup(move |app| {
            // Started before the window asks anything; commands wait for it instead of racing it.
            state.start();
            app.manage(state);
            Ok(())
        })
        .invoke_handler(handlers())
        .build(tauri::generate_context!("tauri.conf.json"))
        .expect("the app starts");

    app.run(|handle, event| {
        if let tauri::RunEvent::Exit = event {
            tauri::async_runtime::block_on(handle.state::<AppState>().close());
        }
    });
}
