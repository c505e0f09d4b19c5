//! What an import does with each row of a record type whose rows are matched one by one (products,
//! contracts, payment plans, receipts, follow-ups), and the one writer that carries the plans out in a
//! transaction, recording what it created and changed for the revert.

use std::future::Future;

use sqlx::SqliteConnection;

use super::journal::Outcome;
use super::model::{ImportReport, ImportRequest};
use super::row::{Refusal, SheetRow};
use crate::error::{CoreError, Result};
use crate::record::RecordKind;
use crate::store::Store;
use crate::time::now_ms;

/// What becomes of one row.
pub(super) enum Plan<S, V> {
    Create(V),
    Update { before: Box<S>, valid: V },
    Unchanged,
    Reject(Refusal),
}

impl<S, V> Plan<S, V> {
    pub fn reject(field: &str, reason: &str) -> Self {
        Plan::Reject(Refusal::new(field, reason))
    }

    /// A refusal for a rule the row broke.
    pub fn refused(e: &CoreError) -> Self {
        Plan::Reject(Refusal::of(e))
    }

    fn outcome(&self) -> Outcome<'_> {
        match self {
            Plan::Create(_) => Outcome::Created,
            Plan::Update { .. } => Outcome::Updated,
            Plan::Unchanged => Outcome::Unchanged,
            Plan::Reject(refusal) => Outcome::Rejected(refusal),
        }
    }
}

/// How rows of one record type are written.
pub(super) trait Record {
    /// The record as stored (what an update row changes).
    type Stored: Sync;
    /// A row that passed the form's rules, with what it refers to resolved.
    type Valid: Sync;
    /// What writing needs besides the row (the contract numbering rule).
    type Context: Sync;
    /// The kind of record (its `imports.entity`).
    const KIND: RecordKind;

    /// Writes a new record; returns the ids it created (a receipt spread over installments makes several).
    fn insert(
        conn: &mut SqliteConnection,
        context: &Self::Context,
        valid: &Self::Valid,
        now: i64,
    ) -> impl Future<Output = Result<Vec<i64>>> + Send;

    /// Writes `valid` over the stored record.
    fn overwrite(
        conn: &mut SqliteConnection,
        before: &Self::Stored,
        valid: &Self::Valid,
        now: i64,
    ) -> impl Future<Output = Result<()>> + Send;

    /// The stored record's id and its fields as the form's input (JSON), put back by a revert.
    fn before(stored: &Self::Stored) -> (i64, String);
}

/// Counts the plans and, unless a dry run, writes them with the import's record in one transaction.
#[allow(clippy::too_many_arguments)]
pub(super) async fn carry_out<R: Record>(
    store: &Store,
    context: &R::Context,
    request: &ImportRequest,
    file_name: &str,
    headers: &[String],
    rows: &[SheetRow],
    plans: &[Plan<R::Stored, R::Valid>],
    cells_of: &(dyn Fn(&SheetRow) -> Vec<String> + Sync),
) -> Result<ImportReport> {
    let mut report = super::journal::tally(
        request.dry_run,
        rows.iter()
            .zip(plans)
            .map(|(row, plan)| (row, plan.outcome())),
        cells_of,
    );
    if request.dry_run {
        return Ok(report);
    }
    let now = now_ms();
    let mut tx = store.write().await?;
    let import_id =
        super::journal::record_import(&mut tx, R::KIND, file_name, request, headers, &report, now)
            .await?;
    for (row, plan) in rows.iter().zip(plans) {
        match plan {
            Plan::Create(valid) => {
                for id in R::insert(&mut tx, context, valid, now).await? {
                    super::journal::record_row(&mut tx, import_id, id, "created", None).await?;
                }
            }
            Plan::Update { before, valid } => {
                R::overwrite(&mut tx, before, valid, now).await?;
                let (id, prior) = R::before(before);
                super::journal::record_row(&mut tx, import_id, id, "updated", Some(prior)).await?;
            }
            Plan::Unchanged => {}
            Plan::Reject(refusal) => {
                super::journal::record_rejects(&mut tx, import_id, &[(row, refusal)], cells_of)
                    .await?;
            }
        }
    }
    tx.commit().await?;
    report.import_id = Some(import_id);
    Ok(report)
}

/// The ids an import created of its record type, as SQL (bound as ?1 = the import's id).
pub(super) const CREATED: &str =
    "SELECT record_id FROM import_rows WHERE import_id = ?1 AND action = 'created'";

/// The records an import updated, with their fields before (JSON of the form's input).
pub(super) async fn updated(
    conn: &mut SqliteConnection,
    import_id: i64,
) -> Result<Vec<(i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT record_id, before FROM import_rows WHERE import_id = ? AND action = 'updated' AND before IS NOT NULL",
    )
    .bind(import_id)
    .fetch_all(conn)
    .await?)
}

/// A revert's reading of a record's fields before the import.
pub(super) fn parse_before<T: serde::de::DeserializeOwned>(
    import_id: i64,
    id: i64,
    json: &str,
) -> Result<T> {
    serde_json::from_str(json)
        .map_err(|e| CoreError::Internal(format!("import {import_id} record {id}: {e}")))
}
