//! The one encrypted SQLite file: where it lives, how it is keyed, opened, migrated and checked. No UI, no tauri.

mod check;
mod key;
mod key_file;
mod keychain;
mod open;
pub mod unlock;
mod upkeep;

pub use check::StoreCheck;
pub use key::StoreKey;
pub use key_file::{KeyFile, KeySource};
pub use keychain::{KeyVault, MemoryVault, OsKeychain, VaultError};
pub use open::{query_scalar_for_tests, Store};
pub(crate) use open::{BULK_PRAGMAS, NORMAL_PRAGMAS};
pub use unlock::{StoreState, StoreStatus, Unlocker};

use std::path::{Path, PathBuf};

/// The app identifier; the data directory and the keychain entry are named after it.
pub const APP_ID: &str = "com.keyuan.crm";

/// The data file inside the data directory.
pub const DB_FILE: &str = "crm.db";

/// The data directory: `CRM_DATA_DIR` when set (tests, benchmarks, portable use), else the OS app-data directory.
pub fn data_dir() -> PathBuf {
    match std::env::var_os("CRM_DATA_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => dirs::data_dir()
            .unwrap_or_else(|| PathBuf::from("."))
            .join(APP_ID),
    }
}

pub fn db_path(dir: &Path) -> PathBuf {
    dir.join(DB_FILE)
}
