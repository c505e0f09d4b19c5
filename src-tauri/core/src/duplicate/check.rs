//! Likely duplicates of a customer being created or edited: the same 统一社会信用代码, mobile or e-mail, or
//! the same company name once normalized ([`name_key`]). Codes, mobiles and e-mails are looked up in their own
//! indexes; names through the search index, then confirmed against the records.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::key::name_key;
use crate::customer::CustomerInput;
use crate::error::Result;
use crate::field::{Email, Mobile, Uscc};
use crate::store::Store;

/// Why two customers look like the same one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DuplicateReason {
    Uscc,
    Mobile,
    Email,
    Name,
}

/// A stored customer that looks like the one being saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DuplicateHint {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub reasons: Vec<DuplicateReason>,
}

/// At most this many hints; a warning, not a report.
const MAX_HINTS: usize = 10;
const CANDIDATES: i64 = 50;

/// Live customers that look like `input`, other than `exclude` (the one being edited). Fields that do not
/// parse yet (the user is still typing) are simply not compared.
pub async fn likely_duplicates(
    store: &Store,
    input: &CustomerInput,
    exclude: Option<i64>,
) -> Result<Vec<DuplicateHint>> {
    // Each candidate comes with its name, so the hints need no second read.
    let mut found: BTreeMap<i64, (String, Vec<DuplicateReason>)> = BTreeMap::new();
    let mut add = |id: i64, name: String, reason| {
        if Some(id) != exclude {
            let (_, reasons) = found.entry(id).or_insert_with(|| (name, Vec::new()));
            if !reasons.contains(&reason) {
                reasons.push(reason);
            }
        }
    };
    // A code, a mobile and an e-mail are looked up in their own indexes; the name through the search index.
    let uscc = input
        .uscc
        .as_deref()
        .and_then(|u| Uscc::parse(u).ok())
        .map(|u| u.as_str().to_string());
    let mobile = input
        .mobile
        .as_deref()
        .and_then(|m| Mobile::parse(m).ok())
        .map(Mobile::into_string);
    let email = input
        .email
        .as_deref()
        .and_then(|e| Email::parse(e).ok())
        .map(Email::into_string);
    let exact = [
        (uscc, "uscc = ?", DuplicateReason::Uscc),
        (mobile, "mobile = ?", DuplicateReason::Mobile),
        // `email IS NOT NULL` lets SQLite use the partial index: `lower(email) = …` alone does not imply it.
        (
            email,
            "lower(email) = lower(?) AND email IS NOT NULL",
            DuplicateReason::Email,
        ),
    ];
    for (value, condition, reason) in exact {
        let Some(value) = value else { continue };
        let sql = format!("SELECT id, name FROM customers WHERE {condition} AND deleted_at IS NULL LIMIT {CANDIDATES}");
        let rows: Vec<(i64, String)> = sqlx::query_as(&sql)
            .bind(value)
            .fetch_all(store.read())
            .await?;
        rows.into_iter()
            .for_each(|(id, name)| add(id, name, reason));
    }
    let key = name_key(&input.name);
    if !key.is_empty() {
        for (id, name) in candidates(store, &format!("whole : \"{key}\"")).await? {
            if name_key(&name) == key {
                add(id, name, DuplicateReason::Name);
            }
        }
    }
    // The strongest reasons first (a shared code or number beats a similar name), then the newest.
    let mut hints: Vec<DuplicateHint> = found
        .into_iter()
        .map(|(id, (name, reasons))| DuplicateHint { id, name, reasons })
        .collect();
    hints.sort_by_key(|h| (h.reasons.iter().min().copied(), std::cmp::Reverse(h.id)));
    hints.truncate(MAX_HINTS);
    Ok(hints)
}

/// Live customers the search index proposes for `expr`, with their name to confirm against.
async fn candidates(store: &Store, expr: &str) -> Result<Vec<(i64, String)>> {
    let sql = format!(
        "SELECT c.id, c.name FROM customers c WHERE c.deleted_at IS NULL AND c.id IN \
         (SELECT rowid FROM search_customer WHERE search_customer MATCH ? ORDER BY rowid DESC LIMIT {CANDIDATES})"
    );
    Ok(sqlx::query_as(&sql)
        .bind(expr)
        .fetch_all(store.read())
        .await?)
}
