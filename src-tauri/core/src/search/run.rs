//! Running a search: candidates from the index for each tier, checked and ranked against the records.

use std::collections::HashSet;

use serde::Serialize;
use ts_rs::TS;

use super::fold::fold;
use super::matcher::{best_match, MatchField, MatchTier};
use super::plan::{plan, MAX_QUERY_CHARS};
use super::tokens::DocKind;
use crate::error::Result;
use crate::store::Store;

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum HitKind {
    Customer,
    Contact,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchHit {
    pub kind: HitKind,
    #[ts(type = "number")]
    pub id: i64,
    /// The customer itself, or the contact's customer.
    #[ts(type = "number")]
    pub customer_id: i64,
    pub name: String,
    /// The contact's customer, or the customer's mobile or phone.
    pub detail: Option<String>,
    pub tier: MatchTier,
    pub matched: MatchField,
}

/// The most results a search returns.
pub const MAX_HITS: usize = 50;

/// Searches customers and contacts. Any text is a valid query: what is not a letter or digit is ignored,
/// and a query with nothing left finds nothing. Hits come exact first, then prefix, then substring; within
/// a tier shorter names (closer matches) first, customers before contacts, newer before older.
pub async fn search(store: &Store, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
    let limit = limit.clamp(1, MAX_HITS);
    let q: String = fold(query).chars().take(MAX_QUERY_CHARS).collect();
    let Some(plan) = plan(query) else {
        return Ok(Vec::new());
    };
    // Tier by tier, so a query with enough exact or prefix hits never fetches substring candidates.
    let tiers = [
        (Some(&plan.exact), limit),
        (plan.prefix.as_ref(), limit * 2),
        (Some(&plan.substring), limit * 2),
    ];
    let mut ranked: Vec<(RankKey, SearchHit)> = Vec::new();
    let mut seen: HashSet<(DocKind, i64)> = HashSet::new();
    for (expr, n) in tiers {
        let Some(expr) = expr else { continue };
        for kind in [DocKind::Customer, DocKind::Contact] {
            let sql = format!(
                "SELECT rowid FROM {0} WHERE {0} MATCH ? ORDER BY rowid DESC LIMIT ?",
                kind.table()
            );
            let found: Vec<i64> = sqlx::query_scalar(&sql)
                .bind(expr)
                .bind(n as i64)
                .fetch_all(store.read())
                .await?;
            let ids: Vec<i64> = found
                .into_iter()
                .filter(|id| seen.insert((kind, *id)))
                .collect();
            for c in candidates(store, kind, &ids).await? {
                let numbers: Vec<&str> = c.numbers.iter().flatten().map(String::as_str).collect();
                let emails: Vec<&str> = c.email.iter().map(String::as_str).collect();
                if let Some((tier, matched)) = best_match(&q, &c.name, &numbers, &emails) {
                    let key = (
                        tier,
                        c.name.chars().count(),
                        c.kind,
                        std::cmp::Reverse(c.id),
                    );
                    let hit = SearchHit {
                        kind: c.kind,
                        id: c.id,
                        customer_id: c.customer_id,
                        name: c.name,
                        detail: c.detail,
                        tier,
                        matched,
                    };
                    ranked.push((key, hit));
                }
            }
        }
        if ranked.len() >= limit {
            break;
        }
    }
    ranked.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(ranked.into_iter().take(limit).map(|(_, h)| h).collect())
}

/// Tier, then shorter names, customers before contacts, newer before older.
type RankKey = (MatchTier, usize, HitKind, std::cmp::Reverse<i64>);

struct Candidate {
    kind: HitKind,
    id: i64,
    customer_id: i64,
    name: String,
    detail: Option<String>,
    numbers: [Option<String>; 2],
    email: Option<String>,
}

/// The live records behind index ids.
async fn candidates(store: &Store, kind: DocKind, ids: &[i64]) -> Result<Vec<Candidate>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let out = match kind {
        DocKind::Customer => {
            let sql = format!(
                "SELECT id, name, phone, mobile, email FROM customers WHERE deleted_at IS NULL AND id IN ({list})"
            );
            let rows: Vec<(i64, String, Option<String>, Option<String>, Option<String>)> =
                sqlx::query_as(&sql).fetch_all(store.read()).await?;
            rows.into_iter()
                .map(|(id, name, phone, mobile, email)| Candidate {
                    kind: HitKind::Customer,
                    id,
                    customer_id: id,
                    name,
                    detail: mobile.clone().or_else(|| phone.clone()),
                    numbers: [phone, mobile],
                    email,
                })
                .collect()
        }
        DocKind::Contact => {
            let sql = format!(
                "SELECT ct.id, ct.customer_id, ct.name, cu.name, ct.mobile, ct.phone, ct.email FROM contacts ct \
                 JOIN customers cu ON cu.id = ct.customer_id \
                 WHERE ct.deleted_at IS NULL AND cu.deleted_at IS NULL AND ct.id IN ({list})"
            );
            let rows: Vec<(
                i64,
                i64,
                String,
                String,
                Option<String>,
                Option<String>,
                Option<String>,
            )> = sqlx::query_as(&sql).fetch_all(store.read()).await?;
            rows.into_iter()
                .map(
                    |(id, customer_id, name, customer, mobile, phone, email)| Candidate {
                        kind: HitKind::Contact,
                        id,
                        customer_id,
                        name,
                        detail: Some(customer),
                        numbers: [mobile, phone],
                        email,
                    },
                )
                .collect()
        }
    };
    Ok(out)
}
