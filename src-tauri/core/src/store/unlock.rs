//! Getting from a data directory to an open store: the keychain without asking when it can, else the
//! passphrase or the recovery key. Never overwrites or re-creates an existing file.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use ts_rs::TS;

use super::key::StoreKey;
use super::key_file::{KeyFile, KeySource};
use super::keychain::{KeyVault, VaultError};
use super::open::Store;
use crate::error::{AppError, CoreError, Result};

/// What the window must show before the store is usable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum StoreState {
    Open,
    /// A passphrase store: ask for it.
    NeedsPassphrase,
    /// First run and no keychain answers: ask the user to choose a passphrase.
    NeedsNewPassphrase,
    /// The keychain lost the key or cannot be reached: ask for the recovery key.
    NeedsRecoveryKey,
    /// The store cannot be opened at all (another process holds it, the file is damaged, or newer).
    Failed,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StoreStatus {
    pub state: StoreState,
    pub data_dir: String,
    pub key_source: Option<KeySource>,
    pub problem: Option<AppError>,
}

/// A keychain that does not answer within this time (a locked keyring showing a prompt nobody sees)
/// counts as unavailable.
const KEYCHAIN_TIMEOUT: Duration = Duration::from_secs(10);

/// Opens the store in one data directory with the key from wherever it comes.
pub struct Unlocker {
    dir: PathBuf,
    vault: Arc<dyn KeyVault>,
}

/// Why the store did not open without asking the user.
#[derive(Debug)]
pub struct Pending {
    pub state: StoreState,
    pub problem: Option<CoreError>,
}

impl Pending {
    fn new(state: StoreState, problem: Option<CoreError>) -> Self {
        Pending { state, problem }
    }
}

impl Unlocker {
    pub fn new(dir: &Path, vault: Arc<dyn KeyVault>) -> Self {
        Unlocker {
            dir: dir.to_path_buf(),
            vault,
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn store_exists(&self) -> bool {
        std::fs::metadata(super::db_path(&self.dir))
            .map(|m| m.len() > 0)
            .unwrap_or(false)
    }

    /// Where this store's key comes from, if it exists yet.
    pub fn key_source(&self) -> Option<KeySource> {
        match KeyFile::read(&self.dir) {
            Ok(Some(f)) => Some(f.source),
            _ if self.store_exists() => Some(KeySource::Keychain),
            _ => None,
        }
    }

    pub fn status(&self, pending: Option<&Pending>) -> StoreStatus {
        StoreStatus {
            state: pending.map(|p| p.state).unwrap_or(StoreState::Open),
            data_dir: self.dir.display().to_string(),
            key_source: self.key_source(),
            problem: pending.and_then(|p| p.problem.as_ref()).map(AppError::from),
        }
    }

    async fn vault_call<T: Send + 'static>(
        &self,
        call: impl FnOnce(&dyn KeyVault) -> Result<T, VaultError> + Send + 'static,
    ) -> Result<T, VaultError> {
        let vault = self.vault.clone();
        let job = tokio::task::spawn_blocking(move || call(vault.as_ref()));
        match tokio::time::timeout(KEYCHAIN_TIMEOUT, job).await {
            Ok(Ok(r)) => r,
            Ok(Err(join)) => Err(VaultError::Unavailable(join.to_string())),
            Err(_) => Err(VaultError::Unavailable(
                "the keychain did not answer".into(),
            )),
        }
    }

    /// Opens without asking where possible: the keychain's key for an existing store, or a new store
    /// with a new key in the keychain on first run.
    pub async fn open_automatically(&self) -> Result<Store, Pending> {
        let key_file =
            KeyFile::read(&self.dir).map_err(|e| Pending::new(StoreState::Failed, Some(e)))?;
        if !self.store_exists() {
            return self.create_with_keychain().await;
        }
        if matches!(
            key_file,
            Some(KeyFile {
                source: KeySource::Passphrase,
                ..
            })
        ) {
            return Err(Pending::new(StoreState::NeedsPassphrase, None));
        }
        let key = match self.vault_call(|v| v.load()).await {
            Ok(key) => key,
            Err(VaultError::Missing) => {
                let e = CoreError::locked(
                    "keychain_missing",
                    "the keychain holds no key for this store",
                );
                return Err(Pending::new(StoreState::NeedsRecoveryKey, Some(e)));
            }
            Err(VaultError::Unavailable(why)) => {
                let e = CoreError::locked("keychain_unavailable", why);
                return Err(Pending::new(StoreState::NeedsRecoveryKey, Some(e)));
            }
        };
        Store::open(&self.dir, &key)
            .await
            .map_err(|e| match e.reason() {
                Some("wrong_key") => Pending::new(StoreState::NeedsRecoveryKey, Some(e)),
                _ => Pending::new(StoreState::Failed, Some(e)),
            })
    }

    async fn create_with_keychain(&self) -> Result<Store, Pending> {
        let key = StoreKey::random();
        let saved = key.clone();
        if let Err(e) = self.vault_call(move |v| v.save(&saved)).await {
            let e = CoreError::locked("keychain_unavailable", e.to_string());
            return Err(Pending::new(StoreState::NeedsNewPassphrase, Some(e)));
        }
        let failed = |e| Pending::new(StoreState::Failed, Some(e));
        KeyFile::keychain().write(&self.dir).map_err(failed)?;
        Store::open(&self.dir, &key).await.map_err(failed)
    }

    /// First run without a keychain: the passphrase becomes the key (Argon2id). Refused if a store exists.
    pub async fn set_passphrase(&self, passphrase: &str) -> Result<Store> {
        if self.store_exists() {
            return Err(CoreError::conflict(
                "store_exists",
                "a store exists here already",
            ));
        }
        let file = KeyFile::passphrase();
        let key = derive(file.clone(), passphrase).await?;
        file.write(&self.dir)?;
        Store::open(&self.dir, &key).await
    }

    /// Opens a passphrase store. A wrong passphrase is `locked/wrong_key` and changes nothing.
    pub async fn unlock_with_passphrase(&self, passphrase: &str) -> Result<Store> {
        let file = KeyFile::read(&self.dir)?.filter(|f| f.source == KeySource::Passphrase);
        let file = file.ok_or_else(|| {
            CoreError::conflict("not_passphrase", "this store is not passphrase-protected")
        })?;
        if !self.store_exists() {
            return Err(CoreError::NotFound);
        }
        let key = derive(file, passphrase)
            .await
            .map_err(|e| match e.reason() {
                // Any passphrase too short to have been set cannot be the right one.
                Some("too_short") => CoreError::locked("wrong_key", "wrong passphrase"),
                _ => e,
            })?;
        Store::open(&self.dir, &key).await
    }

    /// Opens the store with the recovery key; a keychain store puts the key back into the keychain.
    pub async fn unlock_with_recovery_key(&self, typed: &str) -> Result<Store> {
        let key = StoreKey::parse_recovery(typed)?;
        if !self.store_exists() {
            return Err(CoreError::NotFound);
        }
        let store = Store::open(&self.dir, &key).await?;
        if self.key_source() == Some(KeySource::Keychain) {
            let saved = key.clone();
            if let Err(e) = self.vault_call(move |v| v.save(&saved)).await {
                tracing::warn!(%e, "could not put the recovered key back into the keychain");
            }
        }
        Ok(store)
    }
}

/// Argon2id takes about half a second: run it off the async threads.
async fn derive(file: KeyFile, passphrase: &str) -> Result<StoreKey> {
    let passphrase = passphrase.to_string();
    tokio::task::spawn_blocking(move || file.derive(&passphrase))
        .await
        .map_err(|e| CoreError::Internal(e.to_string()))?
}
