//! The duplicate scan (查重) of the whole book: groups of live customers that share a 统一社会信用代码, a
//! mobile, an e-mail or a normalized name, linked transitively (A and B share a mobile, B and C a name: one
//! group). One pass over the table; keys are kept as 64-bit hashes, so memory stays small at 1M customers.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::Instant;

use futures_util::TryStreamExt;
use serde::Serialize;
use ts_rs::TS;

use super::check::DuplicateReason;
use super::key::name_key;
use crate::error::Result;
use crate::field::Mobile;
use crate::store::Store;

/// A customer in a group, with what the user compares to decide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GroupMember {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub uscc: Option<String>,
    pub mobile: Option<String>,
    pub email: Option<String>,
    pub city: Option<String>,
    #[ts(type = "number")]
    pub created_at: i64,
}

/// Customers that look like one, oldest first, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DuplicateGroup {
    pub reasons: Vec<DuplicateReason>,
    /// How many customers the group has (`members` shows the first [`MEMBERS_SHOWN`]).
    pub size: u32,
    pub members: Vec<GroupMember>,
}

/// What a scan found: the strongest groups first (a shared code before a shared name), larger before smaller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DuplicateScan {
    pub groups: Vec<DuplicateGroup>,
    pub total_groups: u32,
    pub customers_in_groups: u32,
    pub scanned: u32,
    #[ts(type = "number")]
    pub took_ms: i64,
}

/// The most groups a scan returns, and the most members shown per group.
pub const GROUPS_SHOWN: usize = 500;
pub const MEMBERS_SHOWN: usize = 50;

const REASONS: [DuplicateReason; 4] = [
    DuplicateReason::Uscc,
    DuplicateReason::Mobile,
    DuplicateReason::Email,
    DuplicateReason::Name,
];

/// Scans every live customer.
pub async fn scan(store: &Store) -> Result<DuplicateScan> {
    let started = Instant::now();
    let mut groups = Groups::default();
    let mut scanned = 0u32;
    let mut rows =
        sqlx::query_as::<_, (i64, String, Option<String>, Option<String>, Option<String>)>(
            "SELECT id, name, uscc, mobile, email FROM customers WHERE deleted_at IS NULL",
        )
        .fetch(store.read());
    while let Some((id, name, uscc, mobile, email)) = rows.try_next().await? {
        scanned += 1;
        let mobile = mobile
            .and_then(|m| Mobile::parse(&m).ok())
            .map(Mobile::into_string);
        let email = email
            .map(|e| e.trim().to_lowercase())
            .filter(|e| !e.is_empty());
        let name = Some(name_key(&name)).filter(|k| !k.is_empty());
        for (i, key) in [uscc, mobile, email, name].iter().enumerate() {
            if let Some(key) = key {
                groups.add(id, i as u8, key);
            }
        }
    }
    drop(rows);
    let found = groups.finish();
    let total_groups = found.len() as u32;
    let customers_in_groups = found.iter().map(|(_, ids)| ids.len() as u32).sum();
    let mut out = Vec::new();
    for (mask, ids) in found.into_iter().take(GROUPS_SHOWN) {
        let shown: Vec<i64> = ids.iter().take(MEMBERS_SHOWN).copied().collect();
        let members: Vec<GroupMember> = sqlx::query_as(
            "SELECT id, name, uscc, mobile, email, city, created_at FROM customers \
             WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
        )
        .bind(serde_json::to_string(&shown).expect("ids serialize"))
        .fetch_all(store.read())
        .await?;
        let reasons = REASONS
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, r)| *r)
            .collect();
        out.push(DuplicateGroup {
            reasons,
            size: ids.len() as u32,
            members,
        });
    }
    Ok(DuplicateScan {
        groups: out,
        total_groups,
        customers_in_groups,
        scanned,
        took_ms: started.elapsed().as_millis() as i64,
    })
}

/// Union-find over the customers that share a key with another.
#[derive(Default)]
struct Groups {
    /// (reason, key) hash → the first customer seen with it.
    first: HashMap<u64, i64>,
    parent: HashMap<i64, i64>,
    /// The reasons a customer was linked by, as bits in `REASONS` order.
    reasons: HashMap<i64, u8>,
}

impl Groups {
    fn add(&mut self, id: i64, reason: u8, key: &str) {
        let mut h = DefaultHasher::new();
        (reason, key).hash(&mut h);
        match self.first.entry(h.finish()) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(id);
            }
            std::collections::hash_map::Entry::Occupied(o) => {
                let other = *o.get();
                self.union(other, id);
                *self.reasons.entry(other).or_default() |= 1 << reason;
                *self.reasons.entry(id).or_default() |= 1 << reason;
            }
        }
    }

    fn root(&mut self, id: i64) -> i64 {
        let mut r = id;
        while let Some(&p) = self.parent.get(&r) {
            if p == r {
                break;
            }
            r = p;
        }
        // Path compression keeps later lookups short.
        let mut x = id;
        while x != r {
            let next = self.parent.insert(x, r).unwrap_or(r);
            x = next;
        }
        r
    }

    fn union(&mut self, a: i64, b: i64) {
        let (ra, rb) = (self.root(a), self.root(b));
        self.parent.entry(ra).or_insert(ra);
        self.parent.entry(rb).or_insert(rb);
        if ra != rb {
            // The older customer (smaller id) is the root.
            let (keep, join) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent.insert(join, keep);
        }
    }

    /// The groups, each as (reasons, ids oldest first), strongest reason first, then largest, then newest.
    fn finish(mut self) -> Vec<(u8, Vec<i64>)> {
        self.first = HashMap::new();
        let ids: Vec<i64> = self.parent.keys().copied().collect();
        let mut by_root: HashMap<i64, (u8, Vec<i64>)> = HashMap::new();
        for id in ids {
            let root = self.root(id);
            let mask = self.reasons.get(&id).copied().unwrap_or(0);
            let g = by_root.entry(root).or_default();
            g.0 |= mask;
            g.1.push(id);
        }
        let mut groups: Vec<(u8, Vec<i64>)> = by_root
            .into_values()
            .filter(|(_, ids)| ids.len() > 1)
            .collect();
        for (_, ids) in &mut groups {
            ids.sort_unstable();
        }
        groups.sort_by_key(|(mask, ids)| {
            (
                mask.trailing_zeros(),
                std::cmp::Reverse(ids.len()),
                std::cmp::Reverse(ids[ids.len() - 1]),
            )
        });
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customers_linked_through_different_keys_form_one_group() {
        let mut g = Groups::default();
        g.add(1, 1, "13800000000");
        g.add(2, 1, "13800000000");
        g.add(2, 3, "华远科技");
        g.add(3, 3, "华远科技");
        g.add(4, 3, "另一家");
        let groups = g.finish();
        assert_eq!(
            groups,
            vec![(0b1010, vec![1, 2, 3])],
            "1~2 by mobile and 2~3 by name make one group; 4 is alone"
        );
    }

    #[test]
    fn a_shared_code_ranks_before_a_larger_group_sharing_only_a_name() {
        let mut g = Groups::default();
        for id in 10..15 {
            g.add(id, 3, "华远科技");
        }
        g.add(1, 0, "91110000600037341L");
        g.add(2, 0, "91110000600037341L");
        let groups = g.finish();
        assert_eq!(
            groups[0].1,
            vec![1, 2],
            "the same 统一社会信用代码 is the surest sign of a duplicate"
        );
        assert_eq!(groups[1].1.len(), 5);
    }
}
