//! What an import is asked to do and what it answers: the preview, the request, the report, the record.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::record::RecordKind;

/// Create only, update only, or both (upsert).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ImportMode {
    #[default]
    Create,
    Update,
    Upsert,
}

impl ImportMode {
    pub fn as_str(self) -> &'static str {
        match self {
            ImportMode::Create => "create",
            ImportMode::Update => "update",
            ImportMode::Upsert => "upsert",
        }
    }
}

/// What tells that a row is a customer already in the store (and a second row of the same file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum MatchKey {
    Uscc,
    Name,
    Mobile,
}

/// A field a column can be mapped to, with its header in the UI language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportField {
    pub key: String,
    pub label: String,
}

/// What the file holds, read before anything is written: its header row, the mapping found for each
/// column (a field key, or none), and its first rows as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPreview {
    pub path: String,
    pub file_name: String,
    pub entity: RecordKind,
    /// The sheet read (the first with data); none for CSV.
    pub sheet: Option<String>,
    /// The text encoding of a CSV file (UTF-8, GB18030).
    pub encoding: Option<String>,
    /// The header's row number in the sheet (1-based; title rows above it are skipped).
    pub header_row: u32,
    pub headers: Vec<String>,
    pub mapping: Vec<Option<String>>,
    /// The first data rows, as the import reads them.
    pub rows: Vec<Vec<String>>,
    /// Data rows in all (blank rows not counted).
    pub total_rows: u32,
    /// Every field a column may be mapped to.
    pub fields: Vec<ImportField>,
    /// The columns this record type cannot do without: in each entry, at least one of the fields needs a
    /// column (customers: none, their needs follow the mode).
    pub needed: Vec<Vec<String>>,
    /// The modes this record type can be imported in.
    pub modes: Vec<ImportMode>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportRequest {
    pub path: String,
    pub entity: RecordKind,
    /// One entry per column of the header: the field it fills, or none to leave it out.
    pub mapping: Vec<Option<String>>,
    #[serde(default)]
    pub mode: ImportMode,
    /// How rows find stored customers (create mode uses them to refuse duplicates).
    #[serde(default)]
    pub match_keys: Vec<MatchKey>,
    /// Report what would happen and write nothing.
    #[serde(default)]
    pub dry_run: bool,
}

/// A row that was not imported, and why: `field` and `reason` are the form's keys (uscc/checksum), or
/// `reason` alone for the import's own (duplicate_in_file, exists, not_found, ambiguous).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RejectedRow {
    /// The row's number in the sheet (1-based), as the user sees it in Excel.
    pub row: u32,
    pub field: Option<String>,
    pub reason: String,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportReport {
    /// The import to revert; none for a dry run.
    #[ts(type = "number | null")]
    pub import_id: Option<i64>,
    pub dry_run: bool,
    pub total: u32,
    pub created: u32,
    pub updated: u32,
    /// Matched rows whose fields already held the file's values.
    pub unchanged: u32,
    pub rejected: u32,
    /// The first rejected rows (all of them are in the error workbook).
    pub rejects: Vec<RejectedRow>,
}

/// An import as the history lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportRecord {
    #[ts(type = "number")]
    pub id: i64,
    pub file_name: String,
    #[sqlx(try_from = "String")]
    pub entity: RecordKind,
    pub mode: String,
    #[ts(type = "number")]
    pub created_at: i64,
    pub created: u32,
    pub updated: u32,
    pub rejected: u32,
    #[ts(type = "number | null")]
    pub reverted_at: Option<i64>,
}
