//! Field types that can only hold valid values (parse, don't validate); pure functions, no storage.

mod amount;
mod birthday;
mod contact_point;
mod day;
mod rating;
mod text;
mod uscc;

pub use amount::{
    fen_from_text, line_amount, money, positive_money, yuan, yuan_plain, Discount, Quantity,
    MAX_FEN,
};
pub use birthday::Birthday;
pub use contact_point::{BankAccount, Email, Mobile, Phone, TaxNumber, Website};
pub use day::Day;
pub use rating::rating;
pub use text::{half_width, line, optional_text, parsed, required_text, tags, Text};
pub use uscc::Uscc;
