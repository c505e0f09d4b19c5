//! 经营概览, the screen the app opens on: the period's 签约额, 回款额, new customers and follow-ups against
//! the previous period, what is owed and overdue now, twelve months of 签约额 and 回款额, and the year's
//! ten best customers. Everything from kept totals, so it answers at once at a million customers.

use super::model::{Cell, ChartKind, ColumnKind, DrillKind, Report, ReportName, ReportQuery};
use super::period::{Comparison, Grain, Period};
use super::source::Source;
use super::table::{customer_names, kpi, Table};
use super::{common, Context};
use crate::error::Result;

/// The default period: this month.
pub(super) fn default_period(ctx: &Context<'_>) -> Period {
    Period::month_of(ctx.today)
}

pub(super) async fn run(ctx: &Context<'_>, q: &ReportQuery) -> Result<Report> {
    let period = Period::parse(q.from.as_deref(), q.to.as_deref(), default_period(ctx))?;
    let compare = match q.compare {
        Comparison::None => Comparison::PreviousPeriod,
        other => other,
    };
    let previous = period.compared(compare);
    let source = Source::for_filters(&q.filters);
    let mut conn = ctx.store.read().acquire().await?;

    let now = source.total(&mut conn, period).await?;
    let before = match previous {
        Some(p) => Some(source.total(&mut conn, p).await?),
        None => None,
    };
    let book = crate::receivable::of_book(ctx.store, ctx.today).await?;
    let mut report = common::report(ctx, ReportName::Dashboard, q, Some(period), previous);
    report.kpis = vec![
        kpi(
            ctx,
            "signed",
            ColumnKind::Money,
            now.signed_amount,
            before.map(|b| b.signed_amount),
        ),
        kpi(
            ctx,
            "received",
            ColumnKind::Money,
            now.received_amount,
            before.map(|b| b.received_amount),
        ),
        kpi(
            ctx,
            "newCustomers",
            ColumnKind::Count,
            now.customers,
            before.map(|b| b.customers),
        ),
        kpi(
            ctx,
            "followUps",
            ColumnKind::Count,
            now.follow_ups,
            before.map(|b| b.follow_ups),
        ),
        kpi(
            ctx,
            "outstanding",
            ColumnKind::Money,
            book.outstanding,
            None,
        ),
        kpi(ctx, "overdue", ColumnKind::Money, book.overdue, None),
    ];

    // Twelve months of 签约额 and 回款额 up to the period's last month.
    let months = Period::twelve_months_to(period.to);
    let mut trend = Table::new(ctx, "trend")
        .col(ctx, "month", ColumnKind::Text)
        .col(ctx, "signed", ColumnKind::Money)
        .col(ctx, "received", ColumnKind::Money)
        .chart(ChartKind::Line, 0, &[1, 2])
        .drill(DrillKind::Contracts);
    for (month, m) in source
        .by_bucket(
            &mut conn,
            super::source::Dim::Whole,
            None,
            months,
            Grain::Month,
        )
        .await?
    {
        trend.row(
            Some(format!("month:{month}")),
            vec![
                Cell::text(month),
                Cell::Int(m.signed_amount),
                Cell::Int(m.received_amount),
            ],
        );
    }
    report.sections.push(trend.totals(ctx, &[]).done());

    // The year's best customers by 签约额.
    let year = Period::year_of(period.to);
    let top: Vec<(i64, i64, i64)> = match &source {
        Source::Cube => sqlx::query_as(
            "SELECT customer_id, amount, contracts FROM agg_years WHERE year = ? AND amount > 0 \
             ORDER BY amount DESC, customer_id LIMIT 10",
        )
        .bind(year.from.format("%Y").to_string())
        .fetch_all(&mut *conn)
        .await?,
        Source::Filtered(f) => common::top_customers(&mut conn, year, f, 10).await?,
    };
    let names = customer_names(&mut conn, &top.iter().map(|t| t.0).collect::<Vec<_>>()).await?;
    let mut best = Table::new(ctx, "topCustomers")
        .col(ctx, "customer", ColumnKind::Text)
        .col(ctx, "signed", ColumnKind::Money)
        .col(ctx, "contracts", ColumnKind::Count)
        .chart(ChartKind::HorizontalBar, 0, &[1])
        .drill(DrillKind::Customers);
    for (id, amount, contracts) in &top {
        best.row(
            Some(format!("customer:{id}")),
            vec![
                Cell::text(names.get(id).cloned().unwrap_or_default()),
                Cell::Int(*amount),
                Cell::Int(*contracts),
            ],
        );
    }
    report.sections.push(best.done());
    report.empty = now == Default::default()
        && before.unwrap_or_default() == Default::default()
        && book.outstanding == 0
        && top.is_empty()
        && report.sections[0]
            .rows
            .iter()
            .all(|r| r.cells[1..].iter().all(|c| c.as_i64() == Some(0)));
    Ok(report)
}
