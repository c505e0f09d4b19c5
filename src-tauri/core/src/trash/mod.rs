//! The trash (回收站), one lifecycle for every kind of record: put in, bring back, delete for good, list.
//! What each kind refuses and what must follow its move (search entries, receivable totals, the primary
//! contact, 下次跟进) is decided per kind in [`rules`]; what a deleted record takes along, in
//! [`crate::owned`]. Above the nouns: it calls into them, they never call into it.

mod list;
mod rules;

pub use list::TrashedRows;

use crate::error::{CoreError, Result};
use crate::history::{self, Change};
use crate::record::RecordKind;
use crate::store::Store;
use crate::time::now_ms;

/// The trash of one open store.
pub struct Trash<'s> {
    store: &'s Store,
}

impl Store {
    pub fn trash(&self) -> Trash<'_> {
        Trash { store: self }
    }
}

impl Trash<'_> {
    /// Moves a live record to the trash (nothing happens if it is there already).
    pub async fn put(&self, kind: RecordKind, id: i64) -> Result<()> {
        self.set_deleted(kind, id, Some(now_ms())).await
    }

    /// Brings a trashed record back, where what it belongs to is live and nothing has taken its place.
    pub async fn restore(&self, kind: RecordKind, id: i64) -> Result<()> {
        self.set_deleted(kind, id, None).await
    }

    async fn set_deleted(&self, kind: RecordKind, id: i64, at: Option<i64>) -> Result<()> {
        let mut tx = self.store.write().await?;
        let old = deleted_at(&mut tx, kind, id).await?;
        rules::refuse_any(&mut tx, kind, id).await?;
        if old.is_some() == at.is_some() {
            // Already where the user wants it: nothing to do, nothing to record.
            return Ok(());
        }
        let now = now_ms();
        match at {
            Some(_) => rules::refuse_trash(&mut tx, kind, id).await?,
            None => rules::refuse_restore(&mut tx, kind, id).await?,
        }
        sqlx::query(&format!(
            "UPDATE {} SET deleted_at = ? WHERE id = ?",
            kind.table()
        ))
        .bind(at)
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(|e| rules::taken(kind, e))?;
        rules::follow(&mut tx, kind, id, at.is_some(), now).await?;
        let change = Change::new(
            "deletedAt",
            old.map(|v| v.to_string()),
            at.map(|v| v.to_string()),
        );
        history::record(&mut tx, kind, id, &[change], at.unwrap_or(now)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes a trashed record for good, with what it owns and their histories. Live records must be
    /// trashed first.
    pub async fn delete(&self, kind: RecordKind, id: i64) -> Result<()> {
        let mut tx = self.store.write().await?;
        let deleted = deleted_at(&mut tx, kind, id).await?;
        rules::refuse_any(&mut tx, kind, id).await?;
        if deleted.is_none() {
            return Err(CoreError::conflict(
                "not_trashed",
                format!("{} {id} is not in the trash", kind.history_name()),
            ));
        }
        rules::refuse_delete(&mut tx, kind, id).await?;
        crate::owned::forget(&mut tx, kind, id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The trashed records of a kind, most recently trashed first (at most [`list::LIMIT`]).
    pub async fn list(&self, kind: RecordKind) -> Result<TrashedRows> {
        list::of(self.store, kind).await
    }
}

async fn deleted_at(
    conn: &mut sqlx::SqliteConnection,
    kind: RecordKind,
    id: i64,
) -> Result<Option<i64>> {
    sqlx::query_scalar(&format!(
        "SELECT deleted_at FROM {} WHERE id = ?",
        kind.table()
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?
    .ok_or(CoreError::NotFound)
}
