//! 二八分析 (Pareto / ABC) of customers and of products over a period: the cumulative-share curve, the share
//! of customers that makes 80% of the amount, and classes A, B and C at the settings' cut-offs.
//!
//! Customers (or products) with an amount in the period are ranked, largest first (ties by id). One
//! belongs to A when the amount of those ranked before it is under the A cut-off of the total, to B
//! when under the B cut-off, else to C: so A holds the fewest that reach the cut-off.

use sqlx::{QueryBuilder, Sqlite};

use super::model::{
    Cell, ChartKind, ColumnKind, DrillKind, Measure, Report, ReportName, ReportQuery, SegmentSize,
};
use super::period::Period;
use super::source::{push_filters, Dim, Source};
use super::table::{customer_names, products, share, Table};
use super::{common, Context};
use crate::error::Result;

pub(super) fn default_period(ctx: &Context<'_>) -> Period {
    Period::year_of(ctx.today)
}

/// A, B or C.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    A,
    B,
    C,
}

impl Class {
    pub fn key(self) -> &'static str {
        match self {
            Class::A => "A",
            Class::B => "B",
            Class::C => "C",
        }
    }
}

/// The classes of `amounts` (sorted largest first) at cut-offs `a` and `b` (fractions), and the share of
/// them needed to reach 80% of the total.
pub(super) fn classify(amounts: &[i64], a: f64, b: f64) -> (Vec<Class>, Option<f64>) {
    let total: i128 = amounts.iter().map(|v| *v as i128).sum();
    if total <= 0 {
        return (vec![Class::C; amounts.len()], None);
    }
    let mut before: i128 = 0;
    let mut for_80 = None;
    let classes = amounts
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let share_before = before as f64 / total as f64;
            before += *v as i128;
            if for_80.is_none() && before as f64 >= 0.8 * total as f64 {
                for_80 = Some((i + 1) as f64 / amounts.len() as f64);
            }
            if share_before < a {
                Class::A
            } else if share_before < b {
                Class::B
            } else {
                Class::C
            }
        })
        .collect();
    (classes, for_80)
}

/// The cumulative-share curve in 100 steps of the ranked list: (share of the list, share of the amount).
pub(super) fn curve(amounts: &[i64]) -> Vec<(f64, f64)> {
    let n = amounts.len();
    let total: i128 = amounts.iter().map(|v| *v as i128).sum();
    if n == 0 || total <= 0 {
        return Vec::new();
    }
    let mut cumulative = Vec::with_capacity(n);
    let mut run: i128 = 0;
    for v in amounts {
        run += *v as i128;
        cumulative.push(run);
    }
    (1..=100)
        .map(|p| {
            let k = ((p as f64 / 100.0) * n as f64).ceil().max(1.0) as usize;
            (
                p as f64 / 100.0,
                cumulative[k.min(n) - 1] as f64 / total as f64,
            )
        })
        .collect()
}

pub(super) async fn run(ctx: &Context<'_>, q: &ReportQuery) -> Result<Report> {
    let period = Period::parse(q.from.as_deref(), q.to.as_deref(), default_period(ctx))?;
    let (a, b) = (
        ctx.settings.pareto_a_percent as f64 / 100.0,
        ctx.settings.pareto_b_percent as f64 / 100.0,
    );
    let limit = q.limit.map(|l| l as usize).unwrap_or(usize::MAX);
    let mut filters = q.filters.clone();
    filters.category = None;
    let mut conn = ctx.store.read().acquire().await?;
    let mut report = common::report(ctx, ReportName::Pareto, q, Some(period), None);
    report.parameters.push(super::model::Parameter {
        label: ctx.t("param.cutOffs"),
        value: format!(
            "A ≤ {}% · B ≤ {}%",
            ctx.settings.pareto_a_percent, ctx.settings.pareto_b_percent
        ),
    });

    let table = match q.measure {
        Measure::Signed => "agg_sales",
        Measure::Received => "agg_collections",
    };
    // Without filters no customer row is read: the purchases alone are summed.
    let join = if filters.on_customers() {
        " JOIN customers c ON c.id = s.customer_id"
    } else {
        ""
    };
    let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(format!(
        "SELECT s.customer_id, sum(s.amount) FROM {table} s{join} WHERE s.day BETWEEN "
    ));
    sql.push_bind(period.from_text())
        .push(" AND ")
        .push_bind(period.to_text());
    if filters.on_customers() {
        push_filters(&mut sql, &filters);
    }
    sql.push(" GROUP BY s.customer_id HAVING sum(s.amount) > 0");
    let mut ranked: Vec<(i64, i64)> = sql.build_query_as().fetch_all(&mut *conn).await?;
    ranked.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    ctx.check()?;
    let amounts: Vec<i64> = ranked.iter().map(|r| r.1).collect();
    let (classes, for_80) = classify(&amounts, a, b);
    let total: i64 = amounts.iter().sum();
    report.share_of_customers_for_80_percent = for_80;
    if let Some(s) = for_80 {
        report.notes.push(
            ctx.t("note.paretoShare")
                .replace("{share}", &format!("{:.1}", s * 100.0)),
        );
    }

    let mut sizes = Vec::new();
    let mut t = Table::new(ctx, "classes")
        .col(ctx, "class", ColumnKind::Text)
        .col(ctx, "customers", ColumnKind::Count)
        .col(ctx, "customerShare", ColumnKind::Percent)
        .col(ctx, "amount", ColumnKind::Money)
        .col(ctx, "amountShare", ColumnKind::Percent)
        .chart(ChartKind::Bar, 0, &[3])
        .drill(DrillKind::Customers);
    for class in [Class::A, Class::B, Class::C] {
        let n = classes.iter().filter(|c| **c == class).count() as i64;
        let amount: i64 = classes
            .iter()
            .zip(&amounts)
            .filter(|(c, _)| **c == class)
            .map(|(_, v)| *v)
            .sum();
        sizes.push(SegmentSize {
            key: class.key().into(),
            label: ctx.t(&format!("class.{}", class.key())),
            customers: n,
            amount,
        });
        t.row(
            Some(format!("class:{}", class.key())),
            vec![
                Cell::text(ctx.t(&format!("class.{}", class.key()))),
                Cell::Int(n),
                share(n, amounts.len() as i64),
                Cell::Int(amount),
                share(amount, total),
            ],
        );
    }
    report.sections.push(
        t.totals(
            ctx,
            &[
                (2, share(amounts.len() as i64, amounts.len() as i64)),
                (4, share(total, total)),
            ],
        )
        .done(),
    );
    report.segments = Some(sizes);

    let mut t = Table::new(ctx, "curve")
        .col(ctx, "customerShare", ColumnKind::Percent)
        .col(ctx, "amountShare", ColumnKind::Percent)
        .chart(ChartKind::Line, 0, &[1]);
    for (x, y) in curve(&amounts) {
        t.row(None, vec![Cell::Float(x), Cell::Float(y)]);
    }
    report.sections.push(t.done());

    let shown: Vec<i64> = ranked.iter().take(limit).map(|r| r.0).collect();
    let names = customer_names(&mut conn, &shown).await?;
    let mut t = Table::new(ctx, "rankedCustomers")
        .col(ctx, "rank", ColumnKind::Count)
        .col(ctx, "customer", ColumnKind::Text)
        .col(ctx, "amount", ColumnKind::Money)
        .col(ctx, "share", ColumnKind::Percent)
        .col(ctx, "cumulativeShare", ColumnKind::Percent)
        .col(ctx, "class", ColumnKind::Text)
        .drill(DrillKind::Customers);
    let mut run = 0i64;
    for (i, ((id, amount), class)) in ranked.iter().zip(&classes).enumerate().take(limit) {
        run += amount;
        t.row(
            Some(format!("customer:{id}")),
            vec![
                Cell::Int(i as i64 + 1),
                Cell::text(names.get(id).cloned().unwrap_or_default()),
                Cell::Int(*amount),
                share(*amount, total),
                share(run, total),
                Cell::text(class.key()),
            ],
        );
    }
    let mut t = t.totals(
        ctx,
        &[
            (0, Cell::text(ctx.t("total"))),
            (2, Cell::Int(total)),
            (3, share(total, total)),
        ],
    );
    if ranked.len() > limit {
        t = t.total_rows(ranked.len() as i64);
    }
    report.sections.push(t.done());
    ctx.check()?;

    // Products: their lines' amounts over the same period (signed only: receipts have no products).
    if q.measure == Measure::Signed {
        let source = Source::for_filters(&filters);
        let sold = source.by_value(&mut conn, Dim::Product, period).await?;
        let catalogue = products(&mut conn).await?;
        let mut items: Vec<(String, i64)> = sold
            .into_iter()
            .filter(|(_, m)| m.signed_amount > 0)
            .map(|(id, m)| (id, m.signed_amount))
            .collect();
        items.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        let amounts: Vec<i64> = items.iter().map(|i| i.1).collect();
        let (classes, _) = classify(&amounts, a, b);
        let product_total: i64 = amounts.iter().sum();
        let mut t = Table::new(ctx, "rankedProducts")
            .col(ctx, "rank", ColumnKind::Count)
            .col(ctx, "product", ColumnKind::Text)
            .col(ctx, "amount", ColumnKind::Money)
            .col(ctx, "share", ColumnKind::Percent)
            .col(ctx, "cumulativeShare", ColumnKind::Percent)
            .col(ctx, "class", ColumnKind::Text)
            .chart(ChartKind::Bar, 1, &[2])
            .drill(DrillKind::Contracts);
        let mut run = 0i64;
        for (i, ((id, amount), class)) in items.iter().zip(&classes).enumerate() {
            run += amount;
            let name = catalogue
                .get(id)
                .map(|p| p.0.clone())
                .unwrap_or_else(|| ctx.t("noProduct"));
            t.row(
                Some(format!("product:{id}")),
                vec![
                    Cell::Int(i as i64 + 1),
                    Cell::text(name),
                    Cell::Int(*amount),
                    share(*amount, product_total),
                    share(run, product_total),
                    Cell::text(class.key()),
                ],
            );
        }
        report.sections.push(
            t.totals(
                ctx,
                &[
                    (0, Cell::text(ctx.t("total"))),
                    (2, Cell::Int(product_total)),
                    (3, share(product_total, product_total)),
                ],
            )
            .done(),
        );
    }
    report.empty = ranked.is_empty();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abc_classes_hold_the_fewest_customers_that_reach_each_cut_off() {
        // Total 1000: 500 (0% before) A, 300 (50%) A, 100 (80%) B, 60 (90%) B, 40 (96%) C.
        let (classes, for_80) = classify(&[500, 300, 100, 60, 40], 0.8, 0.95);
        assert_eq!(classes, [Class::A, Class::A, Class::B, Class::B, Class::C]);
        assert_eq!(for_80, Some(2.0 / 5.0), "the first two make exactly 80%");
    }

    #[test]
    fn one_customer_is_all_of_a() {
        let (classes, for_80) = classify(&[1234], 0.8, 0.95);
        assert_eq!(classes, [Class::A]);
        assert_eq!(for_80, Some(1.0));
    }

    #[test]
    fn equal_customers_fill_a_in_rank_order() {
        // Ten of 100 each: before-shares 0, .1, … .9; A while under .8 → eight, B while under .95 → two.
        let (classes, for_80) = classify(&[100; 10], 0.8, 0.95);
        assert_eq!(classes.iter().filter(|c| **c == Class::A).count(), 8);
        assert_eq!(classes[8..], [Class::B, Class::B]);
        assert_eq!(for_80, Some(0.8));
    }

    #[test]
    fn nothing_to_rank_gives_no_share_and_no_curve() {
        assert_eq!(classify(&[], 0.8, 0.95), (vec![], None));
        assert_eq!(
            classify(&[0, 0], 0.8, 0.95).1,
            None,
            "zero amounts never make 80%"
        );
        assert!(curve(&[]).is_empty());
    }

    #[test]
    fn the_curve_reaches_the_whole_amount_at_the_whole_list() {
        let c = curve(&[600, 300, 100]);
        assert_eq!(c.len(), 100);
        assert_eq!(c[32], (0.33, 0.6), "a third of three is the first one: 60%");
        assert_eq!(c[99], (1.0, 1.0));
    }
}
