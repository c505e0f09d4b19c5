//! Receivables (应收): what each contract, each customer and the whole book is still owed, aged by how late
//! it is. Everything is read from the installments' `received` and `counted` columns, which every write
//! keeps in line ([`recount_contract`], [`recount_customer`]), and from the per-day totals their triggers
//! keep (migration `..0009`), through index ranges rather than scans.

use chrono::{Duration, NaiveDate};
use sqlx::{QueryBuilder, SqliteConnection};

use super::model::{
    Aging, AgingBucket, BookReceivables, CustomerReceivables, OpenInstallment, OpenInstallmentPage,
    OpenInstallmentQuery,
};
use crate::contract::ContractMoney;
use crate::error::Result;
use crate::page::{page_size, Cursor, SortValue};
use crate::store::Store;

/// Whether an installment's contract is owed now, as SQL over `installments`.
const OWED: &str = "(installments.deleted_at IS NULL AND EXISTS (SELECT 1 FROM contracts c \
     JOIN customers cu ON cu.id = c.customer_id WHERE c.id = installments.contract_id \
     AND c.deleted_at IS NULL AND cu.deleted_at IS NULL AND c.status IN ('signed', 'active', 'completed')))";

/// Brings `counted` of a contract's installments in line after the contract, its status or an
/// installment was trashed, restored or changed.
pub(crate) async fn recount_contract(conn: &mut SqliteConnection, contract_id: i64) -> Result<()> {
    sqlx::query(&format!(
        "UPDATE installments SET counted = {OWED} WHERE contract_id = ?"
    ))
    .bind(contract_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The same for every installment of a customer (the customer was trashed, restored or merged), and its
/// contracts' `customer_live`, which keeps a trashed customer's contracts out of the lists.
pub(crate) async fn recount_customer(conn: &mut SqliteConnection, customer_id: i64) -> Result<()> {
    sqlx::query(
        "UPDATE contracts SET customer_live = coalesce((SELECT deleted_at IS NULL FROM customers cu \
         WHERE cu.id = contracts.customer_id), 0) WHERE customer_id = ?",
    )
    .bind(customer_id)
    .execute(&mut *conn)
    .await?;
    sqlx::query(&format!(
        "UPDATE installments SET counted = {OWED} WHERE customer_id = ?"
    ))
    .bind(customer_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The three day boundaries of the aging buckets.
struct Bounds {
    today: String,
    minus_30: String,
    minus_90: String,
}

impl Bounds {
    fn of(today: NaiveDate) -> Self {
        let f = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        Bounds {
            today: f(today),
            minus_30: f(today - Duration::days(30)),
            minus_90: f(today - Duration::days(90)),
        }
    }
}

/// The aging sums over `installments` rows that pass `condition`, bound as ?1–?3 = the bounds and ?4
/// = the condition's one value (if it has one).
const AGING_SUMS: &str = "coalesce(sum(CASE WHEN due_on >= ?1 THEN amount - received END), 0) AS not_due, \
     coalesce(sum(CASE WHEN due_on < ?1 AND due_on >= ?2 THEN amount - received END), 0) AS days_1_30, \
     coalesce(sum(CASE WHEN due_on < ?2 AND due_on >= ?3 THEN amount - received END), 0) AS days_31_90, \
     coalesce(sum(CASE WHEN due_on < ?3 THEN amount - received END), 0) AS over_90";

/// Planned, received, outstanding and overdue of each contract of `ids`. Outstanding is what the contract
/// is worth less what came in (planned or not); overdue counts only what is owed (not a draft's or a
/// terminated contract's plan) and past its due day.
pub(crate) async fn money_of_contracts(
    store: &Store,
    ids: &[i64],
) -> Result<Vec<(i64, ContractMoney)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let today = crate::time::today().format("%Y-%m-%d").to_string();
    let mut b = QueryBuilder::new(
        "SELECT c.id, c.amount, coalesce(sum(i.amount), 0), coalesce(sum(i.received), 0), \
         coalesce(sum(CASE WHEN i.counted = 1 AND i.due_on < ",
    );
    b.push_bind(today).push(
        " THEN i.amount - i.received ELSE 0 END), 0) FROM contracts c \
         LEFT JOIN installments i ON i.contract_id = c.id AND i.deleted_at IS NULL WHERE c.id IN (",
    );
    let mut list = b.separated(", ");
    for id in ids {
        list.push_bind(*id);
    }
    b.push(") GROUP BY c.id");
    let rows: Vec<(i64, i64, i64, i64, i64)> = b.build_query_as().fetch_all(store.read()).await?;
    Ok(rows
        .into_iter()
        .map(|(id, amount, planned, received, overdue)| {
            (
                id,
                ContractMoney {
                    planned,
                    received,
                    outstanding: (amount - received).max(0),
                    overdue,
                },
            )
        })
        .collect())
}

/// Totals and aging of the whole book on `today`, from the open amounts per due day and the customers'
/// earliest open days that the installments' triggers keep.
pub async fn of_book(store: &Store, today: NaiveDate) -> Result<BookReceivables> {
    let b = Bounds::of(today);
    let row: (i64, i64, i64, i64, i64) = sqlx::query_as(
        "SELECT coalesce(sum(CASE WHEN due_on >= ?1 THEN open_amount END), 0), \
         coalesce(sum(CASE WHEN due_on < ?1 AND due_on >= ?2 THEN open_amount END), 0), \
         coalesce(sum(CASE WHEN due_on < ?2 AND due_on >= ?3 THEN open_amount END), 0), \
         coalesce(sum(CASE WHEN due_on < ?3 THEN open_amount END), 0), \
         coalesce(sum(open_count), 0) FROM receivable_days",
    )
    .bind(&b.today)
    .bind(&b.minus_30)
    .bind(&b.minus_90)
    .fetch_one(store.read())
    .await?;
    let aging = Aging {
        not_due: row.0,
        days_1_to_30: row.1,
        days_31_to_90: row.2,
        over_90: row.3,
    };
    let customers_overdue: i64 =
        sqlx::query_scalar("SELECT count(*) FROM customer_open_dues WHERE earliest_due < ?")
            .bind(&b.today)
            .fetch_one(store.read())
            .await?;
    Ok(BookReceivables {
        today: b.today,
        outstanding: aging.outstanding(),
        overdue: aging.overdue(),
        aging,
        open_installments: row.4,
        customers_overdue,
    })
}

/// One customer's contracted, planned, received and outstanding amounts and aging on `today`.
pub async fn of_customer(
    store: &Store,
    customer_id: i64,
    today: NaiveDate,
) -> Result<CustomerReceivables> {
    let b = Bounds::of(today);
    let row: (i64, i64, i64, i64, i64, i64) = sqlx::query_as(&format!(
        "SELECT {AGING_SUMS}, coalesce(sum(amount), 0), coalesce(sum(received), 0) FROM installments \
         WHERE customer_id = ?4 AND counted = 1"
    ))
    .bind(&b.today)
    .bind(&b.minus_30)
    .bind(&b.minus_90)
    .bind(customer_id)
    .fetch_one(store.read())
    .await?;
    let aging = Aging {
        not_due: row.0,
        days_1_to_30: row.1,
        days_31_to_90: row.2,
        over_90: row.3,
    };
    let contracted: i64 = sqlx::query_scalar(
        "SELECT coalesce(sum(amount), 0) FROM contracts WHERE customer_id = ? AND deleted_at IS NULL \
         AND status IN ('signed', 'active', 'completed')",
    )
    .bind(customer_id)
    .fetch_one(store.read())
    .await?;
    Ok(CustomerReceivables {
        today: b.today,
        contracted,
        planned: row.4,
        received: row.5,
        outstanding: aging.outstanding(),
        overdue: aging.overdue(),
        aging,
    })
}

/// Open installments, oldest due first, one page at a time.
pub async fn open_installments(
    store: &Store,
    q: &OpenInstallmentQuery,
    today: NaiveDate,
) -> Result<OpenInstallmentPage> {
    let bounds = Bounds::of(today);
    let mut b = QueryBuilder::new(
        "SELECT i.id, i.contract_id, c.number AS contract_number, c.title AS contract_title, i.customer_id, \
         cu.name AS customer_name, i.due_on, i.amount, i.received, i.amount - i.received AS outstanding \
         FROM installments i LEFT JOIN contracts c ON c.id = i.contract_id \
         LEFT JOIN customers cu ON cu.id = i.customer_id WHERE i.counted = 1 AND i.received < i.amount",
    );
    match q.bucket {
        None => {}
        Some(AgingBucket::NotDue) => {
            b.push(" AND i.due_on >= ").push_bind(bounds.today.clone());
        }
        Some(AgingBucket::Overdue) => {
            b.push(" AND i.due_on < ").push_bind(bounds.today.clone());
        }
        Some(AgingBucket::Days1To30) => {
            b.push(" AND i.due_on < ")
                .push_bind(bounds.today.clone())
                .push(" AND i.due_on >= ")
                .push_bind(bounds.minus_30.clone());
        }
        Some(AgingBucket::Days31To90) => {
            b.push(" AND i.due_on < ")
                .push_bind(bounds.minus_30.clone())
                .push(" AND i.due_on >= ")
                .push_bind(bounds.minus_90.clone());
        }
        Some(AgingBucket::Over90) => {
            b.push(" AND i.due_on < ")
                .push_bind(bounds.minus_90.clone());
        }
    }
    if let Some(customer_id) = q.customer_id {
        b.push(" AND i.customer_id = ").push_bind(customer_id);
    }
    if let Some(after) = &q.after {
        Cursor::decode(after)?.push_after(&mut b, "i.due_on", "i.id", false);
    }
    let limit = page_size(q.limit);
    b.push(" ORDER BY i.due_on, i.id LIMIT ")
        .push_bind(limit as i64);
    let rows: Vec<OpenInstallment> = b.build_query_as().fetch_all(store.read()).await?;
    let next_cursor = match rows.last() {
        Some(last) if rows.len() == limit as usize => {
            Some(Cursor::new(SortValue::Text(last.due_on.clone()), last.id).encode())
        }
        _ => None,
    };
    Ok(OpenInstallmentPage { rows, next_cursor })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bucket_bounds_are_30_and_90_days_back() {
        let b = Bounds::of(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
        assert_eq!(
            (b.today.as_str(), b.minus_30.as_str(), b.minus_90.as_str()),
            ("2026-03-01", "2026-01-30", "2025-12-01")
        );
    }
}
