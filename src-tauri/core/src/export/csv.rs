//! Exports to .csv: UTF-8 with a byte-order mark so Excel shows Chinese, formula-like text neutralized,
//! dates as ISO text, money as plain yuan.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::cell::{neutralize, Cell};
use super::sink::Sink;
use crate::error::{CoreError, Result};
use crate::record::RecordKind;
use crate::settings::Language;
use crate::sheet::Column;

pub struct CsvSink {
    writer: csv::Writer<BufWriter<File>>,
    temp: tempfile::TempPath,
    path: PathBuf,
    language: Language,
    started: bool,
    buf: Vec<String>,
}

impl CsvSink {
    /// Writes to a temporary file beside `path`; `finish` moves it into place.
    pub fn new(path: &Path, language: Language) -> Result<Self> {
        let (file, temp) = super::temp_beside(path)?;
        let mut out = BufWriter::with_capacity(1 << 16, file);
        out.write_all(b"\xEF\xBB\xBF")?;
        Ok(CsvSink {
            writer: csv::Writer::from_writer(out),
            temp,
            path: path.to_path_buf(),
            language,
            started: false,
            buf: Vec::new(),
        })
    }
}

impl Sink for CsvSink {
    fn start(&mut self, _entity: RecordKind, columns: &[&'static Column]) -> Result<()> {
        if self.started {
            return Err(CoreError::invalid("format", "one_sheet"));
        }
        self.started = true;
        self.writer
            .write_record(columns.iter().map(|c| c.label(self.language)))
            .map_err(csv_error)
    }

    fn row(&mut self, cells: &[Cell]) -> Result<()> {
        self.buf.clear();
        for cell in cells {
            self.buf.push(match cell {
                Cell::Empty => String::new(),
                Cell::Text(t) => neutralize(t).into_owned(),
                Cell::Int(n) => n.to_string(),
                Cell::Money(fen) => crate::field::yuan_plain(*fen),
                Cell::Percent(p) => format!("{}%", p * 100.0),
                Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
                Cell::DateTime(t) => t.format("%Y-%m-%d %H:%M").to_string(),
            });
        }
        self.writer.write_record(&self.buf).map_err(csv_error)
    }

    fn finish(self: Box<Self>) -> Result<u32> {
        let this = *self;
        let mut out = this
            .writer
            .into_inner()
            .map_err(|e| CoreError::from(e.into_error()))?;
        out.flush()?;
        drop(out);
        this.temp
            .persist(&this.path)
            .map_err(|e| CoreError::from(e.error))?;
        Ok(1)
    }
}

fn csv_error(e: csv::Error) -> CoreError {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io.into(),
        other => CoreError::Internal(format!("{other:?}")),
    }
}
