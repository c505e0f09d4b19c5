//! SQL for receipts (回款): payments recorded against an installment, partial allowed, never more than the
//! installment still asks for. The installment's `received` moves with every write.

use sqlx::SqliteConnection;

use super::model::{Receipt, ReceiptInput, ValidReceipt};
use crate::error::{CoreError, Result};
use crate::history::{self, Change};
use crate::record::RecordKind;
use crate::store::Store;
use crate::time::now_ms;

const SELECT: &str =
    "SELECT r.id, r.installment_id, r.contract_id, c.number AS contract_number, r.customer_id, \
     r.received_on, r.amount, r.method, r.note, r.created_at, r.updated_at, r.deleted_at \
     FROM receipts r JOIN contracts c ON c.id = r.contract_id";

/// The receipts of one open store.
pub struct Receipts<'s> {
    pub(crate) store: &'s Store,
}

impl Store {
    pub fn receipts(&self) -> Receipts<'_> {
        Receipts { store: self }
    }
}

/// A live installment of a live contract, with what it still asks for.
pub(crate) struct Open {
    contract_id: i64,
    customer_id: i64,
    pub outstanding: i64,
}

pub(crate) async fn open_installment(
    conn: &mut SqliteConnection,
    installment_id: i64,
) -> Result<Open> {
    let (contract_id, customer_id, amount, received, deleted, contract_deleted): (
        i64,
        i64,
        i64,
        i64,
        Option<i64>,
        Option<i64>,
    ) = sqlx::query_as(
        "SELECT i.contract_id, i.customer_id, i.amount, i.received, i.deleted_at, c.deleted_at \
         FROM installments i JOIN contracts c ON c.id = i.contract_id WHERE i.id = ?",
    )
    .bind(installment_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(CoreError::NotFound)?;
    if deleted.is_some() || contract_deleted.is_some() {
        return Err(CoreError::conflict(
            "installment_trashed",
            format!("installment {installment_id} or its contract is in the trash"),
        ));
    }
    Ok(Open {
        contract_id,
        customer_id,
        outstanding: amount - received,
    })
}

pub(crate) async fn add_received(
    conn: &mut SqliteConnection,
    installment_id: i64,
    delta: i64,
) -> Result<()> {
    sqlx::query("UPDATE installments SET received = received + ? WHERE id = ?")
        .bind(delta)
        .bind(installment_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Records a payment against a live installment; more than it still asks for is refused (the form and
/// imports).
pub(crate) async fn insert_one(
    conn: &mut SqliteConnection,
    installment_id: i64,
    r: &ValidReceipt,
    now: i64,
) -> Result<i64> {
    let open = open_installment(conn, installment_id).await?;
    if r.amount > open.outstanding {
        return Err(CoreError::invalid("amount", "exceeds_due"));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO receipts (installment_id, contract_id, customer_id, received_on, amount, method, note, \
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(installment_id)
    .bind(open.contract_id)
    .bind(open.customer_id)
    .bind(&r.received_on)
    .bind(r.amount)
    .bind(r.method)
    .bind(&r.note)
    .bind(now)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    add_received(conn, installment_id, r.amount).await?;
    history::record(conn, RecordKind::Receipts, id, &[Change::created()], now).await?;
    Ok(id)
}

/// Takes a live receipt out for good (a reverted import): the installment asks for its amount again.
pub(crate) async fn remove(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let row: Option<(i64, i64, Option<i64>)> =
        sqlx::query_as("SELECT installment_id, amount, deleted_at FROM receipts WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    let Some((installment_id, amount, deleted)) = row else {
        return Ok(());
    };
    if deleted.is_none() {
        add_received(conn, installment_id, -amount).await?;
    }
    sqlx::query("DELETE FROM receipts WHERE id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    history::forget(conn, RecordKind::Receipts, id).await?;
    Ok(())
}

impl Receipts<'_> {
    /// Records a payment against an installment; more than it still asks for is refused.
    pub async fn record(&self, installment_id: i64, input: &ReceiptInput) -> Result<Receipt> {
        self.record_valid(installment_id, &input.validate()?).await
    }

    pub async fn record_valid(&self, installment_id: i64, r: &ValidReceipt) -> Result<Receipt> {
        let mut tx = self.store.write().await?;
        let id = insert_one(&mut tx, installment_id, r, now_ms()).await?;
        tx.commit().await?;
        self.get(id).await
    }

    /// Changes a live receipt; its new amount must still fit what the installment asks for.
    pub async fn update(&self, id: i64, input: &ReceiptInput) -> Result<Receipt> {
        let r = input.validate()?;
        let before = self.get(id).await?;
        if before.deleted_at.is_some() {
            return Err(CoreError::NotFound);
        }
        let now = now_ms();
        let mut tx = self.store.write().await?;
        let open = open_installment(&mut tx, before.installment_id).await?;
        if r.amount > open.outstanding + before.amount {
            return Err(CoreError::invalid("amount", "exceeds_due"));
        }
        sqlx::query(
            "UPDATE receipts SET received_on = ?, amount = ?, method = ?, note = ?, updated_at = ? WHERE id = ?",
        )
        .bind(&r.received_on)
        .bind(r.amount)
        .bind(r.method)
        .bind(&r.note)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        add_received(&mut tx, before.installment_id, r.amount - before.amount).await?;
        let method = |m: super::model::PaymentMethod| {
            serde_json::to_value(m)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
        };
        let changes = history::changes(
            &[
                ("receivedOn", Some(before.received_on.clone())),
                ("amount", Some(before.amount.to_string())),
                ("method", method(before.method)),
                ("note", before.note.clone()),
            ],
            &[
                ("receivedOn", Some(r.received_on.clone())),
                ("amount", Some(r.amount.to_string())),
                ("method", method(r.method)),
                ("note", r.note.clone()),
            ],
        );
        history::record(&mut tx, RecordKind::Receipts, id, &changes, now).await?;
        tx.commit().await?;
        self.get(id).await
    }

    pub async fn get(&self, id: i64) -> Result<Receipt> {
        Ok(sqlx::query_as(&format!("{SELECT} WHERE r.id = ?"))
            .bind(id)
            .fetch_one(self.store.read())
            .await?)
    }

    /// A contract's live receipts, newest first.
    pub async fn of_contract(&self, contract_id: i64) -> Result<Vec<Receipt>> {
        Ok(sqlx::query_as(&format!(
            "{SELECT} WHERE r.contract_id = ? AND r.deleted_at IS NULL ORDER BY r.received_on DESC, r.id DESC"
        ))
        .bind(contract_id)
        .fetch_all(self.store.read())
        .await?)
    }

    /// A customer's live receipts on live contracts, newest first (the timeline shows them).
    pub async fn of_customer(&self, customer_id: i64) -> Result<Vec<Receipt>> {
        Ok(sqlx::query_as(&format!(
            "{SELECT} WHERE r.customer_id = ? AND r.deleted_at IS NULL AND c.deleted_at IS NULL \
             ORDER BY r.received_on DESC, r.id DESC LIMIT 300"
        ))
        .bind(customer_id)
        .fetch_all(self.store.read())
        .await?)
    }

    /// Trashed receipts whose contract is live, most recently trashed first.
    pub async fn trashed(&self) -> Result<Vec<Receipt>> {
        Ok(sqlx::query_as(&format!(
            "{SELECT} WHERE r.deleted_at IS NOT NULL AND c.deleted_at IS NULL ORDER BY r.deleted_at DESC, r.id DESC LIMIT 500"
        ))
        .fetch_all(self.store.read())
        .await?)
    }
}
