//! Importing contracts (without lines: the amount is the sheet's): each row names its customer by name and
//! the contract by its number; a row without a number is a new contract numbered by the rule. An update
//! keeps the contract's lines and its plan. Written through the same functions as the form.

use std::collections::HashSet;

use sqlx::SqliteConnection;

use super::lookup;
use super::model::{ImportMode, ImportReport, ImportRequest};
use super::plan::{carry_out, parse_before, updated, Plan, Record, CREATED};
use super::row::SheetRow;
use crate::contract::{Contract, ContractInput, NumberRule, ValidContract};
use crate::error::{CoreError, Result};
use crate::history;
use crate::record::RecordKind;
use crate::store::Store;
use crate::time::now_ms;

struct Contracts;

impl Record for Contracts {
    type Stored = Contract;
    type Valid = ValidContract;
    type Context = NumberRule;
    const KIND: RecordKind = RecordKind::Contracts;

    async fn insert(
        conn: &mut SqliteConnection,
        rule: &NumberRule,
        valid: &ValidContract,
        now: i64,
    ) -> Result<Vec<i64>> {
        Ok(vec![
            crate::contract::insert_one(conn, rule, valid, now).await?,
        ])
    }

    async fn overwrite(
        conn: &mut SqliteConnection,
        before: &Contract,
        valid: &ValidContract,
        now: i64,
    ) -> Result<()> {
        crate::contract::overwrite(conn, before, valid, now)
            .await
            .map(|_| ())
    }

    fn before(stored: &Contract) -> (i64, String) {
        (
            stored.id,
            serde_json::to_string(&ContractInput::from(stored)).expect("serializes"),
        )
    }
}

/// Sets one field of the form from a cell's text (money as 分, the status as its key).
fn apply(input: &mut ContractInput, key: &str, text: &str) -> Result<()> {
    let some = || Some(text.to_string());
    match key {
        "number" => input.number = some(),
        "title" => input.title = text.to_string(),
        "amount" => {
            input.amount = Some(
                text.parse()
                    .map_err(|_| CoreError::invalid("amount", "format"))?,
            )
        }
        "contractStatus" => input.status = super::row::choice("contractStatus", text)?,
        "signedOn" => input.signed_on = some(),
        "startsOn" => input.starts_on = some(),
        "endsOn" => input.ends_on = some(),
        "paymentTerms" => input.payment_terms = some(),
        "notes" => input.notes = some(),
        _ => {}
    }
    Ok(())
}

pub(super) async fn run(
    store: &Store,
    request: &ImportRequest,
    file_name: String,
    headers: &[String],
    rows: &[SheetRow],
    cells_of: &(dyn Fn(&SheetRow) -> Vec<String> + Sync),
) -> Result<ImportReport> {
    let (customers, contacts) = lookup::customers_named(store, rows).await?;
    let numbers = lookup::texts_of(rows, "number");
    let known = lookup::contracts(store, &numbers).await?;
    let taken = lookup::taken_numbers(store, &numbers).await?;
    let mut stored = std::collections::HashMap::new();
    for (number, (id, _)) in &known {
        stored.insert(number.clone(), store.contracts().get(*id).await?);
    }
    let mut seen: HashSet<String> = HashSet::new();
    let plans: Vec<Plan<Contract, ValidContract>> = rows
        .iter()
        .map(|row| {
            let fields = match &row.fields {
                Ok(f) => f,
                Err(refusal) => return Plan::Reject(refusal.clone()),
            };
            let customer_id = match lookup::one_customer(&customers, row.get("customerName")) {
                Ok(id) => id,
                Err((f, r)) => return Plan::reject(f, r),
            };
            let number = row
                .get("number")
                .map(|n| crate::field::half_width(n.trim()))
                .filter(|n| !n.is_empty());
            // A row refused for its content leaves its number free for a corrected copy further down.
            if number.as_ref().is_some_and(|n| seen.contains(n)) {
                return Plan::reject("", "duplicate_in_file");
            }
            let existing = number.as_ref().and_then(|n| stored.get(n));
            if existing.is_none() && number.as_ref().is_some_and(|n| taken.contains(n)) {
                // A trashed customer's contract holds it.
                return Plan::reject("number", "exists");
            }
            let base = match (existing, request.mode) {
                (Some(_), ImportMode::Create) => return Plan::reject("number", "exists"),
                (None, ImportMode::Update) => return Plan::reject("number", "contract_not_found"),
                (Some(c), _) if c.customer_id != customer_id => {
                    return Plan::reject("customerName", "fixed")
                }
                (Some(c), _) => ContractInput::from(c),
                (None, _) => ContractInput {
                    customer_id,
                    ..Default::default()
                },
            };
            let mut input = base;
            for (k, v) in fields {
                if let Err(e) = apply(&mut input, k, v) {
                    return Plan::refused(&e);
                }
            }
            if let Some(name) = row
                .get("contactName")
                .map(str::trim)
                .filter(|n| !n.is_empty())
            {
                match contacts.get(&(customer_id, name.to_string())) {
                    Some(c) => input.contact_id = Some(c.id),
                    None => return Plan::reject("contactName", "contact_not_found"),
                }
            }
            let asked = input.amount;
            let valid = match input.validate() {
                Ok(v) => v,
                Err(e) => return Plan::refused(&e),
            };
            // With lines, the amount is their sum: a different one in the file is refused, not dropped.
            if !input.lines.is_empty() && asked.is_some_and(|a| a != valid.amount) {
                return Plan::reject("amount", "from_lines");
            }
            if let Some(n) = &number {
                seen.insert(n.clone());
            }
            match existing {
                None => Plan::Create(valid),
                Some(c) if valid.amount < c.money.planned => Plan::reject("amount", "below_plan"),
                Some(c) if ContractInput::from(c).validate().ok().as_ref() == Some(&valid) => {
                    Plan::Unchanged
                }
                Some(c) => Plan::Update {
                    before: Box::new(c.clone()),
                    valid,
                },
            }
        })
        .collect();
    let rule = store.contracts().number_rule();
    carry_out::<Contracts>(
        store, &rule, request, &file_name, headers, rows, &plans, cells_of,
    )
    .await
}

/// Reverts a contract import inside the caller's transaction: created contracts go, updated ones get their
/// fields back. Refused when a contract it created has a payment plan or documents since: they would go
/// with it.
pub(super) async fn revert(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let used: bool = sqlx::query_scalar(&format!(
        "SELECT EXISTS (SELECT 1 FROM installments WHERE contract_id IN ({CREATED})) \
         OR EXISTS (SELECT 1 FROM documents WHERE contract_id IN ({CREATED}))"
    ))
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    if used {
        return Err(CoreError::conflict(
            "has_contracts",
            format!("a contract of import {id} has a payment plan or documents now"),
        ));
    }
    crate::owned::forget_owned_history(conn, RecordKind::Contracts, CREATED, id).await?;
    for sql in [
        history::forget_sql(RecordKind::Contracts, CREATED),
        format!("DELETE FROM contracts WHERE id IN ({CREATED})"),
    ] {
        sqlx::query(&sql).bind(id).execute(&mut *conn).await?;
    }
    let now = now_ms();
    for (contract_id, before) in updated(conn, id).await? {
        let input: ContractInput = parse_before(id, contract_id, &before)?;
        let valid = input.validate()?;
        let current = crate::contract::load(conn, contract_id).await?;
        if let Some(current) = current.filter(|c| c.deleted_at.is_none()) {
            crate::contract::overwrite(conn, &current, &valid, now).await?;
        }
    }
    Ok(())
}
