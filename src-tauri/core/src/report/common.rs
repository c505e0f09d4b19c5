//! What every report's result starts with (its title, definition, period and parameters) and the few
//! queries several reports share.

use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::model::{Measure, Parameter, Report, ReportFilters, ReportName, ReportQuery};
use super::period::{Comparison, Grain, Period};
use super::Context;
use crate::error::Result;

/// An empty result of report `name` for `q` over `period` (compared with `compared`).
pub(super) fn report(
    ctx: &Context<'_>,
    name: ReportName,
    q: &ReportQuery,
    period: Option<Period>,
    compared: Option<Period>,
) -> Report {
    let key = name.as_str();
    let as_of = ctx.as_of(q).unwrap_or(ctx.today);
    let mut parameters = Vec::new();
    let mut param = |label: &str, value: String| {
        parameters.push(Parameter {
            label: ctx.t(&format!("param.{label}")),
            value,
        })
    };
    if let Some(p) = period {
        param("period", format!("{} – {}", p.from_text(), p.to_text()));
    }
    if let Some(c) = compared {
        let how = match q.compare {
            Comparison::PreviousYear => "previousYear",
            _ => "previousPeriod",
        };
        param(
            "comparison",
            format!(
                "{} ({} – {})",
                ctx.t(&format!("compare.{how}")),
                c.from_text(),
                c.to_text()
            ),
        );
    }
    if matches!(name, ReportName::Sales) {
        let grain = match q.grain {
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Year => "year",
        };
        param("grain", ctx.t(&format!("grain.{grain}")));
    }
    if matches!(name, ReportName::Pareto) {
        let measure = match q.measure {
            Measure::Signed => "signed",
            Measure::Received => "received",
        };
        param("measure", ctx.t(&format!("col.{measure}")));
    }
    if matches!(
        name,
        ReportName::Rfm
            | ReportName::Loyalty
            | ReportName::Clv
            | ReportName::Churn
            | ReportName::ValueMatrix
    ) {
        param("asOf", as_of.format("%Y-%m-%d").to_string());
    }
    let f = &q.filters;
    for (label, value) in [
        ("province", &f.province),
        ("city", &f.city),
        ("industry", &f.industry),
        ("source", &f.source),
        ("level", &f.level),
        ("tag", &f.tag),
        ("category", &f.category),
    ] {
        if let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            let v = if label == "level" {
                ctx.t(&format!("level.{v}"))
            } else {
                v.to_string()
            };
            param(label, v);
        }
    }
    Report {
        name,
        title: ctx.t(&format!("report.{key}.title")),
        definition: ctx.t(&format!("report.{key}.definition")),
        from: period.map(|p| p.from_text()),
        to: period.map(|p| p.to_text()),
        compared_from: compared.map(|p| p.from_text()),
        compared_to: compared.map(|p| p.to_text()),
        as_of: as_of.format("%Y-%m-%d").to_string(),
        made_at: 0,
        parameters,
        kpis: Vec::new(),
        sections: Vec::new(),
        notes: Vec::new(),
        empty: false,
        share_of_customers_for_80_percent: None,
        segments: None,
        scoring: None,
        bgnbd: None,
        gamma_gamma: None,
        unit: None,
        customers: None,
    }
}

/// The customers passing `f` with the most 签约额 over `period`: (id, amount, contracts).
pub(super) async fn top_customers(
    conn: &mut SqliteConnection,
    period: Period,
    f: &ReportFilters,
    limit: i64,
) -> Result<Vec<(i64, i64, i64)>> {
    let mut b: QueryBuilder<Sqlite> = QueryBuilder::new(
        "SELECT s.customer_id, sum(s.amount), sum(s.contracts) FROM agg_sales s \
         JOIN customers c ON c.id = s.customer_id WHERE s.day BETWEEN ",
    );
    b.push_bind(period.from_text())
        .push(" AND ")
        .push_bind(period.to_text());
    super::source::push_filters(&mut b, f);
    b.push(" GROUP BY s.customer_id HAVING sum(s.amount) > 0 ORDER BY 2 DESC, 1 LIMIT ")
        .push_bind(limit);
    Ok(b.build_query_as().fetch_all(&mut *conn).await?)
}
