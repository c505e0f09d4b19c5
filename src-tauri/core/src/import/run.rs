//! Inspecting a file and running an import: rows read and validated, duplicates within the file and
//! against the store found, each row created, updated, left or refused; a dry run stops before writing,
//! a real one writes in one transaction and records what it did so it can be reverted.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::grid::{Grid, MAX_ROWS};
use super::header::{auto_mapping, find_header};
use super::journal::file_name;
use super::model::*;
use super::read;
use super::row::SheetRow;
use super::value::plain_text;
use crate::error::{CoreError, Result};
use crate::export::ExportProgress as Progress;
use crate::record::RecordKind;
use crate::settings::Language;
use crate::sheet::Column;
use crate::store::Store;

/// Data rows the preview shows.
const PREVIEW_ROWS: usize = 10;

async fn read_grid(path: &Path) -> Result<Grid> {
    let path = path.to_path_buf();
    tokio::task::spawn_blocking(move || read::read(&path))
        .await
        .map_err(|e| CoreError::Internal(e.to_string()))?
}

/// The header row's texts and the data rows under it (blank rows left out), with their sheet row numbers.
fn split(entity: RecordKind, grid: &Grid) -> Result<(u32, Vec<String>, Vec<(u32, usize)>)> {
    let header = find_header(entity, &grid.rows).ok_or(CoreError::invalid("file", "no_header"))?;
    let mut headers: Vec<String> = grid.rows[header].iter().map(plain_text).collect();
    while headers.last().is_some_and(|h| h.is_empty()) {
        headers.pop();
    }
    if headers.is_empty() {
        return Err(CoreError::invalid("file", "no_header"));
    }
    let data: Vec<(u32, usize)> = grid.rows[header + 1..]
        .iter()
        .enumerate()
        .filter(|(_, r)| r.iter().any(|c| !c.is_empty()))
        .map(|(i, _)| (grid.first_row + (header + 1 + i) as u32, header + 1 + i))
        .collect();
    if data.len() > MAX_ROWS {
        return Err(CoreError::invalid("file", "too_many_rows"));
    }
    Ok((grid.first_row + header as u32, headers, data))
}

/// Only the kinds with a sheet can be imported (documents come in one file at a time).
fn importable(entity: RecordKind) -> Result<()> {
    if !entity.has_sheet() {
        return Err(CoreError::invalid("entity", "unsupported"));
    }
    Ok(())
}

/// Reads the file and proposes a mapping; writes nothing.
pub async fn inspect(path: &Path, entity: RecordKind, language: Language) -> Result<ImportPreview> {
    importable(entity)?;
    let grid = read_grid(path).await?;
    let (header_row, headers, data) = split(entity, &grid)?;
    if data.is_empty() {
        return Err(CoreError::invalid("file", "header_only"));
    }
    let width = headers.len();
    let rows = data
        .iter()
        .take(PREVIEW_ROWS)
        .map(|(_, i)| {
            (0..width)
                .map(|c| grid.rows[*i].get(c).map(plain_text).unwrap_or_default())
                .collect()
        })
        .collect();
    Ok(ImportPreview {
        path: path.to_string_lossy().into_owned(),
        file_name: file_name(path),
        entity,
        sheet: grid.sheet.clone(),
        encoding: grid.encoding.clone(),
        header_row,
        mapping: auto_mapping(entity, &headers),
        headers,
        rows,
        total_rows: data.len() as u32,
        fields: entity
            .columns()
            .iter()
            .filter(|c| c.importable)
            .map(|c| ImportField {
                key: c.key.to_string(),
                label: c.label(language).to_string(),
            })
            .collect(),
        modes: modes(entity).to_vec(),
        needed: needed_columns(entity)
            .iter()
            .map(|any_of| any_of.iter().map(|k| k.to_string()).collect())
            .collect(),
    })
}

/// The modes a record type can be imported in. Receipts and follow-ups are events: a file adds them (and
/// upsert leaves the ones already there alone); nothing in a file says which one it would change.
pub fn modes(entity: RecordKind) -> &'static [ImportMode] {
    match entity {
        RecordKind::Receipts | RecordKind::FollowUps => &[ImportMode::Create, ImportMode::Upsert],
        _ => &[ImportMode::Create, ImportMode::Update, ImportMode::Upsert],
    }
}

/// The columns a record type cannot do without (what finds it, or what it is made of): each entry is a
/// set of fields of which at least one needs a column. Customers have none here: what they need depends on
/// the mode and the match keys.
pub fn needed_columns(entity: RecordKind) -> &'static [&'static [&'static str]] {
    match entity {
        RecordKind::Contacts => &[&["customerName"], &["name"]],
        RecordKind::Products => &[&["name", "code"]],
        RecordKind::Contracts => &[&["customerName"]],
        RecordKind::Installments => &[&["contractNumber"], &["dueOn"], &["amount"]],
        RecordKind::Receipts => &[&["contractNumber"], &["receivedOn"], &["amount"]],
        RecordKind::FollowUps => &[&["customerName"], &["happenedAt"], &["content"]],
        RecordKind::Customers | RecordKind::Documents => &[],
    }
}

/// The columns the user's mapping names, checked: known importable fields, each at most once, and the
/// fields the mode needs.
fn columns_of(request: &ImportRequest, width: usize) -> Result<Vec<Option<&'static Column>>> {
    if request.mapping.len() != width {
        return Err(CoreError::invalid("mapping", "stale"));
    }
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(width);
    for key in &request.mapping {
        let column = match key {
            None => None,
            Some(k) => {
                let c = request
                    .entity
                    .columns()
                    .iter()
                    .find(|c| c.importable && c.key == k)
                    .ok_or(CoreError::invalid("mapping", "unknown"))?;
                if !seen.insert(c.key) {
                    return Err(CoreError::invalid("mapping", "duplicate"));
                }
                Some(c)
            }
        };
        out.push(column);
    }
    let needed = needed_columns(request.entity);
    if !needed.is_empty() {
        for any_of in needed {
            if !any_of.iter().any(|k| seen.contains(k)) {
                return Err(CoreError::invalid("mapping", "name_required"));
            }
        }
        return Ok(out);
    }
    if request.mode != ImportMode::Update && !seen.contains("name") {
        return Err(CoreError::invalid("mapping", "name_required"));
    }
    if request.mode != ImportMode::Create {
        if request.match_keys.is_empty() {
            return Err(CoreError::invalid("matchKeys", "required"));
        }
        for k in &request.match_keys {
            if !seen.contains(key_field(*k)) {
                return Err(CoreError::invalid("matchKeys", "unmapped"));
            }
        }
    }
    Ok(out)
}

fn key_field(k: MatchKey) -> &'static str {
    match k {
        MatchKey::Uscc => "uscc",
        MatchKey::Name => "name",
        MatchKey::Mobile => "mobile",
    }
}

/// Runs the import (or, with `dry_run`, says what it would do).
pub async fn run(
    store: &Store,
    request: &ImportRequest,
    mut progress: impl FnMut(Progress) + Send,
) -> Result<ImportReport> {
    importable(request.entity)?;
    if !modes(request.entity).contains(&request.mode) {
        return Err(CoreError::invalid("mode", "append_only"));
    }
    let path = PathBuf::from(&request.path);
    let grid = read_grid(&path).await?;
    let (_, headers, data) = split(request.entity, &grid)?;
    if data.is_empty() {
        return Err(CoreError::invalid("file", "header_only"));
    }
    let width = headers.len();
    let columns = columns_of(request, width)?;
    let total = data.len() as u64;
    // Progress counts rows: a customer import reports each chunk as it is written; the other imports,
    // written in one step, report all rows at the end.
    progress(Progress { done: 0, total });
    let rows: Vec<SheetRow> = crate::parallel::map(data, |(number, i)| {
        SheetRow::read(number, i, &grid.rows[i], &columns)
    });
    // Every cell of a refused row as text, for the report and the error workbook.
    let cells_of = |row: &SheetRow| -> Vec<String> {
        (0..width)
            .map(|c| {
                grid.rows[row.index]
                    .get(c)
                    .map(plain_text)
                    .unwrap_or_default()
            })
            .collect()
    };

    if request.entity != RecordKind::Customers {
        let report = match request.entity {
            RecordKind::Contacts => {
                super::contacts::run(store, request, file_name(&path), &headers, &rows, &cells_of)
                    .await?
            }
            RecordKind::Products => {
                super::products::run(store, request, file_name(&path), &headers, &rows, &cells_of)
                    .await?
            }
            RecordKind::Contracts => {
                super::contracts::run(store, request, file_name(&path), &headers, &rows, &cells_of)
                    .await?
            }
            RecordKind::Installments => {
                super::installments::run(
                    store,
                    request,
                    file_name(&path),
                    &headers,
                    &rows,
                    &cells_of,
                )
                .await?
            }
            RecordKind::Receipts => {
                super::receipts::run(store, request, file_name(&path), &headers, &rows, &cells_of)
                    .await?
            }
            RecordKind::FollowUps => {
                super::follow_ups::run(store, request, file_name(&path), &headers, &rows, &cells_of)
                    .await?
            }
            RecordKind::Customers => unreachable!("customers are imported below"),
            RecordKind::Documents => unreachable!("refused by importable() above"),
        };
        progress(Progress { done: total, total });
        return Ok(report);
    }

    super::customers::run(
        store,
        request,
        &path,
        &headers,
        &rows,
        &cells_of,
        &mut progress,
    )
    .await
}
