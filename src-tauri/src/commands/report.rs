//! Commands of the analysis area: run a report (progress on a channel, cancellable), drill into a row,
//! act on its customers in bulk, write a report, a drill-down or the monthly pack as a workbook.

use std::path::PathBuf;
use std::sync::Arc;

use crm_core::export::ExportProgress;
use crm_core::report::drill;
use crm_core::report::{self, Context, Report, ReportName, ReportQuery};
use crm_core::report::{DrillList, DrillRequest};
use crm_core::settings::Language;
use tauri::ipc::Channel;
use tauri::State;

use super::reply::Reply;
use crate::AppState;

/// The context of a report for this window: its cache, the shared cancel flag, progress to `channel`.
fn context<'a>(
    state: &'a AppState,
    store: &'a crm_core::store::Store,
    language: Option<Language>,
    channel: Option<Channel<ExportProgress>>,
) -> Context<'a> {
    let mut ctx = Context::new(store, state.reports(), language);
    ctx.cancel = state.report_cancel();
    if let Some(channel) = channel {
        ctx.progress = Arc::new(move |done, total| {
            let _ = channel.send(ExportProgress { done, total });
        });
    }
    ctx
}

#[tauri::command]
pub async fn run_report(
    state: State<'_, AppState>,
    name: ReportName,
    query: ReportQuery,
    on_progress: Channel<ExportProgress>,
) -> Reply<Report> {
    let store = state.store().await?;
    let ctx = context(&state, &store, query.language, Some(on_progress));
    Ok(report::run(&ctx, name, &query).await?)
}

#[tauri::command]
pub async fn cancel_reports(state: State<'_, AppState>) -> Reply<()> {
    state.cancel_reports();
    Ok(())
}

#[tauri::command]
pub async fn drill_report(
    state: State<'_, AppState>,
    request: DrillRequest,
    limit: u32,
) -> Reply<DrillList> {
    let store = state.store().await?;
    let ctx = context(&state, &store, request.query.language, None);
    Ok(drill::list(&ctx, &request, limit).await?)
}

#[tauri::command]
pub async fn tag_drilled_customers(
    state: State<'_, AppState>,
    request: DrillRequest,
    tag: String,
) -> Reply<u64> {
    let store = state.store().await?;
    let ctx = context(&state, &store, request.query.language, None);
    Ok(drill::tag(&ctx, &request, &tag).await?)
}

#[tauri::command]
pub async fn plan_drilled_follow_ups(
    state: State<'_, AppState>,
    request: DrillRequest,
    day: String,
) -> Reply<u64> {
    let store = state.store().await?;
    let ctx = context(&state, &store, request.query.language, None);
    Ok(drill::plan_follow_up(&ctx, &request, &day).await?)
}

#[tauri::command]
pub async fn export_report(
    state: State<'_, AppState>,
    name: ReportName,
    query: ReportQuery,
    path: String,
    on_progress: Channel<ExportProgress>,
) -> Reply<()> {
    let store = state.store().await?;
    let ctx = context(&state, &store, query.language, Some(on_progress));
    Ok(report::export(&ctx, name, &query, &PathBuf::from(path)).await?)
}

#[tauri::command]
pub async fn export_report_pack(
    state: State<'_, AppState>,
    month: String,
    language: Language,
    path: String,
    on_progress: Channel<ExportProgress>,
) -> Reply<()> {
    let store = state.store().await?;
    let ctx = context(&state, &store, Some(language), Some(on_progress));
    Ok(report::export_pack(&ctx, &month, language, &PathBuf::from(path)).await?)
}

#[tauri::command]
pub async fn export_drill(
    state: State<'_, AppState>,
    request: DrillRequest,
    path: String,
) -> Reply<i64> {
    let store = state.store().await?;
    let ctx = context(&state, &store, request.query.language, None);
    Ok(drill::export(&ctx, &request, &PathBuf::from(path)).await?)
}
