//! Opening the encrypted file: one process at a time, raw key first, key checked, migrations run.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Sqlite, Transaction};

use super::key::StoreKey;
use crate::error::{CoreError, Result};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// An open, unlocked store. Reads go through a small pool; writes through one connection, so write
/// transactions never race each other for the lock.
pub struct Store {
    read: SqlitePool,
    write: SqlitePool,
    dir: PathBuf,
    key: StoreKey,
    // Held for the life of the store: a second process gets `locked/in_use` instead of a shared file.
    _lock: File,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("dir", &self.dir).finish()
    }
}

/// Settings of the writer connection while a bulk load that rebuilds the indexes runs (1 GiB of page
/// cache at most), and the normal ones it returns to after its commit, or when it fails.
pub(crate) const BULK_PRAGMAS: [&str; 4] = [
    "PRAGMA cache_size = -1048576",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA threads = 1",
    // Its commit does not copy the WAL into the file; `finish` has a checkpoint do that right after.
    "PRAGMA wal_autocheckpoint = 0",
];
pub(crate) const NORMAL_PRAGMAS: [&str; 4] = [
    "PRAGMA cache_size = -65536",
    "PRAGMA temp_store = DEFAULT",
    "PRAGMA threads = 0",
    "PRAGMA wal_autocheckpoint = 1000",
];

/// SQLCipher's default page size.
const PAGE: u64 = 4096;

/// What the file on disk is, judged before any key is tried.
fn inspect(path: &Path) -> Result<Option<u64>> {
    let mut f = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let len = f.metadata()?.len();
    if len == 0 {
        return Ok(None);
    }
    let mut head = [0u8; 16];
    let n = f.read(&mut head)?;
    if &head[..n] == b"SQLite format 3\0" {
        return Err(CoreError::io(
            "not_a_database",
            "an unencrypted SQLite file is not a CRM store",
        ));
    }
    Ok(Some(len))
}

/// Takes the store's lock file. A process that quit a moment ago may still be letting go, so a held
/// lock is retried briefly before the store counts as in use.
fn lock(dir: &Path) -> Result<File> {
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join("crm.lock"))?;
    let until = std::time::Instant::now() + Duration::from_secs(2);
    loop {
        match f.try_lock() {
            Ok(()) => return Ok(f),
            Err(std::fs::TryLockError::WouldBlock) if std::time::Instant::now() < until => {
                std::thread::sleep(Duration::from_millis(100));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(CoreError::locked(
                    "in_use",
                    "the store is open in another window or process",
                ))
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(e.into()),
        }
    }
}

/// Turns off SQLite's memory statistics before its first connection: they take a global mutex around
/// every allocation (~7% of a bulk load's time in SQLite), and nothing reads them. Once SQLite has
/// started, the call is refused and changes nothing. `sqlite3_config` must not run while another thread
/// starts SQLite: every connection of the app and of `crmctl` is opened by `Store::open`, after this.
fn configure_sqlite() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: called once, from the first `Store::open`, which every SQLite connection of the app
        // and of crmctl comes after; once SQLite is initialized the call is refused (SQLITE_MISUSE).
        unsafe {
            libsqlite3_sys::sqlite3_config(
                libsqlite3_sys::SQLITE_CONFIG_MEMSTATUS,
                0 as std::ffi::c_int,
            );
        }
    });
}

impl Store {
    /// Opens (or creates) the file in `dir` with `key` and brings its schema up to date; [`Store::open`]
    /// does this and then makes its derived data current. A wrong key leaves the file untouched.
    pub(crate) async fn connect(dir: &Path, key: &StoreKey) -> Result<Store> {
        configure_sqlite();
        std::fs::create_dir_all(dir)?;
        let lock = lock(dir)?;
        let path = super::db_path(dir);
        let existing_len = inspect(&path)?;

        let options = SqliteConnectOptions::from_str("sqlite:")
            .map_err(|e| CoreError::Internal(e.to_string()))?
            .filename(&path)
            .pragma("key", key.pragma_value())
            .create_if_missing(existing_len.is_none())
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));

        if existing_len.is_some() {
            // Checked on a read-only connection: a read-write one would checkpoint a WAL left by a crash
            // into the file when it closes, so even a wrong key would write.
            check_key(options.clone().read_only(true), existing_len).await?;
        }
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(0)
            // After a bulk load the WAL grows as large as the data; once checkpointed it shrinks back to
            // 64 MiB instead of keeping gigabytes of disk.
            .connect_with(
                options
                    .clone()
                    .pragma("cache_size", "-65536")
                    .pragma("journal_size_limit", "67108864"),
            )
            .await
            .map_err(|e| classify_open_error(e, existing_len))?;
        MIGRATOR.run(&write).await?;
        let read = SqlitePoolOptions::new()
            .max_connections(4)
            .min_connections(0)
            .connect_with(options.read_only(true).pragma("cache_size", "-32768"))
            .await?;
        Ok(Store {
            read,
            write,
            dir: dir.to_path_buf(),
            key: key.clone(),
            _lock: lock,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The key that opens this store, e.g. to measure reopening it.
    pub fn key(&self) -> &StoreKey {
        &self.key
    }

    /// The recovery key the user can keep to open this store without the keychain or passphrase.
    pub fn recovery_key(&self) -> String {
        self.key.to_recovery()
    }

    pub(crate) fn writer_pool(&self) -> &SqlitePool {
        &self.write
    }

    pub(crate) fn read(&self) -> &SqlitePool {
        &self.read
    }

    /// A write transaction that takes the write lock up front (`BEGIN IMMEDIATE`), so it waits
    /// for another writer instead of failing with SQLITE_BUSY half-way.
    pub(crate) async fn write(&self) -> Result<Transaction<'static, Sqlite>> {
        Ok(self.write.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// The schema version: the newest migration applied.
    pub async fn schema_version(&self) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT coalesce(max(version), 0) FROM _sqlx_migrations WHERE success = 1",
        )
        .fetch_one(&self.read)
        .await?)
    }

    /// Checkpoints the WAL and closes every connection ([`Store::close`] clears what was opened, too).
    pub(crate) async fn disconnect(self) {
        let _ = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.write)
            .await;
        self.read.close().await;
        self.write.close().await;
    }
}

/// Reads the schema once with `options`: a wrong key shows here, not at connect.
async fn check_key(options: SqliteConnectOptions, existing_len: Option<u64>) -> Result<()> {
    use sqlx::{ConnectOptions, Connection};
    let mut conn = options
        .connect()
        .await
        .map_err(|e| classify_open_error(e, existing_len))?;
    let read = sqlx::query_scalar::<_, i64>("SELECT count(*) FROM sqlite_master")
        .fetch_one(&mut conn)
        .await;
    let _ = conn.close().await;
    read.map(|_| ())
        .map_err(|e| classify_open_error(e, existing_len))
}

/// SQLITE_NOTADB on a file of whole pages means the key is wrong; otherwise the file is not ours.
fn classify_open_error(e: sqlx::Error, existing_len: Option<u64>) -> CoreError {
    let not_a_db = matches!(&e, sqlx::Error::Database(db) if db.code().as_deref() == Some("26"));
    match existing_len {
        Some(len) if not_a_db && len % PAGE == 0 => {
            CoreError::locked("wrong_key", "the key does not open this store")
        }
        Some(_) if not_a_db => {
            CoreError::io("not_a_database", "the file is damaged or not a CRM store")
        }
        _ => e.into(),
    }
}

/// Runs one read-only scalar query (integration tests inspect the schema with it).
#[doc(hidden)]
pub async fn query_scalar_for_tests(store: &Store, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(store.read())
        .await
        .expect("a valid scalar query")
}
