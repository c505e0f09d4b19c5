//! The session the window works in: the open store, or why it is not open yet. Unlocking is delegated
//! to crm-core's `Unlocker`; this only keeps the result.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crm_core::store::{KeyVault, Store, StoreStatus, Unlocker};
use crm_core::{AppError, CoreError};
use tokio::sync::RwLock;

use crm_core::store::unlock::Pending;

/// How long quitting waits for the store to checkpoint and close.
const CLOSE_LIMIT: std::time::Duration = std::time::Duration::from_secs(5);

#[derive(Default)]
struct Session {
    store: Option<Arc<Store>>,
    pending: Option<Pending>,
}

impl Session {
    /// Keeps the outcome of an automatic open: the store, or why the user must act.
    fn settle(&mut self, outcome: Result<Store, Pending>) {
        match outcome {
            Ok(store) => {
                self.store = Some(Arc::new(store));
                self.pending = None;
            }
            Err(pending) => {
                tracing::warn!(state = ?pending.state, problem = ?pending.problem, "store not opened automatically");
                self.pending = Some(pending);
            }
        }
    }
}

pub struct AppState {
    unlocker: Arc<Unlocker>,
    session: Arc<RwLock<Session>>,
    /// Closing the window hides it to the tray instead of quitting (a setting).
    close_to_tray: AtomicBool,
    /// Set to stop the export running now.
    export_cancel: std::sync::Mutex<Arc<AtomicBool>>,
    /// Long report computations (model fits, purchase histories) kept until the records change.
    reports: crm_core::report::Cache,
    /// Set to stop the reports running now.
    report_cancel: std::sync::Mutex<Arc<AtomicBool>>,
}

impl AppState {
    pub fn new(dir: &Path, vault: Arc<dyn KeyVault>) -> Self {
        AppState {
            unlocker: Arc::new(Unlocker::new(dir, vault)),
            session: Default::default(),
            close_to_tray: AtomicBool::new(crm_core::settings::Settings::read(dir).close_to_tray),
            export_cancel: Default::default(),
            reports: Default::default(),
            report_cancel: Default::default(),
        }
    }

    pub fn reports(&self) -> &crm_core::report::Cache {
        &self.reports
    }

    /// The cancel flag the reports started now share (a fresh one once the last was used).
    pub fn report_cancel(&self) -> Arc<AtomicBool> {
        let mut flag = self.report_cancel.lock().expect("not poisoned");
        if flag.load(Ordering::Relaxed) {
            *flag = Arc::new(AtomicBool::new(false));
        }
        flag.clone()
    }

    /// Stops the reports running now.
    pub fn cancel_reports(&self) {
        self.report_cancel
            .lock()
            .expect("not poisoned")
            .store(true, Ordering::Relaxed);
    }

    /// A fresh cancel flag for an export about to start.
    pub fn start_export(&self) -> Arc<AtomicBool> {
        let flag = Arc::new(AtomicBool::new(false));
        *self.export_cancel.lock().expect("not poisoned") = flag.clone();
        flag
    }

    /// Stops the export running now, if any.
    pub fn cancel_export(&self) {
        self.export_cancel
            .lock()
            .expect("not poisoned")
            .store(true, Ordering::Relaxed);
    }

    pub fn close_to_tray(&self) -> bool {
        self.close_to_tray.load(Ordering::Relaxed)
    }

    pub fn set_close_to_tray(&self, on: bool) {
        self.close_to_tray.store(on, Ordering::Relaxed);
    }

    pub fn dir(&self) -> &Path {
        self.unlocker.dir()
    }

    /// Tries the automatic open again (after the user closed the other process holding the store, say).
    pub async fn retry(&self) -> StoreStatus {
        let mut s = self.session.write().await;
        if s.store.is_none() {
            s.settle(self.unlocker.open_automatically().await);
        }
        drop(s);
        self.status().await
    }

    /// Tries the keychain in the background. The write lock is taken before this returns, so the
    /// window's first `store_status` waits for the outcome rather than seeing a half-started session.
    pub fn start(&self) {
        let mut guard = self
            .session
            .clone()
            .try_write_owned()
            .expect("nobody holds a new session");
        let unlocker = self.unlocker.clone();
        tauri::async_runtime::spawn(
            async move { guard.settle(unlocker.open_automatically().await) },
        );
    }

    pub async fn status(&self) -> StoreStatus {
        let s = self.session.read().await;
        self.unlocker.status(if s.store.is_some() {
            None
        } else {
            s.pending.as_ref()
        })
    }

    /// The open store, or `locked/not_open` while the user has not unlocked it.
    pub async fn store(&self) -> Result<Arc<Store>, CoreError> {
        self.session
            .read()
            .await
            .store
            .clone()
            .ok_or_else(|| CoreError::locked("not_open", "the store is locked"))
    }

    /// Runs one way of unlocking; on success the session holds the store.
    pub async fn unlock<F, Fut>(&self, how: F) -> Result<StoreStatus, AppError>
    where
        F: FnOnce(Arc<Unlocker>) -> Fut,
        Fut: std::future::Future<Output = crm_core::Result<Store>>,
    {
        let mut s = self.session.write().await;
        if s.store.is_none() {
            s.settle(Ok(how(self.unlocker.clone()).await?));
        }
        drop(s);
        Ok(self.status().await)
    }

    /// Checkpoints and closes the store when the app exits. Gives up after `CLOSE_LIMIT`: a quitting app
    /// that waited on a task still holding a connection would stay running, holding the single-instance
    /// lock, so the next start would only hand over to it. Nothing committed is lost by not waiting: it
    /// is in the WAL, which the next open reads.
    pub async fn close(&self) {
        let closing = async {
            if let Some(store) = self.session.write().await.store.take() {
                if let Ok(store) = Arc::try_unwrap(store) {
                    store.close().await;
                    return true;
                }
            }
            false
        };
        match tokio::time::timeout(CLOSE_LIMIT, closing).await {
            Ok(true) => tracing::info!("store closed"),
            Ok(false) => tracing::info!("exiting with the store in use or never opened"),
            Err(_) => tracing::warn!(
                limit_s = CLOSE_LIMIT.as_secs(),
                "the store did not close in time; exiting without waiting"
            ),
        }
    }
}
