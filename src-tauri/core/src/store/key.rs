//! The store's 32-byte raw key: made at random, derived from a passphrase, or typed back as a recovery key.

use argon2::{Algorithm, Argon2, Params, Version};
use rand::RngCore;

use crate::error::{CoreError, Result};

/// Argon2id cost: 64 MiB, 3 passes — about half a second once per unlock, never per connection.
pub(crate) const ARGON_M_KIB: u32 = 64 * 1024;
pub(crate) const ARGON_T: u32 = 3;
pub(crate) const ARGON_P: u32 = 1;

/// The raw SQLCipher key. Never written to disk in plain form; wiped from memory on drop.
#[derive(Clone, PartialEq, Eq)]
pub struct StoreKey([u8; 32]);

impl std::fmt::Debug for StoreKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StoreKey(…)")
    }
}

impl Drop for StoreKey {
    fn drop(&mut self) {
        // Volatile writes so the wipe is not optimized away.
        for b in self.0.iter_mut() {
            unsafe { std::ptr::write_volatile(b, 0) };
        }
    }
}

impl StoreKey {
    pub fn random() -> Self {
        let mut k = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut k);
        StoreKey(k)
    }

    /// Stretches a passphrase with Argon2id and the store's salt.
    pub fn from_passphrase(
        passphrase: &str,
        salt: &[u8],
        m_kib: u32,
        t: u32,
        p: u32,
    ) -> Result<Self> {
        if passphrase.chars().count() < 8 {
            return Err(CoreError::invalid("passphrase", "too_short"));
        }
        let params =
            Params::new(m_kib, t, p, Some(32)).map_err(|e| CoreError::Internal(e.to_string()))?;
        let mut k = [0u8; 32];
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(passphrase.as_bytes(), salt, &mut k)
            .map_err(|e| CoreError::Internal(e.to_string()))?;
        Ok(StoreKey(k))
    }

    /// The form kept in the keychain.
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    pub fn from_hex(s: &str) -> Option<Self> {
        let bytes = hex::decode(s.trim()).ok()?;
        Some(StoreKey(bytes.try_into().ok()?))
    }

    /// The recovery key shown to the user: 64 hex digits in groups of 8, e.g. `3F2A91C0-…`.
    pub fn to_recovery(&self) -> String {
        let hex = self.to_hex().to_uppercase();
        hex.as_bytes()
            .chunks(8)
            .map(|c| std::str::from_utf8(c).expect("hex is ascii"))
            .collect::<Vec<_>>()
            .join("-")
    }

    /// Reads a recovery key as typed: any case, with or without dashes and spaces.
    pub fn parse_recovery(typed: &str) -> Result<Self> {
        let compact: String = crate::field::half_width(typed)
            .chars()
            .filter(|c| c.is_ascii_hexdigit())
            .collect();
        let stray = typed
            .chars()
            .any(|c| !(c.is_ascii_hexdigit() || c == '-' || c.is_whitespace()));
        if stray || compact.len() != 64 {
            return Err(CoreError::invalid("recoveryKey", "format"));
        }
        Self::from_hex(&compact).ok_or(CoreError::invalid("recoveryKey", "format"))
    }

    /// The value of `PRAGMA key`: SQLCipher's raw-key form, so no key derivation runs per connection.
    pub(crate) fn pragma_value(&self) -> String {
        format!("\"x'{}'\"", self.to_hex())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recovery_key_reads_back_as_the_same_key_however_it_is_typed() {
        let k = StoreKey::random();
        let shown = k.to_recovery();
        assert_eq!(shown.len(), 64 + 7, "eight groups of eight");
        assert_eq!(StoreKey::parse_recovery(&shown).unwrap(), k);
        assert_eq!(
            StoreKey::parse_recovery(&shown.to_lowercase().replace('-', " ")).unwrap(),
            k
        );
    }

    #[test]
    fn a_mistyped_recovery_key_is_a_format_error() {
        assert_eq!(
            StoreKey::parse_recovery("ABCD").unwrap_err().to_string(),
            "recoveryKey: format"
        );
        let with_letter = format!("{}Z", "A".repeat(63));
        assert!(StoreKey::parse_recovery(&with_letter).is_err());
    }

    #[test]
    fn the_same_passphrase_and_salt_give_the_same_key_and_another_salt_another() {
        let a = StoreKey::from_passphrase("correct horse", b"salt-salt-salt-1", 256, 1, 1).unwrap();
        let b = StoreKey::from_passphrase("correct horse", b"salt-salt-salt-1", 256, 1, 1).unwrap();
        let c = StoreKey::from_passphrase("correct horse", b"salt-salt-salt-2", 256, 1, 1).unwrap();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn a_short_passphrase_is_refused() {
        assert_eq!(
            StoreKey::from_passphrase("short", b"salt-salt-salt-1", 256, 1, 1)
                .unwrap_err()
                .reason(),
            Some("too_short")
        );
    }
}
