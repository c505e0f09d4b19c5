//! Commands of payment plans, receipts and receivables. "Today" is the computer's own calendar day.

use crm_core::receivable::{
    self, BookReceivables, CustomerReceivables, Installment, InstallmentInput, OpenInstallmentPage,
    OpenInstallmentQuery, PaymentPlan, Receipt, ReceiptInput,
};
use crm_core::time::today;
use tauri::State;

use super::reply::Reply;
use crate::AppState;

#[tauri::command]
pub async fn get_payment_plan(state: State<'_, AppState>, contract_id: i64) -> Reply<PaymentPlan> {
    Ok(state
        .store()
        .await?
        .plans()
        .of_contract(contract_id)
        .await?)
}

#[tauri::command]
pub async fn add_installment(
    state: State<'_, AppState>,
    contract_id: i64,
    input: InstallmentInput,
) -> Reply<Installment> {
    Ok(state
        .store()
        .await?
        .plans()
        .add(contract_id, &input)
        .await?)
}

#[tauri::command]
pub async fn update_installment(
    state: State<'_, AppState>,
    id: i64,
    input: InstallmentInput,
) -> Reply<Installment> {
    Ok(state.store().await?.plans().update(id, &input).await?)
}

#[tauri::command]
pub async fn record_receipt(
    state: State<'_, AppState>,
    installment_id: i64,
    input: ReceiptInput,
) -> Reply<Receipt> {
    Ok(state
        .store()
        .await?
        .receipts()
        .record(installment_id, &input)
        .await?)
}

#[tauri::command]
pub async fn update_receipt(
    state: State<'_, AppState>,
    id: i64,
    input: ReceiptInput,
) -> Reply<Receipt> {
    Ok(state.store().await?.receipts().update(id, &input).await?)
}

#[tauri::command]
pub async fn book_receivables(state: State<'_, AppState>) -> Reply<BookReceivables> {
    Ok(receivable::of_book(&*state.store().await?, today()).await?)
}

#[tauri::command]
pub async fn customer_receivables(
    state: State<'_, AppState>,
    customer_id: i64,
) -> Reply<CustomerReceivables> {
    Ok(receivable::of_customer(&*state.store().await?, customer_id, today()).await?)
}

#[tauri::command]
pub async fn list_open_installments(
    state: State<'_, AppState>,
    query: OpenInstallmentQuery,
) -> Reply<OpenInstallmentPage> {
    Ok(receivable::open_installments(&*state.store().await?, &query, today()).await?)
}
