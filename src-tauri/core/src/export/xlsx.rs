//! Exports to .xlsx with rust_xlsxwriter in constant-memory mode: typed cells, a bold frozen header in the
//! workbook's language, autofilter, fitting widths, document properties, and a second sheet past
//! Excel's row limit.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use super::cell::{looks_like_formula, Cell};
use super::sink::Sink;
use crate::error::{CoreError, Result};
use crate::record::RecordKind;
use crate::settings::Language;
use crate::sheet::Column;

/// Excel's rows per sheet, the header included.
pub const EXCEL_MAX_ROWS: u32 = 1_048_576;

pub struct XlsxSink {
    workbook: Workbook,
    path: PathBuf,
    language: Language,
    formats: Formats,
    /// Data rows a sheet takes before the next part starts (Excel's limit less the header, or less in tests).
    rows_per_sheet: u32,
    sheet: Option<SheetState>,
    sheets: u32,
}

struct SheetState {
    entity: RecordKind,
    columns: Vec<&'static Column>,
    index: usize,
    part: u32,
    /// Data rows written to this part.
    rows: u32,
}

struct Formats {
    header: Format,
    date: Format,
    datetime: Format,
    money: Format,
    percent: Format,
    quoted: Format,
}

impl XlsxSink {
    pub fn new(path: &Path, language: Language, title: &str) -> Self {
        let mut workbook = Workbook::new();
        let created = excel_datetime(chrono::Utc::now().naive_utc());
        workbook.set_properties(
            &DocProperties::new()
                .set_title(title)
                .set_creation_datetime(&created),
        );
        XlsxSink {
            workbook,
            path: path.to_path_buf(),
            language,
            formats: Formats {
                header: Format::new().set_bold(),
                date: Format::new().set_num_format("yyyy-mm-dd"),
                datetime: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
                money: Format::new().set_num_format("¥#,##0.00"),
                percent: Format::new().set_num_format("0.00%"),
                quoted: Format::new().set_quote_prefix(),
            },
            rows_per_sheet: EXCEL_MAX_ROWS - 1,
            sheet: None,
            sheets: 0,
        }
    }

    /// Splits sheets after `rows` data rows (tests use a small number instead of a million).
    pub fn with_rows_per_sheet(mut self, rows: u32) -> Self {
        self.rows_per_sheet = rows.clamp(1, EXCEL_MAX_ROWS - 1);
        self
    }

    fn open_part(
        &mut self,
        entity: RecordKind,
        columns: Vec<&'static Column>,
        part: u32,
    ) -> Result<()> {
        self.close_part()?;
        let name = if part == 1 {
            entity.sheet_name(self.language).to_string()
        } else {
            format!("{} ({part})", entity.sheet_name(self.language))
        };
        let language = self.language;
        let index = self.sheets as usize;
        let header = self.formats.header.clone();
        let ws = self
            .workbook
            .add_worksheet_with_constant_memory()
            .map_err(xlsx)?;
        ws.set_name(name).map_err(xlsx)?;
        for (i, c) in columns.iter().enumerate() {
            ws.set_column_width(i as u16, c.width(language))
                .map_err(xlsx)?;
            ws.write_string_with_format(0, i as u16, c.label(language), &header)
                .map_err(xlsx)?;
        }
        ws.set_freeze_panes(1, 0).map_err(xlsx)?;
        self.sheets += 1;
        self.sheet = Some(SheetState {
            entity,
            columns,
            index,
            part,
            rows: 0,
        });
        Ok(())
    }

    /// Puts the autofilter over what the part holds.
    fn close_part(&mut self) -> Result<()> {
        if let Some(s) = self.sheet.take() {
            let ws = self.workbook.worksheet_from_index(s.index).map_err(xlsx)?;
            let last_col = s.columns.len().saturating_sub(1) as u16;
            ws.autofilter(0, 0, s.rows, last_col).map_err(xlsx)?;
        }
        Ok(())
    }
}

impl Sink for XlsxSink {
    fn start(&mut self, entity: RecordKind, columns: &[&'static Column]) -> Result<()> {
        self.open_part(entity, columns.to_vec(), 1)
    }

    fn row(&mut self, cells: &[Cell]) -> Result<()> {
        let full = match &self.sheet {
            Some(s) => s.rows >= self.rows_per_sheet,
            None => return Err(CoreError::Internal("row before start".into())),
        };
        if full {
            let s = self.sheet.as_ref().expect("checked above");
            let (entity, columns, part) = (s.entity, s.columns.clone(), s.part + 1);
            self.open_part(entity, columns, part)?;
        }
        let s = self.sheet.as_mut().expect("a sheet is open");
        s.rows += 1;
        let row = s.rows;
        let f = &self.formats;
        let ws = self.workbook.worksheet_from_index(s.index).map_err(xlsx)?;
        for (i, cell) in cells.iter().enumerate() {
            let col = i as u16;
            match cell {
                Cell::Empty => continue,
                Cell::Text(t) if looks_like_formula(t) => {
                    ws.write_string_with_format(row, col, t, &f.quoted)
                }
                Cell::Text(t) => ws.write_string(row, col, t),
                Cell::Int(n) => ws.write_number(row, col, *n as f64),
                Cell::Money(fen) => {
                    ws.write_number_with_format(row, col, *fen as f64 / 100.0, &f.money)
                }
                Cell::Percent(p) => ws.write_number_with_format(row, col, *p, &f.percent),
                Cell::Date(d) => ws.write_number_with_format(row, col, date_serial(*d), &f.date),
                Cell::DateTime(t) => {
                    ws.write_number_with_format(row, col, datetime_serial(*t), &f.datetime)
                }
            }
            .map_err(xlsx)?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<u32> {
        self.close_part()?;
        if self.sheets == 0 {
            return Err(CoreError::Internal("an export without a sheet".into()));
        }
        let (file, temp) = super::temp_beside(&self.path)?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        self.workbook.save_to_writer(&mut out).map_err(xlsx)?;
        let file = out
            .into_inner()
            .map_err(|e| CoreError::from(e.into_error()))?;
        drop(file);
        temp.persist(&self.path)
            .map_err(|e| CoreError::from(e.error))?;
        Ok(self.sheets)
    }
}

/// The day as Excel counts it (1900 date system: day 1 is 1900-01-01, with its phantom 29 February).
pub fn date_serial(d: NaiveDate) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).expect("a valid date");
    (d - epoch).num_days() as f64
}

pub fn datetime_serial(t: NaiveDateTime) -> f64 {
    let seconds = t
        .time()
        .signed_duration_since(chrono::NaiveTime::MIN)
        .num_seconds();
    date_serial(t.date()) + seconds as f64 / 86_400.0
}

/// A document time (the properties are written in UTC, ISO 8601).
fn excel_datetime(t: NaiveDateTime) -> ExcelDateTime {
    use chrono::{Datelike, Timelike};
    ExcelDateTime::from_ymd(t.year() as u16, t.month() as u8, t.day() as u8)
        .and_then(|d| d.and_hms(t.hour() as u16, t.minute() as u8, t.second()))
        .unwrap_or_else(|_| ExcelDateTime::from_ymd(2000, 1, 1).expect("a valid date"))
}

fn xlsx(e: XlsxError) -> CoreError {
    match e {
        XlsxError::IoError(io) => io.into(),
        other => CoreError::Internal(other.to_string()),
    }
}
