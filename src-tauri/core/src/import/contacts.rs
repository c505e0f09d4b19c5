//! Importing contacts: each row names its customer (by the customer's name) and the contact; a contact is
//! the same one when its customer has a live contact of that name. Written in one transaction through the
//! same functions as the form, and recorded for revert.

use std::collections::HashSet;

use super::journal::Outcome;
use super::model::{ImportMode, ImportReport, ImportRequest};
use super::row::{Refusal, SheetRow};
use crate::contact::{Contact, ContactInput, ValidContact};
use crate::error::{CoreError, Result};
use crate::history;
use crate::record::RecordKind;
use crate::store::Store;
use crate::time::now_ms;

enum Plan {
    Create {
        customer_id: i64,
        contact: ValidContact,
    },
    Update {
        before: Box<Contact>,
        contact: ValidContact,
    },
    Unchanged,
    Reject(Refusal),
}

fn reject(field: &str, reason: &str) -> Plan {
    Plan::Reject(Refusal::new(field, reason))
}

fn apply(input: &mut ContactInput, key: &str, text: &str) -> Result<()> {
    let some = || Some(text.to_string());
    match key {
        "name" => input.name = text.to_string(),
        "title" => input.title = some(),
        "department" => input.department = some(),
        "mobile" => input.mobile = some(),
        "phone" => input.phone = some(),
        "email" => input.email = some(),
        "wechat" => input.wechat = some(),
        "birthday" => input.birthday = some(),
        "birthdayLunar" => input.birthday_lunar = text == "true",
        "isPrimary" => input.is_primary = text == "true",
        "notes" => input.notes = some(),
        "gender" => input.gender = Some(super::row::choice("gender", text)?),
        _ => {}
    }
    Ok(())
}

/// Plans and (unless a dry run) writes a contact import. `cells_of` gives a refused row's original cells.
pub(super) async fn run(
    store: &Store,
    request: &ImportRequest,
    file_name: String,
    headers: &[String],
    rows: &[SheetRow],
    cells_of: &(dyn Fn(&SheetRow) -> Vec<String> + Sync),
) -> Result<ImportReport> {
    let (customers, existing) = super::lookup::customers_named(store, rows).await?;
    let mut seen: HashSet<(i64, String)> = HashSet::new();
    let plans: Vec<Plan> = rows
        .iter()
        .map(|row| {
            let fields = match &row.fields {
                Ok(f) => f,
                Err(refusal) => return Plan::Reject(refusal.clone()),
            };
            let Some(customer) = row.get("customerName").map(str::trim) else {
                return reject("customerName", "required");
            };
            let customer_id = match customers.get(customer).map(Vec::as_slice) {
                None | Some([]) => return reject("customerName", "customer_not_found"),
                Some([id]) => *id,
                Some(_) => return reject("customerName", "ambiguous"),
            };
            let name = row
                .get("name")
                .map(str::trim)
                .unwrap_or_default()
                .to_string();
            if !name.is_empty() && !seen.insert((customer_id, name.clone())) {
                return reject("", "duplicate_in_file");
            }
            let stored = existing.get(&(customer_id, name));
            let base = match (stored, request.mode) {
                (Some(_), ImportMode::Create) => return reject("", "exists"),
                (None, ImportMode::Update) => return reject("", "not_found"),
                (Some(c), _) => ContactInput::from(&ValidContact::from(c)),
                (None, _) => ContactInput::default(),
            };
            let mut input = base;
            for (k, v) in fields {
                if let Err(e) = apply(&mut input, k, v) {
                    return Plan::Reject(Refusal::of(&e));
                }
            }
            match (input.validate(), stored) {
                (Err(e), _) => Plan::Reject(Refusal::of(&e)),
                (Ok(contact), None) => Plan::Create {
                    customer_id,
                    contact,
                },
                (Ok(contact), Some(c)) if contact == ValidContact::from(c) => Plan::Unchanged,
                (Ok(contact), Some(c)) => Plan::Update {
                    before: Box::new(c.clone()),
                    contact,
                },
            }
        })
        .collect();

    let mut report = super::journal::tally(
        request.dry_run,
        rows.iter().zip(&plans).map(|(row, plan)| {
            let outcome = match plan {
                Plan::Create { .. } => Outcome::Created,
                Plan::Update { .. } => Outcome::Updated,
                Plan::Unchanged => Outcome::Unchanged,
                Plan::Reject(refusal) => Outcome::Rejected(refusal),
            };
            (row, outcome)
        }),
        cells_of,
    );
    if request.dry_run {
        return Ok(report);
    }

    let now = now_ms();
    let mut tx = store.write().await?;
    let import_id = super::journal::record_import(
        &mut tx,
        RecordKind::Contacts,
        &file_name,
        request,
        headers,
        &report,
        now,
    )
    .await?;
    for (row, plan) in rows.iter().zip(&plans) {
        let (record, action, before) = match plan {
            Plan::Create {
                customer_id,
                contact,
            } => {
                let id = crate::contact::insert_one(&mut tx, *customer_id, contact, now).await?;
                (id, "created", None)
            }
            Plan::Update { before, contact } => {
                crate::contact::overwrite(&mut tx, before, contact).await?;
                let prior = ContactInput::from(&ValidContact::from(before.as_ref()));
                (
                    before.id,
                    "updated",
                    Some(serde_json::to_string(&prior).expect("serializes")),
                )
            }
            Plan::Unchanged => continue,
            Plan::Reject(refusal) => {
                super::journal::record_rejects(&mut tx, import_id, &[(row, refusal)], cells_of)
                    .await?;
                continue;
            }
        };
        super::journal::record_row(&mut tx, import_id, record, action, before).await?;
    }
    tx.commit().await?;
    report.import_id = Some(import_id);
    Ok(report)
}

/// Reverts a contact import inside the caller's transaction: created contacts go (their customers keep a
/// primary contact), updated ones get their fields back.
pub(super) async fn revert(conn: &mut sqlx::SqliteConnection, id: i64) -> Result<()> {
    const CREATED: &str =
        "SELECT record_id FROM import_rows WHERE import_id = ?1 AND action = 'created'";
    let customers: Vec<i64> = sqlx::query_scalar(&format!(
        "SELECT DISTINCT customer_id FROM contacts WHERE id IN ({CREATED})"
    ))
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    for sql in [
        format!("DELETE FROM search_contact WHERE rowid IN ({CREATED})"),
        history::forget_sql(RecordKind::Contacts, CREATED),
        format!("DELETE FROM contacts WHERE id IN ({CREATED})"),
    ] {
        sqlx::query(&sql).bind(id).execute(&mut *conn).await?;
    }
    for customer in customers {
        crate::contact::ensure_primary(conn, customer).await?;
    }
    let updated: Vec<(i64, String)> = sqlx::query_as(
        "SELECT record_id, before FROM import_rows WHERE import_id = ? AND action = 'updated' AND before IS NOT NULL",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    for (contact_id, before) in updated {
        let input: ContactInput = serde_json::from_str(&before)
            .map_err(|e| CoreError::Internal(format!("import {id} contact {contact_id}: {e}")))?;
        let valid = input.validate()?;
        match crate::contact::load(conn, contact_id).await {
            Ok(now) if now.deleted_at.is_none() => {
                crate::contact::overwrite(conn, &now, &valid).await?;
            }
            Ok(_) | Err(CoreError::NotFound) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
