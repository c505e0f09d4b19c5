//! 客户分析: new customers by month; the live book by status, level, region, industry and source; the
//! lifecycle funnel 潜在 → 意向 → 成交 of the customers created in the period (the furthest stage each
//! reached, from its status history); 成交周期, the days from a customer's creation to its first purchase.

use std::collections::HashMap;

use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::model::{Cell, ChartKind, ColumnKind, DrillKind, Report, ReportFilters, ReportName, ReportQuery};
use super::period::{Grain, Period};
use super::source::{push_filters, Dim, Source};
use super::table::{change, kpi, share, value_label, Table};
use super::{common, Context};
use crate::aggregate::STAGE;
use crate::error::Result;

pub(super) fn default_period(ctx: &Context<'_>) -> Period {
    Period::year_of(ctx.today)
}

/// The live book counted by dimension `dim` (`status`, `level`, `province`, …).
async fn book(conn: &mut SqliteConnection, dim: &str, f: &ReportFilters) -> Result<Vec<(String, i64)>> {
    if !f.on_customers() {
        return Ok(sqlx::query_as("SELECT value, customers FROM agg_book WHERE dim = ? AND customers <> 0")
            .bind(dim)
            .fetch_all(&mut *conn)
            .await?);
    }
    let value = match dim {
        "status" => "c.status".to_string(),
        "stage" => format!("CAST({STAGE} AS TEXT)"),
        other => crate::aggregate::CUSTOMER_DIMS
            .iter()
            .find(|(k, _)| *k == other)
            .map(|(_, v)| v.to_string())
            .unwrap_or_else(|| "''".into()),
    };
    let mut b: QueryBuilder<Sqlite> =
        QueryBuilder::new(format!("SELECT {value}, count(*) FROM customers c WHERE c.deleted_at IS NULL"));
    push_filters(&mut b, f);
    b.push(" GROUP BY 1");
    Ok(b.build_query_as().fetch_all(&mut *conn).await?)
}

/// The days from a customer's creation to its first purchase (a purchase before the customer was
/// entered counts as the same day), over `agg_customers a`.
const CYCLE: &str = "max(0, coalesce(CAST(julianday(a.first_day) - julianday(a.created_day) AS INTEGER), 0))";

/// Pushes a SELECT of the cycles `d` of the customers (passing `f`) whose first purchase falls in `period`.
fn push_cycles(b: &mut QueryBuilder<'_, Sqlite>, period: Period, f: &ReportFilters) {
    b.push(format!("SELECT {CYCLE} AS d FROM agg_customers a"));
    if f.on_customers() {
        b.push(" JOIN customers c ON c.id = a.customer_id");
    }
    b.push(" WHERE a.first_day BETWEEN ")
        .push_bind(period.from_text())
        .push(" AND ")
        .push_bind(period.to_text());
    if f.on_customers() {
        push_filters(b, f);
    }
}

/// 成交周期 of the customers whose first purchase falls in `period`: how many fall in each bucket of
/// [`CYCLE_BUCKETS`], and the median; counted inside SQLite, only the middle values come out.
pub(super) async fn deal_cycles(
    conn: &mut SqliteConnection,
    period: Period,
    f: &ReportFilters,
) -> Result<(Vec<i64>, Option<f64>)> {
    let sums = CYCLE_BUCKETS
        .iter()
        .map(|(_, lo, hi)| format!("coalesce(sum(d BETWEEN {lo} AND {}), 0)", (*hi).min(1_000_000_000)))
        .collect::<Vec<_>>()
        .join(", ");
    let mut b: QueryBuilder<Sqlite> = QueryBuilder::new(format!("SELECT json_array({sums}) FROM ("));
    push_cycles(&mut b, period, f);
    b.push(")");
    let counts: String = b.build_query_scalar().fetch_one(&mut *conn).await?;
    let counts: Vec<i64> = serde_json::from_str(&counts).map_err(|e| crate::error::CoreError::Internal(e.to_string()))?;
    let n: i64 = counts.iter().sum();
    if n == 0 {
        return Ok((counts, None));
    }
    let (take, skip) = if n % 2 == 1 { (1, n / 2) } else { (2, n / 2 - 1) };
    let mut b: QueryBuilder<Sqlite> = QueryBuilder::new("SELECT d FROM (");
    push_cycles(&mut b, period, f);
    b.push(") ORDER BY d LIMIT ").push_bind(take).push(" OFFSET ").push_bind(skip);
    let middle: Vec<i64> = b.build_query_scalar().fetch_all(&mut *conn).await?;
    Ok((counts, median(&middle)))
}

/// The median of sorted values (the mean of the two middle ones for an even count).
pub(super) fn median(sorted: &[i64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2] as f64),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0),
    }
}

/// The 成交周期 buckets: (key, first day, last day).
pub(super) const CYCLE_BUCKETS: [(&str, i64, i64); 6] = [
    ("days0To7", 0, 7),
    ("days8To30", 8, 30),
    ("days31To90", 31, 90),
    ("days91To180", 91, 180),
    ("days181To365", 181, 365),
    ("over365", 366, i64::MAX),
];

pub(super) async fn run(ctx: &Context<'_>, q: &ReportQuery) -> Result<Report> {
    let period = Period::parse(q.from.as_deref(), q.to.as_deref(), default_period(ctx))?;
    let previous = period.compared(q.compare);
    let mut filters = q.filters.clone();
    filters.category = None;
    let source = Source::for_filters(&filters);
    let mut conn = ctx.store.read().acquire().await?;
    let mut report = common::report(ctx, ReportName::Customers, q, Some(period), previous);

    let now = source.total(&mut conn, period).await?;
    let before = match previous {
        Some(p) => Some(source.total(&mut conn, p).await?),
        None => None,
    };
    let statuses = book(&mut conn, "status", &filters).await?;
    let live: i64 = statuses.iter().map(|(_, n)| n).sum();
    let deals = statuses.iter().find(|(s, _)| s == "deal").map(|(_, n)| *n).unwrap_or(0);
    let (cycles, middle) = deal_cycles(&mut conn, period, &filters).await?;
    let cycled: i64 = cycles.iter().sum();

    report.kpis = vec![
        kpi(ctx, "newCustomers", ColumnKind::Count, now.customers, before.map(|b| b.customers)),
        kpi(ctx, "liveCustomers", ColumnKind::Count, live, None),
        kpi(ctx, "dealCustomers", ColumnKind::Count, deals, None),
    ];
    let mut median_kpi = kpi(ctx, "medianDealCycle", ColumnKind::Number, 0, None);
    median_kpi.value = middle.map(Cell::float).unwrap_or(Cell::Empty);
    report.kpis.push(median_kpi);

    // New customers month by month, beside the compared period's months.
    let months = source.by_bucket(&mut conn, Dim::Whole, None, period, Grain::Month).await?;
    let compared = match previous {
        Some(p) => Some(source.by_bucket(&mut conn, Dim::Whole, None, p, Grain::Month).await?),
        None => None,
    };
    let mut t = Table::new(ctx, "newByMonth")
        .col(ctx, "month", ColumnKind::Text)
        .col(ctx, "newCustomers", ColumnKind::Count);
    if compared.is_some() {
        t = t
            .col(ctx, "newCustomersBefore", ColumnKind::Count)
            .col(ctx, "change", ColumnKind::Percent)
            .chart(ChartKind::Line, 0, &[1, 2]);
    } else {
        t = t.chart(ChartKind::Line, 0, &[1]);
    }
    t = t.drill(DrillKind::Customers);
    for (i, (month, m)) in months.iter().enumerate() {
        let mut cells = vec![Cell::text(month.clone()), Cell::Int(m.customers)];
        if let Some(c) = &compared {
            let b = c.get(i).map(|x| x.1.customers).unwrap_or(0);
            cells.push(Cell::Int(b));
            cells.push(change(m.customers, b));
        }
        t.row(Some(format!("created:{month}")), cells);
    }
    let with = match before {
        Some(b) => vec![(3, change(now.customers, b.customers))],
        None => vec![],
    };
    report.sections.push(t.totals(ctx, &with).done());

    // The funnel of the period's new customers by the furthest stage they reached.
    let stages = source.by_value(&mut conn, Dim::Stage, period).await?;
    let at = |k: i64| -> i64 {
        stages
            .iter()
            .filter(|(s, _)| s.parse::<i64>().is_ok_and(|v| v >= k))
            .map(|(_, m)| m.customers)
            .sum()
    };
    let reached = [at(1), at(2), at(3)];
    let mut t = Table::new(ctx, "funnel")
        .col(ctx, "stage", ColumnKind::Text)
        .col(ctx, "customers", ColumnKind::Count)
        .col(ctx, "stepConversion", ColumnKind::Percent)
        .col(ctx, "overallConversion", ColumnKind::Percent)
        .chart(ChartKind::Funnel, 0, &[1])
        .drill(DrillKind::Customers);
    for (i, n) in reached.iter().enumerate() {
        let step = if i == 0 { Cell::Empty } else { share(*n, reached[i - 1]) };
        t.row(
            Some(format!("stage:{}", i + 1)),
            vec![
                Cell::text(ctx.t(&format!("stage.{}", i + 1))),
                Cell::Int(*n),
                step,
                share(*n, reached[0]),
            ],
        );
    }
    report.sections.push(t.done());

    // 成交周期.
    let mut t = Table::new(ctx, "dealCycle")
        .col(ctx, "cycle", ColumnKind::Text)
        .col(ctx, "customers", ColumnKind::Count)
        .col(ctx, "share", ColumnKind::Percent)
        .chart(ChartKind::Bar, 0, &[1]);
    for ((key, ..), n) in CYCLE_BUCKETS.iter().zip(&cycles) {
        t.row(
            Some(format!("cycle:{key}")),
            vec![Cell::text(ctx.t(&format!("cycle.{key}"))), Cell::Int(*n), share(*n, cycled)],
        );
    }
    report.sections.push(t.totals(ctx, &[(2, share(cycled, cycled))]).done());
    ctx.check()?;

    // The live book by each dimension.
    for (dim, key, chart) in [
        ("status", "byStatus", ChartKind::Pie),
        ("level", "byLevel", ChartKind::Pie),
        ("province", "byProvince", ChartKind::Bar),
        ("industry", "byIndustry", ChartKind::Bar),
        ("source", "bySource", ChartKind::Bar),
    ] {
        let counts = if dim == "status" { statuses.clone() } else { book(&mut conn, dim, &filters).await? };
        let mut counts: HashMap<String, i64> = counts.into_iter().collect::<HashMap<_, _>>();
        counts.retain(|_, n| *n != 0);
        let mut rows: Vec<(String, i64)> = counts.into_iter().collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut t = Table::new(ctx, &format!("book{}", &key[2..]))
            .col(ctx, dim, ColumnKind::Text)
            .col(ctx, "customers", ColumnKind::Count)
            .col(ctx, "share", ColumnKind::Percent)
            .chart(chart, 0, &[1])
            .drill(DrillKind::Customers);
        for (value, n) in rows {
            t.row(
                Some(format!("{dim}:{value}")),
                vec![Cell::text(value_label(ctx, dim, &value)), Cell::Int(n), share(n, live)],
            );
        }
        report.sections.push(t.totals(ctx, &[(2, share(live, live))]).done());
    }
    report.empty = live == 0;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[5]), Some(5.0));
        assert_eq!(median(&[1, 3, 8, 20]), Some(5.5));
        assert_eq!(median(&[0, 0, 7]), Some(0.0));
    }
}
