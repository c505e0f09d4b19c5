//! Field types that can only hold valid values (parse, don't validate); pure functions, no storage.

mod contact_point;
mod text;
mod uscc;

pub use contact_point::{BankAccount, Email, Mobile, Phone, TaxNumber, Website};
pub use text::{half_width, optional_text, required_text, tags, Text};
pub use uscc::Uscc;
