//! Commands of products.

use crm_core::product::{Product, ProductInput, ProductPage, ProductQuery};
use tauri::State;

use super::reply::Reply;
use crate::AppState;

#[tauri::command]
pub async fn list_products(state: State<'_, AppState>, query: ProductQuery) -> Reply<ProductPage> {
    Ok(state.store().await?.products().list(&query).await?)
}

#[tauri::command]
pub async fn get_product(state: State<'_, AppState>, id: i64) -> Reply<Product> {
    Ok(state.store().await?.products().get(id).await?)
}

#[tauri::command]
pub async fn create_product(state: State<'_, AppState>, input: ProductInput) -> Reply<Product> {
    Ok(state.store().await?.products().create_from(&input).await?)
}

#[tauri::command]
pub async fn update_product(
    state: State<'_, AppState>,
    id: i64,
    input: ProductInput,
) -> Reply<Product> {
    Ok(state
        .store()
        .await?
        .products()
        .update_from(id, &input)
        .await?)
}
