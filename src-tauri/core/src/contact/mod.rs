//! Contacts (联系人): the people of a customer, one of them primary. No UI, no tauri.

mod model;
mod store;

pub use model::{Contact, ContactInput, Gender, ValidContact};
pub(crate) use store::{
    ensure_primary, insert_many, insert_one, load, overwrite, require_contact_of,
};
pub use store::{ContactListRow, ContactPage, ContactQuery, Contacts, NewContact};
