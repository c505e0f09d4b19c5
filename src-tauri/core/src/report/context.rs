//! What a report runs with besides its query: the store, today, the language, the thresholds, the cache
//! of long computations, and a way to stop and to tell how far it got.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use chrono::NaiveDate;

use super::cache::Cache;
use super::model::ReportQuery;
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
        super::text::label(self.language, key)
    }
}

impl Context<'_> {
    pub(crate) fn clone_shallow(&self) -> Self {
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

    /// The day a query's models and windows are computed as of.
    pub(crate) fn as_of(&self, query: &ReportQuery) -> Result<NaiveDate> {
        match query.as_of.as_deref().filter(|s| !s.trim().is_empty()) {
            Some(s) => super::period::parse_day("asOf", s),
            None => Ok(self.today),
        }
    }
}
