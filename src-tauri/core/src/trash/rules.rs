//! What each kind of record refuses on its way in and out of the trash, and what must follow its move:
//! one exhaustive `match` per step, so a new kind is decided here before it compiles.

use sqlx::SqliteConnection;

use crate::error::{CoreError, Result};
use crate::record::RecordKind;

/// Refused whichever way the record is moved: a merged-away customer comes back only by undoing its merge.
pub(super) async fn refuse_any(
    conn: &mut SqliteConnection,
    kind: RecordKind,
    id: i64,
) -> Result<()> {
    match kind {
        RecordKind::Customers => {
            let merged_into: Option<i64> =
                sqlx::query_scalar("SELECT merged_into FROM customers WHERE id = ?")
                    .bind(id)
                    .fetch_one(&mut *conn)
                    .await?;
            if merged_into.is_some() {
                return Err(CoreError::conflict(
                    "merged",
                    format!("customer {id} was merged into {merged_into:?}"),
                ));
            }
            Ok(())
        }
        RecordKind::Contacts
        | RecordKind::FollowUps
        | RecordKind::Products
        | RecordKind::Contracts
        | RecordKind::Installments
        | RecordKind::Receipts
        | RecordKind::Documents => Ok(()),
    }
}

/// Refused on the way into the trash: an installment with payments recorded against it.
pub(super) async fn refuse_trash(
    conn: &mut SqliteConnection,
    kind: RecordKind,
    id: i64,
) -> Result<()> {
    match kind {
        RecordKind::Installments => {
            let received: i64 =
                sqlx::query_scalar("SELECT received FROM installments WHERE id = ?")
                    .bind(id)
                    .fetch_one(&mut *conn)
                    .await?;
            if received > 0 {
                return Err(CoreError::conflict(
                    "has_receipts",
                    format!("installment {id} has receipts"),
                ));
            }
            Ok(())
        }
        RecordKind::Customers
        | RecordKind::Contacts
        | RecordKind::FollowUps
        | RecordKind::Products
        | RecordKind::Contracts
        | RecordKind::Receipts
        | RecordKind::Documents => Ok(()),
    }
}

/// Refused on the way back: what the record belongs to must be live, and a plan or receipt must still fit.
pub(super) async fn refuse_restore(
    conn: &mut SqliteConnection,
    kind: RecordKind,
    id: i64,
) -> Result<()> {
    match kind {
        RecordKind::Customers | RecordKind::Products => Ok(()),
        RecordKind::Contacts | RecordKind::FollowUps | RecordKind::Contracts => {
            let customer = owner(conn, kind, id, "customer_id").await?;
            crate::customer::require_live_customer(conn, customer).await
        }
        RecordKind::Documents => {
            let (customer, contract): (i64, Option<i64>) =
                sqlx::query_as("SELECT customer_id, contract_id FROM documents WHERE id = ?")
                    .bind(id)
                    .fetch_one(&mut *conn)
                    .await?;
            crate::customer::require_live_customer(conn, customer).await?;
            crate::document::require_contract_of(conn, customer, contract).await
        }
        RecordKind::Installments => {
            let (contract, amount): (i64, i64) =
                sqlx::query_as("SELECT contract_id, amount FROM installments WHERE id = ?")
                    .bind(id)
                    .fetch_one(&mut *conn)
                    .await?;
            let (_, contract_amount) = crate::receivable::live_contract(conn, contract).await?;
            crate::receivable::require_within_contract(
                conn,
                contract,
                contract_amount,
                amount,
                Some(id),
            )
            .await
        }
        RecordKind::Receipts => {
            let (installment, amount): (i64, i64) =
                sqlx::query_as("SELECT installment_id, amount FROM receipts WHERE id = ?")
                    .bind(id)
                    .fetch_one(&mut *conn)
                    .await?;
            let open = crate::receivable::open_installment(conn, installment).await?;
            if amount > open.outstanding {
                return Err(CoreError::conflict(
                    "exceeds_due",
                    format!("receipt {id} is more than installment {installment} asks for now"),
                ));
            }
            Ok(())
        }
    }
}

/// Refused for good: a product any contract (live or trashed) sold, so that no contract loses its lines.
pub(super) async fn refuse_delete(
    conn: &mut SqliteConnection,
    kind: RecordKind,
    id: i64,
) -> Result<()> {
    match kind {
        RecordKind::Products => {
            let used: Option<i64> =
                sqlx::query_scalar("SELECT 1 FROM contract_lines WHERE product_id = ? LIMIT 1")
                    .bind(id)
                    .fetch_optional(&mut *conn)
                    .await?;
            if used.is_some() {
                return Err(CoreError::conflict(
                    "in_use",
                    format!("product {id} is on a contract"),
                ));
            }
            Ok(())
        }
        RecordKind::Customers
        | RecordKind::Contacts
        | RecordKind::FollowUps
        | RecordKind::Contracts
        | RecordKind::Installments
        | RecordKind::Receipts
        | RecordKind::Documents => Ok(()),
    }
}

/// A restore that collides with a live record's unique value (统一社会信用代码, contract number, product code).
pub(super) fn taken(kind: RecordKind, e: sqlx::Error) -> CoreError {
    match kind {
        RecordKind::Customers => crate::customer::unique_uscc(e),
        RecordKind::Contracts => crate::contract::unique_number(e),
        RecordKind::Products => crate::product::unique_code(e),
        RecordKind::Contacts
        | RecordKind::FollowUps
        | RecordKind::Installments
        | RecordKind::Receipts
        | RecordKind::Documents => e.into(),
    }
}

/// What follows a record into the trash (`trashed`) or out of it: the search index, the receivable
/// totals, the primary contact, the customer's 下次跟进.
pub(super) async fn follow(
    conn: &mut SqliteConnection,
    kind: RecordKind,
    id: i64,
    trashed: bool,
    now: i64,
) -> Result<()> {
    match kind {
        RecordKind::Customers => {
            crate::search::sync_customer(conn, id).await?;
            crate::search::sync_contacts_of(conn, id).await?;
            // A trashed customer's contracts leave the receivables; restored, they count again.
            crate::receivable::recount_customer(conn, id).await?;
        }
        RecordKind::Contacts => {
            let customer = owner(conn, kind, id, "customer_id").await?;
            // A trashed contact is nobody's primary; one coming back is primary only if none is.
            sqlx::query(
                "UPDATE contacts SET is_primary = NOT ?2 AND NOT EXISTS (SELECT 1 FROM contacts WHERE \
                 customer_id = ?3 AND deleted_at IS NULL AND is_primary = 1 AND id <> ?1) WHERE id = ?1",
            )
            .bind(id)
            .bind(trashed)
            .bind(customer)
            .execute(&mut *conn)
            .await?;
            crate::contact::ensure_primary(conn, customer).await?;
            crate::search::sync_contact(conn, id).await?;
        }
        RecordKind::FollowUps => {
            let customer = owner(conn, kind, id, "customer_id").await?;
            crate::follow_up::refresh_customer(conn, customer, now).await?;
        }
        RecordKind::Products | RecordKind::Documents => {}
        RecordKind::Contracts => crate::receivable::recount_contract(conn, id).await?,
        RecordKind::Installments => {
            let contract = owner(conn, kind, id, "contract_id").await?;
            crate::receivable::recount_contract(conn, contract).await?;
        }
        RecordKind::Receipts => {
            let (installment, amount): (i64, i64) =
                sqlx::query_as("SELECT installment_id, amount FROM receipts WHERE id = ?")
                    .bind(id)
                    .fetch_one(&mut *conn)
                    .await?;
            let delta = if trashed { -amount } else { amount };
            crate::receivable::add_received(conn, installment, delta).await?;
        }
    }
    Ok(())
}

/// The id in `column` of record `id` of `kind`.
async fn owner(
    conn: &mut SqliteConnection,
    kind: RecordKind,
    id: i64,
    column: &str,
) -> Result<i64> {
    Ok(sqlx::query_scalar(&format!(
        "SELECT {column} FROM {} WHERE id = ?",
        kind.table()
    ))
    .bind(id)
    .fetch_one(&mut *conn)
    .await?)
}
