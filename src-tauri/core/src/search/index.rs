//! Keeping the search tables in step with the records: every write of a customer or contact puts or
//! removes its tokens in the same transaction.

use sqlx::SqliteConnection;

use super::docs::{docs, DocRow, CONTACT_DOC, CUSTOMER_DOC};
use super::tokens::{columns, Columns, Doc, DocKind};
use crate::error::Result;

/// The version of the token rules; an index built under another version is rebuilt at open.
pub const TOKENS_VERSION: i64 = 2;

/// Brings a customer in the index in line with the table: indexed while live, absent once trashed or gone.
/// Call it in the transaction that changed it.
pub(crate) async fn sync_customer(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM search_customer WHERE rowid = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let customer: Vec<DocRow> = sqlx::query_as(&format!("{CUSTOMER_DOC} AND id = ?"))
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    insert(conn, &docs(DocKind::Customer, &customer)).await
}

/// Brings a customer's contacts in the index in line with the customer having been trashed or restored
/// (a contact's tokens never depend on its customer's fields, so an edit of the customer leaves them).
pub(crate) async fn sync_contacts_of(conn: &mut SqliteConnection, customer_id: i64) -> Result<()> {
    sqlx::query(
        "DELETE FROM search_contact WHERE rowid IN (SELECT id FROM contacts WHERE customer_id = ?)",
    )
    .bind(customer_id)
    .execute(&mut *conn)
    .await?;
    let contacts: Vec<DocRow> = sqlx::query_as(&format!("{CONTACT_DOC} AND cu.id = ?"))
        .bind(customer_id)
        .fetch_all(&mut *conn)
        .await?;
    insert(conn, &docs(DocKind::Contact, &contacts)).await
}

/// Brings one contact in the index in line with the tables.
pub(crate) async fn sync_contact(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM search_contact WHERE rowid = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let contact: Vec<DocRow> = sqlx::query_as(&format!("{CONTACT_DOC} AND ct.id = ?"))
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    insert(conn, &docs(DocKind::Contact, &contact)).await
}

/// Indexes a few records of one kind that are not in the index yet, in id order (many at once:
/// [`super::bulk`], whose single-row writes this uses too).
async fn insert(conn: &mut SqliteConnection, docs: &[Doc<'_>]) -> Result<()> {
    let Some(kind) = docs.first().map(|d| d.kind) else {
        return Ok(());
    };
    let cols: Vec<(i64, Columns)> = docs.iter().map(|d| (d.id, columns(d))).collect();
    super::bulk::insert_each(conn, kind, &cols).await
}

/// Rebuilds the whole index from the live records when it was built under other token rules (or never).
pub(crate) async fn rebuild_if_stale(conn: &mut SqliteConnection) -> Result<bool> {
    let version: i64 = sqlx::query_scalar("SELECT version FROM search_version")
        .fetch_one(&mut *conn)
        .await?;
    if version == TOKENS_VERSION {
        return Ok(false);
    }
    for kind in [DocKind::Customer, DocKind::Contact] {
        let t = kind.table();
        sqlx::query(&format!("INSERT INTO {t} ({t}) VALUES ('delete-all')"))
            .execute(&mut *conn)
            .await?;
    }
    super::bulk::index_load(
        conn,
        &mut Vec::new(),
        Some(super::bulk::Before::default()),
        false,
    )
    .await?;
    sqlx::query("UPDATE search_version SET version = ?")
        .bind(TOKENS_VERSION)
        .execute(&mut *conn)
        .await?;
    Ok(true)
}
