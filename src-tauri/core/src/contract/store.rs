//! SQL for contracts: numbered on create, lines written with the contract, edits with history, trash,
//! restore and delete, keyset-paged lists. Each write brings the payment plan's `counted` flag in line.

use sqlx::{QueryBuilder, SqliteConnection};

use super::model::{
    Contract, ContractInput, ContractLine, ContractMoney, ContractRow, ContractStatus,
    ValidContract, ValidLine,
};
use super::number::NumberRule;
use super::query::{ContractPage, ContractQuery, ContractSort};
use crate::contact::require_contact_of;
use crate::customer::require_live_customer;
use crate::error::{CoreError, Result};
use crate::field::{yuan, Discount, Quantity};
use crate::history::{self, Change};
use crate::page::{Cursor, SortValue};
use crate::receivable;
use crate::record::RecordKind;
use crate::settings::Settings;
use crate::store::Store;
use crate::time::{now_ms, today};

const COLUMNS: &str = "ct.id, ct.number, ct.title, ct.customer_id, cu.name AS customer_name, ct.contact_id, \
     cn.name AS contact_name, ct.amount, ct.currency, ct.signed_on, ct.starts_on, ct.ends_on, ct.status, \
     ct.payment_terms, ct.notes, ct.created_at, ct.updated_at, ct.deleted_at";
// Left joins keep the contracts the outer loop, so a list walks the contracts' own index.
const FROM: &str = "FROM contracts ct LEFT JOIN customers cu ON cu.id = ct.customer_id \
     LEFT JOIN contacts cn ON cn.id = ct.contact_id";

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    number: String,
    title: String,
    customer_id: i64,
    customer_name: String,
    contact_id: Option<i64>,
    contact_name: Option<String>,
    amount: i64,
    currency: String,
    signed_on: Option<String>,
    starts_on: Option<String>,
    ends_on: Option<String>,
    status: ContractStatus,
    payment_terms: Option<String>,
    notes: Option<String>,
    created_at: i64,
    updated_at: i64,
    deleted_at: Option<i64>,
}

impl Row {
    fn into_contract(self, lines: Vec<ContractLine>, money: ContractMoney) -> Contract {
        Contract {
            id: self.id,
            number: self.number,
            title: self.title,
            customer_id: self.customer_id,
            customer_name: self.customer_name,
            contact_id: self.contact_id,
            contact_name: self.contact_name,
            amount: self.amount,
            currency: self.currency,
            signed_on: self.signed_on,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            status: self.status,
            payment_terms: self.payment_terms,
            notes: self.notes,
            lines,
            money,
            created_at: self.created_at,
            updated_at: self.updated_at,
            deleted_at: self.deleted_at,
        }
    }

    fn into_row(self, money: ContractMoney) -> ContractRow {
        ContractRow {
            id: self.id,
            number: self.number,
            title: self.title,
            customer_id: self.customer_id,
            customer_name: self.customer_name,
            amount: self.amount,
            signed_on: self.signed_on,
            ends_on: self.ends_on,
            status: self.status,
            money,
            updated_at: self.updated_at,
            deleted_at: self.deleted_at,
        }
    }
}

/// A line ready to store: validated, its description filled from its product when left empty.
struct StoredLine {
    line: ValidLine,
    description: String,
}

/// The contracts of one open store.
pub struct Contracts<'s> {
    pub(crate) store: &'s Store,
}

impl Store {
    pub fn contracts(&self) -> Contracts<'_> {
        Contracts { store: self }
    }
}

pub(crate) fn unique_number(e: sqlx::Error) -> CoreError {
    if let sqlx::Error::Database(db) = &e {
        if db.message().contains("contracts.number") {
            return CoreError::conflict("number_taken", db.message().to_string());
        }
    }
    e.into()
}

/// The lines as one readable text for the history: "云服务器 × 2 × 1,500.00 −10%; 安装调试 × 1 × 500.00".
fn lines_text(lines: &[(String, Quantity, i64, Discount)]) -> Option<String> {
    if lines.is_empty() {
        return None;
    }
    Some(
        lines
            .iter()
            .map(|(d, q, p, disc)| {
                let mut s = format!("{d} × {} × {}", q.units(), yuan(*p));
                if disc.bp() > 0 {
                    s.push_str(&format!(" −{}%", disc.percent()));
                }
                s
            })
            .collect::<Vec<_>>()
            .join("; "),
    )
}

/// The fields of a contract as history compares them.
fn snapshot(
    number: &str,
    c: &ValidContract,
    lines: &[(String, Quantity, i64, Discount)],
) -> Vec<(&'static str, Option<String>)> {
    vec![
        ("number", Some(number.to_string())),
        ("title", Some(c.title.clone())),
        ("contactId", c.contact_id.map(|v| v.to_string())),
        ("amount", Some(c.amount.to_string())),
        ("signedOn", c.signed_on.clone()),
        ("startsOn", c.starts_on.clone()),
        ("endsOn", c.ends_on.clone()),
        ("status", Some(c.status.as_str().to_string())),
        ("paymentTerms", c.payment_terms.clone()),
        ("notes", c.notes.clone()),
        ("lines", lines_text(lines)),
    ]
}

impl Contracts<'_> {
    pub async fn create_from(&self, input: &ContractInput) -> Result<Contract> {
        self.create(&input.validate()?).await
    }

    pub async fn update_from(&self, id: i64, input: &ContractInput) -> Result<Contract> {
        self.update(id, &input.validate()?).await
    }

    /// Creates a contract of a live customer. Without a number, the next one of the numbering rule in
    /// the settings is taken (for the sign date, or today).
    pub async fn create(&self, c: &ValidContract) -> Result<Contract> {
        let rule = self.number_rule();
        let mut tx = self.store.write().await?;
        let id = insert_one(&mut tx, &rule, c, now_ms()).await?;
        tx.commit().await?;
        self.get(id).await
    }

    /// The numbering rule in the settings (the default when the saved one no longer parses).
    pub fn number_rule(&self) -> NumberRule {
        NumberRule::parse(&Settings::read(self.store.dir()).contract_number_rule)
            .unwrap_or_else(|_| NumberRule::parse(NumberRule::DEFAULT).expect("the default parses"))
    }

    /// Saves an edit of a live contract: its fields and the whole set of lines. The amount may not fall
    /// below what its payment plan already asks for.
    pub async fn update(&self, id: i64, c: &ValidContract) -> Result<Contract> {
        let before = self.get(id).await?;
        let mut tx = self.store.write().await?;
        if overwrite(&mut tx, &before, c, now_ms()).await? {
            tx.commit().await?;
        }
        self.get(id).await
    }

    /// One contract, live or trashed, with its lines and money as of today.
    pub async fn get(&self, id: i64) -> Result<Contract> {
        let row: Row = sqlx::query_as(&format!("SELECT {COLUMNS} {FROM} WHERE ct.id = ?"))
            .bind(id)
            .fetch_one(self.store.read())
            .await?;
        let lines = lines_of(self.store.read(), id).await?;
        let money = receivable::money_of_contracts(self.store, &[id])
            .await?
            .pop()
            .map(|(_, m)| m)
            .unwrap_or_default();
        Ok(row.into_contract(lines, money))
    }

    /// One page of the list, walking an index from the cursor on. Contracts of trashed customers are left
    /// out of the live list.
    pub async fn list(&self, q: &ContractQuery) -> Result<ContractPage> {
        let (column, descending) = q.order();
        let mut b = QueryBuilder::new(format!("SELECT {COLUMNS} {FROM} WHERE "));
        push_filters(&mut b, q);
        if let Some(after) = &q.after {
            Cursor::decode(after)?.push_after(&mut b, column, "ct.id", descending);
        }
        let dir = if descending { "DESC" } else { "ASC" };
        let limit = crate::page::page_size(q.limit);
        b.push(format!(" ORDER BY {column} {dir}, ct.id {dir} LIMIT "))
            .push_bind(limit as i64);
        let rows: Vec<Row> = b.build_query_as().fetch_all(self.store.read()).await?;
        let next_cursor = match rows.last() {
            Some(last) if rows.len() == limit as usize => {
                let value = if q.trashed {
                    SortValue::Int(last.deleted_at.unwrap_or_default())
                } else {
                    match q.sort {
                        ContractSort::UpdatedAt => SortValue::Int(last.updated_at),
                        ContractSort::SignedOn => {
                            SortValue::Text(last.signed_on.clone().unwrap_or_default())
                        }
                        ContractSort::Number => SortValue::Text(last.number.clone()),
                    }
                };
                Some(Cursor::new(value, last.id).encode())
            }
            _ => None,
        };
        let rows = self.with_money(rows).await?;
        Ok(ContractPage { rows, next_cursor })
    }

    /// How many contracts match the filters (cursor and limit ignored).
    pub async fn count(&self, q: &ContractQuery) -> Result<i64> {
        let mut b = QueryBuilder::new("SELECT count(*) FROM contracts ct WHERE ");
        push_filters(&mut b, q);
        Ok(b.build_query_scalar().fetch_one(self.store.read()).await?)
    }

    /// A customer's live contracts, newest signed first.
    pub async fn of_customer(&self, customer_id: i64) -> Result<Vec<ContractRow>> {
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} {FROM} WHERE ct.customer_id = ? AND ct.deleted_at IS NULL \
             ORDER BY coalesce(ct.signed_on, '') DESC, ct.id DESC LIMIT 500"
        ))
        .bind(customer_id)
        .fetch_all(self.store.read())
        .await?;
        self.with_money(rows).await
    }

    async fn with_money(&self, rows: Vec<Row>) -> Result<Vec<ContractRow>> {
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let money: std::collections::HashMap<i64, ContractMoney> =
            receivable::money_of_contracts(self.store, &ids)
                .await?
                .into_iter()
                .collect();
        Ok(rows
            .into_iter()
            .map(|r| {
                let m = money.get(&r.id).copied().unwrap_or_default();
                r.into_row(m)
            })
            .collect())
    }
}

/// A contract's lines in order, through any connection.
async fn lines_of<'e, E>(executor: E, id: i64) -> Result<Vec<ContractLine>>
where
    E: sqlx::Executor<'e, Database = sqlx::Sqlite>,
{
    let rows: Vec<(i64, Option<i64>, String, Option<String>, i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT l.id, l.product_id, l.description, p.unit, l.quantity_milli, l.unit_price, l.discount_bp, \
         l.amount FROM contract_lines l LEFT JOIN products p ON p.id = l.product_id \
         WHERE l.contract_id = ? ORDER BY l.position",
    )
    .bind(id)
    .fetch_all(executor)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, product_id, description, unit, q, unit_price, d, amount)| ContractLine {
                id,
                product_id,
                description,
                unit,
                quantity: Quantity::from_milli(q).units(),
                unit_price,
                discount_percent: Discount::from_bp(d).percent(),
                amount,
            },
        )
        .collect())
}

/// A contract with its lines (its money left empty), read inside a transaction; none when there is none.
pub(crate) async fn load(conn: &mut SqliteConnection, id: i64) -> Result<Option<Contract>> {
    let row: Option<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} {FROM} WHERE ct.id = ?"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    match row {
        Some(row) => {
            let lines = lines_of(&mut *conn, id).await?;
            Ok(Some(row.into_contract(lines, ContractMoney::default())))
        }
        None => Ok(None),
    }
}

/// Inserts a contract of a live customer with its lines and history (the form and imports); a contract
/// without a number takes the next of `rule`.
pub(crate) async fn insert_one(
    conn: &mut SqliteConnection,
    rule: &NumberRule,
    c: &ValidContract,
    now: i64,
) -> Result<i64> {
    require_live_customer(conn, c.customer_id).await?;
    require_contact_of(conn, c.customer_id, c.contact_id).await?;
    let lines = resolve_lines(conn, &c.lines).await?;
    let number = match &c.number {
        Some(n) => n.clone(),
        None => {
            let on = c
                .signed_on
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .unwrap_or_else(today);
            next_number(conn, rule, on).await?
        }
    };
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO contracts (number, title, customer_id, contact_id, amount, signed_on, starts_on, ends_on, \
         status, payment_terms, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
         RETURNING id",
    )
    .bind(&number)
    .bind(&c.title)
    .bind(c.customer_id)
    .bind(c.contact_id)
    .bind(c.amount)
    .bind(&c.signed_on)
    .bind(&c.starts_on)
    .bind(&c.ends_on)
    .bind(c.status)
    .bind(&c.payment_terms)
    .bind(&c.notes)
    .bind(now)
    .bind(now)
    .fetch_one(&mut *conn)
    .await
    .map_err(unique_number)?;
    write_lines(conn, id, &lines).await?;
    history::record(conn, RecordKind::Contracts, id, &[Change::created()], now).await?;
    Ok(id)
}

/// Writes `c` over the live contract `before` (fields and the whole set of lines), recording each changed
/// field; false when nothing changed. The amount may not fall below what its plan already asks for.
pub(crate) async fn overwrite(
    conn: &mut SqliteConnection,
    before: &Contract,
    c: &ValidContract,
    now: i64,
) -> Result<bool> {
    let id = before.id;
    if before.deleted_at.is_some() {
        return Err(CoreError::NotFound);
    }
    if c.customer_id != before.customer_id {
        return Err(CoreError::invalid("customerId", "fixed"));
    }
    require_contact_of(conn, c.customer_id, c.contact_id).await?;
    let lines = resolve_lines(conn, &c.lines).await?;
    let planned: i64 = sqlx::query_scalar(
        "SELECT coalesce(sum(amount), 0) FROM installments WHERE contract_id = ? AND deleted_at IS NULL",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    if c.amount < planned {
        return Err(CoreError::conflict(
            "below_plan",
            format!(
                "contract {id}: amount {} below the plan's {planned}",
                c.amount
            ),
        ));
    }
    let number = c.number.clone().unwrap_or_else(|| before.number.clone());
    let old_lines: Vec<_> = before
        .lines
        .iter()
        .map(|l| {
            (
                l.description.clone(),
                Quantity::from_milli((l.quantity * 1000.0).round() as i64),
                l.unit_price,
                Discount::from_bp((l.discount_percent * 100.0).round() as i64),
            )
        })
        .collect();
    let new_lines: Vec<_> = lines
        .iter()
        .map(|l| {
            (
                l.description.clone(),
                l.line.quantity,
                l.line.unit_price,
                l.line.discount,
            )
        })
        .collect();
    let old = ContractInput::from(before).validate()?;
    let changes = history::changes(
        &snapshot(&before.number, &old, &old_lines),
        &snapshot(&number, c, &new_lines),
    );
    if changes.is_empty() {
        return Ok(false);
    }
    sqlx::query(
        "UPDATE contracts SET number = ?, title = ?, contact_id = ?, amount = ?, signed_on = ?, starts_on = ?, \
         ends_on = ?, status = ?, payment_terms = ?, notes = ?, updated_at = ? WHERE id = ?",
    )
    .bind(&number)
    .bind(&c.title)
    .bind(c.contact_id)
    .bind(c.amount)
    .bind(&c.signed_on)
    .bind(&c.starts_on)
    .bind(&c.ends_on)
    .bind(c.status)
    .bind(&c.payment_terms)
    .bind(&c.notes)
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await
    .map_err(unique_number)?;
    sqlx::query("DELETE FROM contract_lines WHERE contract_id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    write_lines(conn, id, &lines).await?;
    receivable::recount_contract(conn, id).await?;
    history::record(conn, RecordKind::Contracts, id, &changes, now).await?;
    Ok(true)
}

fn push_filters(b: &mut QueryBuilder<'_, sqlx::Sqlite>, q: &ContractQuery) {
    if q.trashed {
        b.push("ct.deleted_at IS NOT NULL");
    } else {
        b.push("ct.deleted_at IS NULL AND ct.customer_live = 1");
    }
    if let Some(status) = q.status {
        b.push(" AND ct.status = ").push_bind(status);
    }
    if let Some(customer_id) = q.customer_id {
        b.push(" AND ct.customer_id = ").push_bind(customer_id);
    }
}

/// Moves contracts (with their plans and receipts) and documents to customer `to`, whose receivables then
/// count them (a merge, and its undo). A contract's signing contact stays only if it moved along too.
pub(crate) async fn move_to_customer(
    conn: &mut SqliteConnection,
    contracts: &[i64],
    documents: &[i64],
    to: i64,
) -> Result<()> {
    let ids = |v: &[i64]| serde_json::to_string(v).expect("ids serialize");
    let from: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT customer_id FROM contracts WHERE id IN (SELECT value FROM json_each(?1)) \
         UNION SELECT DISTINCT customer_id FROM documents WHERE id IN (SELECT value FROM json_each(?2))",
    )
    .bind(ids(contracts))
    .bind(ids(documents))
    .fetch_all(&mut *conn)
    .await?;
    for table in ["contracts", "installments", "receipts"] {
        let key = if table == "contracts" {
            "id"
        } else {
            "contract_id"
        };
        sqlx::query(&format!(
            "UPDATE {table} SET customer_id = ? WHERE {key} IN (SELECT value FROM json_each(?))"
        ))
        .bind(to)
        .bind(ids(contracts))
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query(
        "UPDATE contracts SET contact_id = NULL WHERE id IN (SELECT value FROM json_each(?)) \
         AND contact_id NOT IN (SELECT id FROM contacts WHERE customer_id = ?)",
    )
    .bind(ids(contracts))
    .bind(to)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE documents SET customer_id = ? WHERE id IN (SELECT value FROM json_each(?))",
    )
    .bind(to)
    .bind(ids(documents))
    .execute(&mut *conn)
    .await?;
    for customer in from.into_iter().chain([to]) {
        receivable::recount_customer(conn, customer).await?;
    }
    Ok(())
}

/// Checks each line's product and fills an empty description with the product's name.
async fn resolve_lines(
    conn: &mut SqliteConnection,
    lines: &[ValidLine],
) -> Result<Vec<StoredLine>> {
    let mut out = Vec::with_capacity(lines.len());
    for l in lines {
        let product_name = match l.product_id {
            Some(pid) => Some(
                sqlx::query_scalar::<_, String>("SELECT name FROM products WHERE id = ?")
                    .bind(pid)
                    .fetch_optional(&mut *conn)
                    .await?
                    .ok_or(CoreError::invalid("lineProduct", "not_found"))?,
            ),
            None => None,
        };
        let description = l
            .description
            .clone()
            .or(product_name)
            .ok_or(CoreError::invalid("lineDescription", "required"))?;
        out.push(StoredLine {
            line: l.clone(),
            description,
        });
    }
    Ok(out)
}

async fn write_lines(
    conn: &mut SqliteConnection,
    contract_id: i64,
    lines: &[StoredLine],
) -> Result<()> {
    for (i, l) in lines.iter().enumerate() {
        sqlx::query(
            "INSERT INTO contract_lines (contract_id, position, product_id, description, quantity_milli, unit_price, \
             discount_bp, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(contract_id)
        .bind(i as i64)
        .bind(l.line.product_id)
        .bind(&l.description)
        .bind(l.line.quantity.milli())
        .bind(l.line.unit_price)
        .bind(l.line.discount.bp())
        .bind(l.line.amount)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The next number of `rule` on day `on` that no live contract has: the counter of the rendered pattern
/// moves on past numbers the user typed in by hand.
pub(crate) async fn next_number(
    conn: &mut SqliteConnection,
    rule: &NumberRule,
    on: chrono::NaiveDate,
) -> Result<String> {
    let pattern = rule.pattern(on);
    for _ in 0..10_000 {
        let seq: i64 = sqlx::query_scalar(
            "INSERT INTO contract_sequences (pattern, last) VALUES (?, 1) \
             ON CONFLICT (pattern) DO UPDATE SET last = last + 1 RETURNING last",
        )
        .bind(&pattern)
        .fetch_one(&mut *conn)
        .await?;
        let number = rule.render(on, seq as u64);
        let taken: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM contracts WHERE number = ? AND deleted_at IS NULL")
                .bind(&number)
                .fetch_optional(&mut *conn)
                .await?;
        if taken.is_none() {
            return Ok(number);
        }
    }
    Err(CoreError::conflict(
        "number_taken",
        format!("no free number for {pattern}"),
    ))
}
