//! What a read spreadsheet is before its rows are imported: a grid of raw cells as the file holds them,
//! the most rows an import takes, and the error of a file the OS would not open.

use chrono::NaiveDateTime;

use crate::error::CoreError;

/// Data rows an import takes at most; larger files are refused before they are loaded.
pub const MAX_ROWS: usize = 300_000;

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    Empty,
    Text(String),
    Number(f64),
    DateTime(NaiveDateTime),
    Bool(bool),
}

impl Raw {
    pub fn is_empty(&self) -> bool {
        match self {
            Raw::Empty => true,
            Raw::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// The rows of the sheet an import reads; `rows[i]` is sheet row `first_row + i` (1-based).
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub sheet: Option<String>,
    pub encoding: Option<String>,
    pub first_row: u32,
    pub rows: Vec<Vec<Raw>>,
}

/// An OS error opening the file: another program holding it (Windows sharing violation) is `locked`.
pub fn file_error(e: std::io::Error) -> CoreError {
    // ERROR_SHARING_VIOLATION (32) and ERROR_LOCK_VIOLATION (33) on Windows.
    if cfg!(windows) && matches!(e.raw_os_error(), Some(32 | 33)) {
        return CoreError::locked("file_in_use", e.to_string());
    }
    e.into()
}
