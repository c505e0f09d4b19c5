//! 回款分析: what the payment plans asked for against what came in, month by month; receipts by method;
//! what is owed now, aged by how late it is, for the whole book and by customer; the overdue ranking.

use chrono::{Duration, NaiveDate};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::model::{
    Cell, ChartKind, ColumnKind, DrillKind, Report, ReportFilters, ReportName, ReportQuery,
};
use super::period::{Grain, Period};
use super::source::{push_filters, Dim, Source};
use super::table::{customer_names, kpi, share, value_label, Table};
use super::{common, Context};
use crate::error::Result;

pub(super) fn default_period(ctx: &Context<'_>) -> Period {
    Period::year_of(ctx.today)
}

/// What is owed by one customer, by how late (分): not yet due, 1–30, 31–90, over 90 days; the oldest
/// open due day.
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub(super) struct Owed {
    pub customer_id: i64,
    pub not_due: i64,
    pub days_1_30: i64,
    pub days_31_90: i64,
    pub over_90: i64,
    pub oldest_overdue: Option<String>,
}

impl Owed {
    pub fn overdue(&self) -> i64 {
        self.days_1_30 + self.days_31_90 + self.over_90
    }
    pub fn total(&self) -> i64 {
        self.not_due + self.overdue()
    }
}

/// How a list of what customers owe is ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ranked {
    /// By all they owe, every customer with an open installment.
    Outstanding,
    /// By what is past due, customers with anything overdue.
    Overdue,
}

/// The open installments of customers passing `f` summed by how late they are as of `today`: per
/// customer (ranked, the first `limit`), or for all of them at once (`per_customer` none). The sums run
/// inside SQLite over the index of open installments; only the rows asked for cross into Rust.
pub(super) async fn owed(
    conn: &mut SqliteConnection,
    today: NaiveDate,
    f: &ReportFilters,
    per_customer: Option<(Ranked, Option<i64>)>,
) -> Result<Vec<Owed>> {
    owed_of(conn, today, f, per_customer, None).await
}

/// [`owed`], of customers `only` when given (their installments read through the customer's index).
async fn owed_of(
    conn: &mut SqliteConnection,
    today: NaiveDate,
    f: &ReportFilters,
    per_customer: Option<(Ranked, Option<i64>)>,
    only: Option<&[i64]>,
) -> Result<Vec<Owed>> {
    let d = |n: i64| (today - Duration::days(n)).format("%Y-%m-%d").to_string();
    let customer = if per_customer.is_some() {
        "i.customer_id"
    } else {
        "0"
    };
    let mut b: QueryBuilder<Sqlite> =
        QueryBuilder::new(format!("SELECT {customer} AS customer_id, "));
    b.push("coalesce(sum(CASE WHEN i.due_on >= ")
        .push_bind(d(0))
        .push(" THEN i.amount - i.received ELSE 0 END), 0) AS not_due, coalesce(sum(CASE WHEN i.due_on < ")
        .push_bind(d(0))
        .push(" AND i.due_on >= ")
        .push_bind(d(30))
        .push(" THEN i.amount - i.received ELSE 0 END), 0) AS days_1_30, coalesce(sum(CASE WHEN i.due_on < ")
        .push_bind(d(30))
        .push(" AND i.due_on >= ")
        .push_bind(d(90))
        .push(" THEN i.amount - i.received ELSE 0 END), 0) AS days_31_90, coalesce(sum(CASE WHEN i.due_on < ")
        .push_bind(d(90))
        .push(" THEN i.amount - i.received ELSE 0 END), 0) AS over_90, min(CASE WHEN i.due_on < ")
        .push_bind(d(0))
        .push(" THEN i.due_on END) AS oldest_overdue FROM installments i");
    if only.is_none() {
        b.push(" INDEXED BY installments_open");
    }
    if f.on_customers() {
        b.push(" JOIN customers c ON c.id = i.customer_id");
    }
    b.push(" WHERE i.counted = 1 AND i.received < i.amount");
    if let Some((Ranked::Overdue, _)) = per_customer {
        b.push(" AND i.due_on < ").push_bind(d(0));
    }
    if let Some(ids) = only {
        b.push(" AND i.customer_id IN (SELECT value FROM json_each(")
            .push_bind(serde_json::to_string(ids).expect("ids serialize"))
            .push("))");
    }
    if f.on_customers() {
        push_filters(&mut b, f);
    }
    if let Some((ranked, limit)) = per_customer {
        b.push(" GROUP BY i.customer_id ORDER BY ");
        b.push(match ranked {
            Ranked::Outstanding => "not_due + days_1_30 + days_31_90 + over_90 DESC",
            Ranked::Overdue => "days_1_30 + days_31_90 + over_90 DESC",
        });
        b.push(", i.customer_id");
        if let Some(limit) = limit {
            b.push(" LIMIT ").push_bind(limit);
        }
    }
    Ok(b.build_query_as().fetch_all(&mut *conn).await?)
}

/// How many customers passing `f` owe anything, and anything overdue, as of `today`.
async fn owing(
    conn: &mut SqliteConnection,
    today: NaiveDate,
    f: &ReportFilters,
) -> Result<(i64, i64)> {
    let today = today.format("%Y-%m-%d").to_string();
    if !f.on_customers() {
        return Ok(sqlx::query_as(
            "SELECT count(*), coalesce(sum(earliest_due < ?), 0) FROM customer_open_dues",
        )
        .bind(today)
        .fetch_one(&mut *conn)
        .await?);
    }
    let mut b: QueryBuilder<Sqlite> =
        QueryBuilder::new("SELECT count(*), coalesce(sum(o.earliest_due < ");
    b.push_bind(today)
        .push("), 0) FROM customer_open_dues o JOIN customers c ON c.id = o.customer_id WHERE 1");
    push_filters(&mut b, f);
    Ok(b.build_query_as().fetch_one(&mut *conn).await?)
}

pub(super) async fn run(ctx: &Context<'_>, q: &ReportQuery) -> Result<Report> {
    let period = Period::parse(q.from.as_deref(), q.to.as_deref(), default_period(ctx))?;
    let previous = period.compared(q.compare);
    let mut customer_filters = q.filters.clone();
    customer_filters.category = None;
    let source = Source::for_filters(&customer_filters);
    let mut conn = ctx.store.read().acquire().await?;
    let mut report = common::report(ctx, ReportName::Receivables, q, Some(period), previous);

    let received = source
        .by_bucket(&mut conn, Dim::Whole, None, period, Grain::Month)
        .await?;
    let mut t = Table::new(ctx, "plannedVsReceived")
        .col(ctx, "month", ColumnKind::Text)
        .col(ctx, "planned", ColumnKind::Money)
        .col(ctx, "received", ColumnKind::Money)
        .col(ctx, "rate", ColumnKind::Percent)
        .chart(ChartKind::Bar, 0, &[1, 2])
        .drill(DrillKind::Contracts);
    let (mut planned_total, mut received_total) = (0i64, 0i64);
    for (month, m) in &received {
        let p = m.planned;
        planned_total += p;
        received_total += m.received_amount;
        t.row(
            Some(format!("month:{month}")),
            vec![
                Cell::text(month.clone()),
                Cell::Int(p),
                Cell::Int(m.received_amount),
                share(m.received_amount, p),
            ],
        );
    }
    report.sections.push(
        t.totals(ctx, &[(3, share(received_total, planned_total))])
            .done(),
    );

    let methods = source.by_value(&mut conn, Dim::Method, period).await?;
    let mut methods: Vec<_> = methods
        .into_iter()
        .filter(|(_, m)| m.received_count != 0)
        .collect();
    methods.sort_by(|a, b| {
        b.1.received_amount
            .cmp(&a.1.received_amount)
            .then(a.0.cmp(&b.0))
    });
    let mut t = Table::new(ctx, "byMethod")
        .col(ctx, "method", ColumnKind::Text)
        .col(ctx, "received", ColumnKind::Money)
        .col(ctx, "receipts", ColumnKind::Count)
        .col(ctx, "share", ColumnKind::Percent)
        .chart(ChartKind::Pie, 0, &[1])
        .drill(DrillKind::Customers);
    for (method, m) in &methods {
        t.row(
            Some(format!("method:{method}")),
            vec![
                Cell::text(value_label(ctx, "method", method)),
                Cell::Int(m.received_amount),
                Cell::Int(m.received_count),
                share(m.received_amount, received_total),
            ],
        );
    }
    report.sections.push(
        t.totals(ctx, &[(3, share(received_total, received_total))])
            .done(),
    );
    ctx.check()?;

    // What is owed now.
    let limit = q.limit.map(|l| l as i64);
    // Without filters the book's totals and who owes most come from kept totals; the buckets of those
    // few customers from their own installments.
    let total = if customer_filters.on_customers() {
        owed(&mut conn, ctx.today, &customer_filters, None)
            .await?
            .pop()
            .unwrap_or_default()
    } else {
        let book = crate::receivable::of_book(ctx.store, ctx.today).await?;
        Owed {
            customer_id: 0,
            not_due: book.aging.not_due,
            days_1_30: book.aging.days_1_to_30,
            days_31_90: book.aging.days_31_to_90,
            over_90: book.aging.over_90,
            oldest_overdue: None,
        }
    };
    let (owing_customers, overdue_customers) =
        owing(&mut conn, ctx.today, &customer_filters).await?;
    let (not_due, d30, d90, over, outstanding) = (
        total.not_due,
        total.days_1_30,
        total.days_31_90,
        total.over_90,
        total.total(),
    );
    report.kpis = vec![
        kpi(ctx, "planned", ColumnKind::Money, planned_total, None),
        kpi(ctx, "received", ColumnKind::Money, received_total, None),
        kpi(ctx, "outstanding", ColumnKind::Money, outstanding, None),
        kpi(ctx, "overdue", ColumnKind::Money, total.overdue(), None),
    ];
    let mut t = Table::new(ctx, "aging")
        .col(ctx, "agingBucket", ColumnKind::Text)
        .col(ctx, "amount", ColumnKind::Money)
        .col(ctx, "share", ColumnKind::Percent)
        .chart(ChartKind::Bar, 0, &[1])
        .drill(DrillKind::Customers);
    for (key, amount) in [
        ("notDue", not_due),
        ("days1To30", d30),
        ("days31To90", d90),
        ("over90", over),
    ] {
        t.row(
            Some(format!("aging:{key}")),
            vec![
                Cell::text(ctx.t(&format!("aging.{key}"))),
                Cell::Int(amount),
                share(amount, outstanding),
            ],
        );
    }
    report.sections.push(
        t.totals(ctx, &[(2, share(outstanding, outstanding))])
            .done(),
    );
    ctx.check()?;

    let by_customer = match limit {
        Some(limit) if !customer_filters.on_customers() => {
            let most: Vec<i64> = sqlx::query_scalar(
                "SELECT customer_id FROM agg_owed ORDER BY open_amount DESC, customer_id LIMIT ?",
            )
            .bind(limit)
            .fetch_all(&mut *conn)
            .await?;
            let ranked = Some((Ranked::Outstanding, None));
            owed_of(&mut conn, ctx.today, &customer_filters, ranked, Some(&most)).await?
        }
        _ => {
            owed(
                &mut conn,
                ctx.today,
                &customer_filters,
                Some((Ranked::Outstanding, limit)),
            )
            .await?
        }
    };
    let overdue = owed(
        &mut conn,
        ctx.today,
        &customer_filters,
        Some((Ranked::Overdue, limit)),
    )
    .await?;
    let ids: Vec<i64> = by_customer
        .iter()
        .chain(&overdue)
        .map(|o| o.customer_id)
        .collect();
    let names = customer_names(&mut conn, &ids).await?;
    let name = |id: i64| Cell::text(names.get(&id).cloned().unwrap_or_default());

    let mut t = Table::new(ctx, "agingByCustomer")
        .col(ctx, "customer", ColumnKind::Text)
        .col(ctx, "notDue", ColumnKind::Money)
        .col(ctx, "days1To30", ColumnKind::Money)
        .col(ctx, "days31To90", ColumnKind::Money)
        .col(ctx, "over90", ColumnKind::Money)
        .col(ctx, "outstanding", ColumnKind::Money)
        .drill(DrillKind::Customers);
    for o in &by_customer {
        t.row(
            Some(format!("customer:{}", o.customer_id)),
            vec![
                name(o.customer_id),
                Cell::Int(o.not_due),
                Cell::Int(o.days_1_30),
                Cell::Int(o.days_31_90),
                Cell::Int(o.over_90),
                Cell::Int(o.total()),
            ],
        );
    }
    let mut t = t.totals(
        ctx,
        &[
            (1, Cell::Int(not_due)),
            (2, Cell::Int(d30)),
            (3, Cell::Int(d90)),
            (4, Cell::Int(over)),
            (5, Cell::Int(outstanding)),
        ],
    );
    if owing_customers > by_customer.len() as i64 {
        t = t.total_rows(owing_customers);
    }
    report.sections.push(t.done());

    let mut t = Table::new(ctx, "overdueRanking")
        .col(ctx, "customer", ColumnKind::Text)
        .col(ctx, "overdue", ColumnKind::Money)
        .col(ctx, "oldestDue", ColumnKind::Day)
        .col(ctx, "daysLate", ColumnKind::Count)
        .chart(ChartKind::HorizontalBar, 0, &[1])
        .drill(DrillKind::Customers);
    for o in &overdue {
        let late = o
            .oldest_overdue
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map(|d| (ctx.today - d).num_days());
        t.row(
            Some(format!("customer:{}", o.customer_id)),
            vec![
                name(o.customer_id),
                Cell::Int(o.overdue()),
                o.oldest_overdue
                    .clone()
                    .map(Cell::Text)
                    .unwrap_or(Cell::Empty),
                late.map(Cell::Int).unwrap_or(Cell::Empty),
            ],
        );
    }
    let mut t = t.totals(ctx, &[(1, Cell::Int(total.overdue())), (3, Cell::Empty)]);
    if overdue_customers > overdue.len() as i64 {
        t = t.total_rows(overdue_customers);
    }
    report.sections.push(t.done());
    report.empty = planned_total == 0 && received_total == 0 && outstanding == 0;
    Ok(report)
}
