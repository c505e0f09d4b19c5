//! Importing customers: rows are matched against the store and against the rows above them, and planned
//! (created, updated, left as they are, or refused) a chunk at a time. A real run writes each chunk while
//! the next one is planned, all in one transaction with the import's record.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use sqlx::QueryBuilder;
use tokio::sync::mpsc;

use super::journal::{file_name, record_counts, record_import, tally, Outcome};
use super::model::*;
use super::row::{contact_of, customer_input, key_values, Refusal, SheetRow};
use crate::contact::NewContact;
use crate::customer::{Customer, CustomerInput, NewRow, ValidCustomer};
use crate::error::{CoreError, Result};
use crate::export::ExportProgress as Progress;
use crate::record::RecordKind;
use crate::store::Store;
use crate::time::now_ms;

/// Rows planned, and then written, at a time.
const CHUNK: usize = 2_000;

/// A row's match keys: 统一社会信用代码, name and mobile, as stored.
type Keys = (Option<String>, Option<String>, Option<String>);

/// A chunk of rows with their plans, on its way to the writer (or why planning stopped).
type Planned<'r> = Result<(&'r [SheetRow], Vec<Plan>)>;

/// What will happen to one row.
enum Plan {
    Create {
        customer: ValidCustomer,
        contact: Option<crate::contact::ValidContact>,
    },
    Update {
        id: i64,
        customer: ValidCustomer,
        contact: Option<crate::contact::ValidContact>,
    },
    Unchanged,
    Reject(Refusal),
}

fn reject(field: &str, reason: &str) -> Plan {
    Plan::Reject(Refusal::new(field, reason))
}

fn rejected(e: &CoreError) -> Plan {
    Plan::Reject(Refusal::of(e))
}

/// Live customers holding each value of `column` among `values`.
async fn holders(
    store: &Store,
    column: &str,
    values: &HashSet<String>,
) -> Result<HashMap<String, Vec<i64>>> {
    let mut out: HashMap<String, Vec<i64>> = HashMap::new();
    let values: Vec<&String> = values.iter().collect();
    for chunk in values.chunks(500) {
        // The literal conditions let SQLite use the partial indexes of each column.
        let mut b = QueryBuilder::new(format!(
            "SELECT {column}, id FROM customers WHERE deleted_at IS NULL AND {column} IS NOT NULL AND {column} IN ("
        ));
        let mut list = b.separated(", ");
        for v in chunk {
            list.push_bind(v.as_str());
        }
        b.push(")");
        let rows: Vec<(String, i64)> = b.build_query_as().fetch_all(store.read()).await?;
        for (v, id) in rows {
            out.entry(v).or_default().push(id);
        }
    }
    Ok(out)
}

/// Plans rows in file order, remembering the keys and the stored customers of the rows above.
struct Planner<'a> {
    store: &'a Store,
    request: &'a ImportRequest,
    seen_keys: HashSet<(u8, String)>,
    seen_ids: HashSet<i64>,
}

/// Who in the store holds each key of a chunk's rows.
struct Holders {
    uscc: HashMap<String, Vec<i64>>,
    name: HashMap<String, Vec<i64>>,
    mobile: HashMap<String, Vec<i64>>,
}

impl<'a> Planner<'a> {
    fn new(store: &'a Store, request: &'a ImportRequest) -> Self {
        Planner {
            store,
            request,
            seen_keys: HashSet::new(),
            seen_ids: HashSet::new(),
        }
    }

    fn wanted(&self, k: MatchKey) -> bool {
        self.request.match_keys.contains(&k)
    }

    /// The plans of the next rows of the file.
    async fn plan(&mut self, rows: &[SheetRow]) -> Result<Vec<Plan>> {
        let keys: Vec<Result<Keys>> = rows.iter().map(key_values).collect();
        let collect = |pick: fn(&Keys) -> &Option<String>| {
            keys.iter()
                .filter_map(|k| k.as_ref().ok().and_then(|k| pick(k).clone()))
                .collect::<HashSet<String>>()
        };
        let holders = Holders {
            uscc: holders(self.store, "uscc", &collect(|k| &k.0)).await?,
            name: match self.wanted(MatchKey::Name) {
                true => holders(self.store, "name", &collect(|k| &k.1)).await?,
                false => HashMap::new(),
            },
            mobile: match self.wanted(MatchKey::Mobile) {
                true => holders(self.store, "mobile", &collect(|k| &k.2)).await?,
                false => HashMap::new(),
            },
        };
        let matches: Vec<Result<Option<i64>, Plan>> = rows
            .iter()
            .zip(&keys)
            .map(|(row, key)| self.matched(row, key, &holders))
            .collect();

        // The stored customers rows will update, read many at a time.
        let ids: Vec<i64> = matches
            .iter()
            .filter_map(|m| m.as_ref().ok().copied().flatten())
            .collect();
        let stored: HashMap<i64, Customer> = {
            let mut conn = self.store.read().acquire().await?;
            crate::customer::load_many(&mut conn, &ids).await?
        };
        Ok(rows
            .iter()
            .zip(matches)
            .map(|(row, m)| match m {
                Ok(found) => self.planned(row, found, &stored),
                Err(plan) => plan,
            })
            .collect())
    }

    /// Which stored customer a row matches, or why it is refused (a bad cell, a key a row above has).
    fn matched(
        &mut self,
        row: &SheetRow,
        key: &Result<Keys>,
        holders: &Holders,
    ) -> Result<Option<i64>, Plan> {
        if let Err(refusal) = &row.fields {
            return Err(Plan::Reject(refusal.clone()));
        }
        let (uscc, name, mobile) = key.as_ref().map_err(rejected)?;
        // The code is unique in the store whether or not it is a match key.
        let mut mine: Vec<(u8, &String)> = uscc.iter().map(|u| (0, u)).collect();
        if self.wanted(MatchKey::Name) {
            mine.extend(name.iter().map(|n| (1, n)));
        }
        if self.wanted(MatchKey::Mobile) {
            mine.extend(mobile.iter().map(|m| (2, m)));
        }
        if mine
            .iter()
            .any(|(k, v)| self.seen_keys.contains(&(*k, (*v).clone())))
        {
            return Err(reject("", "duplicate_in_file"));
        }
        for (k, v) in &mine {
            self.seen_keys.insert((*k, (*v).clone()));
        }
        let mut ids: Vec<i64> = Vec::new();
        let mut add = |found: Option<&Vec<i64>>| {
            for id in found.into_iter().flatten() {
                if !ids.contains(id) {
                    ids.push(*id);
                }
            }
        };
        if self.wanted(MatchKey::Uscc) {
            add(uscc.as_ref().and_then(|u| holders.uscc.get(u)));
        }
        if self.wanted(MatchKey::Name) {
            add(name.as_ref().and_then(|n| holders.name.get(n)));
        }
        if self.wanted(MatchKey::Mobile) {
            add(mobile.as_ref().and_then(|m| holders.mobile.get(m)));
        }
        if ids.len() > 1 {
            return Err(reject("", "ambiguous"));
        }
        let found = ids.first().copied();
        // Another customer already has this code.
        if let Some(holder) = uscc
            .as_ref()
            .and_then(|u| holders.uscc.get(u))
            .and_then(|h| h.first())
        {
            if Some(*holder) != found {
                return Err(reject("uscc", "uscc_taken"));
            }
        }
        if let Some(id) = found {
            if !self.seen_ids.insert(id) {
                return Err(reject("", "duplicate_in_file"));
            }
        }
        Ok(found)
    }

    /// What happens to a row that matched `found` (or nothing), checked with the form's rules.
    fn planned(&self, row: &SheetRow, found: Option<i64>, stored: &HashMap<i64, Customer>) -> Plan {
        let fields = row
            .fields
            .as_ref()
            .expect("rows with bad cells were refused");
        let contact = match contact_of(fields) {
            Ok(c) => c,
            Err(e) => return rejected(&e),
        };
        match (found, self.request.mode) {
            (Some(_), ImportMode::Create) => reject("", "exists"),
            (None, ImportMode::Update) => reject("", "not_found"),
            (None, _) => {
                match customer_input(CustomerInput::default(), fields).and_then(|i| i.validate()) {
                    Ok(customer) => Plan::Create { customer, contact },
                    Err(e) => rejected(&e),
                }
            }
            (Some(id), _) => {
                let Some(before) = stored.get(&id) else {
                    return reject("", "not_found");
                };
                let base = CustomerInput::from(&ValidCustomer::from(before));
                match customer_input(base, fields).and_then(|i| i.validate()) {
                    Ok(customer)
                        if customer == ValidCustomer::from(before) && contact.is_none() =>
                    {
                        Plan::Unchanged
                    }
                    Ok(customer) => Plan::Update {
                        id,
                        customer,
                        contact,
                    },
                    Err(e) => rejected(&e),
                }
            }
        }
    }
}

/// What the plans say of their rows, for the report.
fn outcomes<'a>(
    rows: &'a [SheetRow],
    plans: &'a [Plan],
) -> impl Iterator<Item = (&'a SheetRow, Outcome<'a>)> {
    rows.iter().zip(plans).map(|(row, plan)| {
        let outcome = match plan {
            Plan::Create { .. } => Outcome::Created,
            Plan::Update { .. } => Outcome::Updated,
            Plan::Unchanged => Outcome::Unchanged,
            Plan::Reject(refusal) => Outcome::Rejected(refusal),
        };
        (row, outcome)
    })
}

/// Imports customer rows (or, with `dry_run`, says what it would do).
pub(super) async fn run(
    store: &Store,
    request: &ImportRequest,
    path: &Path,
    headers: &[String],
    rows: &[SheetRow],
    cells_of: &(dyn Fn(&SheetRow) -> Vec<String> + Sync),
    progress: &mut (impl FnMut(Progress) + Send),
) -> Result<ImportReport> {
    let total = rows.len() as u64;
    let mut planner = Planner::new(store, request);
    if request.dry_run {
        let mut report = tally(true, std::iter::empty(), cells_of);
        let mut done = 0;
        for chunk in rows.chunks(CHUNK) {
            let plans = planner.plan(chunk).await?;
            report.absorb(tally(true, outcomes(chunk, &plans), cells_of));
            done += chunk.len() as u64;
            progress(Progress { done, total });
        }
        return Ok(report);
    }
    // The planner runs up to three chunks ahead of the writer (two queued, one being planned); the
    // writer's SQL runs on the store's thread, so planning the next chunk overlaps writing this one.
    let (send, receive) = mpsc::channel::<Planned>(2);
    let plan_all = async move {
        for chunk in rows.chunks(CHUNK) {
            let planned = planner.plan(chunk).await.map(|plans| (chunk, plans));
            let failed = planned.is_err();
            // A writer that stopped has its own error to return.
            if send.send(planned).await.is_err() || failed {
                break;
            }
        }
    };
    let write_all = write(
        store,
        request,
        path,
        rows.len(),
        receive,
        headers,
        cells_of,
        |done| progress(Progress { done, total }),
    );
    let ((), written) = tokio::join!(plan_all, write_all);
    let (import_id, mut report) = written?;
    report.import_id = Some(import_id);
    Ok(report)
}

/// Writes the planned chunks as they come, in one transaction with the import's record; returns the
/// import's id and what became of the rows. A planning error undoes everything.
#[allow(clippy::too_many_arguments)]
async fn write(
    store: &Store,
    request: &ImportRequest,
    path: &Path,
    total: usize,
    mut chunks: mpsc::Receiver<Planned<'_>>,
    headers: &[String],
    cells_of: &(dyn Fn(&SheetRow) -> Vec<String> + Sync),
    mut progress: impl FnMut(u64),
) -> Result<(i64, ImportReport)> {
    let now = now_ms();
    let Some(first) = chunks.recv().await else {
        return Err(CoreError::Internal("nothing was planned".into()));
    };
    let (first_rows, first_plans) = first?;
    // A load as large as the book rebuilds the indexes once instead of growing them row by row; how
    // much the file creates is judged from its first chunk (either way is correct, one is faster).
    let creates = first_plans
        .iter()
        .filter(|p| matches!(p, Plan::Create { .. }))
        .count();
    let creates = (creates * total / first_rows.len().max(1)) as i64;
    let live = store.check_count().await?;
    let mut load = store
        .customers()
        .bulk(creates >= 10_000 && creates >= live)
        .await?;
    let mut report = tally(false, std::iter::empty(), cells_of);
    let import_id = record_import(
        load.conn(),
        RecordKind::Customers,
        &file_name(path),
        request,
        headers,
        &report,
        now,
    )
    .await?;
    let mut next_id: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) + 1 FROM customers")
        .fetch_one(load.conn())
        .await?;
    let mut next_contact: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) + 1 FROM contacts")
        .fetch_one(load.conn())
        .await?;

    let mut done = 0u64;
    let mut next = Some(Ok((first_rows, first_plans)));
    while let Some(chunk) = next.take() {
        let (row_chunk, plan_chunk) = chunk?;
        report.absorb(tally(false, outcomes(row_chunk, &plan_chunk), cells_of));
        let mut new_rows = Vec::new();
        let mut contacts = Vec::new();
        let mut record: Vec<(i64, &'static str, Option<String>)> = Vec::new();
        let mut rejects: Vec<(&SheetRow, &Refusal)> = Vec::new();
        // The customers this chunk updates, as they are in the transaction, read many at a time.
        let updates: Vec<i64> = plan_chunk
            .iter()
            .filter_map(|p| match p {
                Plan::Update { id, .. } => Some(*id),
                _ => None,
            })
            .collect();
        let stored = crate::customer::load_many(load.conn(), &updates).await?;
        for (row, plan) in row_chunk.iter().zip(&plan_chunk) {
            match plan {
                Plan::Create { customer, contact } => {
                    let id = next_id;
                    next_id += 1;
                    new_rows.push(NewRow {
                        id: Some(id),
                        customer,
                        created_at: now,
                        updated_at: now,
                        next_follow_up: None,
                        last_follow_up_at: None,
                    });
                    if let Some(c) = contact {
                        next_contact += 1;
                        contacts.push(NewContact {
                            id: next_contact - 1,
                            customer_id: id,
                            contact: c.clone(),
                            created_at: now,
                        });
                    }
                    record.push((id, "created", None));
                }
                Plan::Update {
                    id,
                    customer,
                    contact,
                } => {
                    let before = stored.get(id).ok_or(CoreError::NotFound)?;
                    load.overwrite(before, customer).await?;
                    let before_input = CustomerInput::from(&ValidCustomer::from(before));
                    record.push((
                        *id,
                        "updated",
                        Some(serde_json::to_string(&before_input).expect("serializes")),
                    ));
                    if let Some(c) = contact {
                        // A contact named in an update row is added unless the customer has one by that name.
                        let has: bool = sqlx::query_scalar(
                            "SELECT EXISTS (SELECT 1 FROM contacts WHERE customer_id = ? AND name = ? AND deleted_at IS NULL)",
                        )
                        .bind(id)
                        .bind(&c.name)
                        .fetch_one(load.conn())
                        .await?;
                        if !has {
                            let mut c = c.clone();
                            let primary: bool = sqlx::query_scalar(
                                "SELECT EXISTS (SELECT 1 FROM contacts WHERE customer_id = ? AND is_primary = 1 AND deleted_at IS NULL)",
                            )
                            .bind(id)
                            .fetch_one(load.conn())
                            .await?;
                            c.is_primary = !primary;
                            let cid: i64 = next_contact;
                            next_contact += 1;
                            crate::contact::insert_many(
                                load.conn(),
                                &[NewContact {
                                    id: cid,
                                    customer_id: *id,
                                    contact: c,
                                    created_at: now,
                                }],
                            )
                            .await?;
                        }
                    }
                }
                Plan::Unchanged => {}
                Plan::Reject(refusal) => rejects.push((row, refusal)),
            }
        }
        load.add(&new_rows).await?;
        load.add_contacts(&contacts).await?;
        if !record.is_empty() {
            let mut b = QueryBuilder::new(
                "INSERT INTO import_rows (import_id, record_id, action, before) ",
            );
            b.push_values(&record, |mut v, (id, action, before)| {
                v.push_bind(import_id)
                    .push_bind(*id)
                    .push_bind(*action)
                    .push_bind(before.clone());
            });
            b.build().execute(load.conn()).await?;
        }
        super::journal::record_rejects(load.conn(), import_id, &rejects, cells_of).await?;
        done += row_chunk.len() as u64;
        progress(done);
        next = chunks.recv().await;
    }
    record_counts(load.conn(), import_id, &report).await?;
    load.finish().await?;
    Ok((import_id, report))
}
