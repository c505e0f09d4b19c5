//! Where a report's sums come from: the cube of totals (`aggregate`) when the whole book is asked, or the
//! records of the customers that pass the filters. Both give the same `Measures` for a dimension and a
//! period, so that each report is written once.

use std::collections::HashMap;

use chrono::NaiveDate;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::model::ReportFilters;
use super::period::{day_text, month_end, month_start, Grain, Period};
use crate::aggregate::{CUSTOMER_DIMS, STAGE};
use crate::error::Result;

/// The sums of one dimension value over a period. Money in 分; quantities in thousandths.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct Measures {
    pub signed_amount: i64,
    pub signed_count: i64,
    pub received_amount: i64,
    pub received_count: i64,
    pub quantity_milli: i64,
    pub customers: i64,
    pub follow_ups: i64,
    /// What the payment plans ask for (分), by due day.
    pub planned: i64,
}

impl std::ops::AddAssign for Measures {
    fn add_assign(&mut self, o: Measures) {
        self.signed_amount += o.signed_amount;
        self.signed_count += o.signed_count;
        self.received_amount += o.received_amount;
        self.received_count += o.received_count;
        self.quantity_milli += o.quantity_milli;
        self.customers += o.customers;
        self.follow_ups += o.follow_ups;
        self.planned += o.planned;
    }
}

/// A dimension of the sums: the whole book (`""`), a customer dimension, or one of the records'.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dim {
    Whole,
    Province,
    /// Keyed `province/city`.
    City,
    Industry,
    Source,
    Level,
    /// Receipts by payment method.
    Method,
    /// Lines by product id (`''` for lines without a product).
    Product,
    /// Follow-ups by how the customer was reached.
    FollowUpKind,
    /// New customers by the lifecycle stage they reached (`1`–`3`).
    Stage,
}

impl Dim {
    pub fn key(self) -> &'static str {
        match self {
            Dim::Whole => "",
            Dim::Province => "province",
            Dim::City => "city",
            Dim::Industry => "industry",
            Dim::Source => "source",
            Dim::Level => "level",
            Dim::Method => "method",
            Dim::Product => "product",
            Dim::FollowUpKind => "followUpKind",
            Dim::Stage => "stage",
        }
    }

    /// The SQL value of a customer dimension over customer `c`.
    fn customer_value(self) -> Option<&'static str> {
        CUSTOMER_DIMS
            .iter()
            .find(|(k, _)| *k == self.key())
            .map(|(_, v)| *v)
    }
}

/// Where sums are read from.
#[derive(Debug, Clone)]
pub enum Source {
    /// The kept totals of the whole book.
    Cube,
    /// The records of the customers (and product lines) that pass the filters.
    Filtered(ReportFilters),
}

impl Source {
    pub fn for_filters(filters: &ReportFilters) -> Source {
        if filters.any() {
            Source::Filtered(filters.clone())
        } else {
            Source::Cube
        }
    }

    /// The sums of each value of `dim` over `period`.
    pub async fn by_value(
        &self,
        conn: &mut SqliteConnection,
        dim: Dim,
        period: Period,
    ) -> Result<HashMap<String, Measures>> {
        let rows = match self {
            Source::Cube => cube_rows(conn, dim, period).await?,
            Source::Filtered(f) => filtered_rows(conn, dim, period, f).await?,
        };
        let mut out: HashMap<String, Measures> = HashMap::new();
        for (_, value, m) in rows {
            *out.entry(value).or_default() += m;
        }
        Ok(out)
    }

    /// The whole book's sums (of `dim`'s values where `value` is given) over `period`, per bucket of
    /// `grain`, every bucket present.
    pub async fn by_bucket(
        &self,
        conn: &mut SqliteConnection,
        dim: Dim,
        value: Option<&str>,
        period: Period,
        grain: Grain,
    ) -> Result<Vec<(String, Measures)>> {
        let rows = match self {
            Source::Cube => cube_rows(conn, dim, period).await?,
            Source::Filtered(f) => filtered_rows(conn, dim, period, f).await?,
        };
        let mut buckets: Vec<(String, Measures)> = period
            .buckets(grain)
            .into_iter()
            .map(|(name, _)| (name, Measures::default()))
            .collect();
        let index: HashMap<String, usize> = buckets
            .iter()
            .enumerate()
            .map(|(i, (n, _))| (n.clone(), i))
            .collect();
        for (day, v, m) in rows {
            if value.is_some_and(|want| want != v) {
                continue;
            }
            let Some(d) = day_of(&day) else { continue };
            if let Some(&i) = index.get(&Period::bucket_of(d, grain)) {
                buckets[i].1 += m;
            }
        }
        Ok(buckets)
    }

    /// The sums of the whole period (all values of `Dim::Whole`).
    pub async fn total(&self, conn: &mut SqliteConnection, period: Period) -> Result<Measures> {
        Ok(self
            .by_value(conn, Dim::Whole, period)
            .await?
            .remove("")
            .unwrap_or_default())
    }
}

/// A period (or month) key back as a day: a month `YYYY-MM` is its first day.
fn day_of(period: &str) -> Option<NaiveDate> {
    match period.len() {
        7 => NaiveDate::parse_from_str(&format!("{period}-01"), "%Y-%m-%d").ok(),
        _ => NaiveDate::parse_from_str(period, "%Y-%m-%d").ok(),
    }
}

/// The day ranges and whole-month range that make up a period: (head days, months, tail days).
fn split(p: Period) -> (Option<Period>, Option<(String, String)>, Option<Period>) {
    let first_full = if p.from == month_start(p.from) {
        p.from
    } else {
        match month_end(p.from).succ_opt() {
            Some(d) => d,
            None => return (Some(p), None, None),
        }
    };
    let last_full_end = if p.to == month_end(p.to) {
        p.to
    } else {
        match month_start(p.to).pred_opt() {
            Some(d) => d,
            None => return (Some(p), None, None),
        }
    };
    if first_full > last_full_end {
        return (Some(p), None, None);
    }
    let head = (p.from < first_full).then(|| Period {
        from: p.from,
        to: first_full.pred_opt().unwrap_or(p.from),
    });
    let tail = (last_full_end < p.to).then(|| Period {
        from: last_full_end.succ_opt().unwrap_or(p.to),
        to: p.to,
    });
    let months = (
        first_full.format("%Y-%m").to_string(),
        last_full_end.format("%Y-%m").to_string(),
    );
    (head, Some(months), tail)
}

const SUMS: &str = "sum(signed_amount) AS signed_amount, sum(signed_count) AS signed_count, \
     sum(received_amount) AS received_amount, sum(received_count) AS received_count, \
     sum(quantity_milli) AS quantity_milli, sum(customers) AS customers, sum(follow_ups) AS follow_ups, \
     sum(planned) AS planned";

#[derive(sqlx::FromRow)]
struct CubeRow {
    period: String,
    value: String,
    #[sqlx(flatten)]
    m: Measures,
}

/// (period, value, sums) of `dim` over `period` from the cube: whole months at month grain, the days
/// at either end at day grain.
async fn cube_rows(
    conn: &mut SqliteConnection,
    dim: Dim,
    period: Period,
) -> Result<Vec<(String, String, Measures)>> {
    let (head, months, tail) = split(period);
    let mut b: QueryBuilder<Sqlite> = QueryBuilder::new("");
    let mut first = true;
    let mut part = |b: &mut QueryBuilder<Sqlite>, grain: &str, from: String, to: String| {
        if !first {
            b.push(" UNION ALL ");
        }
        first = false;
        b.push(format!(
            "SELECT period, value, {SUMS} FROM agg_cube WHERE grain = '{grain}' AND dim = "
        ))
        .push_bind(dim.key())
        .push(" AND period BETWEEN ")
        .push_bind(from)
        .push(" AND ")
        .push_bind(to)
        .push(" GROUP BY period, value");
    };
    for days in [head, tail].into_iter().flatten() {
        part(&mut b, "d", day_text(days.from), day_text(days.to));
    }
    if let Some((from, to)) = months {
        part(&mut b, "m", from, to);
    }
    let rows: Vec<CubeRow> = b.build_query_as().fetch_all(&mut *conn).await?;
    Ok(rows.into_iter().map(|r| (r.period, r.value, r.m)).collect())
}

/// The filters as SQL over customer `c` (bound), each one that is given.
pub(super) fn push_filters(b: &mut QueryBuilder<'_, Sqlite>, f: &ReportFilters) {
    let given = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    if let Some(v) = given(&f.province) {
        b.push(" AND c.province = ").push_bind(v);
    }
    if let Some(v) = given(&f.city) {
        b.push(" AND c.city = ").push_bind(v);
    }
    if let Some(v) = given(&f.industry) {
        b.push(" AND c.industry = ").push_bind(v);
    }
    if let Some(v) = given(&f.source) {
        b.push(" AND c.source = ").push_bind(v);
    }
    match given(&f.level).as_deref() {
        Some("none") => {
            b.push(" AND c.level IS NULL");
        }
        Some(v) => {
            b.push(" AND c.level = ").push_bind(v.to_string());
        }
        None => {}
    }
    if let Some(v) = given(&f.tag) {
        b.push(
            " AND EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag = ",
        )
        .push_bind(v)
        .push(")");
    }
}

fn category_of(f: &ReportFilters) -> Option<String> {
    f.category
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

#[derive(sqlx::FromRow)]
struct FilteredRow {
    day: String,
    value: String,
    amount: i64,
    n: i64,
    quantity: i64,
}

/// (day, value, sums) of `dim` over `period` from the records of the customers that pass `f`.
async fn filtered_rows(
    conn: &mut SqliteConnection,
    dim: Dim,
    period: Period,
    f: &ReportFilters,
) -> Result<Vec<(String, String, Measures)>> {
    let (from, to) = (period.from_text(), period.to_text());
    let customer_value = dim.customer_value();
    let category = category_of(f);
    let mut out = Vec::new();
    let mut run = |rows: Vec<FilteredRow>, put: fn(&mut Measures, &FilteredRow)| {
        for r in rows {
            let mut m = Measures::default();
            put(&mut m, &r);
            out.push((r.day.clone(), r.value.clone(), m));
        }
    };

    // Purchases: whole contracts, or with a category only its lines of that category.
    let signed_value = match dim {
        Dim::Product => Some("coalesce(CAST(l.product_id AS TEXT), '')"),
        other => other.customer_value(),
    };
    if let Some(value) = signed_value {
        let mut b: QueryBuilder<Sqlite> = QueryBuilder::new("");
        if category.is_some() || dim == Dim::Product {
            b.push(format!(
                "SELECT ct.signed_on AS day, {value} AS value, sum(l.amount) AS amount, \
                 count(DISTINCT ct.id) AS n, sum(l.quantity_milli) AS quantity \
                 FROM contract_lines l JOIN contracts ct ON ct.id = l.contract_id \
                 JOIN customers c ON c.id = ct.customer_id LEFT JOIN products p ON p.id = l.product_id \
                 WHERE {} AND ct.signed_on BETWEEN ",
                crate::aggregate::contract_counts("ct")
            ))
            .push_bind(from.clone())
            .push(" AND ")
            .push_bind(to.clone());
            if let Some(cat) = &category {
                b.push(" AND p.category = ").push_bind(cat.clone());
            }
        } else {
            b.push(format!(
                "SELECT s.day AS day, {value} AS value, sum(s.amount) AS amount, sum(s.contracts) AS n, \
                 0 AS quantity FROM agg_sales s JOIN customers c ON c.id = s.customer_id WHERE s.day BETWEEN "
            ))
            .push_bind(from.clone())
            .push(" AND ")
            .push_bind(to.clone());
        }
        push_filters(&mut b, f);
        b.push(" GROUP BY 1, 2");
        let rows: Vec<FilteredRow> = b.build_query_as().fetch_all(&mut *conn).await?;
        run(rows, |m, r| {
            m.signed_amount = r.amount;
            m.signed_count = r.n;
            m.quantity_milli = r.quantity;
        });
    }

    // Receipts cannot be split by product category: with one, nothing counts as received.
    let received_value = match dim {
        Dim::Method => Some("r.method"),
        other => customer_value.filter(|_| other != Dim::Product),
    };
    if let (Some(value), None) = (received_value, &category) {
        let mut b: QueryBuilder<Sqlite> = QueryBuilder::new("");
        if dim == Dim::Method {
            b.push(format!(
                "SELECT r.received_on AS day, {value} AS value, sum(r.amount) AS amount, count(*) AS n, 0 AS quantity \
                 FROM receipts r JOIN customers c ON c.id = r.customer_id WHERE {} AND r.received_on BETWEEN ",
                crate::aggregate::receipt_counts("r")
            ));
        } else {
            b.push(format!(
                "SELECT s.day AS day, {value} AS value, sum(s.amount) AS amount, sum(s.receipts) AS n, 0 AS quantity \
                 FROM agg_collections s JOIN customers c ON c.id = s.customer_id WHERE s.day BETWEEN "
            ));
        }
        b.push_bind(from.clone())
            .push(" AND ")
            .push_bind(to.clone());
        push_filters(&mut b, f);
        b.push(" GROUP BY 1, 2");
        let rows: Vec<FilteredRow> = b.build_query_as().fetch_all(&mut *conn).await?;
        run(rows, |m, r| {
            m.received_amount = r.amount;
            m.received_count = r.n;
        });
    }

    // New customers (live), by the day they were created.
    let created_value = match dim {
        Dim::Stage => Some(format!("CAST({STAGE} AS TEXT)")),
        other => other.customer_value().map(str::to_string),
    };
    if let (Some(value), None) = (created_value, &category) {
        let day = crate::aggregate::local_day("c.created_at");
        let mut b: QueryBuilder<Sqlite> = QueryBuilder::new(format!(
            "SELECT {day} AS day, {value} AS value, 0 AS amount, count(*) AS n, 0 AS quantity FROM customers c \
             WHERE c.deleted_at IS NULL AND {day} BETWEEN "
        ));
        b.push_bind(from.clone())
            .push(" AND ")
            .push_bind(to.clone());
        push_filters(&mut b, f);
        b.push(" GROUP BY 1, 2");
        let rows: Vec<FilteredRow> = b.build_query_as().fetch_all(&mut *conn).await?;
        run(rows, |m, r| m.customers = r.n);
    }

    // What the payment plans of these customers ask for (the whole book only: plans have no product).
    if let (Dim::Whole, None) = (dim, &category) {
        let mut b: QueryBuilder<Sqlite> = QueryBuilder::new(
            "SELECT i.due_on AS day, '' AS value, sum(i.amount) AS amount, count(*) AS n, 0 AS quantity \
             FROM installments i JOIN customers c ON c.id = i.customer_id WHERE i.counted = 1 AND i.due_on BETWEEN ",
        );
        b.push_bind(from.clone())
            .push(" AND ")
            .push_bind(to.clone());
        push_filters(&mut b, f);
        b.push(" GROUP BY 1, 2");
        let rows: Vec<FilteredRow> = b.build_query_as().fetch_all(&mut *conn).await?;
        run(rows, |m, r| m.planned = r.amount);
    }

    // Follow-ups (live, of live customers).
    let follow_up_value = match dim {
        Dim::FollowUpKind => Some("fu.kind"),
        other => other.customer_value(),
    };
    if let (Some(value), None) = (follow_up_value, &category) {
        let day = crate::aggregate::local_day("fu.happened_at");
        let mut b: QueryBuilder<Sqlite> = QueryBuilder::new(format!(
            "SELECT {day} AS day, {value} AS value, 0 AS amount, count(*) AS n, 0 AS quantity FROM follow_ups fu \
             JOIN customers c ON c.id = fu.customer_id WHERE fu.deleted_at IS NULL AND c.deleted_at IS NULL \
             AND {day} BETWEEN "
        ));
        b.push_bind(from).push(" AND ").push_bind(to);
        push_filters(&mut b, f);
        b.push(" GROUP BY 1, 2");
        let rows: Vec<FilteredRow> = b.build_query_as().fetch_all(&mut *conn).await?;
        run(rows, |m, r| m.follow_ups = r.n);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::period::parse_day;

    fn p(from: &str, to: &str) -> Period {
        Period::new(parse_day("f", from).unwrap(), parse_day("t", to).unwrap()).unwrap()
    }

    #[test]
    fn a_period_splits_into_whole_months_and_the_days_at_its_ends() {
        let (head, months, tail) = split(p("2026-01-15", "2026-04-10"));
        assert_eq!(
            head.map(|h| (h.from_text(), h.to_text())),
            Some(("2026-01-15".into(), "2026-01-31".into()))
        );
        assert_eq!(months, Some(("2026-02".into(), "2026-03".into())));
        assert_eq!(
            tail.map(|t| (t.from_text(), t.to_text())),
            Some(("2026-04-01".into(), "2026-04-10".into()))
        );
        let (head, months, tail) = split(p("2026-01-01", "2026-12-31"));
        assert_eq!(
            (head, months, tail),
            (None, Some(("2026-01".into(), "2026-12".into())), None)
        );
        let (head, months, tail) = split(p("2026-03-02", "2026-03-30"));
        assert_eq!(
            (months, tail),
            (None, None),
            "a part of one month is days only"
        );
        assert_eq!(head.unwrap().days(), 29);
    }
}
