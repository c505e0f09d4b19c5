//! Indexing many records at once (a bulk load's new customers and contacts, or the whole book when the
//! token rules change): the records are read back from their tables in id order, their tokens made on
//! another thread, and each written with a statement of its own, after every other write of the load.
//!
//! Why one row a statement: FTS5 writes the terms it holds in memory out as a new segment whenever a
//! statement of the transaction opens a statement journal (its xSavepoint), and every multi-row INSERT
//! does. Written 500 to a statement between the load's other inserts, 100k customers made a segment every
//! 500 records and a merge of hundreds of segments at the end; one row a statement, after the load's
//! other writes, keeps them in memory and writes them out once. Through sqlx each statement would be a
//! round trip to its worker thread, so the rows go through the C API on the locked connection.

use std::ffi::{c_char, c_int, CStr, CString};
use std::ptr::{self, NonNull};

use libsqlite3_sys as ffi;
use sqlx::SqliteConnection;

use super::docs::{docs, DocRow, CONTACT_DOC, CUSTOMER_DOC};
use super::tokens::{columns, Columns, DocKind};
use crate::error::{CoreError, Result};

/// Records read back and tokenized at a time.
const CHUNK: i64 = 5_000;

/// The largest ids before a load: records above them are the load's own.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Before {
    pub customer: i64,
    pub contact: i64,
}

impl Before {
    pub(crate) async fn now(conn: &mut SqliteConnection) -> Result<Before> {
        let (customer, contact): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT coalesce(max(id), 0) FROM customers), \
                    (SELECT coalesce(max(id), 0) FROM contacts)",
        )
        .fetch_one(&mut *conn)
        .await?;
        Ok(Before { customer, contact })
    }

    /// How many customers and contacts were added since.
    pub(crate) async fn added_since(&self, conn: &mut SqliteConnection) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT (SELECT count(*) FROM customers WHERE id > ?) \
                  + (SELECT count(*) FROM contacts WHERE id > ?)",
        )
        .bind(self.customer)
        .bind(self.contact)
        .fetch_one(&mut *conn)
        .await?)
    }
}

/// Indexes every live customer and contact above `before` (none of them may be in the index yet). Call
/// it after the transaction's other writes: a later multi-row write makes FTS5 write out what it holds.
async fn index_added(conn: &mut SqliteConnection, before: Before) -> Result<()> {
    for (kind, select, id, after) in [
        (DocKind::Customer, CUSTOMER_DOC, "id", before.customer),
        (DocKind::Contact, CONTACT_DOC, "ct.id", before.contact),
    ] {
        let sql = format!("{select} AND {id} > ? ORDER BY {id} LIMIT {CHUNK}");
        let mut after = after;
        // The tokens of one chunk are made while the previous chunk's are written.
        let mut made: Option<tokio::task::JoinHandle<Vec<(i64, Columns)>>> = None;
        loop {
            let rows: Vec<DocRow> = sqlx::query_as(&sql)
                .bind(after)
                .fetch_all(&mut *conn)
                .await?;
            let next = rows.last().map(|last| last.0).map(|last| {
                after = last;
                tokio::task::spawn_blocking(move || {
                    docs(kind, &rows)
                        .iter()
                        .map(|d| (d.id, columns(d)))
                        .collect()
                })
            });
            if let Some(ready) = made.take() {
                let tokens = ready
                    .await
                    .map_err(|e| CoreError::Internal(e.to_string()))?;
                insert_each(conn, kind, &tokens).await?;
            }
            match next {
                Some(n) => made = Some(n),
                None => break,
            }
        }
    }
    Ok(())
}

/// Brings the index up to date after a load, as its last writes: the stored customers it changed get
/// their tokens again, the customers and contacts it added (above `added`) get theirs. With many of them
/// FTS5 keeps every term in memory and merges once at the end (`tuned`: the load set that up already).
/// Returns how long that merge took.
pub(crate) async fn index_load(
    conn: &mut SqliteConnection,
    changed: &mut Vec<i64>,
    added: Option<Before>,
    tuned: bool,
) -> Result<std::time::Duration> {
    // A record the load both added and changed is indexed once, as an added one.
    if let Some(before) = added {
        changed.retain(|id| *id <= before.customer);
    }
    let added_count = match added {
        Some(before) => before.added_since(conn).await?,
        None => 0,
    };
    let tune = !tuned && changed.len() as i64 + added_count >= 10_000;
    if tune {
        bulk_settings(conn, true).await?;
    }
    // The changed customers first: their ids are below the added ones, and FTS5 wants rising ids.
    reindex_customers(conn, changed).await?;
    if let Some(before) = added {
        index_added(conn, before).await?;
    }
    let merge = std::time::Instant::now();
    if tuned || tune {
        bulk_settings(conn, false).await?;
    }
    Ok(merge.elapsed())
}

/// Writes the search tokens of stored customers a load changed again, in id order: each one's old row
/// is removed and its new one inserted right after (FTS5 takes a delete and an insert of one rowid
/// without writing anything out).
async fn reindex_customers(conn: &mut SqliteConnection, ids: &mut Vec<i64>) -> Result<()> {
    ids.sort_unstable();
    ids.dedup();
    for chunk in ids.chunks(CHUNK as usize) {
        let list = chunk
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let rows: Vec<DocRow> =
            sqlx::query_as(&format!("{CUSTOMER_DOC} AND id IN ({list}) ORDER BY id"))
                .fetch_all(&mut *conn)
                .await?;
        let tokens: Vec<(i64, Columns)> = docs(DocKind::Customer, &rows)
            .iter()
            .map(|d| (d.id, columns(d)))
            .collect();
        write_each(conn, DocKind::Customer, chunk, &tokens).await?;
    }
    Ok(())
}

/// Writes each record's tokens with a single-row INSERT (no statement journal, so nothing is flushed).
pub(super) async fn insert_each(
    conn: &mut SqliteConnection,
    kind: DocKind,
    tokens: &[(i64, Columns)],
) -> Result<()> {
    write_each(conn, kind, &[], tokens).await
}

/// Removes the rows of `removed` and inserts `tokens`, all in rising id order, a single-row statement
/// each; `removed` and `tokens` are both sorted by id.
async fn write_each(
    conn: &mut SqliteConnection,
    kind: DocKind,
    removed: &[i64],
    tokens: &[(i64, Columns)],
) -> Result<()> {
    let table = kind.table();
    let insert = CString::new(format!(
        "INSERT INTO {table} (rowid, whole, head, han, uni, syl, sp, ini, num, mail) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    ))
    .expect("no NUL in the statement");
    let delete = CString::new(format!("DELETE FROM {table} WHERE rowid = ?"))
        .expect("no NUL in the statement");
    let mut handle = conn.lock_handle().await?;
    let db = handle.as_raw_handle();
    let insert = Statement::prepare(db, &insert)?;
    let delete = match removed.is_empty() {
        true => None,
        false => Some(Statement::prepare(db, &delete)?),
    };
    let mut removed = removed.iter().peekable();
    for (id, c) in tokens {
        if let Some(delete) = &delete {
            while let Some(gone) = removed.next_if(|gone| **gone <= *id) {
                delete.run(*gone, &[])?;
            }
        }
        insert.run(
            *id,
            &[
                &c.whole, &c.head, &c.han, &c.uni, &c.syl, &c.sp, &c.ini, &c.num, &c.mail,
            ],
        )?;
    }
    if let Some(delete) = &delete {
        for gone in removed {
            delete.run(*gone, &[])?;
        }
    }
    Ok(())
}

/// A prepared statement on a connection locked for the duration (finalized when dropped).
struct Statement {
    db: NonNull<ffi::sqlite3>,
    raw: NonNull<ffi::sqlite3_stmt>,
}

impl Statement {
    fn prepare(db: NonNull<ffi::sqlite3>, sql: &CStr) -> Result<Statement> {
        let mut raw = ptr::null_mut();
        // SAFETY: `db` is an open connection locked out of sqlx's worker; `sql` is NUL-terminated.
        let rc = unsafe {
            ffi::sqlite3_prepare_v2(db.as_ptr(), sql.as_ptr(), -1, &mut raw, ptr::null_mut())
        };
        match NonNull::new(raw) {
            Some(raw) if rc == ffi::SQLITE_OK => Ok(Statement { db, raw }),
            _ => Err(error(db, rc)),
        }
    }

    /// Binds a rowid and texts to the statement's parameters in order and runs it once.
    fn run(&self, rowid: i64, texts: &[&String]) -> Result<()> {
        let s = self.raw.as_ptr();
        // SAFETY: the statement is live; each text outlives the step (bound as static, read by the step
        // and unbound by the reset before this function returns).
        let rc = unsafe {
            ffi::sqlite3_bind_int64(s, 1, rowid);
            for (i, text) in texts.iter().enumerate() {
                ffi::sqlite3_bind_text(
                    s,
                    i as c_int + 2,
                    text.as_ptr() as *const c_char,
                    text.len() as c_int,
                    ffi::SQLITE_STATIC(),
                );
            }
            let rc = ffi::sqlite3_step(s);
            ffi::sqlite3_reset(s);
            ffi::sqlite3_clear_bindings(s);
            rc
        };
        if rc == ffi::SQLITE_DONE {
            Ok(())
        } else {
            Err(error(self.db, rc))
        }
    }
}

impl Drop for Statement {
    fn drop(&mut self) {
        // SAFETY: prepared by `prepare` on a connection still locked; finalized once.
        unsafe {
            ffi::sqlite3_finalize(self.raw.as_ptr());
        }
    }
}

fn error(db: NonNull<ffi::sqlite3>, rc: c_int) -> CoreError {
    // SAFETY: sqlite3_errmsg returns a NUL-terminated string owned by the connection.
    let message = unsafe { CStr::from_ptr(ffi::sqlite3_errmsg(db.as_ptr())) }
        .to_string_lossy()
        .into_owned();
    CoreError::sqlite(rc, format!("(code: {rc}) {message}"))
}

/// Before a bulk load (`true`): FTS5 keeps up to 256 MB of new tokens in memory before writing a segment,
/// and merges nothing on the way. After it (`false`): everything is merged into one segment per table and
/// the normal settings return.
pub(crate) async fn bulk_settings(conn: &mut SqliteConnection, bulk: bool) -> Result<()> {
    for kind in [DocKind::Customer, DocKind::Contact] {
        let t = kind.table();
        if !bulk {
            sqlx::query(&format!("INSERT INTO {t} ({t}) VALUES ('optimize')"))
                .execute(&mut *conn)
                .await?;
        }
        let (hash, merge) = if bulk {
            (256 * 1024 * 1024, 0)
        } else {
            (1024 * 1024, 4)
        };
        for (key, value) in [("hashsize", hash), ("automerge", merge)] {
            sqlx::query(&format!("INSERT INTO {t} ({t}, rank) VALUES (?, ?)"))
                .bind(key)
                .bind(value)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}
