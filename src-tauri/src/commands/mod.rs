//! Thin commands: each is one call into crm-core, its error turned into `{code, message}`.
//!
//! [`COMMANDS`] below is the one list of what the window may call: it registers the handlers and, through
//! [`table`], writes the UI's command table (`ui/src/api/commands.ts`: each command's arguments, result and
//! the cached queries it makes stale). A command missing here cannot be called; a misspelt one is a
//! TypeScript error in the UI.

pub mod contact;
pub mod contract;
pub mod customer;
pub mod document;
pub mod follow_up;
pub mod merge;
pub mod product;
pub mod receivable;
pub mod record;
mod reply;
pub mod report;
pub mod search;
pub mod settings;
pub mod store;
pub mod table;
pub mod transfer;

pub use table::{Cache, Command};

/// Expands the list into the handler registration and [`COMMANDS`], each entry's module source kept for
/// [`table`] to read its arguments and result from.
macro_rules! command_list {
    ($($module:ident :: $name:ident => $caches:expr;)*) => {
        /// Every command the window may call. Shared by the app and the tests that run handlers without a
        /// desktop.
        pub fn handlers<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($module::$name),*]
        }

        /// Every command, in the order of the list, with the caches a successful call makes stale.
        pub const COMMANDS: &[Command] = &[$(Command {
            name: stringify!($name),
            source: include_str!(concat!(stringify!($module), ".rs")),
            invalidates: $caches,
        }),*];
    };
}

use Cache::*;

/// What any change of a record can touch: every list, detail, total and report of records.
const RECORDS: &[Cache] = &[
    Customers,
    Customer,
    Tags,
    Contacts,
    Timeline,
    Today,
    Search,
    Duplicates,
    DuplicateScan,
    Documents,
    Products,
    Contracts,
    Contract,
    Receivables,
    Trash,
    Reports,
];
/// What money on a contract touches: the contract and its plan, contract lists, receivables, documents of
/// contracts, the timeline, Today, the trash and the reports.
const MONEY: &[Cache] = &[
    Contracts,
    Contract,
    Receivables,
    Documents,
    Timeline,
    Today,
    Trash,
    Reports,
];
const CUSTOMER: &[Cache] = &[
    Customers,
    Customer,
    Tags,
    Search,
    Duplicates,
    DuplicateScan,
    Timeline,
    Today,
    Reports,
];
const CONTACT: &[Cache] = &[
    Contacts,
    Customer,
    Timeline,
    Search,
    Duplicates,
    DuplicateScan,
];
const FOLLOW_UP: &[Cache] = &[Timeline, Customer, Customers, Today, Reports];
/// An unlock or retry: what an opened store shows (the status itself is the command's answer, put in place).
const STORE: &[Cache] = &[Customers, Today, Reports];
const NOTHING: &[Cache] = &[];

command_list! {
    store::store_status => NOTHING;
    store::retry_open_store => STORE;
    store::set_passphrase => STORE;
    store::unlock_with_passphrase => STORE;
    store::unlock_with_recovery_key => STORE;
    store::export_recovery_key => NOTHING;
    store::check_store => NOTHING;
    settings::get_settings => NOTHING;
    settings::set_settings => &[Settings, Today, Reports];
    record::trash_record => RECORDS;
    record::restore_record => RECORDS;
    record::delete_record => RECORDS;
    record::list_trash => NOTHING;
    record::list_history => NOTHING;
    customer::list_customers => NOTHING;
    customer::count_customers => NOTHING;
    customer::list_tags => NOTHING;
    customer::get_customer => NOTHING;
    customer::create_customer => CUSTOMER;
    customer::update_customer => &[
        CustomerCounts, Customer, Tags, Search, Duplicates, DuplicateScan, Timeline, Today, Reports,
    ];
    customer::check_customer_duplicates => NOTHING;
    contact::list_customer_contacts => NOTHING;
    contact::list_contacts => NOTHING;
    contact::create_contact => CONTACT;
    contact::update_contact => CONTACT;
    search::search => NOTHING;
    follow_up::create_follow_up => FOLLOW_UP;
    follow_up::update_follow_up => FOLLOW_UP;
    follow_up::customer_timeline => NOTHING;
    follow_up::today_view => NOTHING;
    follow_up::act_on_reminder => &[Today];
    merge::scan_duplicates => NOTHING;
    merge::merge_customers => RECORDS;
    merge::undo_merge => RECORDS;
    transfer::pick_import_file => NOTHING;
    transfer::pick_save_path => NOTHING;
    transfer::export_records => NOTHING;
    transfer::cancel_export => NOTHING;
    transfer::inspect_import => NOTHING;
    transfer::run_import => RECORDS_AND_IMPORTS;
    transfer::list_imports => NOTHING;
    transfer::revert_import => RECORDS_AND_IMPORTS;
    transfer::save_import_rejects => NOTHING;
    transfer::save_import_template => NOTHING;
    product::list_products => NOTHING;
    product::get_product => NOTHING;
    product::create_product => &[Products, Trash, Reports];
    product::update_product => &[Products, Contract, Trash, Reports];
    contract::list_contracts => NOTHING;
    contract::count_contracts => NOTHING;
    contract::list_customer_contracts => NOTHING;
    contract::get_contract => NOTHING;
    contract::create_contract => MONEY_AND_CUSTOMERS;
    contract::update_contract => MONEY_AND_CUSTOMERS;
    receivable::get_payment_plan => NOTHING;
    receivable::add_installment => MONEY;
    receivable::update_installment => MONEY;
    receivable::record_receipt => MONEY;
    receivable::update_receipt => MONEY;
    receivable::book_receivables => NOTHING;
    receivable::customer_receivables => NOTHING;
    receivable::list_open_installments => NOTHING;
    document::pick_document_file => NOTHING;
    document::attach_document => &[Documents, Trash];
    document::list_customer_documents => NOTHING;
    document::list_contract_documents => NOTHING;
    document::document_contents => NOTHING;
    document::open_document => NOTHING;
    document::save_document_as => NOTHING;
    document::rename_document => &[Documents, Trash];
    report::run_report => NOTHING;
    report::cancel_reports => NOTHING;
    report::drill_report => NOTHING;
    report::tag_drilled_customers => &[Customers, Customer, Tags, Search, Reports];
    report::plan_drilled_follow_ups => &[Customers, Customer, Today, Timeline, Reports];
    report::export_report => NOTHING;
    report::export_report_pack => NOTHING;
    report::export_drill => NOTHING;
}

/// An import or its revert: every record, and the list of imports.
const RECORDS_AND_IMPORTS: &[Cache] = &[
    Customers,
    Customer,
    Tags,
    Contacts,
    Timeline,
    Today,
    Search,
    Duplicates,
    DuplicateScan,
    Documents,
    Products,
    Contracts,
    Contract,
    Receivables,
    Trash,
    Reports,
    Imports,
];
/// A contract's money, and the customer lists whose status and value follow what was signed.
const MONEY_AND_CUSTOMERS: &[Cache] = &[
    Contracts,
    Contract,
    Receivables,
    Documents,
    Timeline,
    Today,
    Trash,
    Reports,
    Customers,
    Customer,
];
