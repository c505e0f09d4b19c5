//! Reads a spreadsheet file into rows of raw cells: .xlsx/.xlsm/.xls/.ods through calamine (cached formula
//! values, merged regions filled from their first cell), .csv/.txt in UTF-8 or GB18030, detected.

use std::path::Path;

use super::grid::{file_error, Grid, Raw, MAX_ROWS};
use crate::error::{CoreError, Result};
use calamine::{Data, Reader};
use chrono::NaiveDateTime;

fn bad(reason: &'static str) -> CoreError {
    CoreError::invalid("file", reason)
}

/// Reads the first sheet that holds anything (or the CSV file).
pub fn read(path: &Path) -> Result<Grid> {
    let meta = std::fs::metadata(path).map_err(file_error)?;
    if meta.is_dir() {
        return Err(bad("unsupported"));
    }
    if meta.len() == 0 {
        return Err(bad("empty"));
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let grid = match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" | "xlsb" => read_workbook(path)?,
        "csv" | "txt" | "tsv" => super::text::read_csv(path)?,
        _ => return Err(bad("unsupported")),
    };
    if grid.rows.iter().all(|r| r.iter().all(Raw::is_empty)) {
        return Err(bad("empty"));
    }
    Ok(grid)
}

fn read_workbook(path: &Path) -> Result<Grid> {
    // A password-protected .xlsx is an encrypted OLE container, not a zip: calamine calls that a password.
    let mut book = calamine::open_workbook_auto(path).map_err(workbook_error)?;
    if let calamine::Sheets::Xlsx(x) = &mut book {
        refuse_huge_xlsx(x)?;
    }
    let names = book.sheet_names();
    let xlsx = matches!(book, calamine::Sheets::Xlsx(_));
    for name in names {
        // calamine finds an .xlsx sheet's merged regions by reading the sheet's XML once more (they
        // follow the cells): a second reader does it on another thread while this one reads the cells.
        let (range, regions) = std::thread::scope(|s| {
            let regions = xlsx.then(|| s.spawn(|| xlsx_merged_regions(path, &name)));
            let range = book.worksheet_range(&name);
            (range, regions.and_then(|r| r.join().ok().flatten()))
        });
        let range = range.map_err(workbook_error)?;
        if range.is_empty() {
            continue;
        }
        let (row0, col0) = range.start().unwrap_or((0, 0));
        if range.height() > MAX_ROWS + 50 {
            return Err(bad("too_many_rows"));
        }
        let mut rows: Vec<Vec<Raw>> = range.rows().map(|r| r.iter().map(raw).collect()).collect();
        // Columns left of the range's start are empty: keep positions as the user sees them.
        if col0 > 0 {
            for r in &mut rows {
                let mut padded = vec![Raw::Empty; col0 as usize];
                padded.append(r);
                *r = padded;
            }
        }
        let regions = regions.unwrap_or_else(|| merged_regions(&mut book, &name));
        fill_merged(&regions, row0, &mut rows);
        return Ok(Grid {
            sheet: Some(name),
            encoding: None,
            first_row: row0 + 1,
            rows,
        });
    }
    Err(bad("empty"))
}

/// The merged regions of an .xlsx sheet, through a reader of its own (none when that reader fails: the
/// cells' reader then looks for them itself).
fn xlsx_merged_regions(path: &Path, name: &str) -> Option<Vec<calamine::Dimensions>> {
    calamine::open_workbook::<calamine::Xlsx<_>, _>(path)
        .ok()
        .and_then(|mut x| x.merge_cells_by_sheet_name(name).ok())
}

/// The merged regions of a sheet of another kind of workbook (.xls keeps them with the cells).
fn merged_regions<RS: std::io::Read + std::io::Seek>(
    book: &mut calamine::Sheets<RS>,
    name: &str,
) -> Vec<calamine::Dimensions> {
    match book {
        calamine::Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        calamine::Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Refuses an xlsx sheet past the row limit from its stated dimensions, before loading a million rows.
fn refuse_huge_xlsx<RS: std::io::Read + std::io::Seek>(x: &mut calamine::Xlsx<RS>) -> Result<()> {
    let Some(name) = x.sheet_names().first().cloned() else {
        return Ok(());
    };
    if let Ok(reader) = x.worksheet_cells_reader(&name) {
        let d = reader.dimensions();
        if (d.end.0.saturating_sub(d.start.0)) as usize > MAX_ROWS + 50 {
            return Err(bad("too_many_rows"));
        }
    }
    Ok(())
}

/// A merged region's value sits in its first cell; every cell of the region gets it.
fn fill_merged(regions: &[calamine::Dimensions], row0: u32, rows: &mut [Vec<Raw>]) {
    for d in regions {
        let at = |r: u32| r.checked_sub(row0).map(|r| r as usize);
        let (Some(top), Some(bottom)) = (at(d.start.0), at(d.end.0)) else {
            continue;
        };
        let value = rows
            .get(top)
            .and_then(|r| r.get(d.start.1 as usize))
            .cloned()
            .unwrap_or(Raw::Empty);
        for r in top..=bottom.min(rows.len().saturating_sub(1)) {
            for c in d.start.1..=d.end.1 {
                let row = &mut rows[r];
                if row.len() <= c as usize {
                    row.resize(c as usize + 1, Raw::Empty);
                }
                row[c as usize] = value.clone();
            }
        }
    }
}

fn raw(d: &Data) -> Raw {
    match d {
        Data::Empty | Data::Error(_) => Raw::Empty,
        Data::String(s) => Raw::Text(s.clone()),
        Data::Int(n) => Raw::Number(*n as f64),
        Data::Float(f) => Raw::Number(*f),
        Data::Bool(b) => Raw::Bool(*b),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) => Raw::DateTime(t),
            None => Raw::Number(dt.as_f64()),
        },
        Data::DateTimeIso(s) => {
            match NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").or_else(|_| {
                chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map(|d| d.and_time(chrono::NaiveTime::MIN))
            }) {
                Ok(t) => Raw::DateTime(t),
                Err(_) => Raw::Text(s.clone()),
            }
        }
        Data::DurationIso(s) => Raw::Text(s.clone()),
    }
}

fn workbook_error(e: impl std::fmt::Display) -> CoreError {
    let text = e.to_string();
    let lower = text.to_lowercase();
    if lower.contains("password") || lower.contains("encrypt") {
        bad("encrypted")
    } else if lower.contains("os error") || lower.contains("i/o") {
        CoreError::io("other", text)
    } else {
        tracing::info!(error = %text, "unreadable workbook");
        bad("corrupt")
    }
}
