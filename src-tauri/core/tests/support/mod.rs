//! Shared pieces of the core's integration tests: fresh stores in temporary directories, keyed through
//! the in-memory keychain (the real keychain is exercised in `keychain.rs` and end to end).
#![allow(dead_code)]

use std::sync::Arc;

use crm_core::store::{MemoryVault, Store, Unlocker};

pub fn vault() -> Arc<MemoryVault> {
    Arc::new(MemoryVault::default())
}

pub fn no_keychain() -> Arc<MemoryVault> {
    Arc::new(MemoryVault::unavailable())
}

/// A new store in a new temporary directory, opened with a random key.
pub async fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Unlocker::new(dir.path(), vault())
        .open_automatically()
        .await
        .expect("a first run opens");
    (dir, store)
}

pub fn file_bytes(dir: &std::path::Path) -> Vec<u8> {
    std::fs::read(crm_core::store::db_path(dir)).unwrap()
}
