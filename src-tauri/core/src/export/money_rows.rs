//! The rows the money sheets export (products, contracts with what they received, payment plans,
//! receipts), as typed cells, streamed from the store in the order they were entered or the list's order.

use tokio::sync::mpsc::Sender;

use super::batch::{choice, flag, pump, Batch};
use super::cell::Cell;
use crate::contract::ContractQuery;
use crate::error::Result;
use crate::record::RecordKind;
use crate::settings::Language;
use crate::sheet::Column;
use crate::store::Store;

const PRODUCT_FROM: &str = "FROM products WHERE deleted_at IS NULL";
const CONTRACT_FROM: &str = "FROM contracts ct LEFT JOIN customers cu ON cu.id = ct.customer_id \
     LEFT JOIN contacts cn ON cn.id = ct.contact_id WHERE ct.deleted_at IS NULL AND ct.customer_live = 1";
const INSTALLMENT_FROM: &str = "FROM installments i JOIN contracts c ON c.id = i.contract_id \
     JOIN customers cu ON cu.id = c.customer_id \
     WHERE i.deleted_at IS NULL AND c.deleted_at IS NULL AND cu.deleted_at IS NULL";
const RECEIPT_FROM: &str = "FROM receipts r JOIN contracts c ON c.id = r.contract_id \
     JOIN customers cu ON cu.id = c.customer_id \
     WHERE r.deleted_at IS NULL AND c.deleted_at IS NULL AND cu.deleted_at IS NULL";

/// The contract sheet's filter: the list's status, as SQL after [`CONTRACT_FROM`].
fn contract_filter(q: Option<&ContractQuery>) -> (String, String) {
    match q {
        Some(q) => {
            let status = q
                .status
                .map(|s| format!(" AND ct.status = '{}'", s.as_str()))
                .unwrap_or_default();
            let (column, descending) = q.order();
            let dir = if descending { "DESC" } else { "ASC" };
            (status, format!("ORDER BY {column} {dir}, ct.id {dir}"))
        }
        None => (String::new(), "ORDER BY ct.id".to_string()),
    }
}

pub(super) async fn count(
    store: &Store,
    entity: RecordKind,
    contracts: Option<&ContractQuery>,
) -> Result<i64> {
    let from = match entity {
        RecordKind::Products => PRODUCT_FROM.to_string(),
        RecordKind::Contracts => format!("{CONTRACT_FROM}{}", contract_filter(contracts).0),
        RecordKind::Installments => INSTALLMENT_FROM.to_string(),
        RecordKind::Receipts => RECEIPT_FROM.to_string(),
        _ => unreachable!("only money sheets come here"),
    };
    Ok(sqlx::query_scalar(&format!("SELECT count(*) {from}"))
        .fetch_one(store.read())
        .await?)
}

#[derive(sqlx::FromRow)]
struct ProductRow {
    name: String,
    code: Option<String>,
    unit: Option<String>,
    category: Option<String>,
    list_price: i64,
    cost: Option<i64>,
    active: bool,
    notes: Option<String>,
    created_at: i64,
}

#[derive(sqlx::FromRow)]
struct ContractRow {
    number: String,
    title: String,
    customer_name: String,
    contact_name: Option<String>,
    status: String,
    amount: i64,
    planned: i64,
    received: i64,
    signed_on: Option<String>,
    starts_on: Option<String>,
    ends_on: Option<String>,
    payment_terms: Option<String>,
    notes: Option<String>,
    created_at: i64,
}

#[derive(sqlx::FromRow)]
struct InstallmentRow {
    contract_number: String,
    customer_name: String,
    due_on: String,
    amount: i64,
    received: i64,
    note: Option<String>,
}

#[derive(sqlx::FromRow)]
struct ReceiptRow {
    contract_number: String,
    customer_name: String,
    received_on: String,
    amount: i64,
    method: String,
    note: Option<String>,
    created_at: i64,
}

/// Streams the rows of a money sheet to `to` in batches.
pub(super) async fn send(
    store: &Store,
    entity: RecordKind,
    contracts: Option<&ContractQuery>,
    language: Language,
    to: Sender<Batch>,
) -> Result<()> {
    let columns: Vec<&Column> = entity.exported().collect();
    let r = store.read();
    match entity {
        RecordKind::Products => {
            let sql = format!(
                "SELECT name, code, unit, category, list_price, cost, active, notes, created_at {PRODUCT_FROM} ORDER BY name, id"
            );
            let rows = sqlx::query_as::<_, ProductRow>(&sql).fetch(r);
            pump(rows, |p| product_cells(p, &columns, language), to).await
        }
        RecordKind::Contracts => {
            let (filter, order) = contract_filter(contracts);
            let sql = format!(
                "SELECT ct.number, ct.title, cu.name AS customer_name, cn.name AS contact_name, ct.status, ct.amount, \
                 (SELECT coalesce(sum(i.amount), 0) FROM installments i WHERE i.contract_id = ct.id AND i.deleted_at IS NULL) AS planned, \
                 (SELECT coalesce(sum(i.received), 0) FROM installments i WHERE i.contract_id = ct.id AND i.deleted_at IS NULL) AS received, \
                 ct.signed_on, ct.starts_on, ct.ends_on, ct.payment_terms, ct.notes, ct.created_at \
                 {CONTRACT_FROM}{filter} {order}"
            );
            let rows = sqlx::query_as::<_, ContractRow>(&sql).fetch(r);
            pump(rows, |c| contract_cells(c, &columns, language), to).await
        }
        RecordKind::Installments => {
            let sql = format!(
                "SELECT c.number AS contract_number, cu.name AS customer_name, i.due_on, i.amount, i.received, i.note \
                 {INSTALLMENT_FROM} ORDER BY i.id"
            );
            let rows = sqlx::query_as::<_, InstallmentRow>(&sql).fetch(r);
            pump(rows, |i| installment_cells(i, &columns), to).await
        }
        RecordKind::Receipts => {
            let sql = format!(
                "SELECT c.number AS contract_number, cu.name AS customer_name, r.received_on, r.amount, r.method, r.note, \
                 r.created_at {RECEIPT_FROM} ORDER BY r.id"
            );
            let rows = sqlx::query_as::<_, ReceiptRow>(&sql).fetch(r);
            pump(rows, |x| receipt_cells(x, &columns, language), to).await
        }
        _ => unreachable!("only money sheets come here"),
    }
}

/// `part / whole` as a fraction for a percent cell; empty when there is no whole.
fn share(part: i64, whole: i64) -> Cell {
    if whole > 0 {
        Cell::Percent(part as f64 / whole as f64)
    } else {
        Cell::Empty
    }
}

fn product_cells(mut p: ProductRow, columns: &[&Column], language: Language) -> Vec<Cell> {
    columns
        .iter()
        .map(|col| match col.key {
            "name" => Cell::Text(std::mem::take(&mut p.name)),
            "code" => Cell::text(p.code.take()),
            "unit" => Cell::text(p.unit.take()),
            "category" => Cell::text(p.category.take()),
            "listPrice" => Cell::Money(p.list_price),
            "cost" => p.cost.map(Cell::Money).unwrap_or(Cell::Empty),
            "margin" => match p.cost {
                Some(cost) => share(p.list_price - cost, p.list_price),
                None => Cell::Empty,
            },
            "active" => flag(p.active, language),
            "notes" => Cell::text(p.notes.take()),
            "createdAt" => Cell::moment(Some(p.created_at)),
            _ => Cell::Empty,
        })
        .collect()
}

fn contract_cells(mut c: ContractRow, columns: &[&Column], language: Language) -> Vec<Cell> {
    columns
        .iter()
        .map(|col| match col.key {
            "number" => Cell::Text(std::mem::take(&mut c.number)),
            "title" => Cell::Text(std::mem::take(&mut c.title)),
            "customerName" => Cell::Text(std::mem::take(&mut c.customer_name)),
            "contactName" => Cell::text(c.contact_name.take()),
            "contractStatus" => choice("contractStatus", &c.status, language),
            "amount" => Cell::Money(c.amount),
            "planned" => Cell::Money(c.planned),
            "received" => Cell::Money(c.received),
            "outstanding" => Cell::Money((c.amount - c.received).max(0)),
            "receivedShare" => share(c.received, c.amount),
            "signedOn" => Cell::day(c.signed_on.as_deref()),
            "startsOn" => Cell::day(c.starts_on.as_deref()),
            "endsOn" => Cell::day(c.ends_on.as_deref()),
            "paymentTerms" => Cell::text(c.payment_terms.take()),
            "notes" => Cell::text(c.notes.take()),
            "createdAt" => Cell::moment(Some(c.created_at)),
            _ => Cell::Empty,
        })
        .collect()
}

fn installment_cells(mut i: InstallmentRow, columns: &[&Column]) -> Vec<Cell> {
    columns
        .iter()
        .map(|col| match col.key {
            "contractNumber" => Cell::Text(std::mem::take(&mut i.contract_number)),
            "customerName" => Cell::Text(std::mem::take(&mut i.customer_name)),
            "dueOn" => Cell::day(Some(&i.due_on)),
            "amount" => Cell::Money(i.amount),
            "received" => Cell::Money(i.received),
            "outstanding" => Cell::Money(i.amount - i.received),
            "note" => Cell::text(i.note.take()),
            _ => Cell::Empty,
        })
        .collect()
}

fn receipt_cells(mut r: ReceiptRow, columns: &[&Column], language: Language) -> Vec<Cell> {
    columns
        .iter()
        .map(|col| match col.key {
            "contractNumber" => Cell::Text(std::mem::take(&mut r.contract_number)),
            "customerName" => Cell::Text(std::mem::take(&mut r.customer_name)),
            "receivedOn" => Cell::day(Some(&r.received_on)),
            "amount" => Cell::Money(r.amount),
            "paymentMethod" => choice("paymentMethod", &r.method, language),
            "note" => Cell::text(r.note.take()),
            "createdAt" => Cell::moment(Some(r.created_at)),
            _ => Cell::Empty,
        })
        .collect()
}
