//! Thin commands: each is one call into crm-core, its error turned into `{code, message}`.

pub mod contact;
pub mod customer;
pub mod follow_up;
pub mod merge;
pub mod search;
pub mod settings;
pub mod store;
pub mod transfer;

type Reply<T> = Result<T, crm_core::AppError>;
