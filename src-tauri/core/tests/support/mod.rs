//! Shared pieces of the core's integration tests: a keychain that lives in memory (unit-test stand-in only;
//! the real keychain is exercised in `keychain.rs` and end to end) and fresh stores in temporary directories.
#![allow(dead_code)]

use std::sync::{Arc, Mutex};

use crm_core::store::{KeyVault, Store, StoreKey, Unlocker, VaultError};

#[derive(Default)]
pub struct MemoryVault {
    pub key: Mutex<Option<StoreKey>>,
    pub unavailable: bool,
}

impl KeyVault for MemoryVault {
    fn load(&self) -> Result<StoreKey, VaultError> {
        if self.unavailable {
            return Err(VaultError::Unavailable("no keychain in this test".into()));
        }
        self.key.lock().unwrap().clone().ok_or(VaultError::Missing)
    }
    fn save(&self, key: &StoreKey) -> Result<(), VaultError> {
        if self.unavailable {
            return Err(VaultError::Unavailable("no keychain in this test".into()));
        }
        *self.key.lock().unwrap() = Some(key.clone());
        Ok(())
    }
}

pub fn vault() -> Arc<MemoryVault> {
    Arc::new(MemoryVault::default())
}

pub fn no_keychain() -> Arc<MemoryVault> {
    Arc::new(MemoryVault { unavailable: true, ..Default::default() })
}

/// A new store in a new temporary directory, opened with a random key.
pub async fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Unlocker::new(dir.path(), vault()).open_automatically().await.expect("a first run opens");
    (dir, store)
}

pub fn file_bytes(dir: &std::path::Path) -> Vec<u8> {
    std::fs::read(crm_core::store::db_path(dir)).unwrap()
}
