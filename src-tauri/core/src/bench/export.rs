//! Export figures: the customer list to xlsx from the encrypted store, beside rust_xlsxwriter alone
//! writing the same cells from memory, and the peak memory of the export.

use std::time::Instant;

use rust_xlsxwriter::{Format, Workbook};

use super::Figure;
use crate::customer::{Customer, CustomerQuery};
use crate::error::{CoreError, Result};
use crate::export::{self, date_serial, datetime_serial, Cell, ExportFormat, ExportRequest};
use crate::record::RecordKind;
use crate::settings::Language;
use crate::sheet::Column;
use crate::store::Store;

pub async fn export_figures(store: &Store, customers: u64) -> Result<Vec<Figure>> {
    let dir = tempfile::tempdir()?;
    let scale = if customers >= 1_000_000 { "1m" } else { "100k" };
    let request = ExportRequest {
        entity: Some(RecordKind::Customers),
        query: None,
        contracts: None,
        format: ExportFormat::Xlsx,
        path: dir
            .path()
            .join("customers.xlsx")
            .to_string_lossy()
            .into_owned(),
        language: Language::ZhCn,
    };
    reset_peak_rss();
    let rss_before = rss_kb("VmRSS");
    let start = Instant::now();
    let summary = export::export(store, &request, Default::default(), |_| {}).await?;
    let ours = start.elapsed().as_secs_f64();
    let peak = rss_kb("VmHWM");
    let mut figures = vec![
        Figure::new(&format!("export.customers_{scale}_s"), ours, "s"),
        Figure::new("export.peak_rss_mb", peak as f64 / 1024.0, "MB"),
        Figure::new(
            "export.rss_growth_mb",
            peak.saturating_sub(rss_before) as f64 / 1024.0,
            "MB",
        ),
    ];
    let size = std::fs::metadata(dir.path().join("customers.xlsx"))?.len();
    figures.push(Figure::new("export.file_mb", size as f64 / 1e6, "MB"));

    // The same cells, already in memory, written by rust_xlsxwriter with nothing of ours around it.
    let columns: Vec<&Column> = RecordKind::Customers.exported().collect();
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Vec<Customer>>(8);
    let customers_ = store.customers();
    let all = CustomerQuery {
        sort: crate::customer::CustomerSort::Id,
        direction: crate::customer::SortDirection::Asc,
        ..Default::default()
    };
    let read = customers_.send_all(&all, 10_000, tx);
    let collect = async {
        let mut rows = Vec::with_capacity(summary.rows as usize);
        while let Some(batch) = rx.recv().await {
            rows.extend(
                batch
                    .into_iter()
                    .map(|c| export::customer_cells(c, &columns, Language::ZhCn)),
            );
        }
        rows
    };
    let (read, rows) = tokio::join!(read, collect);
    read?;
    let path = dir.path().join("raw.xlsx");
    let labels: Vec<&str> = columns.iter().map(|c| c.label(Language::ZhCn)).collect();
    let raw = tokio::task::spawn_blocking(move || raw_xlsxwriter(&rows, &labels, &path))
        .await
        .map_err(|e| CoreError::Internal(e.to_string()))??;
    figures.push(Figure::new(
        &format!("export.raw_xlsxwriter_{scale}_s"),
        raw,
        "s",
    ));
    figures.push(Figure::new("export.ratio_to_raw", ours / raw, "x"));

    // The peer: Python XlsxWriter writing the same cells (as text, from a CSV of this export).
    let csv = dir.path().join("customers.csv");
    export::export(
        store,
        &ExportRequest {
            format: ExportFormat::Csv,
            path: csv.to_string_lossy().into_owned(),
            ..request
        },
        Default::default(),
        |_| {},
    )
    .await?;
    let out = dir.path().join("python.xlsx");
    if let Some(s) = super::python_peer(&["write", &csv.to_string_lossy(), &out.to_string_lossy()])
    {
        figures.push(Figure::new(
            &format!("export.python_xlsxwriter_{scale}_s"),
            s,
            "s",
        ));
    }
    Ok(figures)
}

/// rust_xlsxwriter alone: a constant-memory sheet, a bold header, the cells in their formats.
fn raw_xlsxwriter(rows: &[Vec<Cell>], header: &[&str], path: &std::path::Path) -> Result<f64> {
    let internal = |e: rust_xlsxwriter::XlsxError| CoreError::Internal(e.to_string());
    let start = Instant::now();
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let money = Format::new().set_num_format("¥#,##0.00");
    let ws = wb.add_worksheet_with_constant_memory().map_err(internal)?;
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)
            .map_err(internal)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Empty => continue,
                Cell::Text(t) => ws.write_string(r, c, t),
                Cell::Int(n) => ws.write_number(r, c, *n as f64),
                Cell::Money(f) => ws.write_number_with_format(r, c, *f as f64 / 100.0, &money),
                Cell::Percent(p) => ws.write_number(r, c, *p),
                Cell::Date(d) => ws.write_number_with_format(r, c, date_serial(*d), &date),
                Cell::DateTime(t) => {
                    ws.write_number_with_format(r, c, datetime_serial(*t), &datetime)
                }
            }
            .map_err(internal)?;
        }
    }
    wb.save(path).map_err(internal)?;
    Ok(start.elapsed().as_secs_f64())
}

/// Resets the process's peak resident size (Linux; elsewhere the peak is the process's whole life).
pub(super) fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

pub(super) fn rss_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}
