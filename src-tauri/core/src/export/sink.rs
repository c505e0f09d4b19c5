//! Where exported rows go: a sheet of a workbook or a CSV file, written row by row in constant memory.

use crate::error::Result;
use crate::record::RecordKind;
use crate::sheet::Column;

use super::cell::Cell;

/// A file being written. Nothing is visible at `path` until `finish` succeeds.
pub trait Sink: Send {
    /// Starts the sheet of `entity` with a header row of `columns`.
    fn start(&mut self, entity: RecordKind, columns: &[&'static Column]) -> Result<()>;
    fn row(&mut self, cells: &[Cell]) -> Result<()>;
    /// Writes the file to its place, whole.
    fn finish(self: Box<Self>) -> Result<u32>;
}
