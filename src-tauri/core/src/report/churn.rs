//! 流失预警: customers whose chance of still buying (P(alive)) is under the settings' threshold, and, for
//! those with three or more purchases, the days since their last purchase over the median gap between
//! their own purchases (关注 ≥ 1.0, 高风险 ≥ 1.5, 流失 ≥ 2.0); ranked by predicted value, so the owner calls
//! the valuable ones first. Without a fitted model only the gap rule applies, and the report says so.

use super::clv::{self, Valued};
use super::history::day_number;
use super::model::{
    Cell, ChartKind, ColumnKind, DrillKind, Report, ReportName, ReportQuery, SegmentSize,
};
use super::table::{kpi, Table};
use super::{common, Context};
use crate::error::Result;

/// The levels, most urgent first.
pub(super) const LEVELS: [&str; 4] = ["churned", "high", "watch", "unlikely"];

/// The risk level of a customer with P(alive) `p_alive` and gap ratio `ratio`, if at risk.
pub(super) fn risk(
    p_alive: Option<f64>,
    ratio: Option<f64>,
    threshold: f64,
) -> Option<&'static str> {
    match ratio {
        Some(r) if r >= 2.0 => Some("churned"),
        Some(r) if r >= 1.5 => Some("high"),
        Some(r) if r >= 1.0 => Some("watch"),
        _ if p_alive.is_some_and(|p| p < threshold) => Some("unlikely"),
        _ => None,
    }
}

/// Days since the last purchase over the median gap between purchases (three purchases or more).
pub(super) fn ratio(row: &Valued, as_of: i32) -> Option<f64> {
    row.median_gap
        .filter(|g| *g > 0.0)
        .map(|g| (as_of - row.last) as f64 / g)
}

/// The customers at risk, ranked as the report lists them: (row, ratio, level).
pub(super) fn at_risk<'v>(
    v: &'v clv::Valuation,
    threshold: f64,
) -> Vec<(&'v Valued, Option<f64>, &'static str)> {
    let t = day_number(v.as_of);
    v.rows
        .iter()
        .filter_map(|r| {
            let q = ratio(r, t);
            risk(r.p_alive, q, threshold).map(|level| (r, q, level))
        })
        .collect()
}

pub(super) async fn run(ctx: &Context<'_>, q: &ReportQuery) -> Result<Report> {
    let v = clv::valuation(ctx, q).await?;
    let threshold = ctx.settings.churn_p_alive_percent as f64 / 100.0;
    let limit = q.limit.map(|l| l as usize).unwrap_or(usize::MAX);
    let mut report = common::report(ctx, ReportName::Churn, q, None, None);
    report.parameters.push(super::model::Parameter {
        label: ctx.t("param.churnThreshold"),
        value: format!("P(alive) < {}%", ctx.settings.churn_p_alive_percent),
    });
    if let Some(f) = &v.failure {
        report.notes.push(clv::failure_note(ctx, f));
        report.notes.push(ctx.t("note.churn.gapOnly"));
    }
    let risky = at_risk(&v, threshold);
    let worth = |r: &Valued| r.predicted_365.unwrap_or(r.historical);
    report.kpis = vec![
        kpi(ctx, "atRisk", ColumnKind::Count, risky.len() as i64, None),
        kpi(
            ctx,
            "valueAtRisk",
            ColumnKind::Money,
            risky.iter().map(|(r, ..)| worth(r)).sum(),
            None,
        ),
    ];
    let mut sizes = Vec::new();
    let mut t = Table::new(ctx, "riskLevels")
        .col(ctx, "riskLevel", ColumnKind::Text)
        .col(ctx, "customers", ColumnKind::Count)
        .col(ctx, "historicalValue", ColumnKind::Money)
        .col(ctx, "predictedValue", ColumnKind::Money)
        .chart(ChartKind::Bar, 0, &[1])
        .drill(DrillKind::Customers);
    for level in LEVELS {
        let members: Vec<&Valued> = risky.iter().filter(|x| x.2 == level).map(|x| x.0).collect();
        let n = members.len() as i64;
        let historical: i64 = members.iter().map(|r| r.historical).sum();
        let predicted: Option<i64> = v
            .bgnbd
            .map(|_| members.iter().filter_map(|r| r.predicted_365).sum());
        sizes.push(SegmentSize {
            key: level.into(),
            label: ctx.t(&format!("risk.{level}")),
            customers: n,
            amount: historical,
        });
        t.row(
            Some(format!("risk:{level}")),
            vec![
                Cell::text(ctx.t(&format!("risk.{level}"))),
                Cell::Int(n),
                Cell::Int(historical),
                predicted.map(Cell::Int).unwrap_or(Cell::Empty),
            ],
        );
    }
    let t = t.totals(ctx, &[]);
    report.sections.push(t.done());
    report.segments = Some(sizes);

    let shown: Vec<&Valued> = risky.iter().take(limit).map(|x| x.0).collect();
    let values = clv::customer_values(ctx, &shown, v.as_of).await?;
    let today = day_number(v.as_of);
    let mut t = Table::new(ctx, "atRiskCustomers")
        .col(ctx, "customer", ColumnKind::Text)
        .col(ctx, "pAlive", ColumnKind::Percent)
        .col(ctx, "daysSinceLast", ColumnKind::Count)
        .col(ctx, "medianGap", ColumnKind::Number)
        .col(ctx, "gapRatio", ColumnKind::Number)
        .col(ctx, "riskLevel", ColumnKind::Text)
        .col(ctx, "predictedValue", ColumnKind::Money)
        .col(ctx, "historicalValue", ColumnKind::Money)
        .drill(DrillKind::Customers);
    for ((row, q, level), c) in risky.iter().zip(&values) {
        t.row(
            Some(format!("customer:{}", row.customer_id)),
            vec![
                Cell::text(c.name.clone()),
                row.p_alive.map(Cell::float).unwrap_or(Cell::Empty),
                Cell::Int((today - row.last) as i64),
                row.median_gap.map(Cell::float).unwrap_or(Cell::Empty),
                q.map(|x| Cell::float((x * 100.0).round() / 100.0))
                    .unwrap_or(Cell::Empty),
                Cell::text(ctx.t(&format!("risk.{level}"))),
                row.predicted_365.map(Cell::Int).unwrap_or(Cell::Empty),
                Cell::Int(row.historical),
            ],
        );
    }
    if risky.len() > limit {
        t = t.total_rows(risky.len() as i64);
    }
    report.sections.push(t.done());
    report.customers = Some(values);
    report.empty = v.rows.is_empty();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gap_ratio_sets_the_level_before_p_alive_does() {
        assert_eq!(
            risk(Some(0.9), Some(2.0), 0.5),
            Some("churned"),
            "twice the usual gap: 流失"
        );
        assert_eq!(risk(Some(0.9), Some(1.5), 0.5), Some("high"));
        assert_eq!(risk(Some(0.9), Some(1.0), 0.5), Some("watch"));
        assert_eq!(
            risk(Some(0.9), Some(0.99), 0.5),
            None,
            "a little early is no risk"
        );
        assert_eq!(
            risk(Some(0.3), Some(0.5), 0.5),
            Some("unlikely"),
            "the model alone can flag a customer"
        );
        assert_eq!(
            risk(Some(0.5), None, 0.5),
            None,
            "at the threshold is not under it"
        );
        assert_eq!(
            risk(None, None, 0.5),
            None,
            "no model, no gap: nothing is guessed"
        );
    }

    #[test]
    fn the_ratio_is_days_since_the_last_purchase_over_the_median_gap() {
        let row = Valued {
            customer_id: 1,
            purchases: 4,
            first: 0,
            last: 90,
            historical: 0,
            median_gap: Some(30.0),
            p_alive: None,
            expected_90: None,
            expected_365: None,
            predicted_365: None,
        };
        assert_eq!(ratio(&row, 135), Some(1.5), "45 days since, gaps of 30");
        assert_eq!(
            ratio(
                &Valued {
                    median_gap: Some(0.0),
                    ..row.clone()
                },
                135
            ),
            None,
            "all on one day: no gap"
        );
    }
}
