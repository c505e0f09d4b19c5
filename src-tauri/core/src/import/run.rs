//! Inspecting a file and running an import: rows read and validated, duplicates within the file and
//! against the store found, each row created, updated, left or refused; a dry run stops before writing,
//! a real one writes in one transaction and records what it did so it can be reverted.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use sqlx::QueryBuilder;

use super::header::{auto_mapping, find_header};
use super::model::*;
use super::read::{self, Grid};
use super::row::{contact_of, customer_input, key_values, reason_of, SheetRow};
use super::value::plain_text;
use crate::contact::NewContact;
use crate::customer::{Customer, CustomerInput, NewRow, ValidCustomer};
use crate::error::{CoreError, Result};
use crate::export::ExportProgress as Progress;
use crate::settings::Language;
use crate::sheet::{Column, Entity};
use crate::store::Store;
use crate::time::now_ms;

/// Data rows the preview shows.
const PREVIEW_ROWS: usize = 10;
/// Rejected rows the report lists (the error workbook has all of them).
const REPORT_REJECTS: usize = 200;

async fn read_grid(path: &Path) -> Result<Grid> {
    let path = path.to_path_buf();
    tokio::task::spawn_blocking(move || read::read(&path))
        .await
        .map_err(|e| CoreError::Internal(e.to_string()))?
}

/// The header row's texts and the data rows under it (blank rows left out), with their sheet row numbers.
fn split(entity: Entity, grid: &Grid) -> Result<(u32, Vec<String>, Vec<(u32, usize)>)> {
    let header = find_header(entity, &grid.rows).ok_or(CoreError::invalid("file", "no_header"))?;
    let mut headers: Vec<String> = grid.rows[header].iter().map(plain_text).collect();
    while headers.last().is_some_and(|h| h.is_empty()) {
        headers.pop();
    }
    if headers.is_empty() {
        return Err(CoreError::invalid("file", "no_header"));
    }
    let data: Vec<(u32, usize)> = grid.rows[header + 1..]
        .iter()
        .enumerate()
        .filter(|(_, r)| r.iter().any(|c| !c.is_empty()))
        .map(|(i, _)| (grid.first_row + (header + 1 + i) as u32, header + 1 + i))
        .collect();
    if data.len() > read::MAX_ROWS {
        return Err(CoreError::invalid("file", "too_many_rows"));
    }
    Ok((grid.first_row + header as u32, headers, data))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Every record type can be imported (kept as a check for the day one cannot).
fn importable(entity: Entity) -> Result<()> {
    if !entity.importable() {
        return Err(CoreError::invalid("entity", "unsupported"));
    }
    Ok(())
}

/// Reads the file and proposes a mapping; writes nothing.
pub async fn inspect(path: &Path, entity: Entity, language: Language) -> Result<ImportPreview> {
    importable(entity)?;
    let grid = read_grid(path).await?;
    let (header_row, headers, data) = split(entity, &grid)?;
    if data.is_empty() {
        return Err(CoreError::invalid("file", "header_only"));
    }
    let width = headers.len();
    let rows = data
        .iter()
        .take(PREVIEW_ROWS)
        .map(|(_, i)| {
            (0..width)
                .map(|c| grid.rows[*i].get(c).map(plain_text).unwrap_or_default())
                .collect()
        })
        .collect();
    Ok(ImportPreview {
        path: path.to_string_lossy().into_owned(),
        file_name: file_name(path),
        entity,
        sheet: grid.sheet.clone(),
        encoding: grid.encoding.clone(),
        header_row,
        mapping: auto_mapping(entity, &headers),
        headers,
        rows,
        total_rows: data.len() as u32,
        fields: entity
            .columns()
            .iter()
            .filter(|c| c.importable)
            .map(|c| ImportField {
                key: c.key.to_string(),
                label: c.label(language).to_string(),
            })
            .collect(),
        modes: modes(entity).to_vec(),
        needed: needed_columns(entity)
            .iter()
            .map(|any_of| any_of.iter().map(|k| k.to_string()).collect())
            .collect(),
    })
}

/// The modes a record type can be imported in. Receipts and follow-ups are events: a file adds them (and
/// upsert leaves the ones already there alone); nothing in a file says which one it would change.
pub fn modes(entity: Entity) -> &'static [ImportMode] {
    match entity {
        Entity::Receipts | Entity::FollowUps => &[ImportMode::Create, ImportMode::Upsert],
        _ => &[ImportMode::Create, ImportMode::Update, ImportMode::Upsert],
    }
}

/// The columns a record type cannot do without (what finds it, or what it is made of): each entry is a
/// set of fields of which at least one needs a column. Customers have none here: what they need depends on
/// the mode and the match keys.
pub fn needed_columns(entity: Entity) -> &'static [&'static [&'static str]] {
    match entity {
        Entity::Contacts => &[&["customerName"], &["name"]],
        Entity::Products => &[&["name", "code"]],
        Entity::Contracts => &[&["customerName"]],
        Entity::Installments => &[&["contractNumber"], &["dueOn"], &["amount"]],
        Entity::Receipts => &[&["contractNumber"], &["receivedOn"], &["amount"]],
        Entity::FollowUps => &[&["customerName"], &["happenedAt"], &["content"]],
        Entity::Customers => &[],
    }
}

/// The columns the user's mapping names, checked: known importable fields, each at most once, and the
/// fields the mode needs.
fn columns_of(request: &ImportRequest, width: usize) -> Result<Vec<Option<&'static Column>>> {
    if request.mapping.len() != width {
        return Err(CoreError::invalid("mapping", "stale"));
    }
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(width);
    for key in &request.mapping {
        let column = match key {
            None => None,
            Some(k) => {
                let c = request
                    .entity
                    .columns()
                    .iter()
                    .find(|c| c.importable && c.key == k)
                    .ok_or(CoreError::invalid("mapping", "unknown"))?;
                if !seen.insert(c.key) {
                    return Err(CoreError::invalid("mapping", "duplicate"));
                }
                Some(c)
            }
        };
        out.push(column);
    }
    let needed = needed_columns(request.entity);
    if !needed.is_empty() {
        for any_of in needed {
            if !any_of.iter().any(|k| seen.contains(k)) {
                return Err(CoreError::invalid("mapping", "name_required"));
            }
        }
        return Ok(out);
    }
    if request.mode != ImportMode::Update && !seen.contains("name") {
        return Err(CoreError::invalid("mapping", "name_required"));
    }
    if request.mode != ImportMode::Create {
        if request.match_keys.is_empty() {
            return Err(CoreError::invalid("matchKeys", "required"));
        }
        for k in &request.match_keys {
            if !seen.contains(key_field(*k)) {
                return Err(CoreError::invalid("matchKeys", "unmapped"));
            }
        }
    }
    Ok(out)
}

fn key_field(k: MatchKey) -> &'static str {
    match k {
        MatchKey::Uscc => "uscc",
        MatchKey::Name => "name",
        MatchKey::Mobile => "mobile",
    }
}

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
    Reject {
        field: Option<String>,
        reason: String,
    },
}

fn reject(field: &str, reason: &str) -> Plan {
    Plan::Reject {
        field: Some(field.to_string()).filter(|f| !f.is_empty()),
        reason: reason.to_string(),
    }
}

fn rejected(e: &CoreError) -> Plan {
    let (field, reason) = reason_of(e);
    reject(&field, &reason)
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

/// Runs the import (or, with `dry_run`, says what it would do).
pub async fn run(
    store: &Store,
    request: &ImportRequest,
    mut progress: impl FnMut(Progress) + Send,
) -> Result<ImportReport> {
    importable(request.entity)?;
    if !modes(request.entity).contains(&request.mode) {
        return Err(CoreError::invalid("mode", "append_only"));
    }
    let path = PathBuf::from(&request.path);
    let grid = read_grid(&path).await?;
    let (_, headers, data) = split(request.entity, &grid)?;
    if data.is_empty() {
        return Err(CoreError::invalid("file", "header_only"));
    }
    let width = headers.len();
    let columns = columns_of(request, width)?;
    let total = data.len() as u64;
    // Reading, validating and matching count as the first half of the work; writing as the second.
    progress(Progress {
        done: 0,
        total: total * 2,
    });
    let rows: Vec<SheetRow> = crate::parallel::map(data, |(number, i)| {
        SheetRow::read(number, i, &grid.rows[i], &columns)
    });
    // Every cell of a refused row as text, for the report and the error workbook.
    let cells_of = |row: &SheetRow| -> Vec<String> {
        (0..width)
            .map(|c| {
                grid.rows[row.index]
                    .get(c)
                    .map(plain_text)
                    .unwrap_or_default()
            })
            .collect()
    };

    if request.entity != Entity::Customers {
        let report = match request.entity {
            Entity::Contacts => {
                super::contacts::run(store, request, file_name(&path), &headers, &rows, &cells_of)
                    .await?
            }
            Entity::Products => {
                super::products::run(store, request, file_name(&path), &headers, &rows, &cells_of)
                    .await?
            }
            Entity::Contracts => {
                super::contracts::run(store, request, file_name(&path), &headers, &rows, &cells_of)
                    .await?
            }
            Entity::Installments => {
                super::installments::run(
                    store,
                    request,
                    file_name(&path),
                    &headers,
                    &rows,
                    &cells_of,
                )
                .await?
            }
            Entity::Receipts => {
                super::receipts::run(store, request, file_name(&path), &headers, &rows, &cells_of)
                    .await?
            }
            Entity::FollowUps => {
                super::follow_ups::run(store, request, file_name(&path), &headers, &rows, &cells_of)
                    .await?
            }
            Entity::Customers => unreachable!("customers are imported below"),
        };
        progress(Progress {
            done: total * 2,
            total: total * 2,
        });
        return Ok(report);
    }

    // Keys of every row, and who in the store holds them.
    let keys: Vec<Result<(Option<String>, Option<String>, Option<String>)>> =
        rows.iter().map(key_values).collect();
    let wanted = |k: MatchKey| request.match_keys.contains(&k);
    let collect =
        |pick: fn(&(Option<String>, Option<String>, Option<String>)) -> &Option<String>| {
            keys.iter()
                .filter_map(|k| k.as_ref().ok().and_then(|k| pick(k).clone()))
                .collect::<HashSet<String>>()
        };
    let by_uscc = holders(store, "uscc", &collect(|k| &k.0)).await?;
    let by_name = if wanted(MatchKey::Name) {
        holders(store, "name", &collect(|k| &k.1)).await?
    } else {
        HashMap::new()
    };
    let by_mobile = if wanted(MatchKey::Mobile) {
        holders(store, "mobile", &collect(|k| &k.2)).await?
    } else {
        HashMap::new()
    };

    // Which stored customer each row matches, and the rows that repeat one before them.
    let mut seen_keys: HashSet<(u8, String)> = HashSet::new();
    let mut seen_ids: HashSet<i64> = HashSet::new();
    let mut matches: Vec<Result<Option<i64>, Plan>> = Vec::with_capacity(rows.len());
    for (row, key) in rows.iter().zip(&keys) {
        let m = (|| {
            if let Err((field, reason)) = &row.fields {
                return Err(reject(field, reason));
            }
            let (uscc, name, mobile) = key.as_ref().map_err(rejected)?;
            // The code is unique in the store whether or not it is a match key.
            let mut mine: Vec<(u8, &String)> = uscc.iter().map(|u| (0, u)).collect();
            if wanted(MatchKey::Name) {
                mine.extend(name.iter().map(|n| (1, n)));
            }
            if wanted(MatchKey::Mobile) {
                mine.extend(mobile.iter().map(|m| (2, m)));
            }
            if mine
                .iter()
                .any(|(k, v)| seen_keys.contains(&(*k, (*v).clone())))
            {
                return Err(reject("", "duplicate_in_file"));
            }
            for (k, v) in &mine {
                seen_keys.insert((*k, (*v).clone()));
            }
            let mut ids: Vec<i64> = Vec::new();
            let mut add = |found: Option<&Vec<i64>>| {
                for id in found.into_iter().flatten() {
                    if !ids.contains(id) {
                        ids.push(*id);
                    }
                }
            };
            if wanted(MatchKey::Uscc) {
                add(uscc.as_ref().and_then(|u| by_uscc.get(u)));
            }
            if wanted(MatchKey::Name) {
                add(name.as_ref().and_then(|n| by_name.get(n)));
            }
            if wanted(MatchKey::Mobile) {
                add(mobile.as_ref().and_then(|m| by_mobile.get(m)));
            }
            if ids.len() > 1 {
                return Err(reject("", "ambiguous"));
            }
            let found = ids.first().copied();
            // Another customer already has this code.
            if let Some(holder) = uscc
                .as_ref()
                .and_then(|u| by_uscc.get(u))
                .and_then(|h| h.first())
            {
                if Some(*holder) != found {
                    return Err(reject("uscc", "uscc_taken"));
                }
            }
            if let Some(id) = found {
                if !seen_ids.insert(id) {
                    return Err(reject("", "duplicate_in_file"));
                }
            }
            Ok(found)
        })();
        matches.push(m);
    }

    // The stored customers rows will update, read many at a time.
    let ids: Vec<i64> = matches
        .iter()
        .filter_map(|m| m.as_ref().ok().copied().flatten())
        .collect();
    let stored: HashMap<i64, Customer> = {
        let mut conn = store.read().acquire().await?;
        crate::customer::load_many(&mut conn, &ids).await?
    };

    let plans: Vec<Plan> = rows
        .iter()
        .zip(matches)
        .map(|(row, m)| {
            let found = match m {
                Ok(f) => f,
                Err(plan) => return plan,
            };
            let fields = row
                .fields
                .as_ref()
                .expect("rows with bad cells were refused");
            let contact = match contact_of(fields) {
                Ok(c) => c,
                Err(e) => return rejected(&e),
            };
            match (found, request.mode) {
                (Some(_), ImportMode::Create) => reject("", "exists"),
                (None, ImportMode::Update) => reject("", "not_found"),
                (None, _) => {
                    match customer_input(CustomerInput::default(), fields)
                        .and_then(|i| i.validate())
                    {
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
        })
        .collect();
    progress(Progress {
        done: total,
        total: total * 2,
    });

    let mut report = tally(
        request.dry_run,
        rows.iter().zip(&plans).map(|(row, plan)| {
            let outcome = match plan {
                Plan::Create { .. } => Outcome::Created,
                Plan::Update { .. } => Outcome::Updated,
                Plan::Unchanged => Outcome::Unchanged,
                Plan::Reject { field, reason } => Outcome::Rejected(field, reason),
            };
            (row, outcome)
        }),
        &cells_of,
    );
    if request.dry_run {
        progress(Progress {
            done: total * 2,
            total: total * 2,
        });
        return Ok(report);
    }
    let id = write(
        store,
        request,
        &path,
        &headers,
        &rows,
        &plans,
        &report,
        &cells_of,
        |done| {
            progress(Progress {
                done: total + done,
                total: total * 2,
            })
        },
    )
    .await?;
    report.import_id = Some(id);
    progress(Progress {
        done: total * 2,
        total: total * 2,
    });
    Ok(report)
}

/// What became of one row, for the report.
pub(super) enum Outcome<'a> {
    Created,
    Updated,
    Unchanged,
    Rejected(&'a Option<String>, &'a String),
}

/// Counts the outcomes and lists the first refused rows with their original cells (customers and
/// contacts alike).
pub(super) fn tally<'a>(
    dry_run: bool,
    outcomes: impl Iterator<Item = (&'a SheetRow, Outcome<'a>)>,
    cells_of: &(dyn Fn(&SheetRow) -> Vec<String> + Sync),
) -> ImportReport {
    let mut report = ImportReport {
        import_id: None,
        dry_run,
        total: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        rejects: Vec::new(),
    };
    for (row, outcome) in outcomes {
        report.total += 1;
        match outcome {
            Outcome::Created => report.created += 1,
            Outcome::Updated => report.updated += 1,
            Outcome::Unchanged => report.unchanged += 1,
            Outcome::Rejected(field, reason) => {
                report.rejected += 1;
                if report.rejects.len() < REPORT_REJECTS {
                    report.rejects.push(RejectedRow {
                        row: row.number,
                        field: field.clone(),
                        reason: reason.clone(),
                        values: cells_of(row),
                    });
                }
            }
        }
    }
    report
}

/// The import's own record, written first in its transaction (every record type); returns its id.
pub(super) async fn record_import(
    conn: &mut sqlx::SqliteConnection,
    entity: &str,
    file_name: &str,
    request: &ImportRequest,
    headers: &[String],
    report: &ImportReport,
    now: i64,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO imports (entity, file_name, mode, headers, created_at, total, created, updated, unchanged, rejected) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(entity)
    .bind(file_name)
    .bind(request.mode.as_str())
    .bind(serde_json::to_string(headers).expect("text serializes"))
    .bind(now)
    .bind(report.total)
    .bind(report.created)
    .bind(report.updated)
    .bind(report.unchanged)
    .bind(report.rejected)
    .fetch_one(conn)
    .await?)
}

/// Remembers a record an import created or updated (with its fields before, as the form's input), for
/// the revert.
pub(super) async fn record_row(
    conn: &mut sqlx::SqliteConnection,
    import_id: i64,
    record_id: i64,
    action: &str,
    before: Option<String>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO import_rows (import_id, record_id, action, before) VALUES (?, ?, ?, ?)",
    )
    .bind(import_id)
    .bind(record_id)
    .bind(action)
    .bind(before)
    .execute(conn)
    .await?;
    Ok(())
}

/// Keeps a refused row with its original cells, for the error workbook.
pub(super) async fn record_reject(
    conn: &mut sqlx::SqliteConnection,
    import_id: i64,
    row: &SheetRow,
    field: &Option<String>,
    reason: &str,
    cells_of: &(dyn Fn(&SheetRow) -> Vec<String> + Sync),
) -> Result<()> {
    sqlx::query(
        "INSERT INTO import_rejects (import_id, row, field, reason, cells) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(import_id)
    .bind(row.number)
    .bind(field)
    .bind(reason)
    .bind(serde_json::to_string(&cells_of(row)).expect("text serializes"))
    .execute(conn)
    .await?;
    Ok(())
}

/// Writes the plans in one transaction with the import's record; returns the import's id.
#[allow(clippy::too_many_arguments)]
async fn write(
    store: &Store,
    request: &ImportRequest,
    path: &Path,
    headers: &[String],
    rows: &[SheetRow],
    plans: &[Plan],
    report: &ImportReport,
    cells_of: &(dyn Fn(&SheetRow) -> Vec<String> + Sync),
    mut progress: impl FnMut(u64),
) -> Result<i64> {
    let now = now_ms();
    let creates = report.created as i64;
    let live = store.check_count().await?;
    // A load as large as the book rebuilds the indexes once instead of growing them row by row.
    let mut load = store
        .customers()
        .bulk(creates >= 10_000 && creates >= live)
        .await?;
    let import_id = record_import(
        load.conn(),
        "customers",
        &file_name(path),
        request,
        headers,
        report,
        now,
    )
    .await?;
    let mut next_id: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) + 1 FROM customers")
        .fetch_one(load.conn())
        .await?;
    let mut next_contact: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) + 1 FROM contacts")
        .fetch_one(load.conn())
        .await?;

    const CHUNK: usize = 2_000;
    let mut done = 0u64;
    for (row_chunk, plan_chunk) in rows.chunks(CHUNK).zip(plans.chunks(CHUNK)) {
        let mut new_rows = Vec::new();
        let mut contacts = Vec::new();
        let mut record: Vec<(i64, &'static str, Option<String>)> = Vec::new();
        let mut rejects: Vec<(&SheetRow, &Option<String>, &String)> = Vec::new();
        for (row, plan) in row_chunk.iter().zip(plan_chunk) {
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
                    let mut conn = load.conn();
                    let before = crate::customer::load(&mut conn, *id).await?;
                    crate::customer::overwrite(conn, &before, customer).await?;
                    let before_input = CustomerInput::from(&ValidCustomer::from(&before));
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
                Plan::Reject { field, reason } => rejects.push((row, field, reason)),
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
        if !rejects.is_empty() {
            let mut b = QueryBuilder::new(
                "INSERT INTO import_rejects (import_id, row, field, reason, cells) ",
            );
            b.push_values(&rejects, |mut v, (row, field, reason)| {
                v.push_bind(import_id)
                    .push_bind(row.number)
                    .push_bind((*field).clone())
                    .push_bind((*reason).clone())
                    .push_bind(serde_json::to_string(&cells_of(row)).expect("text serializes"));
            });
            b.build().execute(load.conn()).await?;
        }
        done += row_chunk.len() as u64;
        progress(done);
    }
    load.finish().await?;
    Ok(import_id)
}
