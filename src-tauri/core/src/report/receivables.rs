//! 回款分析: what the payment plans asked for against what came in, month by month; receipts by method;
//! what is owed now, aged by how late it is, for the whole book and by customer; the overdue ranking.

use chrono::{Duration, NaiveDate};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::model::{Cell, ChartKind, ColumnKind, DrillKind, Report, ReportFilters, ReportName, ReportQuery};
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

/// What each customer passing `f` owes on open installments as of `today`.
pub(super) async fn owed_by_customer(
    conn: &mut SqliteConnection,
    today: NaiveDate,
    f: &ReportFilters,
) -> Result<Vec<Owed>> {
    let d = |n: i64| (today - Duration::days(n)).format("%Y-%m-%d").to_string();
    let mut b: QueryBuilder<Sqlite> = QueryBuilder::new("SELECT i.customer_id, ");
    b.push("sum(CASE WHEN i.due_on >= ")
        .push_bind(d(0))
        .push(" THEN i.amount - i.received ELSE 0 END) AS not_due, sum(CASE WHEN i.due_on < ")
        .push_bind(d(0))
        .push(" AND i.due_on >= ")
        .push_bind(d(30))
        .push(" THEN i.amount - i.received ELSE 0 END) AS days_1_30, sum(CASE WHEN i.due_on < ")
        .push_bind(d(30))
        .push(" AND i.due_on >= ")
        .push_bind(d(90))
        .push(" THEN i.amount - i.received ELSE 0 END) AS days_31_90, sum(CASE WHEN i.due_on < ")
        .push_bind(d(90))
        .push(" THEN i.amount - i.received ELSE 0 END) AS over_90, min(CASE WHEN i.due_on < ")
        .push_bind(d(0))
        .push(" THEN i.due_on END) AS oldest_overdue FROM installments i");
    if f.on_customers() {
        b.push(" JOIN customers c ON c.id = i.customer_id");
    }
    b.push(" WHERE i.counted = 1 AND i.received < i.amount");
    if f.on_customers() {
        push_filters(&mut b, f);
    }
    b.push(" GROUP BY i.customer_id");
    Ok(b.build_query_as().fetch_all(&mut *conn).await?)
}

/// What the counted payment plans of customers passing `f` asked for in each month of `period`.
async fn planned_by_month(
    conn: &mut SqliteConnection,
    period: Period,
    f: &ReportFilters,
) -> Result<Vec<(String, i64)>> {
    let mut b: QueryBuilder<Sqlite> =
        QueryBuilder::new("SELECT substr(i.due_on, 1, 7), sum(i.amount) FROM installments i");
    if f.on_customers() {
        b.push(" JOIN customers c ON c.id = i.customer_id");
    }
    b.push(" WHERE i.counted = 1 AND i.due_on BETWEEN ")
        .push_bind(period.from_text())
        .push(" AND ")
        .push_bind(period.to_text());
    if f.on_customers() {
        push_filters(&mut b, f);
    }
    b.push(" GROUP BY 1");
    Ok(b.build_query_as().fetch_all(&mut *conn).await?)
}

pub(super) async fn run(ctx: &Context<'_>, q: &ReportQuery) -> Result<Report> {
    let period = Period::parse(q.from.as_deref(), q.to.as_deref(), default_period(ctx))?;
    let previous = period.compared(q.compare);
    let mut customer_filters = q.filters.clone();
    customer_filters.category = None;
    let source = Source::for_filters(&customer_filters);
    let limit = q.limit.map(|l| l as usize).unwrap_or(usize::MAX);
    let mut conn = ctx.store.read().acquire().await?;
    let mut report = common::report(ctx, ReportName::Receivables, q, Some(period), previous);

    let planned = planned_by_month(&mut conn, period, &customer_filters).await?;
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
        let p = planned
            .iter()
            .find(|(k, _)| k == month)
            .map(|(_, v)| *v)
            .unwrap_or(0);
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
    report
        .sections
        .push(t.totals(ctx, &[(3, share(received_total, planned_total))]).done());

    let methods = source.by_value(&mut conn, Dim::Method, period).await?;
    let mut methods: Vec<_> = methods.into_iter().filter(|(_, m)| m.received_count != 0).collect();
    methods.sort_by(|a, b| b.1.received_amount.cmp(&a.1.received_amount).then(a.0.cmp(&b.0)));
    let mut t = Table::new(ctx, "byMethod")
        .col(ctx, "method", ColumnKind::Text)
        .col(ctx, "received", ColumnKind::Money)
        .col(ctx, "receipts", ColumnKind::Count)
        .col(ctx, "share", ColumnKind::Percent)
        .chart(ChartKind::Pie, 0, &[1]);
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
    report.sections.push(t.totals(ctx, &[(3, share(received_total, received_total))]).done());
    ctx.check()?;

    // What is owed now.
    let mut owed = owed_by_customer(&mut conn, ctx.today, &customer_filters).await?;
    let sum = |f: fn(&Owed) -> i64| owed.iter().map(f).sum::<i64>();
    let (not_due, d30, d90, over, outstanding) = (
        sum(|o| o.not_due),
        sum(|o| o.days_1_30),
        sum(|o| o.days_31_90),
        sum(|o| o.over_90),
        sum(Owed::total),
    );
    report.kpis = vec![
        kpi(ctx, "planned", ColumnKind::Money, planned_total, None),
        kpi(ctx, "received", ColumnKind::Money, received_total, None),
        kpi(ctx, "outstanding", ColumnKind::Money, outstanding, None),
        kpi(ctx, "overdue", ColumnKind::Money, d30 + d90 + over, None),
    ];
    let mut t = Table::new(ctx, "aging")
        .col(ctx, "agingBucket", ColumnKind::Text)
        .col(ctx, "amount", ColumnKind::Money)
        .col(ctx, "share", ColumnKind::Percent)
        .chart(ChartKind::Bar, 0, &[1])
        .drill(DrillKind::Customers);
    for (key, amount) in [("notDue", not_due), ("days1To30", d30), ("days31To90", d90), ("over90", over)] {
        t.row(
            Some(format!("aging:{key}")),
            vec![Cell::text(ctx.t(&format!("aging.{key}"))), Cell::Int(amount), share(amount, outstanding)],
        );
    }
    report.sections.push(t.totals(ctx, &[(2, share(outstanding, outstanding))]).done());

    owed.sort_by(|a, b| b.total().cmp(&a.total()).then(a.customer_id.cmp(&b.customer_id)));
    let shown: Vec<i64> = owed.iter().take(limit).map(|o| o.customer_id).collect();
    let mut overdue: Vec<&Owed> = owed.iter().filter(|o| o.overdue() > 0).collect();
    overdue.sort_by(|a, b| b.overdue().cmp(&a.overdue()).then(a.customer_id.cmp(&b.customer_id)));
    let mut ids = shown.clone();
    ids.extend(overdue.iter().take(limit).map(|o| o.customer_id));
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
    for o in owed.iter().take(limit) {
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
    let n = owed.len();
    let mut t = t.totals(
        ctx,
        &[(1, Cell::Int(not_due)), (2, Cell::Int(d30)), (3, Cell::Int(d90)), (4, Cell::Int(over)), (5, Cell::Int(outstanding))],
    );
    if n > limit {
        t = t.total_rows(n as i64);
    }
    report.sections.push(t.done());

    let mut t = Table::new(ctx, "overdueRanking")
        .col(ctx, "customer", ColumnKind::Text)
        .col(ctx, "overdue", ColumnKind::Money)
        .col(ctx, "oldestDue", ColumnKind::Day)
        .col(ctx, "daysLate", ColumnKind::Count)
        .chart(ChartKind::HorizontalBar, 0, &[1])
        .drill(DrillKind::Customers);
    for o in overdue.iter().take(limit) {
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
                o.oldest_overdue.clone().map(Cell::Text).unwrap_or(Cell::Empty),
                late.map(Cell::Int).unwrap_or(Cell::Empty),
            ],
        );
    }
    let overdue_n = overdue.len();
    let mut t = t.totals(ctx, &[(1, Cell::Int(d30 + d90 + over)), (3, Cell::Empty)]);
    if overdue_n > limit {
        t = t.total_rows(overdue_n as i64);
    }
    report.sections.push(t.done());
    report.empty = planned_total == 0 && received_total == 0 && outstanding == 0;
    Ok(report)
}
