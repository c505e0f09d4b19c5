//! The rows each record type exports, as typed cells in its columns' order, streamed from the store.

use tokio::sync::mpsc::Sender;

use super::batch::{choice, flag, pump, Batch, BATCH};
use super::cell::Cell;
use crate::contract::ContractQuery;
use crate::customer::{Customer, CustomerQuery};
use crate::error::Result;
use crate::record::RecordKind;
use crate::settings::Language;
use crate::sheet::Column;
use crate::store::Store;

/// How many rows the export of `entity` will write (for progress).
pub async fn count(
    store: &Store,
    entity: RecordKind,
    query: &CustomerQuery,
    contracts: Option<&ContractQuery>,
) -> Result<u64> {
    let n: i64 = match entity {
        RecordKind::Customers => store.customers().count(query).await?,
        RecordKind::Contacts => {
            sqlx::query_scalar(&format!("SELECT count(*) {CONTACT_FROM}"))
                .fetch_one(store.read())
                .await?
        }
        RecordKind::FollowUps => {
            sqlx::query_scalar(&format!("SELECT count(*) {FOLLOW_UP_FROM}"))
                .fetch_one(store.read())
                .await?
        }
        money => super::money_rows::count(store, money, contracts).await?,
    };
    Ok(n as u64)
}

/// Streams the rows of `entity` to `to` in batches; stops quietly when the writer has gone.
pub async fn send(
    store: &Store,
    entity: RecordKind,
    query: &CustomerQuery,
    contracts: Option<&ContractQuery>,
    language: Language,
    to: Sender<Batch>,
) -> Result<()> {
    let columns: Vec<&Column> = entity.exported().collect();
    match entity {
        RecordKind::Customers => {
            let (tx, mut rx) = tokio::sync::mpsc::channel::<Vec<Customer>>(4);
            let customers = store.customers();
            let read = customers.send_all(query, BATCH, tx);
            let forward = async {
                while let Some(batch) = rx.recv().await {
                    let rows = batch
                        .into_iter()
                        .map(|c| customer_cells(c, &columns, language))
                        .collect();
                    if to.send(rows).await.is_err() {
                        break;
                    }
                }
                // Dropping the receiver stops the reader too.
                drop(rx);
            };
            let (read, ()) = tokio::join!(read, forward);
            read
        }
        RecordKind::Contacts => {
            let sql = format!("SELECT {CONTACT_COLUMNS} {CONTACT_FROM} ORDER BY c.id");
            let rows = sqlx::query_as::<_, ContactRow>(&sql).fetch(store.read());
            pump(rows, |r| contact_cells(r, &columns, language), to).await
        }
        RecordKind::FollowUps => {
            let sql = format!("SELECT {FOLLOW_UP_COLUMNS} {FOLLOW_UP_FROM} ORDER BY f.id");
            let rows = sqlx::query_as::<_, FollowUpRow>(&sql).fetch(store.read());
            pump(rows, |r| follow_up_cells(r, &columns, language), to).await
        }
        money => super::money_rows::send(store, money, contracts, language, to).await,
    }
}

pub fn customer_cells(c: Customer, columns: &[&Column], language: Language) -> Vec<Cell> {
    let mut c = c;
    let take = |s: &mut Option<String>| Cell::text(s.take());
    columns
        .iter()
        .map(|col| match col.key {
            "name" => Cell::Text(std::mem::take(&mut c.name)),
            "kind" => choice("kind", c.kind.as_str(), language),
            "uscc" => take(&mut c.uscc),
            "industry" => take(&mut c.industry),
            "source" => take(&mut c.source),
            "province" => take(&mut c.province),
            "city" => take(&mut c.city),
            "district" => take(&mut c.district),
            "address" => take(&mut c.address),
            "phone" => take(&mut c.phone),
            "mobile" => take(&mut c.mobile),
            "email" => take(&mut c.email),
            "website" => take(&mut c.website),
            "level" => c
                .level
                .map(|l| choice("level", l.as_str(), language))
                .unwrap_or(Cell::Empty),
            "status" => choice("status", c.status.as_str(), language),
            "tags" if c.tags.is_empty() => Cell::Empty,
            "tags" => Cell::Text(c.tags.join(", ")),
            "notes" => take(&mut c.notes),
            "invoiceTitle" => take(&mut c.invoice_title),
            "taxNumber" => take(&mut c.tax_number),
            "bankName" => take(&mut c.bank_name),
            "bankAccount" => take(&mut c.bank_account),
            "touchEveryDays" => c.touch_every_days.map(Cell::Int).unwrap_or(Cell::Empty),
            "preference" => c.preference.map(Cell::Int).unwrap_or(Cell::Empty),
            "nextFollowUp" => Cell::day(c.next_follow_up.as_deref()),
            "lastFollowUpAt" => Cell::moment(c.last_follow_up_at),
            "createdAt" => Cell::moment(Some(c.created_at)),
            "updatedAt" => Cell::moment(Some(c.updated_at)),
            _ => Cell::Empty,
        })
        .collect()
}

const CONTACT_COLUMNS: &str = "cu.name AS customer_name, c.name, c.title, c.department, c.mobile, c.phone, \
     c.email, c.wechat, c.birthday, c.birthday_lunar, c.gender, c.is_primary, c.notes, c.created_at";
const CONTACT_FROM: &str = "FROM contacts c JOIN customers cu ON cu.id = c.customer_id \
     WHERE c.deleted_at IS NULL AND cu.deleted_at IS NULL";

#[derive(sqlx::FromRow)]
pub struct ContactRow {
    customer_name: String,
    name: String,
    title: Option<String>,
    department: Option<String>,
    mobile: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    wechat: Option<String>,
    birthday: Option<String>,
    birthday_lunar: bool,
    gender: Option<String>,
    is_primary: bool,
    notes: Option<String>,
    created_at: i64,
}

fn contact_cells(c: ContactRow, columns: &[&Column], language: Language) -> Vec<Cell> {
    let mut c = c;
    let take = |s: &mut Option<String>| Cell::text(s.take());
    columns
        .iter()
        .map(|col| match col.key {
            "customerName" => Cell::Text(std::mem::take(&mut c.customer_name)),
            "name" => Cell::Text(std::mem::take(&mut c.name)),
            "title" => take(&mut c.title),
            "department" => take(&mut c.department),
            "mobile" => take(&mut c.mobile),
            "phone" => take(&mut c.phone),
            "email" => take(&mut c.email),
            "wechat" => take(&mut c.wechat),
            // A birthday may lack its year (--MM-DD), and a lunar one is no solar date: kept as text.
            "birthday" => take(&mut c.birthday),
            "birthdayLunar" => flag(c.birthday_lunar, language),
            "gender" => c
                .gender
                .as_deref()
                .map(|g| choice("gender", g, language))
                .unwrap_or(Cell::Empty),
            "isPrimary" => flag(c.is_primary, language),
            "notes" => take(&mut c.notes),
            "createdAt" => Cell::moment(Some(c.created_at)),
            _ => Cell::Empty,
        })
        .collect()
}

const FOLLOW_UP_COLUMNS: &str =
    "cu.name AS customer_name, ct.name AS contact_name, f.kind, f.happened_at, \
     f.content, f.outcome, f.next_date, f.satisfaction, f.created_at";
const FOLLOW_UP_FROM: &str = "FROM follow_ups f JOIN customers cu ON cu.id = f.customer_id \
     LEFT JOIN contacts ct ON ct.id = f.contact_id \
     WHERE f.deleted_at IS NULL AND cu.deleted_at IS NULL";

#[derive(sqlx::FromRow)]
pub struct FollowUpRow {
    customer_name: String,
    contact_name: Option<String>,
    kind: String,
    happened_at: i64,
    content: String,
    outcome: Option<String>,
    next_date: Option<String>,
    satisfaction: Option<i64>,
    created_at: i64,
}

fn follow_up_cells(f: FollowUpRow, columns: &[&Column], language: Language) -> Vec<Cell> {
    let mut f = f;
    columns
        .iter()
        .map(|col| match col.key {
            "customerName" => Cell::Text(std::mem::take(&mut f.customer_name)),
            "contactName" => Cell::text(f.contact_name.take()),
            "followUpKind" => choice("followUpKind", &f.kind, language),
            "happenedAt" => Cell::moment(Some(f.happened_at)),
            "content" => Cell::Text(std::mem::take(&mut f.content)),
            "outcome" => Cell::text(f.outcome.take()),
            "nextDate" => Cell::day(f.next_date.as_deref()),
            "satisfaction" => f.satisfaction.map(Cell::Int).unwrap_or(Cell::Empty),
            "createdAt" => Cell::moment(Some(f.created_at)),
            _ => Cell::Empty,
        })
        .collect()
}
