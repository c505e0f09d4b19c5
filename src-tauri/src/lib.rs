//! The desktop shell: opens the store, manages its state, registers plugins and the commands.
//! Every domain rule lives in crm-core; this crate only connects it to the window.

mod commands;
mod state;
mod tray;

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
        merge::scan_duplicates,
        merge::merge_customers,
        merge::undo_merge,
        transfer::pick_import_file,
        transfer::pick_save_path,
        transfer::export_records,
        transfer::cancel_export,
        transfer::inspect_import,
        transfer::run_import,
        transfer::list_imports,
        transfer::revert_import,
        transfer::save_import_rejects,
        transfer::save_import_template,
        product::list_products,
        product::get_product,
        product::create_product,
        product::update_product,
        product::trash_product,
        product::restore_product,
        product::delete_product,
        product::list_product_history,
        contract::list_contracts,
        contract::count_contracts,
        contract::list_customer_contracts,
        contract::get_contract,
        contract::create_contract,
        contract::update_contract,
        contract::trash_contract,
        contract::restore_contract,
        contract::delete_contract,
        contract::list_contract_history,
        receivable::get_payment_plan,
        receivable::add_installment,
        receivable::update_installment,
        receivable::trash_installment,
        receivable::restore_installment,
        receivable::delete_installment,
        receivable::list_trashed_installments,
        receivable::record_receipt,
        receivable::update_receipt,
        receivable::trash_receipt,
        receivable::restore_receipt,
        receivable::delete_receipt,
        receivable::list_trashed_receipts,
        receivable::book_receivables,
        receivable::customer_receivables,
        receivable::list_open_installments,
        document::pick_document_file,
        document::attach_document,
        document::list_customer_documents,
        document::list_contract_documents,
        document::document_contents,
        document::open_document,
        document::save_document_as,
        document::rename_document,
        document::trash_document,
        document::restore_document,
        document::delete_document,
        document::list_trashed_documents,
        report::run_report,
        report::cancel_reports,
        report::drill_report,
        report::tag_drilled_customers,
        report::plan_drilled_follow_ups,
        report::export_report,
        report::export_report_pack,
        report::export_drill,
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
