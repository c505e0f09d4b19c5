//! One export: counts, streams rows from the store on one task and writes them on a blocking thread,
//! reports progress, and leaves either the whole file or no file.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::batch::Batch;
use super::csv::CsvSink;
use super::rows;
use super::sink::Sink;
use super::xlsx::XlsxSink;
use crate::contract::ContractQuery;
use crate::customer::{CustomerQuery, CustomerSort, SortDirection};
use crate::error::{CoreError, Result};
use crate::record::RecordKind;
use crate::settings::Language;
use crate::sheet::Column;
use crate::store::Store;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ExportFormat {
    #[default]
    Xlsx,
    Csv,
}

/// What to export and where. `entity` absent is the whole book (xlsx only), a sheet per record type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportRequest {
    pub entity: Option<RecordKind>,
    /// The customer list's filter and sort; absent is every live customer.
    pub query: Option<CustomerQuery>,
    /// The contract list's filter and sort, for the contract sheet; absent is every live contract.
    #[serde(default)]
    #[ts(optional)]
    pub contracts: Option<ContractQuery>,
    #[serde(default)]
    pub format: ExportFormat,
    pub path: String,
    pub language: Language,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportProgress {
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportSummary {
    #[ts(type = "number")]
    pub rows: u64,
    pub sheets: u32,
    pub path: String,
}

/// Rows between two progress reports.
const PROGRESS_EVERY: u64 = 5_000;

/// Runs an export. `cancel` set from elsewhere stops it with `conflict/cancelled` and no file.
pub async fn export(
    store: &Store,
    request: &ExportRequest,
    cancel: Arc<AtomicBool>,
    progress: impl FnMut(ExportProgress) + Send + 'static,
) -> Result<ExportSummary> {
    export_with(store, request, cancel, progress, None).await
}

/// [`export`] with sheets split after `rows_per_sheet` rows instead of Excel's limit (tests).
pub async fn export_with(
    store: &Store,
    request: &ExportRequest,
    cancel: Arc<AtomicBool>,
    mut progress: impl FnMut(ExportProgress) + Send + 'static,
    rows_per_sheet: Option<u32>,
) -> Result<ExportSummary> {
    let path = PathBuf::from(&request.path);
    check_target(&path, request)?;
    let entities: Vec<RecordKind> = match request.entity {
        Some(e) => vec![e],
        None => RecordKind::SHEETS.to_vec(),
    };
    // Everything is written in the order it was entered: the table's own order, read without a sort.
    let everything = CustomerQuery {
        sort: CustomerSort::Id,
        direction: SortDirection::Asc,
        ..Default::default()
    };
    let query = CustomerQuery {
        after: None,
        trashed: false,
        ..request.query.clone().unwrap_or(everything)
    };
    let mut total = 0;
    for e in &entities {
        total += rows::count(store, *e, &query, request.contracts.as_ref()).await?;
    }
    let language = request.language;
    let title = match request.entity {
        Some(e) => e.sheet_name(language),
        None => ["客户资料", "客戶資料", "Customer book"][crate::sheet::language_index(language)],
    };
    let mut sink: Box<dyn Sink> = match request.format {
        ExportFormat::Xlsx => {
            let mut s = XlsxSink::new(&path, language, title);
            if let Some(n) = rows_per_sheet {
                s = s.with_rows_per_sheet(n);
            }
            Box::new(s)
        }
        ExportFormat::Csv => Box::new(CsvSink::new(&path, language)?),
    };

    let (tx, mut rx) = tokio::sync::mpsc::channel::<Msg>(4);
    let write_cancel = cancel.clone();
    let writer = tokio::task::spawn_blocking(move || -> Result<(u64, u32)> {
        let mut done = 0u64;
        progress(ExportProgress { done, total });
        while let Some(msg) = rx.blocking_recv() {
            if write_cancel.load(Ordering::Relaxed) {
                return Err(cancelled());
            }
            let batch = match msg {
                Msg::Start(entity) => {
                    let columns: Vec<&'static Column> = entity.exported().collect();
                    sink.start(entity, &columns)?;
                    continue;
                }
                Msg::Rows(batch) => batch,
            };
            for row in &batch {
                sink.row(row)?;
            }
            let before = done;
            done += batch.len() as u64;
            if done / PROGRESS_EVERY != before / PROGRESS_EVERY {
                progress(ExportProgress { done, total });
            }
        }
        if write_cancel.load(Ordering::Relaxed) {
            return Err(cancelled());
        }
        progress(ExportProgress { done, total });
        let sheets = sink.finish()?;
        Ok((done, sheets))
    });

    let mut read_result = Ok(());
    for entity in &entities {
        // A sheet with no rows still gets its header, so the user sees the columns.
        if tx.send(Msg::Start(*entity)).await.is_err() {
            break;
        }
        let (btx, mut brx) = tokio::sync::mpsc::channel::<Batch>(2);
        let read = rows::send(
            store,
            *entity,
            &query,
            request.contracts.as_ref(),
            language,
            btx,
        );
        let forward = async {
            while let Some(b) = brx.recv().await {
                if tx.send(Msg::Rows(b)).await.is_err() {
                    return false;
                }
            }
            true
        };
        let (r, open) = tokio::join!(read, forward);
        if r.is_err() {
            read_result = r;
            break;
        }
        if !open {
            break;
        }
    }
    drop(tx);
    let written = writer
        .await
        .map_err(|e| CoreError::Internal(e.to_string()))?;
    read_result?;
    let (rows, sheets) = written?;
    Ok(ExportSummary {
        rows,
        sheets,
        path: request.path.clone(),
    })
}

enum Msg {
    Start(RecordKind),
    Rows(Batch),
}

fn cancelled() -> CoreError {
    CoreError::conflict("cancelled", "the export was cancelled")
}

/// Refuses what cannot work before anything is read: a book as CSV, a folder that is not there.
fn check_target(path: &Path, request: &ExportRequest) -> Result<()> {
    if request.entity.is_none() && request.format == ExportFormat::Csv {
        return Err(CoreError::invalid("format", "book_needs_xlsx"));
    }
    if path.as_os_str().is_empty() || path.is_dir() {
        return Err(CoreError::invalid("path", "required"));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(CoreError::io(
            "not_found",
            format!("no folder {}", dir.display()),
        ));
    }
    Ok(())
}
