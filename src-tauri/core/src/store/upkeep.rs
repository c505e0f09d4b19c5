//! What a store does as it opens and closes beyond the file itself: the derived data made current (the
//! search index and the reports' totals, rebuilt once for a store from before them) and the decrypted
//! copies of documents cleared. Above the nouns and their derived data; nothing below calls it.

use std::path::Path;

use super::key::StoreKey;
use super::open::{Store, BULK_PRAGMAS, NORMAL_PRAGMAS};
use crate::error::Result;

impl Store {
    /// Opens (or creates) the store in `dir` with `key`. A wrong key leaves the file untouched.
    pub async fn open(dir: &Path, key: &StoreKey) -> Result<Store> {
        let store = Store::connect(dir, key).await?;
        make_current(&store).await?;
        // Decrypted copies opened by the system's apps last time are not kept.
        crate::document::clear_opened(dir);
        Ok(store)
    }

    /// Checkpoints the WAL, closes every connection and clears the decrypted copies opened meanwhile.
    pub async fn close(self) {
        let dir = self.dir().to_path_buf();
        self.disconnect().await;
        crate::document::clear_opened(&dir);
    }
}

/// The search index and the reports' totals, made from the records where they are missing or stale.
async fn make_current(store: &Store) -> Result<()> {
    // The reports' totals are made once for a store from before them (or from another version of
    // them): sorting a million records' totals wants memory, as a bulk load does.
    let stale = {
        let mut conn = store.writer_pool().acquire().await?;
        let stale = crate::aggregate::stale(&mut conn).await?;
        if stale {
            for pragma in BULK_PRAGMAS {
                sqlx::query(pragma).execute(&mut *conn).await?;
            }
        }
        stale
    };
    {
        // A store from before search, or from older token rules, gets its index (re)built once.
        let mut tx = store.writer_pool().begin_with("BEGIN IMMEDIATE").await?;
        let searched = crate::search::rebuild_if_stale(&mut tx).await?;
        // The reports' totals, made from the records once for a store from before them.
        let totalled = crate::aggregate::ensure(&mut tx).await?;
        if searched || totalled {
            tx.commit().await?;
        }
    }
    if stale {
        let mut conn = store.writer_pool().acquire().await?;
        for pragma in NORMAL_PRAGMAS {
            sqlx::query(pragma).execute(&mut *conn).await?;
        }
        sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
