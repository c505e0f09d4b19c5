//! Import figures: 100k customers from an .xlsx into a fresh encrypted store (read, map, validate,
//! dedupe, write), the same customers updated by a second file (upsert on the mobile, every row's notes
//! changed) and that revert, the first import's revert, and openpyxl reading the file as the peer.

use std::path::Path;
use std::time::Instant;

use super::{python_peer, tempfile_dir, Figure};
use crate::customer::Customer;
use crate::demo::Generator;
use crate::error::Result;
use crate::export::{customer_cells, Sink, XlsxSink};
use crate::import::{self, ImportMode, ImportRequest, MatchKey};
use crate::record::RecordKind;
use crate::settings::Language;
use crate::sheet::Column;
use crate::store::{Store, StoreKey};

pub async fn import_figures(rows: u64, seed: u64) -> Result<Vec<Figure>> {
    let dir = tempfile_dir()?;
    let file = dir.join("customers.xlsx");
    write_demo_workbook(&file, rows, seed, None)?;
    let changed = dir.join("customers-changed.xlsx");
    write_demo_workbook(&changed, rows, seed, Some("备注已在表格中更新"))?;
    let store = Store::open(&dir.join("store"), &StoreKey::random()).await?;
    let preview = import::inspect(&file, RecordKind::Customers, Language::ZhCn).await?;
    let request = ImportRequest {
        path: file.to_string_lossy().into_owned(),
        entity: RecordKind::Customers,
        mapping: preview.mapping,
        mode: ImportMode::Create,
        match_keys: vec![MatchKey::Uscc],
        dry_run: false,
    };
    let start = Instant::now();
    let report = import::run(&store, &request, |_| {}).await?;
    let took = start.elapsed().as_secs_f64();
    let scale = if rows >= 1_000_000 {
        "1m".to_string()
    } else {
        format!("{}k", rows / 1000)
    };
    let mut figures = vec![
        Figure::new(&format!("import.xlsx_{scale}_s"), took, "s"),
        Figure::new("import.rows_per_s", report.created as f64 / took, "rows/s"),
    ];
    let preview = import::inspect(&changed, RecordKind::Customers, Language::ZhCn).await?;
    let upsert = ImportRequest {
        path: changed.to_string_lossy().into_owned(),
        entity: RecordKind::Customers,
        mapping: preview.mapping,
        mode: ImportMode::Upsert,
        match_keys: vec![MatchKey::Mobile],
        dry_run: false,
    };
    let start = Instant::now();
    let updated = import::run(&store, &upsert, |_| {}).await?;
    figures.push(Figure::new(
        &format!("import.upsert_{scale}_s"),
        start.elapsed().as_secs_f64(),
        "s",
    ));
    figures.push(Figure::new(
        "import.upsert_updated",
        updated.updated as f64,
        "rows",
    ));
    let start = Instant::now();
    import::revert(&store, updated.import_id.expect("a real run has an id")).await?;
    figures.push(Figure::new(
        &format!("import.revert_upsert_{scale}_s"),
        start.elapsed().as_secs_f64(),
        "s",
    ));
    let start = Instant::now();
    import::revert(&store, report.import_id.expect("a real run has an id")).await?;
    figures.push(Figure::new(
        &format!("import.revert_{scale}_s"),
        start.elapsed().as_secs_f64(),
        "s",
    ));
    store.close().await;
    if let Some(s) = python_peer(&["read", &file.to_string_lossy()]) {
        figures.push(Figure::new(
            &format!("import.openpyxl_read_{scale}_s"),
            s,
            "s",
        ));
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(figures)
}

/// A workbook of `rows` demo customers as an export writes them (with `notes` in every row, when given).
fn write_demo_workbook(path: &Path, rows: u64, seed: u64, notes: Option<&str>) -> Result<()> {
    let g = Generator::new(seed + 1000, crate::time::now_ms());
    let columns: Vec<&'static Column> = RecordKind::Customers.exported().collect();
    let mut sink = Box::new(XlsxSink::new(path, Language::ZhCn, "bench"));
    sink.start(RecordKind::Customers, &columns)?;
    for id in 1..=rows as i64 {
        let d = g.customer(id);
        let c = d.customer;
        let customer = Customer {
            id,
            name: c.name,
            kind: c.kind,
            uscc: c.uscc,
            industry: c.industry,
            source: c.source,
            province: c.province,
            city: c.city,
            district: c.district,
            address: c.address,
            phone: c.phone,
            mobile: c.mobile,
            email: c.email,
            website: c.website,
            level: c.level,
            status: c.status,
            tags: c.tags,
            notes: notes.map(String::from).or(c.notes),
            invoice_title: c.invoice_title,
            tax_number: c.tax_number,
            bank_name: c.bank_name,
            bank_account: c.bank_account,
            touch_every_days: c.touch_every_days,
            preference: c.preference,
            next_follow_up: None,
            last_follow_up_at: None,
            created_at: d.created_at,
            updated_at: d.updated_at,
            deleted_at: None,
        };
        sink.row(&customer_cells(customer, &columns, Language::ZhCn))?;
    }
    sink.finish()?;
    Ok(())
}
