//! 客户分析: new customers by month; the live book by status, level, region, industry and source; the
//! lifecycle funnel 潜在 → 意向 → 成交 of the customers created in the period (the furthest stage each
//! reached, from its status history); 成交周期, the days from a customer's creation to its first purchase.

use std::collections::HashMap;

use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::model::{
    Cell, ChartKind, ColumnKind, DrillKind, Report, ReportFilters, ReportName, ReportQuery,
};
use super::period::Period;
use super::source::{push_filters, Dim, Source};
use super::table::{by_month, kpi, share, value_label, Table};
use super::{common, Context};
use crate::aggregate::STAGE;
use crate::error::Result;

pub(super) fn default_period(ctx: &Context<'_>) -> Period {
    Period::year_of(ctx.today)
}

/// The live book counted by dimension `dim` (`status`, `level`, `province`, …).
async fn book(
    conn: &mut SqliteConnection,
    dim: &str,
    f: &ReportFilters,
) -> Result<Vec<(String, i64)>> {
    if !f.on_customers() {
        return Ok(sqlx::query_as(
            "SELECT value, customers FROM agg_book WHERE dim = ? AND customers <> 0",
        )
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
    let mut b: QueryBuilder<Sqlite> = QueryBuilder::new(format!(
        "SELECT {value}, count(*) FROM customers c WHERE c.deleted_at IS NULL"
    ));
    push_filters(&mut b, f);
    b.push(" GROUP BY 1");
    Ok(b.build_query_as().fetch_all(&mut *conn).await?)
}

/// How many customers (passing `f`) whose first purchase falls in `period` took each number of days
/// from creation to that purchase (成交周期, kept with each purchaser): (days, customers), fewest first.
async fn cycle_histogram(
    conn: &mut SqliteConnection,
    period: Period,
    f: &ReportFilters,
) -> Result<Vec<(i64, i64)>> {
    let mut b: QueryBuilder<Sqlite> =
        QueryBuilder::new("SELECT coalesce(a.cycle, 0), count(*) FROM agg_customers a");
    if f.on_customers() {
        b.push(" JOIN customers c ON c.id = a.customer_id");
    }
    b.push(" WHERE a.first_day BETWEEN ")
        .push_bind(period.from_text())
        .push(" AND ")
        .push_bind(period.to_text());
    if f.on_customers() {
        push_filters(&mut b, f);
    }
    b.push(" GROUP BY 1 ORDER BY 1");
    Ok(b.build_query_as().fetch_all(&mut *conn).await?)
}

/// The customers in each bucket of [`CYCLE_BUCKETS`] and the median of a histogram of cycles.
pub(super) fn cycle_summary(histogram: &[(i64, i64)]) -> (Vec<i64>, Option<f64>) {
    let counts = CYCLE_BUCKETS
        .iter()
        .map(|(_, lo, hi)| {
            histogram
                .iter()
                .filter(|(d, _)| d >= lo && d <= hi)
                .map(|(_, n)| n)
                .sum()
        })
        .collect();
    let n: i64 = histogram.iter().map(|(_, c)| c).sum();
    // The value at a 0-based position of the sorted cycles.
    let at = |pos: i64| {
        let mut seen = 0;
        histogram
            .iter()
            .find(|(_, c)| {
                seen += c;
                seen > pos
            })
            .map(|(d, _)| *d)
    };
    let middle = match n {
        0 => None,
        _ if n % 2 == 1 => at(n / 2).map(|d| d as f64),
        _ => at(n / 2 - 1)
            .zip(at(n / 2))
            .map(|(a, b)| (a + b) as f64 / 2.0),
    };
    (counts, middle)
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
    let deals = statuses
        .iter()
        .find(|(s, _)| s == "deal")
        .map(|(_, n)| *n)
        .unwrap_or(0);
    let (cycles, middle) = cycle_summary(&cycle_histogram(&mut conn, period, &filters).await?);
    let cycled: i64 = cycles.iter().sum();

    report.kpis = vec![
        kpi(
            ctx,
            "newCustomers",
            ColumnKind::Count,
            now.customers,
            before.map(|b| b.customers),
        ),
        kpi(ctx, "liveCustomers", ColumnKind::Count, live, None),
        kpi(ctx, "dealCustomers", ColumnKind::Count, deals, None),
    ];
    let mut median_kpi = kpi(ctx, "medianDealCycle", ColumnKind::Number, 0, None);
    median_kpi.value = middle.map(Cell::float).unwrap_or(Cell::Empty);
    report.kpis.push(median_kpi);

    // New customers month by month, beside the compared period's months.
    let months = by_month(
        ctx,
        &mut conn,
        &source,
        (period, previous),
        ("newByMonth", "newCustomers", "created"),
        |m| m.customers,
    )
    .await?;
    report.sections.push(months);

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
        let step = if i == 0 {
            Cell::Empty
        } else {
            share(*n, reached[i - 1])
        };
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
        .chart(ChartKind::Bar, 0, &[1])
        .drill(DrillKind::Customers);
    for ((key, ..), n) in CYCLE_BUCKETS.iter().zip(&cycles) {
        t.row(
            Some(format!("cycle:{key}")),
            vec![
                Cell::text(ctx.t(&format!("cycle.{key}"))),
                Cell::Int(*n),
                share(*n, cycled),
            ],
        );
    }
    report
        .sections
        .push(t.totals(ctx, &[(2, share(cycled, cycled))]).done());
    ctx.check()?;

    // The live book by each dimension.
    for (dim, key, chart) in [
        ("status", "byStatus", ChartKind::Pie),
        ("level", "byLevel", ChartKind::Pie),
        ("province", "byProvince", ChartKind::Bar),
        ("industry", "byIndustry", ChartKind::Bar),
        ("source", "bySource", ChartKind::Bar),
    ] {
        let counts = if dim == "status" {
            statuses.clone()
        } else {
            book(&mut conn, dim, &filters).await?
        };
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
                vec![
                    Cell::text(value_label(ctx, dim, &value)),
                    Cell::Int(n),
                    share(n, live),
                ],
            );
        }
        report
            .sections
            .push(t.totals(ctx, &[(2, share(live, live))]).done());
    }
    report.empty = live == 0;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_are_bucketed_and_their_median_read_from_the_histogram() {
        // 0, 0, 3, 10, 10, 10, 400 days.
        let (buckets, median) = cycle_summary(&[(0, 2), (3, 1), (10, 3), (400, 1)]);
        assert_eq!(buckets, [3, 3, 0, 0, 0, 1]);
        assert_eq!(median, Some(10.0), "the fourth of seven");
        let (_, median) = cycle_summary(&[(2, 1), (9, 1)]);
        assert_eq!(median, Some(5.5), "two cycles: their mean");
        assert_eq!(cycle_summary(&[]), (vec![0; 6], None));
    }
}
