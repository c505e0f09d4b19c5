//! 跟进分析: follow-ups by month and by method; the live customers followed up in the last N days and the
//! rest; the customers longest without a follow-up, most valuable first.

use chrono::{Duration, NaiveDate};
use sqlx::{QueryBuilder, Sqlite};

use super::model::{Cell, ChartKind, ColumnKind, DrillKind, Report, ReportName, ReportQuery};
use super::period::Period;
use super::source::{push_filters, Dim, Source};
use super::table::{by_month, kpi, share, value_label, Table};
use super::{common, Context};
use crate::error::Result;

pub(super) fn default_period(ctx: &Context<'_>) -> Period {
    Period::year_of(ctx.today)
}

/// The moment a customer counts as followed up recently from: the start of the day `days` days ago.
pub(super) fn quiet_since(today: NaiveDate, days: u32) -> i64 {
    let day = today - Duration::days(days as i64);
    day.and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(chrono::Local).earliest())
        .map(|t| t.timestamp_millis())
        .unwrap_or(0)
}

pub(super) async fn run(ctx: &Context<'_>, q: &ReportQuery) -> Result<Report> {
    let period = Period::parse(q.from.as_deref(), q.to.as_deref(), default_period(ctx))?;
    let previous = period.compared(q.compare);
    let mut filters = q.filters.clone();
    filters.category = None;
    let source = Source::for_filters(&filters);
    let quiet_days = q
        .quiet_days
        .unwrap_or(ctx.settings.quiet_days)
        .clamp(1, 3650);
    let limit = q.limit.unwrap_or(50).min(10_000) as i64;
    let mut conn = ctx.store.read().acquire().await?;
    let mut report = common::report(ctx, ReportName::FollowUps, q, Some(period), previous);
    report.parameters.push(super::model::Parameter {
        label: ctx.t("param.quietDays"),
        value: quiet_days.to_string(),
    });

    let now = source.total(&mut conn, period).await?;
    let before = match previous {
        Some(p) => Some(source.total(&mut conn, p).await?),
        None => None,
    };
    let since = quiet_since(ctx.today, quiet_days);
    // The whole book counts from its kept total and the index of last follow-ups; a filtered one reads
    // its customers.
    let (live, recent): (i64, i64) = if filters.on_customers() {
        let mut b: QueryBuilder<Sqlite> =
            QueryBuilder::new("SELECT count(*), coalesce(sum(c.last_follow_up_at >= ");
        b.push_bind(since)
            .push("), 0) FROM customers c WHERE c.deleted_at IS NULL");
        push_filters(&mut b, &filters);
        b.build_query_as().fetch_one(&mut *conn).await?
    } else {
        sqlx::query_as(
            "SELECT (SELECT coalesce(sum(customers), 0) FROM agg_book WHERE dim = '' AND value = ''), \
             (SELECT count(*) FROM customers WHERE deleted_at IS NULL AND last_follow_up_at >= ?)",
        )
        .bind(since)
        .fetch_one(&mut *conn)
        .await?
    };

    report.kpis = vec![
        kpi(
            ctx,
            "followUps",
            ColumnKind::Count,
            now.follow_ups,
            before.map(|b| b.follow_ups),
        ),
        kpi(ctx, "followedRecently", ColumnKind::Count, recent, None),
        kpi(
            ctx,
            "notFollowedRecently",
            ColumnKind::Count,
            live - recent,
            None,
        ),
    ];

    let months = by_month(
        ctx,
        &mut conn,
        &source,
        (period, previous),
        ("followUpsByMonth", "followUps", "month"),
        |m| m.follow_ups,
    )
    .await?;
    report.sections.push(months);

    let kinds = source
        .by_value(&mut conn, Dim::FollowUpKind, period)
        .await?;
    let mut kinds: Vec<_> = kinds
        .into_iter()
        .filter(|(_, m)| m.follow_ups != 0)
        .collect();
    kinds.sort_by(|a, b| b.1.follow_ups.cmp(&a.1.follow_ups).then(a.0.cmp(&b.0)));
    let mut t = Table::new(ctx, "followUpsByKind")
        .col(ctx, "followUpKind", ColumnKind::Text)
        .col(ctx, "followUps", ColumnKind::Count)
        .col(ctx, "share", ColumnKind::Percent)
        .chart(ChartKind::Pie, 0, &[1])
        .drill(DrillKind::Customers);
    for (kind, m) in &kinds {
        t.row(
            Some(format!("followUpKind:{kind}")),
            vec![
                Cell::text(value_label(ctx, "followUpKind", kind)),
                Cell::Int(m.follow_ups),
                share(m.follow_ups, now.follow_ups),
            ],
        );
    }
    report.sections.push(
        t.totals(ctx, &[(2, share(now.follow_ups, now.follow_ups))])
            .done(),
    );

    let mut t = Table::new(ctx, "coverage")
        .col(ctx, "coverage", ColumnKind::Text)
        .col(ctx, "customers", ColumnKind::Count)
        .col(ctx, "share", ColumnKind::Percent)
        .chart(ChartKind::Pie, 0, &[1])
        .drill(DrillKind::Customers);
    for (key, n) in [("recent", recent), ("quiet", live - recent)] {
        t.row(
            Some(format!("coverage:{key}")),
            vec![
                Cell::text(ctx.t(&format!("coverage.{key}"))),
                Cell::Int(n),
                share(n, live),
            ],
        );
    }
    report
        .sections
        .push(t.totals(ctx, &[(2, share(live, live))]).done());
    ctx.check()?;

    // The most valuable customers without a follow-up for N days: walks customers by lifetime 签约额.
    let mut b: QueryBuilder<Sqlite> = QueryBuilder::new(
        "SELECT a.customer_id, c.name, a.signed, c.last_follow_up_at FROM agg_customers a \
         JOIN customers c ON c.id = a.customer_id WHERE c.deleted_at IS NULL AND a.signed > 0 \
         AND (c.last_follow_up_at IS NULL OR c.last_follow_up_at < ",
    );
    b.push_bind(since).push(")");
    push_filters(&mut b, &filters);
    b.push(" ORDER BY a.signed DESC, a.customer_id LIMIT ")
        .push_bind(limit);
    let quiet: Vec<(i64, String, i64, Option<i64>)> =
        b.build_query_as().fetch_all(&mut *conn).await?;
    let mut t = Table::new(ctx, "quietValuable")
        .col(ctx, "customer", ColumnKind::Text)
        .col(ctx, "lifetimeSigned", ColumnKind::Money)
        .col(ctx, "lastFollowUp", ColumnKind::Day)
        .col(ctx, "daysQuiet", ColumnKind::Count)
        .chart(ChartKind::HorizontalBar, 0, &[1])
        .drill(DrillKind::Customers);
    for (id, name, signed, last) in quiet {
        let last_day = last
            .and_then(chrono::DateTime::from_timestamp_millis)
            .map(|t| t.with_timezone(&chrono::Local).date_naive());
        t.row(
            Some(format!("customer:{id}")),
            vec![
                Cell::text(name),
                Cell::Int(signed),
                last_day
                    .map(|d| Cell::text(d.format("%Y-%m-%d").to_string()))
                    .unwrap_or(Cell::Empty),
                last_day
                    .map(|d| Cell::Int((ctx.today - d).num_days()))
                    .unwrap_or(Cell::Empty),
            ],
        );
    }
    report.sections.push(t.done());
    report.empty = live == 0;
    Ok(report)
}
