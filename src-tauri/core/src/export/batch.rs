//! Rows on their way from the store to a file's writer, in batches: the pump that fills them from a
//! query's stream, and the cells every record type's rows share (a choice's label, a yes/no).

use futures_util::TryStreamExt;
use tokio::sync::mpsc::Sender;

use super::cell::Cell;
use crate::error::Result;
use crate::settings::Language;
use crate::sheet::enum_label;

/// A batch of rows on its way to the writer.
pub type Batch = Vec<Vec<Cell>>;

pub const BATCH: usize = 2_000;

pub(super) async fn pump<R>(
    mut rows: impl futures_util::Stream<Item = sqlx::Result<R>> + Unpin,
    cells: impl Fn(R) -> Vec<Cell>,
    to: Sender<Batch>,
) -> Result<()> {
    let mut chunk = Vec::with_capacity(BATCH);
    while let Some(row) = rows.try_next().await? {
        chunk.push(cells(row));
        if chunk.len() == BATCH && to.send(std::mem::take(&mut chunk)).await.is_err() {
            return Ok(());
        }
    }
    if !chunk.is_empty() {
        let _ = to.send(chunk).await;
    }
    Ok(())
}

pub(super) fn choice(column: &str, key: &str, language: Language) -> Cell {
    Cell::Text(enum_label(column, key, language).to_string())
}

pub(super) fn flag(b: bool, language: Language) -> Cell {
    choice("isPrimary", if b { "true" } else { "false" }, language)
}
