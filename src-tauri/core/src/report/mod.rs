//! Reports and analysis (分析决策管理): one read-only file per report, each turning a query into one typed
//! result that the window draws, the workbook writer writes and `crmctl` prints. Reads the records and
//! the totals `aggregate` keeps; writes nothing but the bulk actions of a drill-down (`drill`).

mod cache;
mod churn;
mod clv;
mod common;
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

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use chrono::NaiveDate;

pub use cache::Cache;
pub use model::*;
pub use period::{Comparison, Grain, Period};
pub use text::label;

use crate::error::{CoreError, Result};
use crate::settings::{Language, ReportSettings, Settings};
use crate::store::Store;

/// What a report runs with besides its query: the store, the day it counts as today, the language of
/// its words, the settings' thresholds, the cache of long computations, and a way to stop and to tell
/// how far it got.
pub struct Context<'a> {
    pub store: &'a Store,
    pub today: NaiveDate,
    pub language: Language,
    pub settings: ReportSettings,
    pub cache: &'a Cache,
    pub cancel: Arc<AtomicBool>,
    pub progress: Arc<dyn Fn(u64, u64) + Send + Sync>,
}

impl<'a> Context<'a> {
    /// A context with the store's saved settings and language (or `language`), today's date, no
    /// cancel and no progress.
    pub fn new(store: &'a Store, cache: &'a Cache, language: Option<Language>) -> Context<'a> {
        let settings = Settings::read(store.dir());
        Context {
            store,
            today: crate::time::today(),
            language: language.or(settings.language).unwrap_or(Language::ZhCn),
            settings: settings.reports,
            cache,
            cancel: Arc::new(AtomicBool::new(false)),
            progress: Arc::new(|_, _| {}),
        }
    }

    /// Stops with `conflict/cancelled` once the user asked to.
    pub fn check(&self) -> Result<()> {
        if self.cancel.load(Ordering::Relaxed) {
            return Err(CoreError::conflict("cancelled", "the report was cancelled"));
        }
        Ok(())
    }

    pub fn progress(&self, done: u64, total: u64) {
        (self.progress)(done, total)
    }

    /// A word of the reports in the context's language.
    pub fn t(&self, key: &str) -> String {
        text::label(self.language, key)
    }
}

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

impl Context<'_> {
    fn clone_shallow(&self) -> Self {
        Context {
            store: self.store,
            today: self.today,
            language: self.language,
            settings: self.settings,
            cache: self.cache,
            cancel: self.cancel.clone(),
            progress: self.progress.clone(),
        }
    }
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

/// The day a query's models and windows are computed as of.
fn as_of(ctx: &Context<'_>, query: &ReportQuery) -> Result<NaiveDate> {
    match query.as_of.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(s) => period::parse_day("asOf", s),
        None => Ok(ctx.today),
    }
}
