//! `key.json` beside the data file: where the key comes from (keychain or passphrase) and the passphrase's salt.
//! It never holds the key itself.

use std::path::{Path, PathBuf};

use rand::RngCore;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::key::{StoreKey, ARGON_M_KIB, ARGON_P, ARGON_T};
use crate::error::{CoreError, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum KeySource {
    Keychain,
    Passphrase,
}

/// Argon2id parameters and salt, kept so a passphrase derives the same key on every machine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kdf {
    pub salt: String,
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFile {
    pub version: u32,
    pub source: KeySource,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kdf: Option<Kdf>,
}

impl KeyFile {
    pub fn path(dir: &Path) -> PathBuf {
        dir.join("key.json")
    }

    pub fn keychain() -> Self {
        KeyFile {
            version: 1,
            source: KeySource::Keychain,
            kdf: None,
        }
    }

    /// A new passphrase record with a fresh random salt.
    pub fn passphrase() -> Self {
        let mut salt = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut salt);
        KeyFile {
            version: 1,
            source: KeySource::Passphrase,
            kdf: Some(Kdf {
                salt: hex::encode(salt),
                m_kib: ARGON_M_KIB,
                t: ARGON_T,
                p: ARGON_P,
            }),
        }
    }

    /// Derives the key from a passphrase with this file's salt.
    pub fn derive(&self, passphrase: &str) -> Result<StoreKey> {
        let kdf = self
            .kdf
            .as_ref()
            .ok_or_else(|| CoreError::Internal("key.json has no kdf".into()))?;
        let salt =
            hex::decode(&kdf.salt).map_err(|_| CoreError::io("not_a_database", "key.json salt"))?;
        StoreKey::from_passphrase(passphrase, &salt, kdf.m_kib, kdf.t, kdf.p)
    }

    pub fn read(dir: &Path) -> Result<Option<Self>> {
        match std::fs::read(Self::path(dir)) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|e| CoreError::io("not_a_database", format!("key.json: {e}"))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Written to a temporary file and renamed, so a crash never leaves half a file.
    pub fn write(&self, dir: &Path) -> Result<()> {
        crate::settings::write_atomically(
            &Self::path(dir),
            &serde_json::to_vec_pretty(self).expect("serializes"),
        )
    }
}
