//! SQL for the customer archive: create, edit with history, trash, restore, delete, and keyset-paged lists.

use sqlx::query_builder::Separated;
use sqlx::{QueryBuilder, Sqlite};

use super::model::{
    Customer, CustomerInput, CustomerKind, CustomerLevel, LifecycleStatus, ValidCustomer,
};
use super::query::{Cursor, CustomerPage, CustomerQuery};
use crate::error::{CoreError, Result};
use crate::history::{self, Change};
use crate::record::RecordKind;
use crate::search;
use crate::store::Store;
use crate::time::now_ms;

const COLUMNS: &str = "id, name, kind, uscc, industry, source, province, city, district, address, phone, mobile, \
     email, website, level, status, tags, notes, invoice_title, tax_number, bank_name, bank_account, \
     touch_every_days, preference, next_follow_up, last_follow_up_at, created_at, updated_at, deleted_at";

/// [`COLUMNS`] as one JSON array a row, in the order of [`Customer`]'s fields (serde reads a struct from
/// an array by position). Long reads (exports) take it: one text value a row decodes several times
/// faster through sqlx than 28 separate ones.
const COLUMNS_AS_JSON: &str = "json_array(id, name, kind, uscc, industry, source, province, city, district, \
     address, phone, mobile, email, website, level, status, json(tags), notes, invoice_title, tax_number, \
     bank_name, bank_account, touch_every_days, preference, next_follow_up, last_follow_up_at, created_at, updated_at, \
     deleted_at)";

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    name: String,
    kind: CustomerKind,
    uscc: Option<String>,
    industry: Option<String>,
    source: Option<String>,
    province: Option<String>,
    city: Option<String>,
    district: Option<String>,
    address: Option<String>,
    phone: Option<String>,
    mobile: Option<String>,
    email: Option<String>,
    website: Option<String>,
    level: Option<CustomerLevel>,
    status: LifecycleStatus,
    tags: String,
    notes: Option<String>,
    invoice_title: Option<String>,
    tax_number: Option<String>,
    bank_name: Option<String>,
    bank_account: Option<String>,
    touch_every_days: Option<i64>,
    preference: Option<i64>,
    next_follow_up: Option<String>,
    last_follow_up_at: Option<i64>,
    created_at: i64,
    updated_at: i64,
    deleted_at: Option<i64>,
}

impl From<Row> for Customer {
    fn from(r: Row) -> Self {
        Customer {
            id: r.id,
            name: r.name,
            kind: r.kind,
            uscc: r.uscc,
            industry: r.industry,
            source: r.source,
            province: r.province,
            city: r.city,
            district: r.district,
            address: r.address,
            phone: r.phone,
            mobile: r.mobile,
            email: r.email,
            website: r.website,
            level: r.level,
            status: r.status,
            tags: serde_json::from_str(&r.tags).unwrap_or_default(),
            notes: r.notes,
            invoice_title: r.invoice_title,
            tax_number: r.tax_number,
            bank_name: r.bank_name,
            bank_account: r.bank_account,
            touch_every_days: r.touch_every_days,
            preference: r.preference,
            next_follow_up: r.next_follow_up,
            last_follow_up_at: r.last_follow_up_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
            deleted_at: r.deleted_at,
        }
    }
}

/// A customer ready to insert: the validated fields plus its id and times (demo data and tests set them).
#[derive(Debug, Clone)]
pub struct NewRow<'a> {
    pub id: Option<i64>,
    pub customer: &'a ValidCustomer,
    pub created_at: i64,
    pub updated_at: i64,
    /// Set by bulk loads that bring follow-ups along; a new customer has none.
    pub next_follow_up: Option<String>,
    pub last_follow_up_at: Option<i64>,
}

/// The customer archive of one open store.
pub struct Customers<'s> {
    pub(crate) store: &'s Store,
}

impl Store {
    pub fn customers(&self) -> Customers<'_> {
        Customers { store: self }
    }
}

pub(crate) fn unique_uscc(e: sqlx::Error) -> CoreError {
    if let sqlx::Error::Database(db) = &e {
        if db.message().contains("customers.uscc") {
            return CoreError::conflict("uscc_taken", db.message().to_string());
        }
    }
    e.into()
}

/// The columns a customer's form fills, in the order [`push_fields`] binds them.
const FIELD_COLUMNS: &str = "name, kind, uscc, industry, source, province, city, district, address, phone, mobile, \
     email, website, level, status, tags, notes, invoice_title, tax_number, bank_name, bank_account, touch_every_days, \
     preference";

/// Binds the fields of [`FIELD_COLUMNS`]: one list for inserts and updates alike.
fn push_fields<'q>(v: &mut Separated<'_, 'q, Sqlite, &'static str>, c: &'q ValidCustomer) {
    v.push_bind(&c.name)
        .push_bind(c.kind)
        .push_bind(&c.uscc)
        .push_bind(&c.industry)
        .push_bind(&c.source)
        .push_bind(&c.province)
        .push_bind(&c.city)
        .push_bind(&c.district)
        .push_bind(&c.address)
        .push_bind(&c.phone)
        .push_bind(&c.mobile)
        .push_bind(&c.email)
        .push_bind(&c.website)
        .push_bind(c.level)
        .push_bind(c.status)
        .push_bind(serde_json::to_string(&c.tags).expect("tags serialize"))
        .push_bind(&c.notes)
        .push_bind(&c.invoice_title)
        .push_bind(&c.tax_number)
        .push_bind(&c.bank_name)
        .push_bind(&c.bank_account)
        .push_bind(c.touch_every_days)
        .push_bind(c.preference);
}

fn push_values<'q>(b: &mut QueryBuilder<'q, Sqlite>, rows: &'q [NewRow<'q>]) {
    b.push(format!(
        "INSERT INTO customers (id, {FIELD_COLUMNS}, next_follow_up, last_follow_up_at, created_at, updated_at) "
    ));
    b.push_values(rows, |mut v, r| {
        v.push_bind(r.id);
        push_fields(&mut v, r.customer);
        v.push_bind(&r.next_follow_up)
            .push_bind(r.last_follow_up_at)
            .push_bind(r.created_at)
            .push_bind(r.updated_at);
    });
}

impl Customers<'_> {
    /// Validates what the form sent and creates the customer.
    pub async fn create_from(&self, input: &CustomerInput) -> Result<Customer> {
        self.create(&input.validate()?).await
    }

    /// Validates what the form sent and saves it over customer `id`.
    pub async fn update_from(&self, id: i64, input: &CustomerInput) -> Result<Customer> {
        self.update(id, &input.validate()?).await
    }

    /// Creates a customer and returns it as stored.
    pub async fn create(&self, customer: &ValidCustomer) -> Result<Customer> {
        let now = now_ms();
        let mut tx = self.store.write().await?;
        let mut b = QueryBuilder::new("");
        let rows = [NewRow {
            id: None,
            customer,
            created_at: now,
            updated_at: now,
            next_follow_up: None,
            last_follow_up_at: None,
        }];
        push_values(&mut b, &rows);
        b.push(" RETURNING id");
        let id: i64 = b
            .build_query_scalar()
            .fetch_one(&mut *tx)
            .await
            .map_err(unique_uscc)?;
        replace_tags(&mut tx, id, &customer.tags).await?;
        search::sync_customer(&mut tx, id).await?;
        history::record(
            &mut tx,
            RecordKind::Customers,
            id,
            &[Change::created()],
            now,
        )
        .await?;
        tx.commit().await?;
        self.get(id).await
    }
    /// One customer, live or trashed.
    pub async fn get(&self, id: i64) -> Result<Customer> {
        let sql = format!("SELECT {COLUMNS} FROM customers WHERE id = ?");
        let row: Row = sqlx::query_as(&sql)
            .bind(id)
            .fetch_one(self.store.read())
            .await?;
        Ok(row.into())
    }

    /// Saves an edit of a live customer; each changed field goes to the history.
    pub async fn update(&self, id: i64, customer: &ValidCustomer) -> Result<Customer> {
        let mut tx = self.store.write().await?;
        let before = load(&mut tx, id).await?;
        if before.deleted_at.is_some() {
            return Err(CoreError::NotFound);
        }
        if overwrite(&mut tx, &before, customer).await? {
            tx.commit().await?;
        }
        self.get(id).await
    }

    /// Adds `tag` to each live customer of `ids` that lacks it, each change in its history. Returns how
    /// many customers were tagged (a customer with twenty tags already is left as it is).
    pub async fn tag_many(&self, ids: &[i64], tag: &str) -> Result<u64> {
        let tag = crate::field::tags(&[tag.to_string()])?
            .pop()
            .ok_or(CoreError::invalid("tags", "required"))?;
        let ids = serde_json::to_string(ids).expect("ids serialize");
        let now = now_ms();
        let mut tx = self.store.write().await?;
        // Who gets the tag: live, asked for, without it, and with room for one more.
        sqlx::query(
            "CREATE TEMP TABLE IF NOT EXISTS tagging (id INTEGER PRIMARY KEY); DELETE FROM temp.tagging;",
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO temp.tagging (id) SELECT c.id FROM customers c WHERE c.id IN (SELECT value FROM json_each(?1)) \
             AND c.deleted_at IS NULL AND json_array_length(c.tags) < 20 \
             AND NOT EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag = ?2)",
        )
        .bind(&ids)
        .bind(&tag)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO history (entity, entity_id, field, old_value, new_value, changed_at) \
             SELECT 'customer', c.id, 'tags', (SELECT group_concat(value, ', ') FROM json_each(c.tags)), \
             (SELECT group_concat(value, ', ') FROM json_each(json_insert(c.tags, '$[#]', ?1))), ?2 \
             FROM customers c WHERE c.id IN (SELECT id FROM temp.tagging)",
        )
        .bind(&tag)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE customers SET tags = json_insert(tags, '$[#]', ?1), updated_at = max(updated_at + 1, ?2) \
             WHERE id IN (SELECT id FROM temp.tagging)",
        )
        .bind(&tag)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let tagged = sqlx::query(
            "INSERT INTO customer_tags (customer_id, tag) SELECT id, ? FROM temp.tagging",
        )
        .bind(&tag)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query("DELETE FROM temp.tagging")
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(tagged)
    }

    /// One page of the list, walking an index from the cursor on.
    pub async fn list(&self, query: &CustomerQuery) -> Result<CustomerPage> {
        let (column, descending) = query.order();
        let mut b = QueryBuilder::new(format!("SELECT {COLUMNS} FROM customers WHERE "));
        push_filters(&mut b, query);
        if let Some(after) = &query.after {
            Cursor::decode(after)?.push_after(&mut b, column, "id", descending);
        }
        let dir = if descending { "DESC" } else { "ASC" };
        let limit = query.page_size();
        b.push(format!(" ORDER BY {column} {dir}, id {dir} LIMIT "))
            .push_bind(limit as i64);
        let rows: Vec<Row> = b.build_query_as().fetch_all(self.store.read()).await?;
        let rows: Vec<Customer> = rows.into_iter().map(Customer::from).collect();
        let next_cursor = match rows.last() {
            Some(last) if rows.len() == limit as usize => {
                Some(Cursor::after_row(query, last).encode())
            }
            _ => None,
        };
        Ok(CustomerPage { rows, next_cursor })
    }

    /// Every customer of the list (filters and sort; cursor and limit ignored), streamed in batches of
    /// `batch` to `to`. Stops early, without error, when the receiver is gone.
    pub async fn send_all(
        &self,
        query: &CustomerQuery,
        batch: usize,
        to: tokio::sync::mpsc::Sender<Vec<Customer>>,
    ) -> Result<()> {
        use futures_util::TryStreamExt;
        let (column, descending) = query.order();
        let dir = if descending { "DESC" } else { "ASC" };
        let mut b = QueryBuilder::new(format!("SELECT {COLUMNS_AS_JSON} FROM customers WHERE "));
        push_filters(&mut b, query);
        b.push(format!(" ORDER BY {column} {dir}, id {dir}"));
        let mut rows = b.build_query_scalar::<String>().fetch(self.store.read());
        let mut chunk = Vec::with_capacity(batch);
        while let Some(row) = rows.try_next().await? {
            let customer: Customer = serde_json::from_str(&row)
                .map_err(|e| CoreError::Internal(format!("customer row: {e}")))?;
            chunk.push(customer);
            if chunk.len() == batch {
                let full = std::mem::replace(&mut chunk, Vec::with_capacity(batch));
                if to.send(full).await.is_err() {
                    return Ok(());
                }
            }
        }
        if !chunk.is_empty() {
            let _ = to.send(chunk).await;
        }
        Ok(())
    }

    /// The customer at `offset` in this list's order (an OFFSET walk: for benchmarks that start deep in
    /// the book, never for paging).
    pub async fn nth(&self, query: &CustomerQuery, offset: i64) -> Result<Customer> {
        let (column, descending) = query.order();
        let dir = if descending { "DESC" } else { "ASC" };
        let mut b = QueryBuilder::new(format!("SELECT {COLUMNS} FROM customers WHERE "));
        push_filters(&mut b, query);
        b.push(format!(
            " ORDER BY {column} {dir}, id {dir} LIMIT 1 OFFSET "
        ))
        .push_bind(offset);
        let row: Row = b.build_query_as().fetch_one(self.store.read()).await?;
        Ok(row.into())
    }

    /// How many customers match the filters (cursor and limit ignored).
    pub async fn count(&self, query: &CustomerQuery) -> Result<i64> {
        let mut b = QueryBuilder::new("SELECT count(*) FROM customers WHERE ");
        push_filters(&mut b, query);
        Ok(b.build_query_scalar().fetch_one(self.store.read()).await?)
    }

    /// Every tag in use, in order, found by skipping through the tag index rather than scanning it.
    pub async fn tags(&self) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar(
            "WITH RECURSIVE t(tag) AS (
                 SELECT min(tag) FROM customer_tags
                 UNION ALL
                 SELECT (SELECT min(tag) FROM customer_tags WHERE tag > t.tag) FROM t WHERE t.tag IS NOT NULL)
             SELECT tag FROM t WHERE tag IS NOT NULL",
        )
        .fetch_all(self.store.read())
        .await?)
    }

    /// The largest id in use, so batch writers can assign ids themselves.
    pub async fn max_id(&self) -> Result<i64> {
        Ok(
            sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM customers")
                .fetch_one(self.store.read())
                .await?,
        )
    }
}

/// One customer, live or trashed, read inside a transaction.
pub(crate) async fn load(conn: &mut sqlx::SqliteConnection, id: i64) -> Result<Customer> {
    let sql = format!("SELECT {COLUMNS} FROM customers WHERE id = ?");
    let row: Option<Row> = sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(Customer::from).ok_or(CoreError::NotFound)
}

/// The customers of `ids` (live or trashed) that exist, read many to a statement.
pub(crate) async fn load_many(
    conn: &mut sqlx::SqliteConnection,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, Customer>> {
    let mut out = std::collections::HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let mut b = QueryBuilder::new(format!("SELECT {COLUMNS} FROM customers WHERE id IN ("));
        let mut list = b.separated(", ");
        for id in chunk {
            list.push_bind(*id);
        }
        b.push(")");
        let rows: Vec<Row> = b.build_query_as().fetch_all(&mut *conn).await?;
        out.extend(rows.into_iter().map(|r| (r.id, Customer::from(r))));
    }
    Ok(out)
}

/// Writes `customer` over the stored `before` (its tags, search tokens and history with it). Says whether
/// anything changed; nothing is written when nothing did.
pub(crate) async fn overwrite(
    conn: &mut sqlx::SqliteConnection,
    before: &Customer,
    customer: &ValidCustomer,
) -> Result<bool> {
    let changed = overwrite_fields(conn, before, customer).await?;
    if changed {
        search::sync_customer(conn, before.id).await?;
    }
    Ok(changed)
}

/// `overwrite` but for the search tokens, which the caller brings up to date (many at once:
/// `search::index_load`).
pub(crate) async fn overwrite_fields(
    conn: &mut sqlx::SqliteConnection,
    before: &Customer,
    customer: &ValidCustomer,
) -> Result<bool> {
    let changes = history::changes(
        &fields_of(&ValidCustomer::from(before)),
        &fields_of(customer),
    );
    if changes.is_empty() {
        return Ok(false);
    }
    let now = now_ms().max(before.updated_at + 1);
    let c = customer;
    let mut b = QueryBuilder::new(format!(
        "UPDATE customers SET ({FIELD_COLUMNS}, updated_at) = ("
    ));
    {
        let mut v = b.separated(", ");
        push_fields(&mut v, c);
        v.push_bind(now);
    }
    b.push(") WHERE id = ")
        .push_bind(before.id)
        .push(" AND deleted_at IS NULL; ");
    // One round trip for the row, its tags and its history.
    push_replace_tags(&mut b, before.id, &c.tags);
    history::push_record(&mut b, RecordKind::Customers, before.id, &changes, now);
    b.build().execute(&mut *conn).await.map_err(unique_uscc)?;
    Ok(true)
}

/// The WHERE clause. `deleted_at IS NULL` is written literally so SQLite can use the partial indexes.
fn push_filters(b: &mut QueryBuilder<'_, Sqlite>, q: &CustomerQuery) {
    // Merged-away customers are neither live nor in the trash: their merge holds them.
    b.push(if q.trashed {
        "deleted_at IS NOT NULL AND merged_into IS NULL"
    } else {
        "deleted_at IS NULL"
    });
    if let Some(s) = q.status {
        b.push(" AND status = ").push_bind(s.as_str());
    }
    if let Some(l) = q.level {
        b.push(" AND level = ").push_bind(l.as_str());
    }
    for (column, value) in [
        ("province", &q.province),
        ("city", &q.city),
        ("district", &q.district),
    ] {
        if let Some(v) = value {
            b.push(format!(" AND {column} = ")).push_bind(v.clone());
        }
    }
    if let Some(tag) = &q.tag {
        b.push(" AND id IN (SELECT customer_id FROM customer_tags WHERE tag = ")
            .push_bind(tag.clone())
            .push(")");
    }
}

async fn replace_tags(tx: &mut sqlx::SqliteConnection, id: i64, tags: &[String]) -> Result<()> {
    let mut b = QueryBuilder::new("");
    push_replace_tags(&mut b, id, tags);
    b.build().execute(&mut *tx).await?;
    Ok(())
}

/// Appends the statements `replace_tags` runs to a query of several.
fn push_replace_tags(b: &mut QueryBuilder<'_, Sqlite>, id: i64, tags: &[String]) {
    b.push("DELETE FROM customer_tags WHERE customer_id = ")
        .push_bind(id)
        .push("; ");
    if !tags.is_empty() {
        b.push("INSERT INTO customer_tags (customer_id, tag) ");
        b.push_values(tags, |mut v, tag| {
            v.push_bind(id).push_bind(tag.clone());
        });
        b.push("; ");
    }
}

/// The fields of a customer as named text, for the history.
fn fields_of(c: &ValidCustomer) -> Vec<(&'static str, Option<String>)> {
    vec![
        ("name", Some(c.name.clone())),
        ("kind", Some(c.kind.as_str().into())),
        ("uscc", c.uscc.clone()),
        ("industry", c.industry.clone()),
        ("source", c.source.clone()),
        ("province", c.province.clone()),
        ("city", c.city.clone()),
        ("district", c.district.clone()),
        ("address", c.address.clone()),
        ("phone", c.phone.clone()),
        ("mobile", c.mobile.clone()),
        ("email", c.email.clone()),
        ("website", c.website.clone()),
        ("level", c.level.map(|l| l.as_str().into())),
        ("status", Some(c.status.as_str().into())),
        ("tags", Some(c.tags.join(", ")).filter(|t| !t.is_empty())),
        ("notes", c.notes.clone()),
        ("invoiceTitle", c.invoice_title.clone()),
        ("taxNumber", c.tax_number.clone()),
        ("bankName", c.bank_name.clone()),
        ("bankAccount", c.bank_account.clone()),
        ("touchEveryDays", c.touch_every_days.map(|n| n.to_string())),
        ("preference", c.preference.map(|n| n.to_string())),
    ]
}

/// Adds rows with multi-row statements, with their tags. Rows need ids so their tags can be written
/// alongside (bulk loads).
pub(crate) async fn insert_many(
    conn: &mut sqlx::SqliteConnection,
    rows: &[NewRow<'_>],
) -> Result<()> {
    // 24 columns a row; SQLite allows 32,766 variables a statement.
    const ROWS_PER_STATEMENT: usize = 500;
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let mut b = QueryBuilder::new("");
        push_values(&mut b, chunk);
        b.build().execute(&mut *conn).await.map_err(unique_uscc)?;
        let tagged: Vec<(i64, &String)> = chunk
            .iter()
            .filter_map(|r| r.id.map(|id| (id, &r.customer.tags)))
            .flat_map(|(id, tags)| tags.iter().map(move |t| (id, t)))
            .collect();
        for tag_chunk in tagged.chunks(5000) {
            let mut t = QueryBuilder::new("INSERT INTO customer_tags (customer_id, tag) ");
            t.push_values(tag_chunk, |mut v, (id, tag)| {
                v.push_bind(*id).push_bind(*tag);
            });
            t.build().execute(&mut *conn).await?;
        }
    }
    Ok(())
}

/// Records can only be added to, or brought back onto, a live customer.
pub(crate) async fn require_live_customer(
    conn: &mut sqlx::SqliteConnection,
    customer_id: i64,
) -> Result<()> {
    let deleted: Option<i64> = sqlx::query_scalar("SELECT deleted_at FROM customers WHERE id = ?")
        .bind(customer_id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(CoreError::NotFound)?;
    if deleted.is_some() {
        return Err(CoreError::conflict(
            "customer_trashed",
            format!("customer {customer_id} is in the trash"),
        ));
    }
    Ok(())
}
