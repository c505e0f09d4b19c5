//! Duplicates (查重): the warning when a customer that looks like an existing one is saved, and the key that
//! tells two spellings of one company name apart from two companies.

mod check;
mod key;
mod places;

pub use check::{likely_duplicates, DuplicateHint, DuplicateReason};
pub use key::name_key;
