//! The encrypted store on real files: created encrypted, opened only with its key, never damaged by a
//! wrong key, a foreign file or a newer schema, and held by one process at a time.

mod support;

use crm_core::customer::CustomerInput;
use crm_core::store::{db_path, KeyFile, KeySource, Store, StoreKey, StoreState, Unlocker};
use support::*;

#[tokio::test]
async fn a_new_store_is_encrypted_on_disk() {
    let (dir, store) = fresh().await;
    let c = CustomerInput {
        name: "北京华远科技有限公司".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    store.customers().create(&c).await.unwrap();
    store.close().await;
    let bytes = file_bytes(dir.path());
    assert!(
        !bytes.starts_with(b"SQLite format 3"),
        "an encrypted file has no plain SQLite header"
    );
    let needle = "华远".as_bytes();
    assert!(
        !bytes.windows(needle.len()).any(|w| w == needle),
        "customer names are not readable in the file"
    );
}

#[tokio::test]
async fn migrations_run_on_an_empty_file_and_report_the_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(db_path(dir.path()), b"").unwrap();
    let store = Store::open(dir.path(), &StoreKey::random()).await.unwrap();
    let check = store.check().await.unwrap();
    assert!(check.ok, "{:?}", check.messages);
    assert!(
        check.schema_version >= 20261123000001,
        "the first migration is applied"
    );
    assert_eq!((check.customers, check.trashed), (0, 0));
}

#[tokio::test]
async fn a_wrong_key_is_refused_and_the_file_is_left_exactly_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let key = StoreKey::random();
    Store::open(dir.path(), &key).await.unwrap().close().await;
    let before = file_bytes(dir.path());
    let err = Store::open(dir.path(), &StoreKey::random())
        .await
        .unwrap_err();
    assert_eq!(err.reason(), Some("wrong_key"));
    assert_eq!(
        file_bytes(dir.path()),
        before,
        "a failed unlock writes nothing"
    );
    Store::open(dir.path(), &key)
        .await
        .expect("the right key still opens it");
}

#[tokio::test]
async fn a_wrong_key_does_not_even_checkpoint_a_wal_left_by_a_crash() {
    let (dir, store) = fresh().await;
    let key = store.key().clone();
    let c = CustomerInput {
        name: "华远".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    store.customers().create(&c).await.unwrap();
    // While the store is open its committed pages sit in the WAL: a copy now is what a crash leaves.
    let crashed = tempfile::tempdir().unwrap();
    for f in ["crm.db", "crm.db-wal", "crm.db-shm"] {
        std::fs::copy(dir.path().join(f), crashed.path().join(f)).unwrap();
    }
    let wal = || std::fs::read(crashed.path().join("crm.db-wal")).unwrap();
    let (db_before, wal_before) = (file_bytes(crashed.path()), wal());
    assert!(
        !wal_before.is_empty(),
        "the crash left committed frames in the WAL"
    );
    let err = Store::open(crashed.path(), &StoreKey::random())
        .await
        .unwrap_err();
    assert_eq!(err.reason(), Some("wrong_key"));
    assert_eq!(
        file_bytes(crashed.path()),
        db_before,
        "the file is untouched"
    );
    assert_eq!(
        wal(),
        wal_before,
        "the WAL is neither checkpointed nor removed"
    );
    let reopened = Store::open(crashed.path(), &key).await.unwrap();
    assert_eq!(
        reopened.check().await.unwrap().customers,
        1,
        "the right key recovers the crashed commit"
    );
}

#[tokio::test]
async fn a_file_that_is_not_a_database_is_reported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let junk = b"PK\x03\x04 this is a zip file, not a store".repeat(10);
    std::fs::write(db_path(dir.path()), &junk).unwrap();
    let err = Store::open(dir.path(), &StoreKey::random())
        .await
        .unwrap_err();
    assert_eq!(err.reason(), Some("not_a_database"));
    assert_eq!(
        file_bytes(dir.path()),
        junk,
        "the user's file is not overwritten"
    );
}

#[tokio::test]
async fn a_plain_unencrypted_sqlite_file_is_not_taken_for_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut plain = b"SQLite format 3\0".to_vec();
    plain.resize(4096, 0);
    std::fs::write(db_path(dir.path()), &plain).unwrap();
    let err = Store::open(dir.path(), &StoreKey::random())
        .await
        .unwrap_err();
    assert_eq!(err.reason(), Some("not_a_database"));
}

#[tokio::test]
async fn a_store_from_a_newer_version_is_refused_without_changes() {
    let dir = tempfile::tempdir().unwrap();
    let key = StoreKey::random();
    let store = Store::open(dir.path(), &key).await.unwrap();
    store.close().await;
    // Pretend a newer app applied a migration this build does not know.
    {
        use sqlx::ConnectOptions;
        use std::str::FromStr;
        let mut conn = sqlx::sqlite::SqliteConnectOptions::from_str("sqlite:")
            .unwrap()
            .filename(db_path(dir.path()))
            .pragma("key", format!("\"x'{}'\"", key.to_hex()))
            .connect()
            .await
            .unwrap();
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
             VALUES (29991231000000, 'from the future', 1, x'00', 0)",
        )
        .execute(&mut conn)
        .await
        .unwrap();
    }
    let err = Store::open(dir.path(), &key).await.unwrap_err();
    assert_eq!(
        (err.code(), err.reason()),
        (crm_core::ErrorCode::Conflict, Some("schema_newer"))
    );
}

#[tokio::test]
async fn only_one_process_may_hold_the_store() {
    let (dir, _store) = fresh().await;
    let key = StoreKey::random();
    let err = Store::open(dir.path(), &key).await.unwrap_err();
    assert_eq!(
        err.reason(),
        Some("in_use"),
        "a second opener is told the store is in use"
    );
}

#[tokio::test]
async fn the_first_start_creates_the_data_directory_it_is_given() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("AppData").join("com.keyuan.crm");
    let store = Unlocker::new(&dir, vault())
        .open_automatically()
        .await
        .expect("a first start on a new machine opens");
    assert!(db_path(&dir).exists());
    store.close().await;
    let no_keychain = parent.path().join("elsewhere");
    let unlocker = Unlocker::new(&no_keychain, support::no_keychain());
    assert_eq!(
        unlocker.open_automatically().await.unwrap_err().state,
        StoreState::NeedsNewPassphrase
    );
    unlocker
        .set_passphrase("a long passphrase")
        .await
        .expect("the passphrase path creates it too");
}

#[tokio::test]
async fn the_first_run_keeps_a_new_key_in_the_keychain_and_reopens_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let vault = vault();
    let unlocker = Unlocker::new(dir.path(), vault.clone());
    unlocker.open_automatically().await.unwrap().close().await;
    assert!(
        vault.key.lock().unwrap().is_some(),
        "the key went to the keychain"
    );
    assert_eq!(
        KeyFile::read(dir.path()).unwrap().unwrap().source,
        KeySource::Keychain
    );
    let json = std::fs::read_to_string(KeyFile::path(dir.path())).unwrap();
    let hex = vault.key.lock().unwrap().clone().unwrap().to_hex();
    assert!(!json.contains(&hex), "the key file never holds the key");
    unlocker
        .open_automatically()
        .await
        .expect("the next start opens without asking");
}

#[tokio::test]
async fn a_deleted_keychain_entry_asks_for_the_recovery_key_which_opens_and_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let vault = vault();
    let unlocker = Unlocker::new(dir.path(), vault.clone());
    let store = unlocker.open_automatically().await.unwrap();
    let c = CustomerInput {
        name: "华远".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    store.customers().create(&c).await.unwrap();
    store.close().await;
    let recovery = vault.key.lock().unwrap().take().unwrap().to_recovery();

    let pending = unlocker.open_automatically().await.unwrap_err();
    assert_eq!(pending.state, StoreState::NeedsRecoveryKey);
    assert_eq!(pending.problem.unwrap().reason(), Some("keychain_missing"));

    let wrong = StoreKey::random().to_recovery();
    assert_eq!(
        unlocker
            .unlock_with_recovery_key(&wrong)
            .await
            .unwrap_err()
            .reason(),
        Some("wrong_key")
    );
    let store = unlocker
        .unlock_with_recovery_key(&recovery.to_lowercase())
        .await
        .unwrap();
    assert_eq!(
        store.check().await.unwrap().customers,
        1,
        "the data is intact"
    );
    store.close().await;
    unlocker
        .open_automatically()
        .await
        .expect("the key is back in the keychain");
}

#[tokio::test]
async fn without_a_keychain_the_passphrase_protects_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let unlocker = Unlocker::new(dir.path(), no_keychain());
    let pending = unlocker.open_automatically().await.unwrap_err();
    assert_eq!(pending.state, StoreState::NeedsNewPassphrase);
    assert!(
        !db_path(dir.path()).exists(),
        "nothing is created before the user chooses"
    );

    let store = unlocker.set_passphrase("红烧肉配米饭2024").await.unwrap();
    let c = CustomerInput {
        name: "华远".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    store.customers().create(&c).await.unwrap();
    store.close().await;

    assert_eq!(
        unlocker.open_automatically().await.unwrap_err().state,
        StoreState::NeedsPassphrase
    );
    let before = file_bytes(dir.path());
    for wrong in ["红烧肉配米饭2025", "short", ""] {
        let err = unlocker.unlock_with_passphrase(wrong).await.unwrap_err();
        assert_eq!(err.reason(), Some("wrong_key"), "{wrong:?}");
    }
    assert_eq!(
        file_bytes(dir.path()),
        before,
        "wrong passphrases change nothing"
    );
    assert!(
        unlocker.set_passphrase("another passphrase").await.is_err(),
        "an existing store is never re-created"
    );
    let store = unlocker
        .unlock_with_passphrase("红烧肉配米饭2024")
        .await
        .unwrap();
    assert_eq!(store.check().await.unwrap().customers, 1);
}

#[tokio::test]
async fn a_passphrase_store_also_opens_with_its_recovery_key() {
    let dir = tempfile::tempdir().unwrap();
    let unlocker = Unlocker::new(dir.path(), no_keychain());
    let _ = unlocker.open_automatically().await;
    let store = unlocker.set_passphrase("a long passphrase").await.unwrap();
    store.close().await;
    let recovery = KeyFile::read(dir.path())
        .unwrap()
        .unwrap()
        .derive("a long passphrase")
        .unwrap()
        .to_recovery();
    unlocker
        .unlock_with_recovery_key(&recovery)
        .await
        .expect("the recovery key is the derived key");
}
