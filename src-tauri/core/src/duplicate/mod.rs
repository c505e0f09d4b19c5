//! Duplicates (查重): the warning when a customer that looks like an existing one is saved, the scan of the
//! whole book, and the key that tells two spellings of one company name apart from two companies.

mod check;
mod key;
mod places;
mod scan;

pub use check::{likely_duplicates, DuplicateHint, DuplicateReason};
pub use key::name_key;
pub use scan::{scan, DuplicateGroup, DuplicateScan, GroupMember, GROUPS_SHOWN, MEMBERS_SHOWN};
