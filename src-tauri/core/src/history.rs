//! The change history every record type shares: which field changed, from what, to what, and when.

use serde::Serialize;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use ts_rs::TS;

use crate::error::Result;
use crate::record::RecordKind;

/// One field's change. `field` is the camelCase name the UI translates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub field: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
}

impl Change {
    pub fn new(field: &'static str, old: Option<String>, new: Option<String>) -> Self {
        Change { field, old, new }
    }
    /// The record came into being.
    pub fn created() -> Self {
        Change {
            field: "created",
            old: None,
            new: None,
        }
    }
}

/// A stored history entry as the UI shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HistoryEntry {
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    #[ts(type = "number")]
    pub changed_at: i64,
}

/// The fields whose values differ between two snapshots of the same record.
pub fn changes(
    before: &[(&'static str, Option<String>)],
    after: &[(&'static str, Option<String>)],
) -> Vec<Change> {
    before
        .iter()
        .zip(after)
        .filter(|((_, old), (_, new))| old != new)
        .map(|((field, old), (_, new))| Change::new(field, old.clone(), new.clone()))
        .collect()
}

pub(crate) async fn record(
    conn: &mut SqliteConnection,
    kind: RecordKind,
    id: i64,
    changes: &[Change],
    at: i64,
) -> Result<()> {
    if changes.is_empty() {
        return Ok(());
    }
    let mut b = QueryBuilder::new("");
    push_record(&mut b, kind, id, changes, at);
    b.build().execute(&mut *conn).await?;
    Ok(())
}

/// Appends the statement `record` runs to a query of several (one round trip for a whole update).
pub(crate) fn push_record(
    b: &mut QueryBuilder<'_, Sqlite>,
    kind: RecordKind,
    id: i64,
    changes: &[Change],
    at: i64,
) {
    if changes.is_empty() {
        return;
    }
    b.push("INSERT INTO history (entity, entity_id, field, old_value, new_value, changed_at) ");
    b.push_values(changes, |mut v, c| {
        v.push_bind(kind.history_name())
            .push_bind(id)
            .push_bind(c.field)
            .push_bind(c.old.clone())
            .push_bind(c.new.clone())
            .push_bind(at);
    });
    b.push(";");
}

pub(crate) async fn forget(conn: &mut SqliteConnection, kind: RecordKind, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM history WHERE entity = ? AND entity_id = ?")
        .bind(kind.history_name())
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The statement that forgets the history of the records of `kind` whose ids `ids` selects (a query that
/// may take bound values), for deleting records in bulk.
pub(crate) fn forget_sql(kind: RecordKind, ids: &str) -> String {
    format!(
        "DELETE FROM history WHERE entity = '{}' AND entity_id IN ({ids})",
        kind.history_name()
    )
}

/// The history of one record, newest first.
pub async fn of(
    store: &crate::store::Store,
    kind: RecordKind,
    id: i64,
) -> Result<Vec<HistoryEntry>> {
    Ok(sqlx::query_as(
        "SELECT field, old_value, new_value, changed_at FROM history WHERE entity = ? AND entity_id = ? \
         ORDER BY changed_at DESC, id DESC",
    )
    .bind(kind.history_name())
    .bind(id)
    .fetch_all(store.read())
    .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_fields_that_differ_become_changes() {
        let before = [("name", Some("华远".to_string())), ("email", None)];
        let after = [("name", Some("华远科技".to_string())), ("email", None)];
        assert_eq!(
            changes(&before, &after),
            vec![Change::new(
                "name",
                Some("华远".into()),
                Some("华远科技".into())
            )]
        );
    }
}
