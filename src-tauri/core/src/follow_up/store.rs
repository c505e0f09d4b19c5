//! SQL for follow-ups. Each write brings the customer's 下次跟进时间 and last follow-up time in line: the
//! next date is the one the latest follow-up asked for.

use sqlx::SqliteConnection;

use super::model::{FollowUp, FollowUpInput, ValidFollowUp};
use crate::contact::require_contact_of;
use crate::customer::require_live_customer;
use crate::error::{CoreError, Result};
use crate::history::{self, Change};
use crate::record::RecordKind;
use crate::store::Store;
use crate::time::now_ms;

const SELECT: &str =
    "SELECT f.id, f.customer_id, f.contact_id, ct.name AS contact_name, f.kind, f.happened_at, \
     f.content, f.outcome, f.next_date, f.satisfaction, f.created_at, f.updated_at, f.deleted_at \
     FROM follow_ups f LEFT JOIN contacts ct ON ct.id = f.contact_id";

/// A follow-up ready to insert in a bulk load (demo data, imports).
#[derive(Debug, Clone)]
pub struct NewFollowUp {
    pub customer_id: i64,
    pub follow_up: ValidFollowUp,
    pub happened_at: i64,
}

/// Inserts many follow-ups inside a bulk load's transaction. The loader sets the customers' next follow-up
/// date and last follow-up time with the customer rows (a per-customer lookup here would scan the table,
/// whose indexes a bulk load drops).
pub(crate) async fn insert_many(conn: &mut SqliteConnection, rows: &[NewFollowUp]) -> Result<()> {
    for chunk in rows.chunks(2000) {
        let mut b = sqlx::QueryBuilder::new(
            "INSERT INTO follow_ups (customer_id, contact_id, kind, happened_at, content, outcome, next_date, \
             satisfaction, created_at, updated_at) ",
        );
        b.push_values(chunk, |mut v, r| {
            let f = &r.follow_up;
            v.push_bind(r.customer_id)
                .push_bind(f.contact_id)
                .push_bind(f.kind)
                .push_bind(r.happened_at)
                .push_bind(&f.content)
                .push_bind(&f.outcome)
                .push_bind(&f.next_date)
                .push_bind(f.satisfaction)
                .push_bind(r.happened_at)
                .push_bind(r.happened_at);
        });
        b.build().execute(&mut *conn).await?;
    }
    Ok(())
}

/// Records a follow-up of a live customer, with the contact spoken to if it is the customer's, and
/// brings the customer's 下次跟进时间 in line (the form and imports).
pub(crate) async fn insert_one(
    conn: &mut SqliteConnection,
    customer_id: i64,
    f: &ValidFollowUp,
    now: i64,
) -> Result<i64> {
    require_live_customer(conn, customer_id).await?;
    require_contact_of(conn, customer_id, f.contact_id).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO follow_ups (customer_id, contact_id, kind, happened_at, content, outcome, next_date, \
         satisfaction, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(customer_id)
    .bind(f.contact_id)
    .bind(f.kind)
    .bind(f.happened_at.unwrap_or(now))
    .bind(&f.content)
    .bind(&f.outcome)
    .bind(&f.next_date)
    .bind(f.satisfaction)
    .bind(now)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    history::record(conn, RecordKind::FollowUps, id, &[Change::created()], now).await?;
    refresh_customer(conn, customer_id, now).await?;
    Ok(id)
}

/// The follow-ups of one open store.
pub struct FollowUps<'s> {
    pub(crate) store: &'s Store,
}

impl Store {
    pub fn follow_ups(&self) -> FollowUps<'_> {
        FollowUps { store: self }
    }
}

impl FollowUps<'_> {
    /// Validates what the form sent and records a follow-up of a live customer.
    pub async fn create_from(&self, customer_id: i64, input: &FollowUpInput) -> Result<FollowUp> {
        self.create(customer_id, &input.validate()?).await
    }

    pub async fn create(&self, customer_id: i64, f: &ValidFollowUp) -> Result<FollowUp> {
        let mut tx = self.store.write().await?;
        let id = insert_one(&mut tx, customer_id, f, now_ms()).await?;
        tx.commit().await?;
        self.get(id).await
    }

    /// Plans the next follow-up of each live customer of `ids` on `day` (下次跟进时间; Today shows it when
    /// due), each change in the customer's history. Returns how many customers it changed.
    pub async fn plan_many(&self, ids: &[i64], day: &str) -> Result<u64> {
        let day = crate::field::Day::parse("nextDate", day)?.to_text();
        let ids = serde_json::to_string(ids).expect("ids serialize");
        let now = now_ms();
        let mut tx = self.store.write().await?;
        sqlx::query(
            "INSERT INTO history (entity, entity_id, field, old_value, new_value, changed_at) \
             SELECT 'customer', id, 'nextFollowUp', next_follow_up, ?1, ?2 FROM customers \
             WHERE id IN (SELECT value FROM json_each(?3)) AND deleted_at IS NULL AND next_follow_up IS NOT ?1",
        )
        .bind(&day)
        .bind(now)
        .bind(&ids)
        .execute(&mut *tx)
        .await?;
        let changed = sqlx::query(
            "UPDATE customers SET next_follow_up = ?1 \
             WHERE id IN (SELECT value FROM json_each(?2)) AND deleted_at IS NULL AND next_follow_up IS NOT ?1",
        )
        .bind(&day)
        .bind(&ids)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(changed)
    }

    /// Saves an edit of a live follow-up.
    pub async fn update_from(&self, id: i64, input: &FollowUpInput) -> Result<FollowUp> {
        let f = input.validate()?;
        let before = self.get(id).await?;
        if before.deleted_at.is_some() {
            return Err(CoreError::NotFound);
        }
        let now = now_ms();
        let mut tx = self.store.write().await?;
        require_contact_of(&mut tx, before.customer_id, f.contact_id).await?;
        sqlx::query(
            "UPDATE follow_ups SET contact_id = ?, kind = ?, happened_at = ?, content = ?, outcome = ?, next_date = ?, \
             satisfaction = ?, updated_at = ? WHERE id = ?",
        )
        .bind(f.contact_id)
        .bind(f.kind)
        .bind(f.happened_at.unwrap_or(before.happened_at))
        .bind(&f.content)
        .bind(&f.outcome)
        .bind(&f.next_date)
        .bind(f.satisfaction)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let changes = history::changes(
            &[
                ("content", Some(before.content.clone())),
                ("outcome", before.outcome.clone()),
                ("nextDate", before.next_date.clone()),
                ("satisfaction", before.satisfaction.map(|s| s.to_string())),
            ],
            &[
                ("content", Some(f.content.clone())),
                ("outcome", f.outcome.clone()),
                ("nextDate", f.next_date.clone()),
                ("satisfaction", f.satisfaction.map(|s| s.to_string())),
            ],
        );
        history::record(&mut tx, RecordKind::FollowUps, id, &changes, now).await?;
        refresh_customer(&mut tx, before.customer_id, now).await?;
        tx.commit().await?;
        self.get(id).await
    }

    pub async fn get(&self, id: i64) -> Result<FollowUp> {
        Ok(sqlx::query_as(&format!("{SELECT} WHERE f.id = ?"))
            .bind(id)
            .fetch_one(self.store.read())
            .await?)
    }

    /// A customer's live follow-ups, newest first.
    pub async fn of_customer(&self, customer_id: i64) -> Result<Vec<FollowUp>> {
        Ok(sqlx::query_as(&format!(
            "{SELECT} WHERE f.customer_id = ? AND f.deleted_at IS NULL ORDER BY f.happened_at DESC, f.id DESC"
        ))
        .bind(customer_id)
        .fetch_all(self.store.read())
        .await?)
    }

    /// Trashed follow-ups, most recently trashed first.
    pub async fn trashed(&self) -> Result<Vec<FollowUp>> {
        Ok(sqlx::query_as(&format!(
            "{SELECT} WHERE f.deleted_at IS NOT NULL ORDER BY f.deleted_at DESC, f.id DESC LIMIT 500"
        ))
        .fetch_all(self.store.read())
        .await?)
    }
}

/// The customer's 下次跟进时间 becomes the next date of its latest live follow-up (none if that one asks for
/// none), and its last follow-up time the latest one's; a change of the next date goes to its history.
pub(crate) async fn refresh_customer(
    conn: &mut SqliteConnection,
    customer_id: i64,
    now: i64,
) -> Result<()> {
    let before: Option<String> =
        sqlx::query_scalar("SELECT next_follow_up FROM customers WHERE id = ?")
            .bind(customer_id)
            .fetch_one(&mut *conn)
            .await?;
    let latest: Option<(Option<String>, i64)> = sqlx::query_as(
        "SELECT next_date, happened_at FROM follow_ups WHERE customer_id = ? AND deleted_at IS NULL \
         ORDER BY happened_at DESC, id DESC LIMIT 1",
    )
    .bind(customer_id)
    .fetch_optional(&mut *conn)
    .await?;
    let (next, last) = match latest {
        Some((next, at)) => (next, Some(at)),
        None => (None, None),
    };
    sqlx::query("UPDATE customers SET next_follow_up = ?, last_follow_up_at = ? WHERE id = ?")
        .bind(&next)
        .bind(last)
        .bind(customer_id)
        .execute(&mut *conn)
        .await?;
    if before != next {
        history::record(
            conn,
            RecordKind::Customers,
            customer_id,
            &[Change::new("nextFollowUp", before, next)],
            now,
        )
        .await?;
    }
    Ok(())
}
