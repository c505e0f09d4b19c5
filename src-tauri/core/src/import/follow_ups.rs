//! Importing follow-ups (跟进记录): each row is a follow-up of the live customer it names, with the contact
//! spoken to if that is one of the customer's. A follow-up of the same customer at the same time with the
//! same content is the same one. Recorded through the same function as the form, so the customer's
//! 下次跟进时间 follows.

use std::collections::HashSet;

use chrono::{Local, NaiveDate, NaiveDateTime, TimeZone};
use sqlx::SqliteConnection;

use super::lookup;
use super::model::{ImportMode, ImportReport, ImportRequest};
use super::plan::{carry_out, Plan, Record, CREATED};
use super::row::SheetRow;
use crate::error::{CoreError, Result};
use crate::follow_up::{FollowUp, FollowUpInput, ValidFollowUp};
use crate::history;
use crate::record::RecordKind;
use crate::store::Store;

struct FollowUps;

impl Record for FollowUps {
    type Stored = FollowUp;
    type Valid = (i64, ValidFollowUp);
    type Context = ();
    const KIND: RecordKind = RecordKind::FollowUps;

    async fn insert(
        conn: &mut SqliteConnection,
        _: &(),
        (customer_id, valid): &(i64, ValidFollowUp),
        now: i64,
    ) -> Result<Vec<i64>> {
        Ok(vec![
            crate::follow_up::insert_one(conn, *customer_id, valid, now).await?,
        ])
    }

    async fn overwrite(
        _: &mut SqliteConnection,
        _: &FollowUp,
        _: &(i64, ValidFollowUp),
        _: i64,
    ) -> Result<()> {
        // A follow-up is logged or not; an import never changes one.
        Ok(())
    }

    fn before(stored: &FollowUp) -> (i64, String) {
        (stored.id, String::new())
    }
}

/// A sheet's time of a follow-up (`2026-03-05 14:30`, `2026-03-05 14:30:00`, or a day alone at 09:00),
/// in the computer's time zone, as epoch milliseconds.
fn happened_at(text: &str) -> Result<i64> {
    let bad = || CoreError::invalid("happenedAt", "format");
    let t = crate::field::half_width(text.trim());
    let moment = [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(&t, f).ok())
    .or_else(|| {
        crate::field::Day::parse("happenedAt", &t)
            .ok()
            .map(|d| d.date())
            .and_then(|d: NaiveDate| d.and_hms_opt(9, 0, 0))
    })
    .ok_or_else(bad)?;
    Local
        .from_local_datetime(&moment)
        .earliest()
        .map(|t| t.timestamp_millis())
        .ok_or_else(bad)
}

pub(super) async fn run(
    store: &Store,
    request: &ImportRequest,
    file_name: String,
    headers: &[String],
    rows: &[SheetRow],
    cells_of: &(dyn Fn(&SheetRow) -> Vec<String> + Sync),
) -> Result<ImportReport> {
    let (customers, contacts) = lookup::customers_named(store, rows).await?;
    // The follow-ups those customers have, to recognise one logged already: to the minute, as sheets
    // write times (the form keeps seconds).
    let minute = |ms: i64| ms.div_euclid(60_000);
    let mut logged: HashSet<(i64, i64, String)> = HashSet::new();
    for id in customers.values().flatten() {
        for f in store.follow_ups().of_customer(*id).await? {
            logged.insert((*id, minute(f.happened_at), f.content));
        }
    }
    let mut seen: HashSet<(i64, i64, String)> = HashSet::new();
    let plans: Vec<Plan<FollowUp, (i64, ValidFollowUp)>> = rows
        .iter()
        .map(|row| {
            if let Err(refusal) = &row.fields {
                return Plan::Reject(refusal.clone());
            }
            let customer_id = match lookup::one_customer(&customers, row.get("customerName")) {
                Ok(id) => id,
                Err((f, r)) => return Plan::reject(f, r),
            };
            // Without its time a follow-up would be logged "now", and again on every import of the file.
            let at = match row.get("happenedAt").map(happened_at) {
                Some(Ok(at)) => Some(at),
                Some(Err(e)) => return Plan::refused(&e),
                None => return Plan::reject("happenedAt", "required"),
            };
            let contact_id = match row
                .get("contactName")
                .map(str::trim)
                .filter(|n| !n.is_empty())
            {
                Some(name) => match contacts.get(&(customer_id, name.to_string())) {
                    Some(c) => Some(c.id),
                    None => return Plan::reject("contactName", "contact_not_found"),
                },
                None => None,
            };
            let kind = match row.choice("followUpKind") {
                Ok(k) => k.unwrap_or_default(),
                Err(e) => return Plan::refused(&e),
            };
            let input = FollowUpInput {
                kind,
                happened_at: at,
                contact_id,
                content: row.get("content").unwrap_or_default().to_string(),
                outcome: row.get("outcome").map(str::to_string),
                next_date: row.get("nextDate").map(str::to_string),
                satisfaction: match row.get("satisfaction").map(str::parse::<i64>) {
                    None => None,
                    Some(Ok(v)) => Some(v),
                    Some(Err(_)) => return Plan::reject("satisfaction", "format"),
                },
            };
            let valid = match input.validate() {
                Ok(v) => v,
                Err(e) => return Plan::refused(&e),
            };
            if let Some(at) = valid.happened_at {
                let key = (customer_id, minute(at), valid.content.clone());
                if !seen.insert(key.clone()) {
                    return Plan::reject("", "duplicate_in_file");
                }
                if logged.contains(&key) {
                    return match request.mode {
                        ImportMode::Create => Plan::reject("", "exists"),
                        _ => Plan::Unchanged,
                    };
                }
            }
            Plan::Create((customer_id, valid))
        })
        .collect();
    carry_out::<FollowUps>(
        store,
        &(),
        request,
        &file_name,
        headers,
        rows,
        &plans,
        cells_of,
    )
    .await
}

/// Reverts a follow-up import inside the caller's transaction: the follow-ups it logged go, and their
/// customers' 下次跟进时间 follow what is left.
pub(super) async fn revert(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let customers: Vec<i64> = sqlx::query_scalar(&format!(
        "SELECT DISTINCT customer_id FROM follow_ups WHERE id IN ({CREATED})"
    ))
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    for sql in [
        history::forget_sql(RecordKind::FollowUps, CREATED),
        format!("DELETE FROM follow_ups WHERE id IN ({CREATED})"),
    ] {
        sqlx::query(&sql).bind(id).execute(&mut *conn).await?;
    }
    let now = crate::time::now_ms();
    for customer in customers {
        crate::follow_up::refresh_customer(conn, customer, now).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_follow_up_time_is_read_with_or_without_its_hour() {
        let with = happened_at("2026-03-05 14:30").unwrap();
        let day = happened_at("2026年3月5日").unwrap();
        assert_eq!(
            with - day,
            (5 * 60 + 30) * 60_000,
            "a day alone counts from 09:00"
        );
        assert_eq!(
            happened_at("yesterday").unwrap_err().to_string(),
            "happenedAt: format"
        );
    }
}
