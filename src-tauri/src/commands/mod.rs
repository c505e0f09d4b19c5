//! Thin commands: each is one call into crm-core, its error turned into `{code, message}`.

pub mod contact;
pub mod contract;
pub mod customer;
pub mod document;
pub mod follow_up;
pub mod merge;
pub mod product;
pub mod receivable;
pub mod report;
pub mod search;
pub mod settings;
pub mod store;
pub mod transfer;

type Reply<T> = Result<T, crm_core::AppError>;

/// Test-only: debug builds take what a native dialog would give (or a switch) from the environment; the
/// end-to-end tests cannot click through a native dialog. Release builds ignore these variables.
pub(crate) fn test_path(var: &str) -> Option<String> {
    if cfg!(debug_assertions) {
        std::env::var(var).ok().filter(|v| !v.is_empty())
    } else {
        None
    }
}
