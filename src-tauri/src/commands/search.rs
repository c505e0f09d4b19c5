//! The global search.

use crm_core::search::{self, SearchHit};
use tauri::State;

use super::reply::Reply;
use crate::AppState;

#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    query: String,
    limit: Option<usize>,
) -> Reply<Vec<SearchHit>> {
    Ok(search::search(
        &*state.store().await?,
        &query,
        limit.unwrap_or(search::MAX_HITS),
    )
    .await?)
}
