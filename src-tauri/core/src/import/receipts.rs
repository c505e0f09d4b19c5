//! Importing receipts (回款): each row is a payment on the live contract its number names, put against
//! that contract's open installments oldest first (a payment larger than one installment is split over
//! the next ones). A payment larger than everything still due is refused. A receipt already recorded for
//! the same contract, day and amount is the same one.

use std::collections::{HashMap, HashSet};

use sqlx::SqliteConnection;

use super::lookup;
use super::model::{ImportMode, ImportReport, ImportRequest};
use super::plan::{carry_out, Plan, Record, CREATED};
use super::row::SheetRow;
use crate::error::Result;
use crate::receivable::{Installment, PaymentMethod, Receipt, ReceiptInput, ValidReceipt};
use crate::record::RecordKind;
use crate::store::Store;

struct Receipts;

impl Record for Receipts {
    type Stored = Receipt;
    /// The installments the payment goes to, each with its share.
    type Valid = Vec<(i64, ValidReceipt)>;
    type Context = ();
    const KIND: RecordKind = RecordKind::Receipts;

    async fn insert(
        conn: &mut SqliteConnection,
        _: &(),
        shares: &Vec<(i64, ValidReceipt)>,
        now: i64,
    ) -> Result<Vec<i64>> {
        let mut ids = Vec::with_capacity(shares.len());
        for (installment_id, receipt) in shares {
            ids.push(crate::receivable::insert_receipt(conn, *installment_id, receipt, now).await?);
        }
        Ok(ids)
    }

    async fn overwrite(
        _: &mut SqliteConnection,
        _: &Receipt,
        _: &Vec<(i64, ValidReceipt)>,
        _: i64,
    ) -> Result<()> {
        // A receipt is recorded or not; an import never changes one.
        Ok(())
    }

    fn before(stored: &Receipt) -> (i64, String) {
        (stored.id, String::new())
    }
}

pub(super) async fn run(
    store: &Store,
    request: &ImportRequest,
    file_name: String,
    headers: &[String],
    rows: &[SheetRow],
    cells_of: &(dyn Fn(&SheetRow) -> Vec<String> + Sync),
) -> Result<ImportReport> {
    let contracts = lookup::contracts(store, &lookup::texts_of(rows, "contractNumber")).await?;
    // Each contract's open installments, oldest due first, with what each still asks for; and the
    // receipts it has, to recognise a payment recorded already.
    let mut open: HashMap<i64, Vec<(Installment, i64)>> = HashMap::new();
    let mut recorded: HashSet<(i64, String, i64)> = HashSet::new();
    for (id, _) in contracts.values() {
        let plan = store.plans().of_contract(*id).await?;
        open.insert(
            *id,
            plan.installments
                .into_iter()
                .filter(|i| i.received < i.amount)
                .map(|i| {
                    let left = i.amount - i.received;
                    (i, left)
                })
                .collect(),
        );
        // A payment split over installments is stored in pieces: the file may hold the pieces (an export)
        // or the payment (the sheet it was first imported from), so both are recognised.
        let mut of_day: HashMap<String, i64> = HashMap::new();
        for r in plan.receipts {
            *of_day.entry(r.received_on.clone()).or_default() += r.amount;
            recorded.insert((*id, r.received_on, r.amount));
        }
        for (day, total) in of_day {
            recorded.insert((*id, day, total));
        }
    }
    let mut seen: HashSet<(i64, String, i64)> = HashSet::new();
    let plans: Vec<Plan<Receipt, Vec<(i64, ValidReceipt)>>> = rows
        .iter()
        .map(|row| {
            if let Err(refusal) = &row.fields {
                return Plan::Reject(refusal.clone());
            }
            let contract_id = &match lookup::one_contract(&contracts, row) {
                Ok((id, _)) => id,
                Err((f, r)) => return Plan::reject(f, r),
            };
            let method: PaymentMethod = match row.choice("paymentMethod") {
                Ok(m) => m.unwrap_or_default(),
                Err(e) => return Plan::refused(&e),
            };
            let input = ReceiptInput {
                received_on: row.get("receivedOn").unwrap_or_default().to_string(),
                amount: match row.fen("amount") {
                    Ok(fen) => fen,
                    Err(e) => return Plan::refused(&e),
                },
                method,
                note: row.get("note").map(str::to_string),
            };
            let valid = match input.validate() {
                Ok(v) => v,
                Err(e) => return Plan::refused(&e),
            };
            let key = (*contract_id, valid.received_on.clone(), valid.amount);
            if seen.contains(&key) {
                return Plan::reject("", "duplicate_in_file");
            }
            if recorded.contains(&key) {
                return match request.mode {
                    ImportMode::Create => Plan::reject("", "exists"),
                    _ => Plan::Unchanged,
                };
            }
            let installments = open
                .get_mut(contract_id)
                .expect("looked up with the contract");
            let due: i64 = installments.iter().map(|(_, left)| left).sum();
            if valid.amount > due {
                return Plan::reject("amount", "exceeds_due");
            }
            seen.insert(key);
            let mut rest = valid.amount;
            let mut shares = Vec::new();
            for (i, left) in installments.iter_mut() {
                if rest == 0 {
                    break;
                }
                let share = rest.min(*left);
                if share > 0 {
                    *left -= share;
                    rest -= share;
                    shares.push((
                        i.id,
                        ValidReceipt {
                            amount: share,
                            ..valid.clone()
                        },
                    ));
                }
            }
            Plan::Create(shares)
        })
        .collect();
    carry_out::<Receipts>(
        store,
        &(),
        request,
        &file_name,
        headers,
        rows,
        &plans,
        cells_of,
    )
    .await
}

/// Reverts a receipt import inside the caller's transaction: the receipts it recorded go, and their
/// installments ask for that money again.
pub(super) async fn revert(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    let ids: Vec<i64> = sqlx::query_scalar(CREATED)
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    for receipt in ids {
        crate::receivable::remove_receipt(conn, receipt).await?;
    }
    Ok(())
}
