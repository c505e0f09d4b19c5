//! Bulk loads (demo data, large imports): many records in one transaction with the secondary indexes
//! dropped and built once, the reports' insert triggers lifted and their totals added set-wise, and the
//! search index written once at the end. Above the nouns: it writes through them, they never call it.

use std::time::{Duration, Instant};

use sqlx::Sqlite;

use crate::customer::{unique_uscc, Customer, Customers, NewRow, ValidCustomer};
use crate::error::Result;
use crate::search;
use crate::store::Store;
use crate::store::{BULK_PRAGMAS, NORMAL_PRAGMAS};

impl Customers<'_> {
    /// Starts a bulk load (demo data, imports): one transaction for the whole load, so a failure leaves the
    /// store as it was. When `rebuild_indexes`, the secondary indexes are dropped first and built once at
    /// the end, which is far cheaper than keeping ten B-trees in random order row by row.
    pub async fn bulk(&self, rebuild_indexes: bool) -> Result<BulkLoad> {
        BulkLoad::begin(
            self.store,
            &["customers", "customer_tags", "contacts", "follow_ups"],
            rebuild_indexes,
            true,
        )
        .await
    }
}

/// Puts the writer's normal settings back after a load that changed them, when nothing else does: a
/// load that fails (dropped before `finish`) leaves its transaction to roll back and this to run after.
struct Settle {
    writer: sqlx::SqlitePool,
    armed: bool,
}

impl Drop for Settle {
    fn drop(&mut self) {
        if !self.armed {
            return;
        }
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            let writer = self.writer.clone();
            runtime.spawn(async move {
                if let Ok(mut conn) = writer.acquire().await {
                    for pragma in NORMAL_PRAGMAS {
                        let _ = sqlx::query(pragma).execute(&mut *conn).await;
                    }
                }
            });
        }
    }
}

/// Where a bulk load's time went (`crmctl bench` prints it, to tell the costs apart).
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadTimes {
    /// Writing the customer rows and their tags.
    pub customers: Duration,
    /// Writing contacts and follow-ups.
    pub book: Duration,
    /// Building the secondary indexes the load dropped.
    pub indexes: Duration,
    /// Writing the search tokens of what the load added or changed.
    pub search: Duration,
    /// Merging the search index's segments into one, after the tokens are written.
    pub search_merge: Duration,
    /// Adding what the load inserted to the reports' totals.
    pub aggregates: Duration,
    /// The commit.
    pub commit: Duration,
}

/// A bulk load in progress; nothing is visible to others until `finish`.
pub struct BulkLoad {
    tx: sqlx::Transaction<'static, Sqlite>,
    indexes: Vec<(String, String)>,
    /// Whether the load dropped the indexes and changed the writer's settings (after `tx`: dropped
    /// after it, so a failed load rolls back before the settings return).
    settle: Settle,
    /// With a load of customers and contacts, the largest ids before it: `finish` indexes the records
    /// above them for search.
    search: Option<search::Before>,
    /// Stored customers the load changed: `finish` writes their search tokens again.
    changed: Vec<i64>,
    /// The reports' insert triggers a large load lifts; `finish` adds what it inserted set-wise.
    totals: crate::aggregate::Suspended,
    times: LoadTimes,
}

impl BulkLoad {
    /// Starts a bulk load into `tables`; with `rebuild_indexes`, their secondary indexes are dropped now
    /// and built once by `finish`.
    pub(crate) async fn begin(
        store: &Store,
        tables: &[&str],
        rebuild_indexes: bool,
        search: bool,
    ) -> Result<BulkLoad> {
        // Armed before the settings change: from here on a failure puts the normal ones back.
        let settle = Settle {
            writer: store.writer_pool().clone(),
            armed: rebuild_indexes,
        };
        if rebuild_indexes {
            // While the indexes are built the table is scanned once per index: keep it in memory, sort
            // in memory, and let the sorter use a second thread. `finish` puts the normal settings back.
            // Set before the transaction: SQLite refuses to change temp_store inside one once the
            // connection has used its temporary database (an ALTER TABLE … RENAME in a migration does).
            let mut conn = store.writer_pool().acquire().await?;
            for pragma in BULK_PRAGMAS {
                sqlx::query(pragma).execute(&mut *conn).await?;
            }
        }
        let mut tx = store.write().await?;
        let mut indexes = Vec::new();
        if rebuild_indexes {
            let list = tables
                .iter()
                .map(|t| format!("'{t}'"))
                .collect::<Vec<_>>()
                .join(", ");
            indexes = sqlx::query_as::<_, (String, String)>(&format!(
                "SELECT name, sql FROM sqlite_master \
                 WHERE type = 'index' AND tbl_name IN ({list}) AND sql IS NOT NULL"
            ))
            .fetch_all(&mut *tx)
            .await?;
            for (name, _) in &indexes {
                sqlx::query(&format!("DROP INDEX \"{name}\""))
                    .execute(&mut *tx)
                    .await?;
            }
            if search {
                search::bulk_settings(&mut tx, true).await?;
            }
        }
        let search = match search {
            true => Some(search::Before::now(&mut tx).await?),
            false => None,
        };
        let totals = match rebuild_indexes {
            true => crate::aggregate::suspend(&mut tx).await?,
            false => crate::aggregate::Suspended::default(),
        };
        Ok(BulkLoad {
            tx,
            indexes,
            settle,
            search,
            changed: Vec::new(),
            totals,
            times: LoadTimes::default(),
        })
    }

    /// Adds customers with multi-row statements. Rows need ids so their tags can be written alongside.
    pub async fn add(&mut self, rows: &[NewRow<'_>]) -> Result<()> {
        let start = Instant::now();
        crate::customer::insert_many(&mut self.tx, rows).await?;
        self.times.customers += start.elapsed();
        Ok(())
    }

    /// The load's own connection, for writes that go with it (an import's updates and its record, the
    /// demo's contracts).
    pub(crate) fn conn(&mut self) -> &mut sqlx::SqliteConnection {
        &mut self.tx
    }

    /// Writes `customer` over the stored `before` as `overwrite` does, but leaves its search tokens to
    /// `finish` (written in the middle of a load, each would make FTS5 write out a segment of its own).
    pub(crate) async fn overwrite(
        &mut self,
        before: &Customer,
        customer: &ValidCustomer,
    ) -> Result<bool> {
        let changed = crate::customer::overwrite_fields(&mut self.tx, before, customer).await?;
        if changed {
            self.changed.push(before.id);
        }
        Ok(changed)
    }

    /// Adds contacts of customers added in this load (or already stored); `finish` indexes them for search.
    pub async fn add_contacts(&mut self, rows: &[crate::contact::NewContact]) -> Result<()> {
        let start = Instant::now();
        crate::contact::insert_many(&mut self.tx, rows).await?;
        self.times.book += start.elapsed();
        Ok(())
    }

    /// Adds follow-ups of customers in this load and sets those customers' next follow-up dates.
    pub async fn add_follow_ups(&mut self, rows: &[crate::follow_up::NewFollowUp]) -> Result<()> {
        let start = Instant::now();
        crate::follow_up::insert_many(&mut self.tx, rows).await?;
        self.times.book += start.elapsed();
        Ok(())
    }

    /// Rebuilds the dropped indexes (a duplicate 统一社会信用代码 fails here and undoes the whole load),
    /// indexes the customers and contacts the load added for search, and commits.
    pub async fn finish(mut self) -> Result<LoadTimes> {
        let start = Instant::now();
        for (_, sql) in &self.indexes {
            sqlx::query(sql)
                .execute(&mut *self.tx)
                .await
                .map_err(unique_uscc)?;
        }
        self.times.indexes = start.elapsed();
        let start = Instant::now();
        std::mem::take(&mut self.totals)
            .resume(&mut self.tx)
            .await?;
        self.times.aggregates = start.elapsed();
        // Last of the load's writes: a multi-row write after them would make FTS5 write out its terms.
        let start = Instant::now();
        if let Some(before) = self.search {
            let tuned = self.settle.armed;
            self.times.search_merge =
                search::index_load(&mut self.tx, &mut self.changed, Some(before), tuned).await?;
        }
        self.times.search = start.elapsed() - self.times.search_merge;
        let start = Instant::now();
        self.tx.commit().await?;
        self.times.commit = start.elapsed();
        if self.settle.armed {
            // Committed: what follows must not turn a done load into an error the user would retry.
            self.settle.armed = false;
            let writer = self.settle.writer.clone();
            if let Ok(mut conn) = writer.acquire().await {
                for pragma in NORMAL_PRAGMAS {
                    let _ = sqlx::query(pragma).execute(&mut *conn).await;
                }
            }
            // The load is durable in the WAL once committed; copying its pages into the file (as large as
            // the load) is left to the moment after, so the caller has its answer first.
            tokio::spawn(async move {
                if let Ok(mut conn) = writer.acquire().await {
                    let _ = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
                        .execute(&mut *conn)
                        .await;
                }
            });
        }
        Ok(self.times)
    }
}
