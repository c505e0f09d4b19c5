//! Reports and analysis (分析决策管理): one read-only file per report, each turning a query into one typed
//! result that the window draws, the workbook writer writes and `crmctl` prints. Reads the records and
//! the totals `aggregate` keeps; writes nothing but the bulk actions of a drill-down (`drill`).

mod cache;
mod churn;
mod clv;
mod common;
mod context;
mod customers;
mod dashboard;
pub mod drill;
pub mod fit;
mod follow_ups;
mod history;
mod loyalty;
pub mod model;
mod pareto;
pub mod period;
mod receivables;
mod rfm;
mod sales;
mod source;
mod table;
mod text;
mod value_matrix;
pub mod xlsx;

pub use cache::Cache;
pub use context::Context;
pub use model::*;
pub use period::{Comparison, Grain, Period};
pub use text::label;

use crate::error::Result;
use crate::settings::Language;

/// Runs report `name` for `query`.
pub async fn run(ctx: &Context<'_>, name: ReportName, query: &ReportQuery) -> Result<Report> {
    let ctx = &Context {
        language: query.language.unwrap_or(ctx.language),
        ..ctx.clone_shallow()
    };
    let mut report = match name {
        ReportName::Dashboard => dashboard::run(ctx, query).await?,
        ReportName::Sales => sales::run(ctx, query).await?,
        ReportName::Receivables => receivables::run(ctx, query).await?,
        ReportName::Customers => customers::run(ctx, query).await?,
        ReportName::FollowUps => follow_ups::run(ctx, query).await?,
        ReportName::Pareto => pareto::run(ctx, query).await?,
        ReportName::Rfm => rfm::run(ctx, query).await?,
        ReportName::Loyalty => loyalty::run(ctx, query).await?,
        ReportName::Clv => clv::run(ctx, query).await?,
        ReportName::Churn => churn::run(ctx, query).await?,
        ReportName::ValueMatrix => value_matrix::run(ctx, query).await?,
    };
    report.made_at = crate::time::now_ms();
    Ok(report)
}

/// The reports of the monthly pack (经营月报) for `month` (`YYYY-MM`): each over that month (the models as
/// of its last day), lists cut to their first hundred rows.
pub async fn pack(ctx: &Context<'_>, month: &str, language: Language) -> Result<Vec<Report>> {
    let first = period::parse_day("month", &format!("{}-01", month.trim()))?;
    let m = Period::month_of(first);
    let mut out = Vec::new();
    for (i, name) in ReportName::ALL.into_iter().enumerate() {
        ctx.check()?;
        ctx.progress(i as u64, ReportName::ALL.len() as u64);
        let query = ReportQuery {
            from: Some(m.from_text()),
            to: Some(m.to_text()),
            compare: match name {
                ReportName::Dashboard => Comparison::PreviousPeriod,
                _ => Comparison::PreviousYear,
            },
            as_of: Some(m.to_text()),
            limit: Some(100),
            language: Some(language),
            ..Default::default()
        };
        out.push(run(ctx, name, &query).await?);
    }
    ctx.progress(ReportName::ALL.len() as u64, ReportName::ALL.len() as u64);
    Ok(out)
}

/// Runs report `name` for `query` with every row of its lists and writes it as a workbook at `path`.
pub async fn export(
    ctx: &Context<'_>,
    name: ReportName,
    query: &ReportQuery,
    path: &std::path::Path,
) -> Result<()> {
    let query = ReportQuery {
        limit: None,
        ..query.clone()
    };
    let report = run(ctx, name, &query).await?;
    ctx.check()?;
    xlsx::write_report(path, &report, query.language.unwrap_or(ctx.language))
}

/// Makes the monthly pack for `month` and writes it at `path`.
pub async fn export_pack(
    ctx: &Context<'_>,
    month: &str,
    language: Language,
    path: &std::path::Path,
) -> Result<()> {
    let reports = pack(ctx, month, language).await?;
    ctx.check()?;
    xlsx::write_pack(path, month, &reports, language)
}
