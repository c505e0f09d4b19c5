//! The OS keychain (Keychain, Credential Manager, Secret Service) holding the store key, behind a small trait
//! so the unlock flow can be tested without one.

use std::path::Path;

use super::key::StoreKey;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    /// The keychain answers but holds no key for this store (never made, or deleted).
    #[error("no key in the keychain")]
    Missing,
    /// No keychain answers here (no Secret Service, locked, refused, timed out).
    #[error("keychain unavailable: {0}")]
    Unavailable(String),
}

/// Where the store key is kept between runs.
pub trait KeyVault: Send + Sync {
    fn load(&self) -> Result<StoreKey, VaultError>;
    fn save(&self, key: &StoreKey) -> Result<(), VaultError>;
}

/// The OS keychain entry for one data directory: service `com.keyuan.crm`, account `store:<dir>`.
pub struct OsKeychain {
    account: String,
}

impl OsKeychain {
    pub fn for_dir(dir: &Path) -> Self {
        let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        OsKeychain {
            account: format!("store:{}", dir.display()),
        }
    }

    fn entry(&self) -> Result<keyring::Entry, VaultError> {
        keyring::Entry::new(super::APP_ID, &self.account).map_err(unavailable)
    }

    /// Removes the entry (tests and `crmctl` use it to simulate a lost keychain).
    pub fn delete(&self) -> Result<(), VaultError> {
        match self.entry()?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(unavailable(e)),
        }
    }
}

fn unavailable(e: keyring::Error) -> VaultError {
    VaultError::Unavailable(e.to_string())
}

impl KeyVault for OsKeychain {
    fn load(&self) -> Result<StoreKey, VaultError> {
        match self.entry()?.get_password() {
            Ok(hex) => StoreKey::from_hex(&hex)
                .ok_or_else(|| VaultError::Unavailable("malformed key entry".into())),
            Err(keyring::Error::NoEntry) => Err(VaultError::Missing),
            Err(e) => Err(unavailable(e)),
        }
    }

    fn save(&self, key: &StoreKey) -> Result<(), VaultError> {
        self.entry()?
            .set_password(&key.to_hex())
            .map_err(unavailable)?;
        // Some backends accept a write they cannot keep (a mock, a locked collection): read it back.
        match self.load() {
            Ok(back) if &back == key => Ok(()),
            Ok(_) => Err(VaultError::Unavailable(
                "the keychain returned another key".into(),
            )),
            Err(e) => Err(e),
        }
    }
}

/// A keychain in memory, for tests: it can hold a key, lose it, or refuse to answer like a machine without one.
/// Never the proof that the OS keychain works (the end-to-end tests use the real one).
#[derive(Default)]
pub struct MemoryVault {
    pub key: std::sync::Mutex<Option<StoreKey>>,
    pub unavailable: bool,
}

impl MemoryVault {
    /// A vault that answers like a machine with no keychain.
    pub fn unavailable() -> Self {
        MemoryVault {
            unavailable: true,
            ..Default::default()
        }
    }
}

impl KeyVault for MemoryVault {
    fn load(&self) -> Result<StoreKey, VaultError> {
        if self.unavailable {
            return Err(VaultError::Unavailable("no keychain here".into()));
        }
        self.key
            .lock()
            .expect("not poisoned")
            .clone()
            .ok_or(VaultError::Missing)
    }
    fn save(&self, key: &StoreKey) -> Result<(), VaultError> {
        if self.unavailable {
            return Err(VaultError::Unavailable("no keychain here".into()));
        }
        *self.key.lock().expect("not poisoned") = Some(key.clone());
        Ok(())
    }
}
