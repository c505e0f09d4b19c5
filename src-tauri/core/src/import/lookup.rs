//! What import rows refer to by name or number, looked up in the store once per import in chunks: live
//! customers by name with their live contacts by name, and live contracts by number.

use std::collections::{HashMap, HashSet};

use sqlx::QueryBuilder;

use crate::contact::Contact;
use crate::error::Result;
use crate::store::Store;

/// Live customers by name (a name may be several customers'), and their live contacts by (customer, name).
pub(super) async fn customers(
    store: &Store,
    names: &HashSet<String>,
) -> Result<(HashMap<String, Vec<i64>>, HashMap<(i64, String), Contact>)> {
    let mut by_name: HashMap<String, Vec<i64>> = HashMap::new();
    let names: Vec<&String> = names.iter().collect();
    for chunk in names.chunks(500) {
        let mut b = QueryBuilder::new(
            "SELECT name, id FROM customers WHERE deleted_at IS NULL AND name IN (",
        );
        let mut list = b.separated(", ");
        for n in chunk {
            list.push_bind(n.as_str());
        }
        b.push(")");
        let rows: Vec<(String, i64)> = b.build_query_as().fetch_all(store.read()).await?;
        for (n, id) in rows {
            by_name.entry(n).or_default().push(id);
        }
    }
    let ids: Vec<i64> = by_name.values().flatten().copied().collect();
    let mut contacts = HashMap::new();
    for chunk in ids.chunks(500) {
        let mut b = QueryBuilder::new(
            "SELECT id, customer_id, name, title, department, mobile, phone, email, wechat, birthday, \
             birthday_lunar, gender, notes, is_primary, created_at, updated_at, deleted_at \
             FROM contacts WHERE deleted_at IS NULL AND customer_id IN (",
        );
        let mut list = b.separated(", ");
        for id in chunk {
            list.push_bind(*id);
        }
        b.push(")");
        let rows: Vec<Contact> = b.build_query_as().fetch_all(store.read()).await?;
        for c in rows {
            contacts.insert((c.customer_id, c.name.clone()), c);
        }
    }
    Ok((by_name, contacts))
}

/// The live customers the rows name in their customer-name column, with their live contacts.
pub(super) async fn customers_named(
    store: &Store,
    rows: &[super::row::SheetRow],
) -> Result<(HashMap<String, Vec<i64>>, HashMap<(i64, String), Contact>)> {
    let names: HashSet<String> = rows
        .iter()
        .filter_map(|r| r.get("customerName"))
        .map(|n| n.trim().to_string())
        .collect();
    customers(store, &names).await
}

/// The one live customer a row names, or why there is none.
pub(super) fn one_customer<'a>(
    by_name: &HashMap<String, Vec<i64>>,
    name: Option<&'a str>,
) -> std::result::Result<i64, (&'static str, &'static str)> {
    let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else {
        return Err(("customerName", "required"));
    };
    match by_name.get(name).map(Vec::as_slice) {
        None | Some([]) => Err(("customerName", "customer_not_found")),
        Some([id]) => Ok(*id),
        Some(_) => Err(("customerName", "ambiguous")),
    }
}

/// Live contracts by number: their id and customer.
pub(super) async fn contracts(
    store: &Store,
    numbers: &HashSet<String>,
) -> Result<HashMap<String, (i64, i64)>> {
    let mut out = HashMap::new();
    let numbers: Vec<&String> = numbers.iter().collect();
    for chunk in numbers.chunks(500) {
        let mut b = QueryBuilder::new(
            "SELECT number, id, customer_id FROM contracts WHERE deleted_at IS NULL AND customer_live = 1 AND number IN (",
        );
        let mut list = b.separated(", ");
        for n in chunk {
            list.push_bind(n.as_str());
        }
        b.push(")");
        let rows: Vec<(String, i64, i64)> = b.build_query_as().fetch_all(store.read()).await?;
        for (n, id, customer) in rows {
            out.insert(n, (id, customer));
        }
    }
    Ok(out)
}

/// The live contract a row names by its contract number (id and customer), or why there is none.
pub(super) fn one_contract(
    by_number: &HashMap<String, (i64, i64)>,
    row: &super::row::SheetRow,
) -> std::result::Result<(i64, i64), (&'static str, &'static str)> {
    let Some(number) = row
        .get("contractNumber")
        .map(|n| crate::field::half_width(n.trim()))
    else {
        return Err(("contractNumber", "required"));
    };
    by_number
        .get(&number)
        .copied()
        .ok_or(("contractNumber", "contract_not_found"))
}

/// Which of these numbers a contract that is not in the trash holds, whatever its customer (a trashed
/// customer's contracts keep their numbers: the unique index covers them).
pub(super) async fn taken_numbers(
    store: &Store,
    numbers: &HashSet<String>,
) -> Result<HashSet<String>> {
    let mut out = HashSet::new();
    let numbers: Vec<&String> = numbers.iter().collect();
    for chunk in numbers.chunks(500) {
        let mut b = QueryBuilder::new(
            "SELECT number FROM contracts WHERE deleted_at IS NULL AND number IN (",
        );
        let mut list = b.separated(", ");
        for n in chunk {
            list.push_bind(n.as_str());
        }
        b.push(")");
        let rows: Vec<String> = b.build_query_scalar().fetch_all(store.read()).await?;
        out.extend(rows);
    }
    Ok(out)
}

/// The trimmed, half-width texts of one field over all rows (the keys to look up).
pub(super) fn texts_of(rows: &[super::row::SheetRow], key: &str) -> HashSet<String> {
    rows.iter()
        .filter_map(|r| r.get(key))
        .map(|t| crate::field::half_width(t.trim()))
        .filter(|t| !t.is_empty())
        .collect()
}
