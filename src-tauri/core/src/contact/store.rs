//! SQL for contacts: create and edit with history, one primary per customer, trash and restore, lists.

use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use ts_rs::TS;

use super::model::{fields_of, Contact, ContactInput, ValidContact};
use crate::customer::require_live_customer;
use crate::error::{CoreError, Result};
use crate::history::{self, Change};
use crate::record::RecordKind;
use crate::search;
use crate::store::Store;
use crate::time::now_ms;

const COLUMNS: &str =
    "id, customer_id, name, title, department, mobile, phone, email, wechat, birthday, \
     birthday_lunar, gender, notes, is_primary, created_at, updated_at, deleted_at";

/// A contact with the name of its customer, for lists across customers.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContactListRow {
    pub contact: Contact,
    pub customer_name: String,
}

/// One page of the contact list across all customers, by name.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContactPage {
    pub rows: Vec<ContactListRow>,
    pub next_cursor: Option<String>,
}

/// Where the contact list goes on from, and which part of it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContactQuery {
    pub after: Option<String>,
    #[serde(default)]
    pub trashed: bool,
    pub limit: Option<u32>,
}

/// A contact ready to insert with its id and customer (demo data, imports).
#[derive(Debug, Clone)]
pub struct NewContact {
    pub id: i64,
    pub customer_id: i64,
    pub contact: ValidContact,
    pub created_at: i64,
}

/// Inserts many contacts, many to a statement, inside a bulk load's transaction.
pub(crate) async fn insert_many(conn: &mut SqliteConnection, rows: &[NewContact]) -> Result<()> {
    // 15 columns a row; SQLite allows 32,766 variables a statement.
    for chunk in rows.chunks(1000) {
        let mut b = sqlx::QueryBuilder::new(
            "INSERT INTO contacts (id, customer_id, name, title, department, mobile, phone, email, wechat, birthday, \
             birthday_lunar, gender, notes, is_primary, created_at, updated_at) ",
        );
        b.push_values(chunk, |mut v, r| {
            let c = &r.contact;
            v.push_bind(r.id)
                .push_bind(r.customer_id)
                .push_bind(&c.name)
                .push_bind(&c.title)
                .push_bind(&c.department)
                .push_bind(&c.mobile)
                .push_bind(&c.phone)
                .push_bind(&c.email)
                .push_bind(&c.wechat)
                .push_bind(&c.birthday)
                .push_bind(c.birthday_lunar)
                .push_bind(c.gender)
                .push_bind(&c.notes)
                .push_bind(c.is_primary)
                .push_bind(r.created_at)
                .push_bind(r.created_at);
        });
        b.build().execute(&mut *conn).await?;
    }
    Ok(())
}

/// Adds a contact to a live customer inside the caller's transaction; returns its id. A customer's first
/// contact is its primary one.
pub(crate) async fn insert_one(
    conn: &mut SqliteConnection,
    customer_id: i64,
    c: &ValidContact,
    now: i64,
) -> Result<i64> {
    require_live_customer(conn, customer_id).await?;
    let live: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM contacts WHERE customer_id = ? AND deleted_at IS NULL",
    )
    .bind(customer_id)
    .fetch_one(&mut *conn)
    .await?;
    let primary = c.is_primary || live == 0;
    if primary {
        clear_primary(conn, customer_id).await?;
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO contacts (customer_id, name, title, department, mobile, phone, email, wechat, birthday, \
         birthday_lunar, gender, notes, is_primary, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(customer_id)
    .bind(&c.name)
    .bind(&c.title)
    .bind(&c.department)
    .bind(&c.mobile)
    .bind(&c.phone)
    .bind(&c.email)
    .bind(&c.wechat)
    .bind(&c.birthday)
    .bind(c.birthday_lunar)
    .bind(c.gender)
    .bind(&c.notes)
    .bind(primary)
    .bind(now)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    search::sync_contact(conn, id).await?;
    history::record(conn, RecordKind::Contacts, id, &[Change::created()], now).await?;
    Ok(id)
}

/// One contact, live or trashed, read inside a transaction.
pub(crate) async fn load(conn: &mut SqliteConnection, id: i64) -> Result<Contact> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM contacts WHERE id = ?"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(CoreError::NotFound)
}

/// Writes `c` over the live contact `before` inside the caller's transaction (history and search with it);
/// says whether anything changed. Being primary is kept: another contact becomes primary instead.
pub(crate) async fn overwrite(
    conn: &mut SqliteConnection,
    before: &Contact,
    c: &ValidContact,
) -> Result<bool> {
    let c = &ValidContact {
        is_primary: c.is_primary || before.is_primary,
        ..c.clone()
    };
    let changes = history::changes(&fields_of(&ValidContact::from(before)), &fields_of(c));
    if changes.is_empty() {
        return Ok(false);
    }
    let now = now_ms().max(before.updated_at + 1);
    if c.is_primary && !before.is_primary {
        clear_primary(conn, before.customer_id).await?;
    }
    sqlx::query(
        "UPDATE contacts SET name = ?, title = ?, department = ?, mobile = ?, phone = ?, email = ?, wechat = ?, \
         birthday = ?, birthday_lunar = ?, gender = ?, notes = ?, is_primary = ?, updated_at = ? \
         WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(&c.name)
    .bind(&c.title)
    .bind(&c.department)
    .bind(&c.mobile)
    .bind(&c.phone)
    .bind(&c.email)
    .bind(&c.wechat)
    .bind(&c.birthday)
    .bind(c.birthday_lunar)
    .bind(c.gender)
    .bind(&c.notes)
    .bind(c.is_primary)
    .bind(now)
    .bind(before.id)
    .execute(&mut *conn)
    .await?;
    search::sync_contact(conn, before.id).await?;
    history::record(conn, RecordKind::Contacts, before.id, &changes, now).await?;
    Ok(true)
}

/// The contacts of one open store.
pub struct Contacts<'s> {
    pub(crate) store: &'s Store,
}

impl Store {
    pub fn contacts(&self) -> Contacts<'_> {
        Contacts { store: self }
    }
}

impl Contacts<'_> {
    /// Validates what the form sent and adds the contact to a live customer.
    pub async fn create_from(&self, customer_id: i64, input: &ContactInput) -> Result<Contact> {
        self.create(customer_id, &input.validate()?).await
    }

    /// Validates what the form sent and saves it over contact `id`.
    pub async fn update_from(&self, id: i64, input: &ContactInput) -> Result<Contact> {
        self.update(id, &input.validate()?).await
    }

    /// Adds a contact to a live customer. A customer's first contact is its primary one.
    pub async fn create(&self, customer_id: i64, c: &ValidContact) -> Result<Contact> {
        let mut tx = self.store.write().await?;
        let id = insert_one(&mut tx, customer_id, c, now_ms()).await?;
        tx.commit().await?;
        self.get(id).await
    }

    /// Saves an edit of a live contact; each changed field goes to the history. An edit can make a contact
    /// the primary one but not take that away: another contact becomes primary instead.
    pub async fn update(&self, id: i64, c: &ValidContact) -> Result<Contact> {
        let mut tx = self.store.write().await?;
        let before = load(&mut tx, id).await?;
        if before.deleted_at.is_some() {
            return Err(CoreError::NotFound);
        }
        if overwrite(&mut tx, &before, c).await? {
            tx.commit().await?;
        }
        self.get(id).await
    }

    /// The largest id in use, so batch writers can assign ids themselves.
    pub async fn max_id(&self) -> Result<i64> {
        Ok(
            sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM contacts")
                .fetch_one(self.store.read())
                .await?,
        )
    }

    /// One contact, live or trashed.
    pub async fn get(&self, id: i64) -> Result<Contact> {
        let sql = format!("SELECT {COLUMNS} FROM contacts WHERE id = ?");
        Ok(sqlx::query_as(&sql)
            .bind(id)
            .fetch_one(self.store.read())
            .await?)
    }

    /// The live contacts of a customer, the primary one first, then in the order they were added.
    pub async fn of_customer(&self, customer_id: i64) -> Result<Vec<Contact>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM contacts WHERE customer_id = ? AND deleted_at IS NULL ORDER BY is_primary DESC, id"
        );
        Ok(sqlx::query_as(&sql)
            .bind(customer_id)
            .fetch_all(self.store.read())
            .await?)
    }

    /// Contacts across all customers by name (live ones of live customers), or the trashed ones newest first.
    pub async fn list(&self, q: &ContactQuery) -> Result<ContactPage> {
        let limit = q.limit.unwrap_or(100).clamp(1, 500) as i64;
        let cols = COLUMNS
            .split(", ")
            .map(|c| format!("ct.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let (filter, order, key) = if q.trashed {
            (
                "ct.deleted_at IS NOT NULL",
                "ct.deleted_at DESC, ct.id DESC",
                "(ct.deleted_at, ct.id) < (?, ?)",
            )
        } else {
            (
                "ct.deleted_at IS NULL AND cu.deleted_at IS NULL",
                "ct.name, ct.id",
                "(ct.name, ct.id) > (?, ?)",
            )
        };
        let after: Option<(serde_json::Value, i64)> = match &q.after {
            Some(a) => {
                Some(serde_json::from_str(a).map_err(|_| CoreError::invalid("after", "format"))?)
            }
            None => None,
        };
        let sql = format!(
            "SELECT {cols}, cu.name AS customer_name FROM contacts ct JOIN customers cu ON cu.id = ct.customer_id \
             WHERE {filter} {} ORDER BY {order} LIMIT ?",
            if after.is_some() { format!("AND {key}") } else { String::new() }
        );
        let mut query = sqlx::query_as::<_, RowWithCustomer>(&sql);
        if let Some((value, id)) = &after {
            query = match value {
                serde_json::Value::String(s) => query.bind(s.clone()),
                other => query.bind(other.as_i64().unwrap_or_default()),
            }
            .bind(*id);
        }
        let rows: Vec<RowWithCustomer> = query.bind(limit).fetch_all(self.store.read()).await?;
        let next_cursor = match rows.last() {
            Some(last) if rows.len() as i64 == limit => Some(if q.trashed {
                serde_json::json!([last.contact.deleted_at, last.contact.id]).to_string()
            } else {
                serde_json::json!([last.contact.name, last.contact.id]).to_string()
            }),
            _ => None,
        };
        let rows = rows
            .into_iter()
            .map(|r| ContactListRow {
                contact: r.contact,
                customer_name: r.customer_name,
            })
            .collect();
        Ok(ContactPage { rows, next_cursor })
    }
}

#[derive(sqlx::FromRow)]
struct RowWithCustomer {
    #[sqlx(flatten)]
    contact: Contact,
    customer_name: String,
}

/// A customer with live contacts has a primary one: the oldest takes the place when none has it.
pub(crate) async fn ensure_primary(conn: &mut SqliteConnection, customer_id: i64) -> Result<()> {
    sqlx::query(
        "UPDATE contacts SET is_primary = 1 WHERE id = \
         (SELECT id FROM contacts WHERE customer_id = ?1 AND deleted_at IS NULL ORDER BY id LIMIT 1) \
         AND NOT EXISTS (SELECT 1 FROM contacts WHERE customer_id = ?1 AND deleted_at IS NULL AND is_primary = 1)",
    )
    .bind(customer_id)
    .execute(conn)
    .await?;
    Ok(())
}

async fn clear_primary(conn: &mut SqliteConnection, customer_id: i64) -> Result<()> {
    sqlx::query("UPDATE contacts SET is_primary = 0 WHERE customer_id = ? AND is_primary = 1")
        .bind(customer_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The contact named on a record of a customer (a follow-up, a contract) must be one of that customer's
/// live contacts.
pub(crate) async fn require_contact_of(
    conn: &mut sqlx::SqliteConnection,
    customer_id: i64,
    contact_id: Option<i64>,
) -> Result<()> {
    let Some(contact_id) = contact_id else {
        return Ok(());
    };
    let of: Option<i64> =
        sqlx::query_scalar("SELECT customer_id FROM contacts WHERE id = ? AND deleted_at IS NULL")
            .bind(contact_id)
            .fetch_optional(&mut *conn)
            .await?;
    if of != Some(customer_id) {
        return Err(CoreError::invalid("contactId", "not_of_customer"));
    }
    Ok(())
}
