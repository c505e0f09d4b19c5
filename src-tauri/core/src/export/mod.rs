//! Exports: every list (its filter and sort, or everything) and the whole book, to .xlsx or .csv, typed,
//! neutralized against formula injection, in constant memory, with progress and cancelling.

mod batch;
mod cell;
mod csv;
mod money_rows;
mod rows;
mod run;
mod sink;
mod xlsx;

pub use cell::{looks_like_formula, neutralize, unneutralize, Cell};
pub use rows::customer_cells;
pub use run::{export, export_with, ExportFormat, ExportProgress, ExportRequest, ExportSummary};
pub use sink::Sink;
pub use xlsx::{date_serial, datetime_serial, XlsxSink, EXCEL_MAX_ROWS};

use std::path::Path;

/// A temporary file in the directory of `path`, so the finished file is moved into place, never copied.
pub fn temp_beside(path: &Path) -> crate::Result<(std::fs::File, tempfile::TempPath)> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut b = tempfile::Builder::new();
    b.prefix(".crm-export-");
    // A finished export is an ordinary document, readable like any other the user saves.
    #[cfg(unix)]
    b.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    Ok(b.tempfile_in(dir)?.into_parts())
}
