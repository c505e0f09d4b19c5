//! Documents (合同文档): files attached to a customer or a contract, kept encrypted in the store,
//! deduplicated by SHA-256, streamed in and out. No UI, no tauri.

mod model;
pub mod name;
mod store;

pub use model::{kind_of, Document, DocumentKind, MAX_BYTES};
pub use store::{clear_opened, Documents, OPENED_DIR};
pub(crate) use store::{forget_unused_blobs, require_contract_of};
