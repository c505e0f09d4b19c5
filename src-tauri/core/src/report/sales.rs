//! 销售分析: 签约额 and 回款额 by month, quarter or year against the compared period; by product and
//! product category (quantity, amount, margin); by the customer's province, city, industry, source and
//! level; contract count and average contract value.

use std::collections::HashMap;

use super::model::{Cell, ChartKind, ColumnKind, DrillKind, Report, ReportName, ReportQuery};
use super::period::Period;
use super::source::{Dim, Measures, Source};
use super::table::{change, kpi, products, share, value_label, Table};
use super::{common, Context};
use crate::error::Result;

/// The default period: this year, compared with last year.
pub(super) fn default_period(ctx: &Context<'_>) -> Period {
    Period::year_of(ctx.today)
}

/// The margin of `amount` sold as `quantity_milli` of a product costing `cost` a unit (分, rounded).
pub(super) fn margin(amount: i64, quantity_milli: i64, cost: Option<i64>) -> Option<i64> {
    cost.map(|c| amount - ((quantity_milli as i128 * c as i128 + 500) / 1000) as i64)
}

fn average(amount: i64, count: i64) -> Cell {
    if count == 0 {
        Cell::Empty
    } else {
        Cell::Int((amount as f64 / count as f64).round() as i64)
    }
}

pub(super) async fn run(ctx: &Context<'_>, q: &ReportQuery) -> Result<Report> {
    let period = Period::parse(q.from.as_deref(), q.to.as_deref(), default_period(ctx))?;
    let previous = period.compared(q.compare);
    let source = Source::for_filters(&q.filters);
    let mut conn = ctx.store.read().acquire().await?;
    let mut report = common::report(ctx, ReportName::Sales, q, Some(period), previous);

    let now = source.total(&mut conn, period).await?;
    let before = match previous {
        Some(p) => Some(source.total(&mut conn, p).await?),
        None => None,
    };
    let avg = |m: &Measures| {
        if m.signed_count == 0 {
            0
        } else {
            (m.signed_amount as f64 / m.signed_count as f64).round() as i64
        }
    };
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
            "contracts",
            ColumnKind::Count,
            now.signed_count,
            before.map(|b| b.signed_count),
        ),
        kpi(
            ctx,
            "averageContract",
            ColumnKind::Money,
            avg(&now),
            before.as_ref().map(avg),
        ),
    ];
    if q.filters
        .category
        .as_deref()
        .is_some_and(|c| !c.trim().is_empty())
    {
        report.notes.push(ctx.t("note.categoryNoReceipts"));
    }

    // By period, each bucket beside the same bucket of the compared period.
    let buckets = source
        .by_bucket(&mut conn, Dim::Whole, None, period, q.grain)
        .await?;
    let compared = match previous {
        Some(p) => Some(
            source
                .by_bucket(&mut conn, Dim::Whole, None, p, q.grain)
                .await?,
        ),
        None => None,
    };
    let mut t = Table::new(ctx, "byPeriod").col(ctx, "period", ColumnKind::Text);
    t = t.col(ctx, "signed", ColumnKind::Money);
    if compared.is_some() {
        t = t.col(ctx, "signedBefore", ColumnKind::Money).col(
            ctx,
            "signedChange",
            ColumnKind::Percent,
        );
    }
    t = t.col(ctx, "received", ColumnKind::Money);
    if compared.is_some() {
        t = t.col(ctx, "receivedBefore", ColumnKind::Money).col(
            ctx,
            "receivedChange",
            ColumnKind::Percent,
        );
    }
    t = t
        .col(ctx, "contracts", ColumnKind::Count)
        .col(ctx, "averageContract", ColumnKind::Money);
    let series: &[usize] = if compared.is_some() {
        &[1, 2, 4]
    } else {
        &[1, 2]
    };
    t = t
        .chart(ChartKind::Bar, 0, series)
        .drill(DrillKind::Contracts);
    for (i, (name, m)) in buckets.iter().enumerate() {
        let mut cells = vec![Cell::text(name.clone()), Cell::Int(m.signed_amount)];
        let b = compared
            .as_ref()
            .map(|c| c.get(i).map(|x| x.1).unwrap_or_default());
        if let Some(b) = b {
            cells.push(Cell::Int(b.signed_amount));
            cells.push(change(m.signed_amount, b.signed_amount));
        }
        cells.push(Cell::Int(m.received_amount));
        if let Some(b) = b {
            cells.push(Cell::Int(b.received_amount));
            cells.push(change(m.received_amount, b.received_amount));
        }
        cells.push(Cell::Int(m.signed_count));
        cells.push(average(m.signed_amount, m.signed_count));
        t.row(Some(format!("bucket:{name}")), cells);
    }
    let mut with = Vec::new();
    if let Some(b) = before {
        with.push((3, change(now.signed_amount, b.signed_amount)));
        with.push((6, change(now.received_amount, b.received_amount)));
        with.push((8, average(now.signed_amount, now.signed_count)));
    } else {
        with.push((4, average(now.signed_amount, now.signed_count)));
    }
    report.sections.push(t.totals(ctx, &with).done());

    // By product and by category, with the margin where the product carries a cost.
    let catalogue = products(&mut conn).await?;
    let sold = source.by_value(&mut conn, Dim::Product, period).await?;
    let mut lines: Vec<(&String, &Measures)> =
        sold.iter().filter(|(_, m)| m.signed_count != 0).collect();
    lines.sort_by(|a, b| b.1.signed_amount.cmp(&a.1.signed_amount).then(a.0.cmp(b.0)));
    let mut t = Table::new(ctx, "byProduct")
        .col(ctx, "product", ColumnKind::Text)
        .col(ctx, "category", ColumnKind::Text)
        .col(ctx, "quantity", ColumnKind::Number)
        .col(ctx, "amount", ColumnKind::Money)
        .col(ctx, "margin", ColumnKind::Money)
        .col(ctx, "marginRate", ColumnKind::Percent)
        .col(ctx, "share", ColumnKind::Percent)
        .chart(ChartKind::HorizontalBar, 0, &[3])
        .drill(DrillKind::Contracts);
    let total_lines: i64 = lines.iter().map(|(_, m)| m.signed_amount).sum();
    let mut by_category: HashMap<String, (i64, i64, Option<i64>)> = HashMap::new();
    let mut costed = (0i64, 0i64);
    for (id, m) in &lines {
        let (name, category, cost) = match catalogue.get(*id) {
            Some((n, c, cost)) => (n.clone(), c.clone().unwrap_or_default(), *cost),
            None => (ctx.t("noProduct"), String::new(), None),
        };
        let margin = margin(m.signed_amount, m.quantity_milli, cost);
        if let Some(g) = margin {
            costed.0 += g;
            costed.1 += m.signed_amount;
        }
        let c = by_category.entry(category.clone()).or_insert((0, 0, None));
        c.0 += m.quantity_milli;
        c.1 += m.signed_amount;
        if let Some(g) = margin {
            c.2 = Some(c.2.unwrap_or(0) + g);
        }
        t.row(
            Some(format!("product:{id}")),
            vec![
                Cell::text(name),
                Cell::text(if category.is_empty() {
                    ctx.t("unset")
                } else {
                    category
                }),
                Cell::float(m.quantity_milli as f64 / 1000.0),
                Cell::Int(m.signed_amount),
                margin.map(Cell::Int).unwrap_or(Cell::Empty),
                margin
                    .map(|g| Cell::ratio(g as f64, m.signed_amount as f64))
                    .unwrap_or(Cell::Empty),
                share(m.signed_amount, total_lines),
            ],
        );
    }
    let margin_total = (costed.1 > 0).then_some(costed.0);
    report.sections.push(
        t.totals(
            ctx,
            &[
                (2, Cell::Empty),
                (4, margin_total.map(Cell::Int).unwrap_or(Cell::Empty)),
                (5, Cell::ratio(costed.0 as f64, costed.1 as f64)),
                (6, share(total_lines, total_lines)),
            ],
        )
        .done(),
    );
    let mut categories: Vec<(String, (i64, i64, Option<i64>))> = by_category.into_iter().collect();
    categories.sort_by(|a, b| b.1 .1.cmp(&a.1 .1).then(a.0.cmp(&b.0)));
    let mut t = Table::new(ctx, "byCategory")
        .col(ctx, "category", ColumnKind::Text)
        .col(ctx, "amount", ColumnKind::Money)
        .col(ctx, "margin", ColumnKind::Money)
        .col(ctx, "share", ColumnKind::Percent)
        .chart(ChartKind::Pie, 0, &[1])
        .drill(DrillKind::Contracts);
    for (category, (_, amount, margin)) in &categories {
        t.row(
            Some(format!("category:{category}")),
            vec![
                Cell::text(if category.is_empty() {
                    ctx.t("unset")
                } else {
                    category.clone()
                }),
                Cell::Int(*amount),
                margin.map(Cell::Int).unwrap_or(Cell::Empty),
                share(*amount, total_lines),
            ],
        );
    }
    report.sections.push(
        t.totals(
            ctx,
            &[
                (2, margin_total.map(Cell::Int).unwrap_or(Cell::Empty)),
                (3, share(total_lines, total_lines)),
            ],
        )
        .done(),
    );
    ctx.check()?;

    // By the customer's region, industry, source and level.
    for (dim, key) in [
        (Dim::Province, "byProvince"),
        (Dim::City, "byCity"),
        (Dim::Industry, "byIndustry"),
        (Dim::Source, "bySource"),
        (Dim::Level, "byLevel"),
    ] {
        let values = source.by_value(&mut conn, dim, period).await?;
        report
            .sections
            .push(by_customer_dim(ctx, key, dim, &values, now.signed_amount));
    }
    report.empty = now.signed_count == 0
        && now.received_count == 0
        && before.map_or(true, |b| b.signed_count == 0 && b.received_count == 0);
    Ok(report)
}

/// One table of 签约额 and 回款额 by the values of a customer dimension, largest first.
fn by_customer_dim(
    ctx: &Context<'_>,
    key: &str,
    dim: Dim,
    values: &HashMap<String, Measures>,
    total: i64,
) -> super::model::Section {
    let mut rows: Vec<(&String, &Measures)> = values
        .iter()
        .filter(|(_, m)| m.signed_count != 0 || m.received_count != 0)
        .collect();
    rows.sort_by(|a, b| {
        b.1.signed_amount
            .cmp(&a.1.signed_amount)
            .then(b.1.received_amount.cmp(&a.1.received_amount))
            .then(a.0.cmp(b.0))
    });
    let mut t = Table::new(ctx, key)
        .col(ctx, dim.key(), ColumnKind::Text)
        .col(ctx, "signed", ColumnKind::Money)
        .col(ctx, "received", ColumnKind::Money)
        .col(ctx, "contracts", ColumnKind::Count)
        .col(ctx, "averageContract", ColumnKind::Money)
        .col(ctx, "share", ColumnKind::Percent)
        .chart(ChartKind::Bar, 0, &[1, 2])
        .drill(DrillKind::Contracts);
    let mut count = 0;
    for (value, m) in rows {
        count += m.signed_count;
        t.row(
            Some(format!("{}:{value}", dim.key())),
            vec![
                Cell::text(value_label(ctx, dim.key(), value)),
                Cell::Int(m.signed_amount),
                Cell::Int(m.received_amount),
                Cell::Int(m.signed_count),
                average(m.signed_amount, m.signed_count),
                share(m.signed_amount, total),
            ],
        );
    }
    let t = t.totals(ctx, &[(4, average(total, count)), (5, share(total, total))]);
    if matches!(dim, Dim::City) {
        t.keep_first(100).done()
    } else {
        t.done()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_margin_is_the_amount_less_quantity_times_cost_rounded_to_the_fen() {
        assert_eq!(
            margin(100_000, 2_500, Some(30_000)),
            Some(25_000),
            "2.5 × 300 元 of 1000 元"
        );
        assert_eq!(
            margin(1_000, 1_001, Some(333)),
            Some(667),
            "1.001 × 3.33 元 rounds to 3.33 元"
        );
        assert_eq!(margin(5_000, 1_000, None), None, "no cost, no margin");
    }
}
