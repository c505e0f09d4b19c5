//! Likely duplicates of a customer being created or edited: the same 统一社会信用代码, mobile or e-mail, or
//! the same company name once normalized ([`name_key`]). Found through the unique code index and the search
//! index, then confirmed against the records.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::key::name_key;
use crate::customer::CustomerInput;
use crate::error::Result;
use crate::field::{Email, Mobile, Uscc};
use crate::search::{fold, trigrams};
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
    let mut found: BTreeMap<i64, Vec<DuplicateReason>> = BTreeMap::new();
    let mut add = |id: i64, reason| {
        if Some(id) != exclude {
            let reasons = found.entry(id).or_default();
            if !reasons.contains(&reason) {
                reasons.push(reason);
            }
        }
    };
    if let Some(uscc) = input.uscc.as_deref().and_then(|u| Uscc::parse(u).ok()) {
        let ids: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM customers WHERE uscc = ? AND deleted_at IS NULL")
                .bind(uscc.as_str())
                .fetch_all(store.read())
                .await?;
        ids.into_iter()
            .for_each(|id| add(id, DuplicateReason::Uscc));
    }
    if let Some(mobile) = input
        .mobile
        .as_deref()
        .and_then(|m| Mobile::parse(m).ok())
        .map(Mobile::into_string)
    {
        let digits: String = mobile.chars().filter(char::is_ascii_digit).collect();
        let expr = format!("num : \"{}\"", trigrams(&digits).join(" "));
        for (id, stored) in candidates(store, &expr, "mobile").await? {
            if stored.as_deref() == Some(mobile.as_str()) {
                add(id, DuplicateReason::Mobile);
            }
        }
    }
    if let Some(email) = input
        .email
        .as_deref()
        .and_then(|e| Email::parse(e).ok())
        .map(Email::into_string)
    {
        let (local, domain) = email.rsplit_once('@').unwrap_or((&email, ""));
        let mut parts: Vec<String> = Vec::new();
        let grams = trigrams(&fold(local));
        if !grams.is_empty() {
            parts.push(format!("mail : \"{}\"", grams.join(" ")));
        }
        if !fold(domain).is_empty() {
            parts.push(format!("mail : \"{}\"", fold(domain)));
        }
        if !parts.is_empty() {
            for (id, stored) in candidates(store, &parts.join(" AND "), "email").await? {
                if stored.is_some_and(|s| s.eq_ignore_ascii_case(&email)) {
                    add(id, DuplicateReason::Email);
                }
            }
        }
    }
    let key = name_key(&input.name);
    if !key.is_empty() {
        for (id, stored) in candidates(store, &format!("whole : \"{key}\""), "name").await? {
            if stored.is_some_and(|n| name_key(&n) == key) {
                add(id, DuplicateReason::Name);
            }
        }
    }
    // The strongest reasons first (a shared code or number beats a similar name), then the newest.
    let mut ranked: Vec<(i64, Vec<DuplicateReason>)> = found.into_iter().collect();
    ranked.sort_by_key(|(id, reasons)| (reasons.iter().min().copied(), std::cmp::Reverse(*id)));
    let mut hints = Vec::new();
    for (id, reasons) in ranked.into_iter().take(MAX_HINTS) {
        let name: Option<String> =
            sqlx::query_scalar("SELECT name FROM customers WHERE id = ? AND deleted_at IS NULL")
                .bind(id)
                .fetch_optional(store.read())
                .await?;
        if let Some(name) = name {
            hints.push(DuplicateHint { id, name, reasons });
        }
    }
    hints.sort_by_key(|h| (h.reasons.iter().min().copied(), std::cmp::Reverse(h.id)));
    Ok(hints)
}

/// Customers the search index proposes for `expr`, with the value of `column` to confirm against.
async fn candidates(store: &Store, expr: &str, column: &str) -> Result<Vec<(i64, Option<String>)>> {
    let sql = format!(
        "SELECT c.id, c.{column} FROM customers c WHERE c.deleted_at IS NULL AND c.id IN \
         (SELECT rowid FROM search_customer WHERE search_customer MATCH ? ORDER BY rowid DESC LIMIT {CANDIDATES})"
    );
    Ok(sqlx::query_as(&sql)
        .bind(expr)
        .fetch_all(store.read())
        .await?)
}
