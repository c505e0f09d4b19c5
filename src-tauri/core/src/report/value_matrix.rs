//! 客户价值矩阵: current value (签约额 of the last 12 months) against potential value (the predicted next
//! 12 months), each split at the settings' percentile of the customers who ever bought → 重点保持 (high,
//! high), 重点发展 (low now, high potential), 维持 (high now, low potential), 低价值 (low, low). A value
//! counts as high when it is above the split. Without a fitted model there is no potential value: the
//! report says so and splits nothing.

use super::clv::{self, Valued};
use super::history::day_number;
use super::model::{
    Cell, ChartKind, ColumnKind, DrillKind, Report, ReportName, ReportQuery, SegmentSize,
};
use super::period::Period;
use super::table::{share, Table};
use super::{common, Context};
use crate::error::Result;

pub(super) const QUADRANTS: [&str; 4] = ["keep", "develop", "maintain", "low"];

/// The value at percentile `p` (0–1) of `values` by nearest rank.
pub(super) fn percentile(values: &[i64], p: f64) -> i64 {
    let mut v = values.to_vec();
    v.sort_unstable();
    if v.is_empty() {
        return 0;
    }
    v[((p * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1]
}

pub(super) fn quadrant(current: i64, potential: i64, split: (i64, i64)) -> &'static str {
    match (current > split.0, potential > split.1) {
        (true, true) => "keep",
        (false, true) => "develop",
        (true, false) => "maintain",
        (false, false) => "low",
    }
}

/// Each purchaser with its current value over the 12 months up to the valuation day.
fn current_values(v: &clv::Valuation, histories: &[super::history::Purchases]) -> Vec<(i64, i64)> {
    let window = Period::ending(v.as_of, 365);
    let (from, to) = (day_number(window.from), day_number(window.to));
    histories
        .iter()
        .map(|p| (p.customer_id, p.within(from, to).1))
        .collect()
}

/// (row, current, quadrant) of every purchaser, ranked by current plus potential value.
async fn placed(
    ctx: &Context<'_>,
    q: &ReportQuery,
) -> Result<(
    std::sync::Arc<clv::Valuation>,
    Vec<(Valued, i64, &'static str)>,
)> {
    let v = clv::valuation(ctx, q).await?;
    let histories = super::history::load(ctx, &q.filters, v.as_of).await?;
    let current: std::collections::HashMap<i64, i64> =
        current_values(&v, &histories).into_iter().collect();
    let p = ctx.settings.value_split_percent as f64 / 100.0;
    let now: Vec<i64> = v
        .rows
        .iter()
        .map(|r| current.get(&r.customer_id).copied().unwrap_or(0))
        .collect();
    let potential: Vec<i64> = v
        .rows
        .iter()
        .map(|r| r.predicted_365.unwrap_or(0))
        .collect();
    let split = (percentile(&now, p), percentile(&potential, p));
    let mut rows: Vec<(Valued, i64, &'static str)> = v
        .rows
        .iter()
        .zip(&now)
        .map(|(r, c)| {
            let q = if v.bgnbd.is_some() {
                quadrant(*c, r.predicted_365.unwrap_or(0), split)
            } else {
                ""
            };
            (r.clone(), *c, q)
        })
        .collect();
    rows.sort_by(|a, b| {
        (b.1 + b.0.predicted_365.unwrap_or(0))
            .cmp(&(a.1 + a.0.predicted_365.unwrap_or(0)))
            .then(a.0.customer_id.cmp(&b.0.customer_id))
    });
    Ok((v, rows))
}

pub(super) async fn run(ctx: &Context<'_>, q: &ReportQuery) -> Result<Report> {
    let (v, rows) = placed(ctx, q).await?;
    let limit = q.limit.map(|l| l as usize).unwrap_or(usize::MAX);
    let mut report = common::report(ctx, ReportName::ValueMatrix, q, None, None);
    report.parameters.push(super::model::Parameter {
        label: ctx.t("param.valueSplit"),
        value: format!("P{}", ctx.settings.value_split_percent),
    });
    if let Some(f) = &v.failure {
        report.notes.push(clv::failure_note(ctx, f));
    }
    let mut sizes = Vec::new();
    let mut t = Table::new(ctx, "valueQuadrants")
        .col(ctx, "quadrant", ColumnKind::Text)
        .col(ctx, "customers", ColumnKind::Count)
        .col(ctx, "customerShare", ColumnKind::Percent)
        .col(ctx, "currentValue", ColumnKind::Money)
        .col(ctx, "predictedValue", ColumnKind::Money)
        .chart(ChartKind::Bar, 0, &[1])
        .drill(DrillKind::Customers);
    if v.bgnbd.is_some() {
        for key in QUADRANTS {
            let members: Vec<_> = rows.iter().filter(|r| r.2 == key).collect();
            let n = members.len() as i64;
            let current: i64 = members.iter().map(|r| r.1).sum();
            let potential: i64 = members.iter().filter_map(|r| r.0.predicted_365).sum();
            sizes.push(SegmentSize {
                key: key.into(),
                label: ctx.t(&format!("valueQuadrant.{key}")),
                customers: n,
                amount: current,
            });
            t.row(
                Some(format!("valueQuadrant:{key}")),
                vec![
                    Cell::text(ctx.t(&format!("valueQuadrant.{key}"))),
                    Cell::Int(n),
                    share(n, rows.len() as i64),
                    Cell::Int(current),
                    Cell::Int(potential),
                ],
            );
        }
    }
    report.sections.push(
        t.totals(ctx, &[(2, share(rows.len() as i64, rows.len() as i64))])
            .done(),
    );
    report.segments = Some(sizes);

    let shown: Vec<&Valued> = rows.iter().take(limit).map(|r| &r.0).collect();
    let values = clv::customer_values(ctx, &shown, v.as_of).await?;
    let mut t = Table::new(ctx, "valueCustomers")
        .col(ctx, "customer", ColumnKind::Text)
        .col(ctx, "currentValue", ColumnKind::Money)
        .col(ctx, "predictedValue", ColumnKind::Money)
        .col(ctx, "quadrant", ColumnKind::Text)
        .chart(ChartKind::Scatter, 0, &[1, 2])
        .drill(DrillKind::Customers);
    for ((row, current, key), c) in rows.iter().zip(&values) {
        t.row(
            Some(format!("customer:{}", row.customer_id)),
            vec![
                Cell::text(c.name.clone()),
                Cell::Int(*current),
                row.predicted_365.map(Cell::Int).unwrap_or(Cell::Empty),
                if key.is_empty() {
                    Cell::Empty
                } else {
                    Cell::text(ctx.t(&format!("valueQuadrant.{key}")))
                },
            ],
        );
    }
    if rows.len() > limit {
        t = t.total_rows(rows.len() as i64);
    }
    report.sections.push(t.done());
    report.empty = rows.is_empty();
    Ok(report)
}

/// The customers of quadrant `key` for the query.
pub(super) async fn members(ctx: &Context<'_>, q: &ReportQuery, key: &str) -> Result<Vec<i64>> {
    let (_, rows) = placed(ctx, q).await?;
    Ok(rows
        .into_iter()
        .filter(|r| r.2 == key)
        .map(|r| r.0.customer_id)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_customer_is_high_when_above_the_split() {
        let split = (
            percentile(&[0, 0, 100, 500], 0.5),
            percentile(&[10, 20, 30, 40], 0.5),
        );
        assert_eq!(
            split,
            (0, 20),
            "the median by nearest rank is the second of four"
        );
        assert_eq!(quadrant(500, 40, split), "keep");
        assert_eq!(
            quadrant(0, 30, split),
            "develop",
            "bought nothing this year, much expected: 重点发展"
        );
        assert_eq!(
            quadrant(100, 20, split),
            "maintain",
            "on the split is not above it"
        );
        assert_eq!(quadrant(0, 10, split), "low");
    }
}
