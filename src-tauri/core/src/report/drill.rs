//! Drill-down: the customers or contracts behind a report's row (a month, a region, a product, a segment,
//! a class), as a list to open, export, tag in bulk or give a planned follow-up in bulk. A row's key
//! (`kind:value`) and the report's query say which.

use sqlx::{QueryBuilder, Sqlite};

use super::model::{DrillKind, DrillList, DrillRequest, ReportName, ReportQuery};
use super::period::{parse_day, Period};
use super::source::push_filters;
use super::Context;
use crate::error::{CoreError, Result};

/// The period of the report the row belongs to.
fn period_of(ctx: &Context<'_>, r: &DrillRequest) -> Result<Period> {
    let q = &r.query;
    let default = match r.report {
        ReportName::Dashboard => Period::month_of(ctx.today),
        _ => Period::year_of(ctx.today),
    };
    Period::parse(q.from.as_deref(), q.to.as_deref(), default)
}

/// A bucket of a sales table (`2026-03`, `2026Q1`, `2026`) as the days it covers.
fn bucket(value: &str) -> Result<Period> {
    let bad = || CoreError::invalid("key", "format");
    if let Some((y, q)) = value.split_once('Q') {
        let (y, q): (i32, u32) = (y.parse().map_err(|_| bad())?, q.parse().map_err(|_| bad())?);
        let first =
            chrono::NaiveDate::from_ymd_opt(y, (q.clamp(1, 4) - 1) * 3 + 1, 1).ok_or_else(bad)?;
        return Ok(Period::quarter_of(first));
    }
    if value.len() == 4 {
        let y: i32 = value.parse().map_err(|_| bad())?;
        return Ok(Period::year_of(
            chrono::NaiveDate::from_ymd_opt(y, 1, 1).ok_or_else(bad)?,
        ));
    }
    let first = parse_day("key", &format!("{value}-01"))?;
    Ok(Period::month_of(first))
}

/// What a key selects.
enum Selection {
    /// Counted contracts signed in the period whose rows pass `condition` (SQL over `ct`, `c`, bound).
    Contracts {
        period: Period,
        condition: Option<(String, String)>,
    },
    /// Customers by id.
    Customers(Vec<i64>),
    /// Live customers passing SQL `condition` over `c` with one bound text value.
    CustomersWhere(String, Vec<String>),
}

async fn select(ctx: &Context<'_>, r: &DrillRequest) -> Result<Selection> {
    let (kind, value) = r
        .key
        .split_once(':')
        .ok_or(CoreError::invalid("key", "format"))?;
    let period = period_of(ctx, r);
    let dims = ["province", "city", "industry", "source", "level"];
    let customer_dim = |dim: &str| -> String {
        match dim {
            "city" => "coalesce(c.province, '') || '/' || coalesce(c.city, '')".into(),
            d => format!("coalesce(c.{d}, '')"),
        }
    };
    Ok(match (r.report, kind) {
        (_, "customer") => Selection::Customers(vec![value.parse().map_err(|_| CoreError::invalid("key", "format"))?]),
        (ReportName::Dashboard | ReportName::Receivables, "month") => {
            Selection::Contracts { period: bucket(value)?, condition: None }
        }
        (ReportName::Sales, "bucket") => {
            let b = bucket(value)?;
            let p = period?;
            Selection::Contracts {
                period: Period { from: b.from.max(p.from), to: b.to.min(p.to) },
                condition: None,
            }
        }
        (ReportName::Sales | ReportName::Pareto, "product") => Selection::Contracts {
            period: period?,
            condition: Some((
                "EXISTS (SELECT 1 FROM contract_lines l WHERE l.contract_id = ct.id \
                 AND coalesce(CAST(l.product_id AS TEXT), '') = ?)"
                    .into(),
                value.into(),
            )),
        },
        (ReportName::Sales, "category") => Selection::Contracts {
            period: period?,
            condition: Some((
                "EXISTS (SELECT 1 FROM contract_lines l LEFT JOIN products p ON p.id = l.product_id \
                 WHERE l.contract_id = ct.id AND coalesce(p.category, '') = ?)"
                    .into(),
                value.into(),
            )),
        },
        (ReportName::Sales, d) if dims.contains(&d) => Selection::Contracts {
            period: period?,
            condition: Some((format!("{} = ?", customer_dim(d)), value.into())),
        },
        (ReportName::Customers, "created") => {
            let b = bucket(value)?;
            Selection::CustomersWhere(
                format!("{} BETWEEN ? AND ?", crate::aggregate::local_day("c.created_at")),
                vec![b.from_text(), b.to_text()],
            )
        }
        (ReportName::Customers, "stage") => {
            let p = period?;
            Selection::CustomersWhere(
                format!(
                    "{} BETWEEN ? AND ? AND {} >= CAST(? AS INTEGER)",
                    crate::aggregate::local_day("c.created_at"),
                    crate::aggregate::STAGE
                ),
                vec![p.from_text(), p.to_text(), value.into()],
            )
        }
        (ReportName::Customers, "status") => Selection::CustomersWhere("c.status = ?".into(), vec![value.into()]),
        (ReportName::Customers, d) if dims.contains(&d) => {
            Selection::CustomersWhere(format!("{} = ?", customer_dim(d)), vec![value.into()])
        }
        (ReportName::Customers, "cycle") => {
            let p = period?;
            let (lo, hi) = super::customers::CYCLE_BUCKETS
                .iter()
                .find(|b| b.0 == value)
                .map(|b| (b.1, b.2))
                .ok_or(CoreError::invalid("key", "format"))?;
            Selection::CustomersWhere(
                "c.id IN (SELECT a.customer_id FROM agg_customers a WHERE a.first_day BETWEEN ? AND ? \
                 AND max(0, CAST(julianday(a.first_day) - julianday(a.created_day) AS INTEGER)) BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER))"
                    .into(),
                vec![p.from_text(), p.to_text(), lo.to_string(), hi.min(1_000_000_000).to_string()],
            )
        }
        (ReportName::Receivables, "aging") => {
            let d = |n: i64| (ctx.today - chrono::Duration::days(n)).format("%Y-%m-%d").to_string();
            let (from, to) = match value {
                "notDue" => (d(0), "9999-12-31".to_string()),
                "days1To30" => (d(30), d(1)),
                "days31To90" => (d(90), d(31)),
                "over90" => ("0000-01-01".to_string(), d(91)),
                _ => return Err(CoreError::invalid("key", "format")),
            };
            Selection::CustomersWhere(
                "c.id IN (SELECT i.customer_id FROM installments i WHERE i.counted = 1 AND i.received < i.amount \
                 AND i.due_on BETWEEN ? AND ?)"
                    .into(),
                vec![from, to],
            )
        }
        (ReportName::Receivables, "method") => {
            let p = period?;
            Selection::CustomersWhere(
                format!(
                    "c.id IN (SELECT r.customer_id FROM receipts r WHERE r.method = ? AND r.received_on BETWEEN ? AND ? AND {})",
                    crate::aggregate::receipt_counts("r")
                ),
                vec![value.into(), p.from_text(), p.to_text()],
            )
        }
        (ReportName::FollowUps, "followUpKind" | "month") => {
            let p = match kind {
                "month" => bucket(value)?,
                _ => period?,
            };
            let day = crate::aggregate::local_day("f.happened_at");
            let (by_kind, kinds) = match kind {
                "followUpKind" => (" AND f.kind = ?", vec![value.to_string()]),
                _ => ("", vec![]),
            };
            Selection::CustomersWhere(
                format!(
                    "c.id IN (SELECT f.customer_id FROM follow_ups f WHERE f.deleted_at IS NULL AND {day} BETWEEN ? AND ?{by_kind})"
                ),
                [vec![p.from_text(), p.to_text()], kinds].concat(),
            )
        }
        (ReportName::Clv, "band") => {
            let v = super::clv::valuation(ctx, &r.query).await?;
            let (lo, hi) = super::clv::band(value).ok_or(CoreError::invalid("key", "format"))?;
            Selection::Customers(
                v.rows
                    .iter()
                    .filter(|x| (lo..hi).contains(&x.predicted_365.unwrap_or(x.historical)))
                    .map(|x| x.customer_id)
                    .collect(),
            )
        }
        (ReportName::FollowUps, "coverage") => {
            let days = r.query.quiet_days.unwrap_or(ctx.settings.quiet_days);
            let since = super::follow_ups::quiet_since(ctx.today, days).to_string();
            let condition = match value {
                "recent" => "c.last_follow_up_at >= CAST(? AS INTEGER)",
                _ => "(c.last_follow_up_at IS NULL OR c.last_follow_up_at < CAST(? AS INTEGER))",
            };
            Selection::CustomersWhere(condition.into(), vec![since])
        }
        (ReportName::Pareto, "class") => Selection::Customers(pareto_class(ctx, r, value).await?),
        (ReportName::Rfm, "segment") => Selection::Customers(super::rfm::members(ctx, &r.query, value).await?),
        (ReportName::Loyalty, "quadrant") => Selection::Customers(super::loyalty::members(ctx, &r.query, value).await?),
        (ReportName::ValueMatrix, "valueQuadrant") => {
            Selection::Customers(super::value_matrix::members(ctx, &r.query, value).await?)
        }
        (ReportName::Churn, "risk") => {
            let v = super::clv::valuation(ctx, &r.query).await?;
            let threshold = ctx.settings.churn_p_alive_percent as f64 / 100.0;
            Selection::Customers(
                super::churn::at_risk(&v, threshold)
                    .into_iter()
                    .filter(|x| x.2 == value)
                    .map(|x| x.0.customer_id)
                    .collect(),
            )
        }
        _ => return Err(CoreError::invalid("key", "not_drillable")),
    })
}

/// The customers of ABC class `class` in the Pareto report of the request.
async fn pareto_class(ctx: &Context<'_>, r: &DrillRequest, class: &str) -> Result<Vec<i64>> {
    let mut q = r.query.clone();
    q.limit = None;
    let report = super::pareto::run(ctx, &q).await?;
    let ranked = report
        .sections
        .iter()
        .find(|s| s.key == "rankedCustomers")
        .ok_or(CoreError::NotFound)?;
    Ok(ranked
        .rows
        .iter()
        .filter(|row| row.cells.last() == Some(&super::model::Cell::text(class)))
        .filter_map(|row| row.key.as_deref()?.strip_prefix("customer:")?.parse().ok())
        .collect())
}

/// The first `limit` customers or contracts behind the row, and how many there are.
pub async fn list(ctx: &Context<'_>, r: &DrillRequest, limit: u32) -> Result<DrillList> {
    let limit = limit.clamp(1, 2_000_000) as i64;
    let mut conn = ctx.store.read().acquire().await?;
    match select(ctx, r).await? {
        Selection::Contracts { period, condition } => {
            let build = |head: &str, tail: &str| {
                let mut b: QueryBuilder<Sqlite> = QueryBuilder::new(head);
                b.push(format!(
                    " FROM contracts ct JOIN customers c ON c.id = ct.customer_id WHERE {} AND ct.signed_on BETWEEN ",
                    crate::aggregate::contract_counts("ct")
                ))
                .push_bind(period.from_text())
                .push(" AND ")
                .push_bind(period.to_text());
                if let Some((sql, value)) = &condition {
                    b.push(" AND ");
                    let mut parts = sql.split('?');
                    b.push(parts.next().unwrap_or_default());
                    for part in parts {
                        b.push_bind(value.clone()).push(part);
                    }
                }
                push_filters(&mut b, &r.query.filters);
                b.push(tail);
                b
            };
            let total: i64 = build("SELECT count(*)", "")
                .build_query_scalar()
                .fetch_one(&mut *conn)
                .await?;
            let mut b = build(
                "SELECT ct.id, ct.customer_id, c.name AS customer_name, ct.number, ct.title, ct.amount, ct.signed_on AS day",
                " ORDER BY ct.signed_on DESC, ct.id DESC LIMIT ",
            );
            b.push_bind(limit);
            let rows = b.build_query_as().fetch_all(&mut *conn).await?;
            Ok(DrillList {
                kind: DrillKind::Contracts,
                rows,
                total,
            })
        }
        other => {
            let ids = customer_ids_of(&mut conn, other, &r.query).await?;
            let total = ids.len() as i64;
            let rows = sqlx::query_as(
                "SELECT c.id, c.id AS customer_id, c.name AS customer_name, NULL AS number, NULL AS title, \
                 a.signed AS amount, NULL AS day FROM customers c LEFT JOIN agg_customers a ON a.customer_id = c.id \
                 WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY coalesce(a.signed, 0) DESC, c.id LIMIT ?",
            )
            .bind(serde_json::to_string(&ids).expect("ids serialize"))
            .bind(limit)
            .fetch_all(&mut *conn)
            .await?;
            Ok(DrillList {
                kind: DrillKind::Customers,
                rows,
                total,
            })
        }
    }
}

/// The live customers of a selection (a contract list gives its contracts' customers).
async fn customer_ids_of(
    conn: &mut sqlx::SqliteConnection,
    s: Selection,
    q: &ReportQuery,
) -> Result<Vec<i64>> {
    Ok(match s {
        Selection::Customers(ids) => {
            let mut b: QueryBuilder<Sqlite> = QueryBuilder::new(
                "SELECT c.id FROM customers c WHERE c.deleted_at IS NULL AND c.id IN (SELECT value FROM json_each(",
            );
            b.push_bind(serde_json::to_string(&ids).expect("ids serialize"))
                .push("))");
            push_filters(&mut b, &q.filters);
            b.build_query_scalar().fetch_all(&mut *conn).await?
        }
        Selection::CustomersWhere(sql, values) => {
            let mut b: QueryBuilder<Sqlite> =
                QueryBuilder::new("SELECT c.id FROM customers c WHERE c.deleted_at IS NULL AND ");
            let mut parts = sql.split('?');
            b.push(parts.next().unwrap_or_default());
            for (part, v) in parts.zip(values) {
                b.push_bind(v).push(part);
            }
            push_filters(&mut b, &q.filters);
            b.build_query_scalar().fetch_all(&mut *conn).await?
        }
        Selection::Contracts { period, condition } => {
            let mut b: QueryBuilder<Sqlite> = QueryBuilder::new(format!(
                "SELECT DISTINCT c.id FROM contracts ct JOIN customers c ON c.id = ct.customer_id WHERE {} \
                 AND c.deleted_at IS NULL AND ct.signed_on BETWEEN ",
                crate::aggregate::contract_counts("ct")
            ));
            b.push_bind(period.from_text())
                .push(" AND ")
                .push_bind(period.to_text());
            if let Some((sql, value)) = condition {
                b.push(" AND ");
                let mut parts = sql.split('?');
                b.push(parts.next().unwrap_or_default());
                for part in parts {
                    b.push_bind(value.clone()).push(part);
                }
            }
            push_filters(&mut b, &q.filters);
            b.build_query_scalar().fetch_all(&mut *conn).await?
        }
    })
}

/// Writes every customer or contract behind the row as a workbook at `path`; returns how many.
pub async fn export(ctx: &Context<'_>, r: &DrillRequest, path: &std::path::Path) -> Result<i64> {
    let all = list(ctx, r, 2_000_000).await?;
    super::xlsx::write_drill(path, &all, r.query.language.unwrap_or(ctx.language))?;
    Ok(all.total)
}

/// Every live customer behind the row (a bulk action's customers).
pub async fn customer_ids(ctx: &Context<'_>, r: &DrillRequest) -> Result<Vec<i64>> {
    let selection = select(ctx, r).await?;
    let mut conn = ctx.store.read().acquire().await?;
    customer_ids_of(&mut conn, selection, &r.query).await
}

/// Adds `tag` to every live customer behind the row; returns how many were tagged.
pub async fn tag(ctx: &Context<'_>, r: &DrillRequest, tag: &str) -> Result<u64> {
    let ids = customer_ids(ctx, r).await?;
    ctx.store.customers().tag_many(&ids, tag).await
}

/// Plans a follow-up on `day` for every live customer behind the row; returns how many were planned.
pub async fn plan_follow_up(ctx: &Context<'_>, r: &DrillRequest, day: &str) -> Result<u64> {
    let ids = customer_ids(ctx, r).await?;
    ctx.store.follow_ups().plan_many(&ids, day).await
}
