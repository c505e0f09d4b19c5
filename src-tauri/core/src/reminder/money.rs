//! The money side of the Today view: installments overdue and coming due, and contracts coming to their
//! end, each read from its own partial index in date order.

use chrono::{Duration, NaiveDate};

use super::model::{Reminder, ReminderKind, TodayQuery, TodayView, COUNT_CAP};

/// The most entries each money list of Today shows: the receivables screen has them all.
pub const MONEY_LIST_LIMIT: i64 = 50;
use crate::error::Result;
use crate::store::Store;

/// A reminder the user has not marked done or snoozed past today, as SQL over `kind` and the row's id
/// and due date.
fn not_acted(kind: &str, id: &str, due: &str) -> String {
    format!(
        "NOT EXISTS (SELECT 1 FROM reminder_actions a WHERE a.kind = '{kind}' AND a.entity_id = {id} \
         AND a.due = {due} AND (a.done = 1 OR a.snooze_until > ?1))"
    )
}

type Row = (i64, i64, String, String, String, i64);

fn reminder(kind: ReminderKind, (id, customer_id, name, number, due, amount): Row) -> Reminder {
    Reminder {
        kind,
        entity_id: id,
        customer_id,
        name,
        detail: Some(number),
        due,
        amount: (kind == ReminderKind::InstallmentDue).then_some(amount),
    }
}

/// Fills the view's payment and contract lists for `today`.
pub(super) async fn add_to(
    store: &Store,
    view: &mut TodayView,
    today: NaiveDate,
    q: &TodayQuery,
) -> Result<()> {
    let f = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let t = f(today);
    let payments_end = f(today + Duration::days(q.installment_days_before.min(90) as i64));
    let contracts_end = f(today + Duration::days(q.contract_end_days_before.min(365) as i64));
    let r = store.read();
    const OPEN: &str = "FROM installments i INDEXED BY installments_open WHERE i.counted = 1 AND i.received < i.amount";
    // Left joins keep the installments the outer loop, walked in due order along their index.
    let select = "SELECT i.id, i.customer_id, cu.name, c.number, i.due_on, i.amount - i.received \
         FROM installments i INDEXED BY installments_open LEFT JOIN contracts c ON c.id = i.contract_id \
         LEFT JOIN customers cu ON cu.id = i.customer_id WHERE i.counted = 1 AND i.received < i.amount";
    let acted = not_acted("installmentDue", "i.id", "i.due_on");

    let overdue: Vec<Row> = sqlx::query_as(&format!(
        "{select} AND i.due_on < ?1 AND {acted} ORDER BY i.due_on DESC, i.id DESC LIMIT ?2"
    ))
    .bind(&t)
    .bind(MONEY_LIST_LIMIT)
    .fetch_all(r)
    .await?;
    view.payments_overdue_total = sqlx::query_scalar(&format!(
        "SELECT count(*) FROM (SELECT 1 {OPEN} AND i.due_on < ?1 LIMIT ?2)"
    ))
    .bind(&t)
    .bind(COUNT_CAP)
    .fetch_one(r)
    .await?;
    let due: Vec<Row> = sqlx::query_as(&format!(
        "{select} AND i.due_on BETWEEN ?1 AND ?2 AND {acted} ORDER BY i.due_on, i.id LIMIT ?3"
    ))
    .bind(&t)
    .bind(&payments_end)
    .bind(MONEY_LIST_LIMIT)
    .fetch_all(r)
    .await?;
    let ending: Vec<Row> = sqlx::query_as(&format!(
        "SELECT c.id, c.customer_id, cu.name, c.number, c.ends_on, c.amount FROM contracts c \
         INDEXED BY contracts_ending LEFT JOIN customers cu ON cu.id = c.customer_id WHERE c.deleted_at IS NULL AND c.customer_live = 1 \
         AND c.ends_on IS NOT NULL AND c.status IN ('signed', 'active') AND c.ends_on BETWEEN ?1 AND ?2 \
         AND {} ORDER BY c.ends_on, c.id LIMIT ?3",
        not_acted("contractEnding", "c.id", "c.ends_on")
    ))
    .bind(&t)
    .bind(&contracts_end)
    .bind(MONEY_LIST_LIMIT)
    .fetch_all(r)
    .await?;
    view.payments_overdue = overdue
        .into_iter()
        .map(|row| reminder(ReminderKind::InstallmentDue, row))
        .collect();
    view.payments_due = due
        .into_iter()
        .map(|row| reminder(ReminderKind::InstallmentDue, row))
        .collect();
    view.contracts_ending = ending
        .into_iter()
        .map(|row| reminder(ReminderKind::ContractEnding, row))
        .collect();
    Ok(())
}
