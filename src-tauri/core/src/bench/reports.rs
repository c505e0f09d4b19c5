//! The reports timed on the bench store: the dashboard and the period reports (12 months against last
//! year), the whole-book segmentations and the model fit from a cold cache, the monthly pack, and a long
//! customer list written as a workbook against rust_xlsxwriter writing the same cells alone.

use std::time::Instant;

use rust_xlsxwriter::Workbook;

use super::{ms, p95, Figure};
use crate::error::{CoreError, Result};
use crate::report::period::{add_months, month_start};
use crate::report::{self, Cache, Cell, Comparison, Context, Period, ReportName, ReportQuery};
use crate::settings::Language;
use crate::store::Store;

/// Loads of each period report; each a different 12 months, ending one month earlier than the last.
const RUNS: i32 = 20;

fn query(period: Period, compare: Comparison) -> ReportQuery {
    ReportQuery {
        from: Some(period.from_text()),
        to: Some(period.to_text()),
        compare,
        limit: Some(100),
        language: Some(Language::ZhCn),
        ..Default::default()
    }
}

pub async fn report_figures(store: &Store) -> Result<Vec<Figure>> {
    let mut out = Vec::new();
    let cache = Cache::default();
    let ctx = Context::new(store, &cache, Some(Language::ZhCn));
    let today = ctx.today;

    // The dashboard of a month, against the month before, for RUNS different months.
    let mut times = Vec::new();
    for k in 0..RUNS {
        let m = Period::month_of(add_months(today, -k));
        let t = Instant::now();
        report::run(
            &ctx,
            ReportName::Dashboard,
            &query(m, Comparison::PreviousPeriod),
        )
        .await?;
        times.push(ms(t.elapsed()));
    }
    out.push(Figure::new("reports.dashboard_p95_ms", p95(times), "ms"));

    for (name, figure) in [
        (ReportName::Sales, "reports.sales_12m_p95_ms"),
        (ReportName::Receivables, "reports.receivables_p95_ms"),
        (ReportName::Customers, "reports.customers_p95_ms"),
        (ReportName::FollowUps, "reports.follow_ups_p95_ms"),
    ] {
        let mut times = Vec::new();
        for k in 0..RUNS {
            let end = add_months(month_start(today), -k);
            let t = Instant::now();
            report::run(
                &ctx,
                name,
                &query(Period::twelve_months_to(end), Comparison::PreviousYear),
            )
            .await?;
            times.push(ms(t.elapsed()));
        }
        out.push(Figure::new(figure, p95(times), "ms"));
    }

    // The whole book, each from a cold cache as after the app starts.
    let whole = Period {
        from: crate::report::period::parse_day("from", "1900-01-01")?,
        to: today,
    };
    for (name, figure, q) in [
        (
            ReportName::Pareto,
            "reports.pareto_s",
            query(whole, Comparison::None),
        ),
        (
            ReportName::Rfm,
            "reports.rfm_s",
            ReportQuery {
                limit: Some(100),
                ..Default::default()
            },
        ),
        (
            ReportName::Loyalty,
            "reports.loyalty_s",
            ReportQuery {
                limit: Some(100),
                ..Default::default()
            },
        ),
        (
            ReportName::Clv,
            "reports.clv_fit_s",
            ReportQuery {
                limit: Some(100),
                ..Default::default()
            },
        ),
    ] {
        let cold = Cache::default();
        let ctx = Context::new(store, &cold, Some(Language::ZhCn));
        let t = Instant::now();
        let r = report::run(&ctx, name, &q).await?;
        out.push(Figure::new(figure, t.elapsed().as_secs_f64(), "s"));
        if name == ReportName::Clv {
            out.push(Figure::new(
                "reports.clv_fitted",
                r.bgnbd.is_some() as u8 as f64,
                "yes=1",
            ));
            out.push(Figure::new(
                "reports.clv_purchasers",
                r.sections
                    .iter()
                    .find(|s| s.key == "clvCustomers")
                    .and_then(|s| s.total_rows)
                    .unwrap_or(0) as f64,
                "customers",
            ));
        }
    }
    // The churn list once the valuation is cached (what Today and the dashboard ask for).
    {
        let warm = Cache::default();
        let ctx = Context::new(store, &warm, Some(Language::ZhCn));
        report::run(
            &ctx,
            ReportName::Clv,
            &ReportQuery {
                limit: Some(5),
                ..Default::default()
            },
        )
        .await?;
        let t = Instant::now();
        report::run(
            &ctx,
            ReportName::Churn,
            &ReportQuery {
                limit: Some(5),
                ..Default::default()
            },
        )
        .await?;
        out.push(Figure::new(
            "reports.churn_cached_ms",
            ms(t.elapsed()),
            "ms",
        ));
    }

    // The monthly pack of last month, from a cold cache.
    let dir = tempfile::tempdir()?;
    let month = add_months(month_start(today), -1)
        .format("%Y-%m")
        .to_string();
    {
        let cold = Cache::default();
        let ctx = Context::new(store, &cold, Some(Language::ZhCn));
        let t = Instant::now();
        report::export_pack(&ctx, &month, Language::ZhCn, &dir.path().join("pack.xlsx")).await?;
        out.push(Figure::new(
            "reports.export_pack_s",
            t.elapsed().as_secs_f64(),
            "s",
        ));
    }

    // The longest customer list (every purchaser's value) written as the report's workbook, and the
    // same cells written by rust_xlsxwriter alone.
    let r = report::run(
        &ctx,
        ReportName::Clv,
        &ReportQuery {
            limit: None,
            ..Default::default()
        },
    )
    .await?;
    let list = r
        .sections
        .iter()
        .find(|s| s.key == "clvCustomers")
        .ok_or(CoreError::NotFound)?;
    let t = Instant::now();
    report::xlsx::write_report(&dir.path().join("clv.xlsx"), &r, Language::ZhCn)?;
    let export = t.elapsed().as_secs_f64();
    let t = Instant::now();
    raw(&dir.path().join("raw.xlsx"), list)?;
    let raw = t.elapsed().as_secs_f64();
    out.push(Figure::new(
        "reports.list_rows",
        list.rows.len() as f64,
        "rows",
    ));
    out.push(Figure::new("reports.list_export_s", export, "s"));
    out.push(Figure::new("reports.list_raw_xlsxwriter_s", raw, "s"));
    out.push(Figure::new("reports.list_ratio_to_raw", export / raw, "×"));
    Ok(out)
}

/// The cells of `s` (header and rows) written in constant memory with their number formats, straight
/// from memory: the floor the report's writer is held to.
fn raw(path: &std::path::Path, s: &crate::report::Section) -> Result<()> {
    use crate::report::ColumnKind;
    use rust_xlsxwriter::{ExcelDateTime, Format};
    let io = |e: rust_xlsxwriter::XlsxError| CoreError::Internal(e.to_string());
    let money = Format::new().set_num_format("¥#,##0.00");
    let percent = Format::new().set_num_format("0.0%");
    let count = Format::new().set_num_format("#,##0");
    let number = Format::new().set_num_format("#,##0.00");
    let day = Format::new().set_num_format("yyyy-mm-dd");
    let bold = Format::new().set_bold();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory().map_err(io)?;
    for (c, col) in s.columns.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, &col.label, &bold)
            .map_err(io)?;
    }
    for (r, row) in s.rows.iter().enumerate() {
        for ((c, cell), col) in row.cells.iter().enumerate().zip(&s.columns) {
            let (r, c) = (r as u32 + 1, c as u16);
            match (col.kind, cell) {
                (ColumnKind::Money, Cell::Int(v)) => {
                    ws.write_number_with_format(r, c, *v as f64 / 100.0, &money)
                        .map_err(io)?;
                }
                (ColumnKind::Day, Cell::Text(t)) => {
                    let d = ExcelDateTime::parse_from_str(t).map_err(io)?;
                    ws.write_datetime_with_format(r, c, &d, &day).map_err(io)?;
                }
                (kind, Cell::Int(v)) => {
                    let f = if kind == ColumnKind::Percent {
                        &percent
                    } else {
                        &count
                    };
                    ws.write_number_with_format(r, c, *v as f64, f)
                        .map_err(io)?;
                }
                (kind, Cell::Float(v)) => {
                    let f = if kind == ColumnKind::Percent {
                        &percent
                    } else {
                        &number
                    };
                    ws.write_number_with_format(r, c, *v, f).map_err(io)?;
                }
                (_, Cell::Text(t)) => {
                    ws.write_string(r, c, t).map_err(io)?;
                }
                (_, Cell::Empty) => {}
            }
        }
    }
    wb.save(path).map_err(io)?;
    Ok(())
}
