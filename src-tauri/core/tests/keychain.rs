//! The real OS keychain (Secret Service under gnome-keyring in the test command): a key saved for a store
//! reads back, survives a new handle, and a deleted entry is reported as missing.
//! The test command sets CRM_REQUIRE_KEYCHAIN=1; elsewhere, without a keychain, this test says so and passes.

use crm_core::store::{KeyVault, OsKeychain, StoreKey, VaultError};

#[test]
fn a_key_saved_in_the_os_keychain_reads_back_and_can_be_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let vault = OsKeychain::for_dir(dir.path());
    let key = StoreKey::random();
    match vault.save(&key) {
        Ok(()) => {}
        Err(e) if std::env::var_os("CRM_REQUIRE_KEYCHAIN").is_none() => {
            eprintln!("no OS keychain here ({e}); the test command runs this with one");
            return;
        }
        Err(e) => panic!("the test command provides a keychain, but saving failed: {e}"),
    }
    assert_eq!(
        OsKeychain::for_dir(dir.path()).load().unwrap(),
        key,
        "another handle finds the same key"
    );
    let other = tempfile::tempdir().unwrap();
    assert_eq!(
        OsKeychain::for_dir(other.path()).load(),
        Err(VaultError::Missing),
        "each store has its own entry"
    );
    vault.delete().unwrap();
    assert_eq!(vault.load(), Err(VaultError::Missing));
}
