//! Deleting a record for good with everything it owns: the owned rows go with their parent (foreign keys
//! cascade), their histories are forgotten here, and contents no document uses any more go last.

use sqlx::SqliteConnection;

use super::owner_column;
use crate::error::Result;
use crate::history;
use crate::record::RecordKind;

/// Forgets the history of every record owned by the records of `owner` whose ids `ids` selects (a query
/// with one bound value, `bind`), ahead of deleting those owners.
pub(crate) async fn forget_owned_history(
    conn: &mut SqliteConnection,
    owner: RecordKind,
    ids: &str,
    bind: i64,
) -> Result<()> {
    for kind in RecordKind::ALL {
        if let Some(column) = owner_column(owner, kind) {
            let owned = format!("SELECT id FROM {} WHERE {column} IN ({ids})", kind.table());
            sqlx::query(&history::forget_sql(kind, &owned))
                .bind(bind)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

/// Deletes record `id` of `kind` for good, with what it owns and all their histories.
pub(crate) async fn forget(conn: &mut SqliteConnection, kind: RecordKind, id: i64) -> Result<()> {
    forget_owned_history(conn, kind, "SELECT ?", id).await?;
    sqlx::query(&format!("DELETE FROM {} WHERE id = ?", kind.table()))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    history::forget(conn, kind, id).await?;
    if kind == RecordKind::Documents || owner_column(kind, RecordKind::Documents).is_some() {
        crate::document::forget_unused_blobs(conn).await?;
    }
    Ok(())
}
