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

use super::index::{docs, DocRow, CONTACT_DOC, CUSTOMER_DOC};
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
}

/// Indexes every live customer and contact above `before` (none of them may be in the index yet). Call
/// it after the transaction's other writes: a later multi-row write makes FTS5 write out what it holds.
pub(crate) async fn index_added(conn: &mut SqliteConnection, before: Before) -> Result<()> {
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

/// Writes each record's tokens with a single-row INSERT (no statement journal, so nothing is flushed).
async fn insert_each(
    conn: &mut SqliteConnection,
    kind: DocKind,
    tokens: &[(i64, Columns)],
) -> Result<()> {
    let sql = CString::new(format!(
        "INSERT INTO {} (rowid, whole, head, han, uni, syl, sp, ini, num, mail) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        kind.table()
    ))
    .expect("no NUL in the statement");
    let mut handle = conn.lock_handle().await?;
    let db = handle.as_raw_handle();
    let statement = Statement::prepare(db, &sql)?;
    for (id, c) in tokens {
        statement.insert(
            *id,
            [
                &c.whole, &c.head, &c.han, &c.uni, &c.syl, &c.sp, &c.ini, &c.num, &c.mail,
            ],
        )?;
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
    fn insert(&self, rowid: i64, texts: [&String; 9]) -> Result<()> {
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
