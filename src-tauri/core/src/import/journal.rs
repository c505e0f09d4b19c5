//! What an import writes about itself, in its own transaction: its record (for the history and the
//! revert), each record it created or updated (with its fields before), the rows it refused with their
//! cells (for the error workbook), and the report that counts what became of every row.

use std::path::Path;

use super::model::*;
use super::row::{Refusal, SheetRow};
use crate::error::Result;
use crate::record::RecordKind;

/// Rejected rows the report lists (the error workbook has all of them).
const REPORT_REJECTS: usize = 200;

pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// What became of one row, for the report.
pub(super) enum Outcome<'a> {
    Created,
    Updated,
    Unchanged,
    Rejected(&'a Refusal),
}

/// Counts the outcomes and lists the first refused rows with their original cells (customers and
/// contacts alike).
pub(super) fn tally<'a>(
    dry_run: bool,
    outcomes: impl Iterator<Item = (&'a SheetRow, Outcome<'a>)>,
    cells_of: &(dyn Fn(&SheetRow) -> Vec<String> + Sync),
) -> ImportReport {
    let mut report = ImportReport {
        import_id: None,
        dry_run,
        total: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        rejects: Vec::new(),
    };
    for (row, outcome) in outcomes {
        report.total += 1;
        match outcome {
            Outcome::Created => report.created += 1,
            Outcome::Updated => report.updated += 1,
            Outcome::Unchanged => report.unchanged += 1,
            Outcome::Rejected(refusal) => {
                report.rejected += 1;
                if report.rejects.len() < REPORT_REJECTS {
                    report.rejects.push(RejectedRow {
                        row: row.number,
                        field: refusal.field.clone(),
                        reason: refusal.reason.clone(),
                        values: cells_of(row),
                    });
                }
            }
        }
    }
    report
}

impl ImportReport {
    /// Adds the outcomes of the next rows (an import that tallies as it goes).
    pub(super) fn absorb(&mut self, next: ImportReport) {
        self.total += next.total;
        self.created += next.created;
        self.updated += next.updated;
        self.unchanged += next.unchanged;
        self.rejected += next.rejected;
        let room = REPORT_REJECTS.saturating_sub(self.rejects.len());
        self.rejects.extend(next.rejects.into_iter().take(room));
    }
}

/// Puts the counts on an import's record once they are all known (an import written as it is planned).
pub(super) async fn record_counts(
    conn: &mut sqlx::SqliteConnection,
    import_id: i64,
    report: &ImportReport,
) -> Result<()> {
    sqlx::query(
        "UPDATE imports SET total = ?, created = ?, updated = ?, unchanged = ?, rejected = ? WHERE id = ?",
    )
    .bind(report.total)
    .bind(report.created)
    .bind(report.updated)
    .bind(report.unchanged)
    .bind(report.rejected)
    .bind(import_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// The import's own record, written first in its transaction (every record type); returns its id.
pub(super) async fn record_import(
    conn: &mut sqlx::SqliteConnection,
    kind: RecordKind,
    file_name: &str,
    request: &ImportRequest,
    headers: &[String],
    report: &ImportReport,
    now: i64,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO imports (entity, file_name, mode, headers, created_at, total, created, updated, unchanged, rejected) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(kind.plural())
    .bind(file_name)
    .bind(request.mode.as_str())
    .bind(serde_json::to_string(headers).expect("text serializes"))
    .bind(now)
    .bind(report.total)
    .bind(report.created)
    .bind(report.updated)
    .bind(report.unchanged)
    .bind(report.rejected)
    .fetch_one(conn)
    .await?)
}

/// Remembers a record an import created or updated (with its fields before, as the form's input), for
/// the revert.
pub(super) async fn record_row(
    conn: &mut sqlx::SqliteConnection,
    import_id: i64,
    record_id: i64,
    action: &str,
    before: Option<String>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO import_rows (import_id, record_id, action, before) VALUES (?, ?, ?, ?)",
    )
    .bind(import_id)
    .bind(record_id)
    .bind(action)
    .bind(before)
    .execute(conn)
    .await?;
    Ok(())
}

/// Keeps refused rows with their original cells, for the error workbook (at most 6,000 a call: five
/// variables a row).
pub(super) async fn record_rejects(
    conn: &mut sqlx::SqliteConnection,
    import_id: i64,
    rejects: &[(&SheetRow, &Refusal)],
    cells_of: &(dyn Fn(&SheetRow) -> Vec<String> + Sync),
) -> Result<()> {
    if rejects.is_empty() {
        return Ok(());
    }
    let mut b = sqlx::QueryBuilder::new(
        "INSERT INTO import_rejects (import_id, row, field, reason, cells) ",
    );
    b.push_values(rejects, |mut v, (row, refusal)| {
        v.push_bind(import_id)
            .push_bind(row.number)
            .push_bind(refusal.field.clone())
            .push_bind(refusal.reason.clone())
            .push_bind(serde_json::to_string(&cells_of(row)).expect("text serializes"));
    });
    b.build().execute(conn).await?;
    Ok(())
}
