//! Importing payment plans: each row is an installment of the live contract its number names; an
//! installment of that contract due the same day is the same one. The plan never asks more than the
//! contract is worth, counting the rows before it in the file.

use std::collections::{HashMap, HashSet};

use sqlx::SqliteConnection;

use super::lookup;
use super::model::{ImportMode, ImportReport, ImportRequest};
use super::plan::{carry_out, parse_before, updated, Plan, Record, CREATED};
use super::row::SheetRow;
use crate::error::{CoreError, Result};
use crate::history;
use crate::receivable::{Installment, InstallmentInput, ValidInstallment};
use crate::record::RecordKind;
use crate::store::Store;
use crate::time::now_ms;

struct Installments;

impl Record for Installments {
    type Stored = Installment;
    type Valid = (i64, ValidInstallment);
    type Context = ();
    const KIND: RecordKind = RecordKind::Installments;

    async fn insert(
        conn: &mut SqliteConnection,
        _: &(),
        (contract_id, valid): &(i64, ValidInstallment),
        now: i64,
    ) -> Result<Vec<i64>> {
        Ok(vec![
            crate::receivable::insert_installment(conn, *contract_id, valid, now).await?,
        ])
    }

    async fn overwrite(
        conn: &mut SqliteConnection,
        before: &Installment,
        (_, valid): &(i64, ValidInstallment),
        now: i64,
    ) -> Result<()> {
        crate::receivable::overwrite_installment(conn, before, valid, now).await
    }

    fn before(stored: &Installment) -> (i64, String) {
        (
            stored.id,
            serde_json::to_string(&input_of(stored)).expect("serializes"),
        )
    }
}

fn input_of(i: &Installment) -> InstallmentInput {
    InstallmentInput {
        due_on: i.due_on.clone(),
        amount: i.amount,
        note: i.note.clone(),
    }
}

/// Each contract's amount and its live installments, for the contracts the rows name.
async fn plans_of(
    store: &Store,
    contracts: &HashMap<String, (i64, i64)>,
) -> Result<HashMap<i64, (i64, Vec<Installment>)>> {
    let mut out = HashMap::new();
    for (id, _) in contracts.values() {
        let amount = store.contracts().get(*id).await?.amount;
        let plan = store.plans().of_contract(*id).await?;
        out.insert(*id, (amount, plan.installments));
    }
    Ok(out)
}

pub(super) async fn run(
    store: &Store,
    request: &ImportRequest,
    file_name: String,
    headers: &[String],
    rows: &[SheetRow],
    cells_of: &(dyn Fn(&SheetRow) -> Vec<String> + Sync),
) -> Result<ImportReport> {
    let contracts = lookup::contracts(store, &lookup::texts_of(rows, "contractNumber")).await?;
    let plans_now = plans_of(store, &contracts).await?;
    // What each contract's plan asks for as the rows are taken in turn.
    let mut planned: HashMap<i64, i64> = plans_now
        .iter()
        .map(|(id, (_, list))| (*id, list.iter().map(|i| i.amount).sum()))
        .collect();
    let mut seen: HashSet<(i64, String)> = HashSet::new();
    let plans: Vec<Plan<Installment, (i64, ValidInstallment)>> = rows
        .iter()
        .map(|row| {
            if let Err(refusal) = &row.fields {
                return Plan::Reject(refusal.clone());
            }
            let contract_id = &match lookup::one_contract(&contracts, row) {
                Ok((id, _)) => id,
                Err((f, r)) => return Plan::reject(f, r),
            };
            let due_on = row.get("dueOn").unwrap_or_default().to_string();
            let (amount, list) = &plans_now[contract_id];
            // The note stays as it is when the file has none for the row (no column, or a blank cell).
            let stored_note = || {
                crate::field::Day::parse("dueOn", &due_on)
                    .ok()
                    .and_then(|day| list.iter().find(|i| i.due_on == day.to_text()))
                    .and_then(|i| i.note.clone())
            };
            let input = InstallmentInput {
                due_on: due_on.clone(),
                amount: match row.fen("amount") {
                    Ok(fen) => fen,
                    Err(e) => return Plan::refused(&e),
                },
                note: row.get("note").map(str::to_string).or_else(stored_note),
            };
            let valid = match input.validate() {
                Ok(v) => v,
                Err(e) => return Plan::refused(&e),
            };
            let key = (*contract_id, valid.due_on.clone());
            if seen.contains(&key) {
                return Plan::reject("", "duplicate_in_file");
            }
            let existing = list.iter().find(|i| i.due_on == valid.due_on);
            match (existing, request.mode) {
                (Some(_), ImportMode::Create) => return Plan::reject("dueOn", "exists"),
                (None, ImportMode::Update) => return Plan::reject("dueOn", "not_found"),
                _ => {}
            }
            let change = valid.amount - existing.map_or(0, |i| i.amount);
            let total = planned.entry(*contract_id).or_default();
            if *total + change > *amount {
                return Plan::reject("amount", "exceeds_contract");
            }
            match existing {
                Some(i) if i.amount == valid.amount && i.note == valid.note => {
                    seen.insert(key);
                    Plan::Unchanged
                }
                Some(i) if valid.amount < i.received => Plan::reject("amount", "below_received"),
                Some(i) => {
                    *total += change;
                    seen.insert(key);
                    Plan::Update {
                        before: Box::new(i.clone()),
                        valid: (*contract_id, valid),
                    }
                }
                None => {
                    *total += change;
                    seen.insert(key);
                    Plan::Create((*contract_id, valid))
                }
            }
        })
        .collect();
    carry_out::<Installments>(
        store,
        &(),
        request,
        &file_name,
        headers,
        rows,
        &plans,
        cells_of,
    )
    .await
}

/// Reverts a plan import inside the caller's transaction: created installments go, refused when money
/// came in against one since; updated ones get their date, amount and note back.
pub(super) async fn revert(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let paid: bool = sqlx::query_scalar(&format!(
        "SELECT EXISTS (SELECT 1 FROM receipts WHERE installment_id IN ({CREATED}))"
    ))
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    if paid {
        return Err(CoreError::conflict(
            "has_receipts",
            format!("an installment of import {id} has receipts now"),
        ));
    }
    for sql in [
        history::forget_sql(RecordKind::Installments, CREATED),
        format!("DELETE FROM installments WHERE id IN ({CREATED})"),
    ] {
        sqlx::query(&sql).bind(id).execute(&mut *conn).await?;
    }
    let now = now_ms();
    for (installment_id, before) in updated(conn, id).await? {
        let input: InstallmentInput = parse_before(id, installment_id, &before)?;
        let valid = input.validate()?;
        let current = crate::receivable::load_installment(conn, installment_id).await?;
        if let Some(current) = current.filter(|i| i.deleted_at.is_none()) {
            crate::receivable::overwrite_installment(conn, &current, &valid, now).await?;
        }
    }
    Ok(())
}
