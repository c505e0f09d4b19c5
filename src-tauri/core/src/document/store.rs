//! Documents in the encrypted store: file contents kept once per SHA-256 as chunks of a blob, streamed in
//! and out so that a large file never sits whole in memory, and written out only under safe names.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use sqlx::SqliteConnection;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::model::{kind_of, Document, MAX_BYTES};
use super::name;
use crate::customer::require_live_customer;
use crate::error::{CoreError, Result};
use crate::history::{self, Change};
use crate::record::RecordKind;
use crate::store::Store;
use crate::time::now_ms;

const SELECT: &str = "SELECT d.id, d.customer_id, d.contract_id, ct.number AS contract_number, d.name, d.kind, \
     d.size, b.sha256, d.created_at, d.updated_at, d.deleted_at \
     FROM documents d JOIN blobs b ON b.id = d.blob_id LEFT JOIN contracts ct ON ct.id = d.contract_id";

/// Bytes per stored chunk.
const CHUNK: usize = 256 * 1024;

/// Where decrypted copies for the system's apps are written, inside the data directory; emptied when
/// the store opens and closes.
pub const OPENED_DIR: &str = "opened";

/// The documents of one open store.
pub struct Documents<'s> {
    pub(crate) store: &'s Store,
}

impl Store {
    pub fn documents(&self) -> Documents<'_> {
        Documents { store: self }
    }
}

/// The contract a document may be attached to must be a live contract of the same customer.
pub(crate) async fn require_contract_of(
    conn: &mut SqliteConnection,
    customer_id: i64,
    contract_id: Option<i64>,
) -> Result<()> {
    let Some(contract_id) = contract_id else {
        return Ok(());
    };
    let of: Option<i64> =
        sqlx::query_scalar("SELECT customer_id FROM contracts WHERE id = ? AND deleted_at IS NULL")
            .bind(contract_id)
            .fetch_optional(&mut *conn)
            .await?;
    if of != Some(customer_id) {
        return Err(CoreError::invalid("contractId", "not_of_customer"));
    }
    Ok(())
}

/// A file that could not be read as it was being attached: gone, unreadable, or changing.
fn unreadable(e: std::io::Error) -> CoreError {
    match e.kind() {
        std::io::ErrorKind::NotFound => CoreError::io("file_gone", e.to_string()),
        _ => CoreError::io("file_unreadable", e.to_string()),
    }
}

impl Documents<'_> {
    /// Attaches the file at `path` to a live customer (and one of its live contracts), shown under the
    /// file's own name or `shown_as`. The contents are read once, in chunks, hashed as they go; a file
    /// already stored is kept once. Nothing is stored if the file cannot be read to its end.
    pub async fn attach(
        &self,
        path: &Path,
        customer_id: i64,
        contract_id: Option<i64>,
        shown_as: Option<&str>,
    ) -> Result<Document> {
        let shown = name::shown(
            shown_as.unwrap_or(
                &path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            ),
        );
        let mut file = tokio::fs::File::open(path).await.map_err(unreadable)?;
        let meta = file.metadata().await.map_err(unreadable)?;
        if !meta.is_file() {
            return Err(CoreError::invalid("file", "not_a_file"));
        }
        if meta.len() > MAX_BYTES {
            return Err(CoreError::invalid("file", "too_large"));
        }
        let mut buf = vec![0u8; CHUNK];
        let mut filled = read_full(&mut file, &mut buf).await?;
        let kind = kind_of(name::extension(&shown).as_deref(), &buf[..filled.min(16)])?;

        let now = now_ms();
        let mut tx = self.store.write().await?;
        require_live_customer(&mut tx, customer_id).await?;
        require_contract_of(&mut tx, customer_id, contract_id).await?;
        // The pages of a large file are written once and not read again soon: a small cache keeps the
        // process from growing by the file's size while it is written.
        sqlx::query("PRAGMA cache_size = -2048")
            .execute(&mut *tx)
            .await?;
        let written = write_blob(&mut tx, &mut file, &mut buf, &mut filled, now).await;
        sqlx::query("PRAGMA cache_size = -65536")
            .execute(&mut *tx)
            .await?;
        let (blob_id, size, sha) = written?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO documents (blob_id, customer_id, contract_id, name, kind, size, created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(blob_id)
        .bind(customer_id)
        .bind(contract_id)
        .bind(&shown)
        .bind(kind)
        .bind(size as i64)
        .bind(now)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        history::record(
            &mut tx,
            RecordKind::Documents,
            id,
            &[Change::new(
                "created",
                None,
                Some(format!("{shown} ({sha})")),
            )],
            now,
        )
        .await?;
        tx.commit().await?;
        self.get(id).await
    }

    pub async fn get(&self, id: i64) -> Result<Document> {
        Ok(sqlx::query_as(&format!("{SELECT} WHERE d.id = ?"))
            .bind(id)
            .fetch_one(self.store.read())
            .await?)
    }

    /// A customer's live documents (its own and its live contracts'), newest first.
    pub async fn of_customer(&self, customer_id: i64) -> Result<Vec<Document>> {
        Ok(sqlx::query_as(&format!(
            "{SELECT} WHERE d.customer_id = ? AND d.deleted_at IS NULL AND (d.contract_id IS NULL OR ct.deleted_at IS NULL) \
             ORDER BY d.created_at DESC, d.id DESC"
        ))
        .bind(customer_id)
        .fetch_all(self.store.read())
        .await?)
    }

    /// A contract's live documents, newest first.
    pub async fn of_contract(&self, contract_id: i64) -> Result<Vec<Document>> {
        Ok(sqlx::query_as(&format!(
            "{SELECT} WHERE d.contract_id = ? AND d.deleted_at IS NULL ORDER BY d.created_at DESC, d.id DESC"
        ))
        .bind(contract_id)
        .fetch_all(self.store.read())
        .await?)
    }

    /// Trashed documents whose customer and contract are live, most recently trashed first.
    pub async fn trashed(&self) -> Result<Vec<Document>> {
        Ok(sqlx::query_as(&format!(
            "{SELECT} JOIN customers cu ON cu.id = d.customer_id WHERE d.deleted_at IS NOT NULL \
             AND cu.deleted_at IS NULL AND (d.contract_id IS NULL OR ct.deleted_at IS NULL) \
             ORDER BY d.deleted_at DESC, d.id DESC LIMIT 500"
        ))
        .fetch_all(self.store.read())
        .await?)
    }

    /// Shows a document under another name (cleaned as an attached file's name is).
    pub async fn rename(&self, id: i64, new_name: &str) -> Result<Document> {
        let before = self.get(id).await?;
        if before.deleted_at.is_some() {
            return Err(CoreError::NotFound);
        }
        if new_name.trim().is_empty() {
            return Err(CoreError::invalid("name", "required"));
        }
        let shown = name::shown(new_name);
        let now = now_ms();
        let mut tx = self.store.write().await?;
        sqlx::query("UPDATE documents SET name = ?, updated_at = ? WHERE id = ?")
            .bind(&shown)
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        history::record(
            &mut tx,
            RecordKind::Documents,
            id,
            &[Change::new("name", Some(before.name), Some(shown))],
            now,
        )
        .await?;
        tx.commit().await?;
        self.get(id).await
    }

    /// Writes the document's contents to `dest` (a save-as the user chose): through a temporary sibling
    /// and a rename, so that a failure leaves no half-written file there.
    pub async fn save_to(&self, id: i64, dest: &Path) -> Result<()> {
        let doc = self.get(id).await?;
        let dir = dest
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let tmp = dir.join(format!(
            ".{}.{}.part",
            name::written(&doc.name),
            std::process::id()
        ));
        let result = self.write_contents(id, &tmp).await;
        match result {
            Ok(()) => tokio::fs::rename(&tmp, dest).await.map_err(|e| {
                let _ = std::fs::remove_file(&tmp);
                CoreError::from(e)
            }),
            Err(e) => {
                let _ = tokio::fs::remove_file(&tmp).await;
                Err(e)
            }
        }
    }

    /// A decrypted copy for the system's app to open, under a safe name in a fresh directory of
    /// [`OPENED_DIR`]; removed when the store closes or next opens.
    pub async fn open_copy(&self, id: i64) -> Result<PathBuf> {
        let doc = self.get(id).await?;
        let fresh: [u8; 8] = rand::random();
        let dir = self
            .store
            .dir()
            .join(OPENED_DIR)
            .join(format!("{id}-{}", hex::encode(fresh)));
        tokio::fs::create_dir_all(&dir).await?;
        let path = dir.join(name::written(&doc.name));
        self.save_to(id, &path).await?;
        Ok(path)
    }

    /// The whole contents, for the preview of a PDF or an image (at most [`MAX_BYTES`]).
    pub async fn contents(&self, id: i64) -> Result<Vec<u8>> {
        use futures_util::TryStreamExt;
        let doc = self.get(id).await?;
        let mut out = Vec::with_capacity(doc.size as usize);
        let mut chunks = sqlx::query_scalar::<_, Vec<u8>>(
            "SELECT c.data FROM blob_chunks c JOIN documents d ON d.blob_id = c.blob_id WHERE d.id = ? ORDER BY c.seq",
        )
        .bind(id)
        .fetch(self.store.read());
        while let Some(chunk) = chunks.try_next().await? {
            out.extend_from_slice(&chunk);
        }
        Ok(out)
    }

    async fn write_contents(&self, id: i64, to: &Path) -> Result<()> {
        use futures_util::TryStreamExt;
        let mut file = tokio::fs::File::create(to).await?;
        let mut chunks = sqlx::query_scalar::<_, Vec<u8>>(
            "SELECT c.data FROM blob_chunks c JOIN documents d ON d.blob_id = c.blob_id WHERE d.id = ? ORDER BY c.seq",
        )
        .bind(id)
        .fetch(self.store.read());
        while let Some(chunk) = chunks.try_next().await? {
            file.write_all(&chunk).await?;
        }
        file.sync_all().await?;
        Ok(())
    }
}

/// Reads until `buf` is full or the file ends; returns how much was read.
async fn read_full(file: &mut tokio::fs::File, buf: &mut [u8]) -> Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        let n = file.read(&mut buf[filled..]).await.map_err(unreadable)?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    Ok(filled)
}

/// Streams the file into a new blob (the first `filled` bytes of `buf` already read) and returns the
/// blob that holds its contents: the new one, or an existing one with the same hash (the new chunks
/// then rolled back).
async fn write_blob(
    conn: &mut SqliteConnection,
    file: &mut tokio::fs::File,
    buf: &mut [u8],
    filled: &mut usize,
    now: i64,
) -> Result<(i64, u64, String)> {
    sqlx::query("SAVEPOINT blob").execute(&mut *conn).await?;
    let blob_id: i64 = sqlx::query_scalar(
        "INSERT INTO blobs (sha256, size, created_at) VALUES (NULL, 0, ?) RETURNING id",
    )
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    let mut hasher = Sha256::new();
    let mut size: u64 = 0;
    let mut seq = 0i64;
    while *filled > 0 {
        size += *filled as u64;
        if size > MAX_BYTES {
            // The file grew past the limit while it was read.
            return Err(CoreError::invalid("file", "too_large"));
        }
        hasher.update(&buf[..*filled]);
        sqlx::query("INSERT INTO blob_chunks (blob_id, seq, data) VALUES (?, ?, ?)")
            .bind(blob_id)
            .bind(seq)
            .bind(&buf[..*filled])
            .execute(&mut *conn)
            .await?;
        seq += 1;
        *filled = read_full(file, buf).await?;
    }
    let sha = hex::encode(hasher.finalize());
    let existing: Option<i64> = sqlx::query_scalar("SELECT id FROM blobs WHERE sha256 = ?")
        .bind(&sha)
        .fetch_optional(&mut *conn)
        .await?;
    match existing {
        Some(id) => {
            sqlx::query("ROLLBACK TO blob").execute(&mut *conn).await?;
            sqlx::query("RELEASE blob").execute(&mut *conn).await?;
            Ok((id, size, sha))
        }
        None => {
            sqlx::query("UPDATE blobs SET sha256 = ?, size = ? WHERE id = ?")
                .bind(&sha)
                .bind(size as i64)
                .bind(blob_id)
                .execute(&mut *conn)
                .await?;
            sqlx::query("RELEASE blob").execute(&mut *conn).await?;
            Ok((blob_id, size, sha))
        }
    }
}

/// Deletes contents no document refers to any more (after documents, contracts or customers were
/// deleted for good), and any left half-written.
pub(crate) async fn forget_unused_blobs(conn: &mut SqliteConnection) -> Result<()> {
    sqlx::query(
        "DELETE FROM blobs WHERE sha256 IS NULL OR NOT EXISTS (SELECT 1 FROM documents d WHERE d.blob_id = blobs.id)",
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Empties the directory of decrypted copies. A copy still open in another app on Windows stays until
/// the next time.
pub fn clear_opened(dir: &Path) {
    let opened = dir.join(OPENED_DIR);
    if opened.exists() {
        if let Err(e) = std::fs::remove_dir_all(&opened) {
            tracing::warn!(error = %e, "some opened copies could not be removed yet");
        }
    }
}
