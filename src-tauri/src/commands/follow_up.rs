//! Commands of follow-ups, the timeline, and the Today view.

use crm_core::follow_up::{FollowUp, FollowUpInput};
use crm_core::reminder::{self, ReminderKind, TodayQuery, TodayView};
use crm_core::timeline::{self, TimelineEntry};
use tauri::State;

use super::reply::Reply;
use crate::AppState;

#[tauri::command]
pub async fn create_follow_up(
    state: State<'_, AppState>,
    customer_id: i64,
    input: FollowUpInput,
) -> Reply<FollowUp> {
    Ok(state
        .store()
        .await?
        .follow_ups()
        .create_from(customer_id, &input)
        .await?)
}

#[tauri::command]
pub async fn update_follow_up(
    state: State<'_, AppState>,
    id: i64,
    input: FollowUpInput,
) -> Reply<FollowUp> {
    Ok(state
        .store()
        .await?
        .follow_ups()
        .update_from(id, &input)
        .await?)
}

#[tauri::command]
pub async fn customer_timeline(
    state: State<'_, AppState>,
    customer_id: i64,
) -> Reply<Vec<TimelineEntry>> {
    Ok(timeline::of_customer(&*state.store().await?, customer_id).await?)
}

#[tauri::command]
pub async fn today_view(state: State<'_, AppState>, query: TodayQuery) -> Reply<TodayView> {
    Ok(reminder::today(&*state.store().await?, &query).await?)
}

#[tauri::command]
pub async fn act_on_reminder(
    state: State<'_, AppState>,
    kind: ReminderKind,
    entity_id: i64,
    due: String,
    snooze_until: Option<String>,
) -> Reply<()> {
    Ok(reminder::act(
        &*state.store().await?,
        kind,
        entity_id,
        &due,
        snooze_until.as_deref(),
    )
    .await?)
}
