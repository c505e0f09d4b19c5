//! The customer archive (客户档案): record types, validation, list queries and storage. No UI, no tauri.

mod model;
mod query;
mod store;

pub use model::{
    Customer, CustomerInput, CustomerKind, CustomerLevel, LifecycleStatus, ValidCustomer,
};
pub use query::{CustomerPage, CustomerQuery, CustomerSort, SortDirection};
pub(crate) use store::{
    insert_many, load, load_many, overwrite, overwrite_fields, require_live_customer, unique_uscc,
};
pub use store::{Customers, NewRow};

/// The cursor that continues a list after `row` (benchmarks use it to start deep in the book).
pub fn cursor_after(query: &CustomerQuery, row: &Customer) -> String {
    query::Cursor::after_row(query, row).encode()
}
