//! SQL for payment plans: installments of a contract, never planning more than the contract is worth,
//! never asking less than has already come in.

use sqlx::SqliteConnection;

use super::model::{Installment, InstallmentInput, PaymentPlan, ValidInstallment};
use super::summary::{money_of_contracts, recount_contract};
use crate::error::{CoreError, Result};
use crate::history::{self, Change};
use crate::record::RecordKind;
use crate::store::Store;
use crate::time::now_ms;

pub(super) const SELECT: &str =
    "SELECT i.id, i.contract_id, c.number AS contract_number, i.customer_id, \
     i.due_on, i.amount, i.received, i.note, i.created_at, i.updated_at, i.deleted_at \
     FROM installments i JOIN contracts c ON c.id = i.contract_id";

/// One installment, live or trashed, inside the caller's transaction.
pub(crate) async fn load(
    conn: &mut sqlx::SqliteConnection,
    id: i64,
) -> Result<Option<Installment>> {
    Ok(sqlx::query_as(&format!("{SELECT} WHERE i.id = ?"))
        .bind(id)
        .fetch_optional(conn)
        .await?)
}

/// The payment plans of one open store.
pub struct Plans<'s> {
    pub(crate) store: &'s Store,
}

impl Store {
    pub fn plans(&self) -> Plans<'_> {
        Plans { store: self }
    }
}

/// The live contract an installment may be added to: its customer and amount.
pub(crate) async fn live_contract(
    conn: &mut SqliteConnection,
    contract_id: i64,
) -> Result<(i64, i64)> {
    let (customer_id, amount, deleted): (i64, i64, Option<i64>) =
        sqlx::query_as("SELECT customer_id, amount, deleted_at FROM contracts WHERE id = ?")
            .bind(contract_id)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(CoreError::NotFound)?;
    if deleted.is_some() {
        return Err(CoreError::conflict(
            "contract_trashed",
            format!("contract {contract_id} is in the trash"),
        ));
    }
    Ok((customer_id, amount))
}

/// Refuses a plan that would ask for more than the contract is worth (`extra` more, `except` left out).
pub(crate) async fn require_within_contract(
    conn: &mut SqliteConnection,
    contract_id: i64,
    contract_amount: i64,
    extra: i64,
    except: Option<i64>,
) -> Result<()> {
    let planned: i64 = sqlx::query_scalar(
        "SELECT coalesce(sum(amount), 0) FROM installments WHERE contract_id = ? AND deleted_at IS NULL AND id IS NOT ?",
    )
    .bind(contract_id)
    .bind(except)
    .fetch_one(&mut *conn)
    .await?;
    if planned + extra > contract_amount {
        return Err(CoreError::invalid("amount", "exceeds_contract"));
    }
    Ok(())
}

/// Adds an installment to a live contract's plan, within what the contract is worth (the form and imports).
pub(crate) async fn insert_one(
    conn: &mut SqliteConnection,
    contract_id: i64,
    i: &ValidInstallment,
    now: i64,
) -> Result<i64> {
    let (customer_id, contract_amount) = live_contract(conn, contract_id).await?;
    require_within_contract(conn, contract_id, contract_amount, i.amount, None).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO installments (contract_id, customer_id, due_on, amount, note, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(contract_id)
    .bind(customer_id)
    .bind(&i.due_on)
    .bind(i.amount)
    .bind(&i.note)
    .bind(now)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    recount_contract(conn, contract_id).await?;
    history::record(
        conn,
        RecordKind::Installments,
        id,
        &[Change::created()],
        now,
    )
    .await?;
    Ok(id)
}

/// Writes `i` over a live installment, never below what came in against it nor past the contract.
pub(crate) async fn overwrite(
    conn: &mut SqliteConnection,
    before: &Installment,
    i: &ValidInstallment,
    now: i64,
) -> Result<()> {
    if before.deleted_at.is_some() {
        return Err(CoreError::NotFound);
    }
    if i.amount < before.received {
        return Err(CoreError::invalid("amount", "below_received"));
    }
    let (_, contract_amount) = live_contract(conn, before.contract_id).await?;
    require_within_contract(
        conn,
        before.contract_id,
        contract_amount,
        i.amount,
        Some(before.id),
    )
    .await?;
    sqlx::query(
        "UPDATE installments SET due_on = ?, amount = ?, note = ?, updated_at = ? WHERE id = ?",
    )
    .bind(&i.due_on)
    .bind(i.amount)
    .bind(&i.note)
    .bind(now)
    .bind(before.id)
    .execute(&mut *conn)
    .await?;
    let changes = history::changes(
        &[
            ("dueOn", Some(before.due_on.clone())),
            ("amount", Some(before.amount.to_string())),
            ("note", before.note.clone()),
        ],
        &[
            ("dueOn", Some(i.due_on.clone())),
            ("amount", Some(i.amount.to_string())),
            ("note", i.note.clone()),
        ],
    );
    history::record(conn, RecordKind::Installments, before.id, &changes, now).await?;
    Ok(())
}

impl Plans<'_> {
    /// Adds an installment to a live contract's plan.
    pub async fn add(&self, contract_id: i64, input: &InstallmentInput) -> Result<Installment> {
        let i = input.validate()?;
        self.add_valid(contract_id, &i).await
    }

    pub async fn add_valid(&self, contract_id: i64, i: &ValidInstallment) -> Result<Installment> {
        let mut tx = self.store.write().await?;
        let id = insert_one(&mut tx, contract_id, i, now_ms()).await?;
        tx.commit().await?;
        self.get(id).await
    }

    /// Changes an installment's date, amount or note. Its amount may not fall below what came in.
    pub async fn update(&self, id: i64, input: &InstallmentInput) -> Result<Installment> {
        let i = input.validate()?;
        let before = self.get(id).await?;
        let mut tx = self.store.write().await?;
        overwrite(&mut tx, &before, &i, now_ms()).await?;
        tx.commit().await?;
        self.get(id).await
    }

    pub async fn get(&self, id: i64) -> Result<Installment> {
        Ok(sqlx::query_as(&format!("{SELECT} WHERE i.id = ?"))
            .bind(id)
            .fetch_one(self.store.read())
            .await?)
    }

    /// A contract's plan: live installments by due date, live receipts by date, and the totals.
    pub async fn of_contract(&self, contract_id: i64) -> Result<PaymentPlan> {
        let installments: Vec<Installment> = sqlx::query_as(&format!(
            "{SELECT} WHERE i.contract_id = ? AND i.deleted_at IS NULL ORDER BY i.due_on, i.id"
        ))
        .bind(contract_id)
        .fetch_all(self.store.read())
        .await?;
        let receipts = self.store.receipts().of_contract(contract_id).await?;
        let money = money_of_contracts(self.store, &[contract_id])
            .await?
            .pop()
            .map(|(_, m)| m)
            .unwrap_or_default();
        Ok(PaymentPlan {
            installments,
            receipts,
            money,
        })
    }

    /// Trashed installments whose contract is live, most recently trashed first.
    pub async fn trashed(&self) -> Result<Vec<Installment>> {
        Ok(sqlx::query_as(&format!(
            "{SELECT} WHERE i.deleted_at IS NOT NULL AND c.deleted_at IS NULL ORDER BY i.deleted_at DESC, i.id DESC LIMIT 500"
        ))
        .fetch_all(self.store.read())
        .await?)
    }
}
