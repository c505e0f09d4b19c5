//! crm-core: the CRM's whole domain and storage. Must never depend on tauri or any UI code.

pub mod aggregate;
pub mod bench;
pub mod bulk;
pub mod contact;
pub mod contract;
pub mod customer;
pub mod demo;
pub mod document;
pub mod duplicate;
pub mod error;
pub mod export;
pub mod field;
pub mod follow_up;
pub mod history;
pub mod import;
pub mod merge;
pub mod owned;
pub mod page;
mod parallel;
pub mod product;
pub mod receivable;
pub mod record;
pub mod reminder;
pub mod report;
pub mod search;
pub mod settings;
pub mod sheet;
pub mod store;
pub mod time;
pub mod trash;
pub use owned::timeline;

pub use error::{AppError, CoreError, ErrorCode, Result};
