//! What payment plans (回款计划), receipts (回款) and receivables summaries are, and what their forms send.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::contract::ContractMoney;
use crate::error::Result;
use crate::field::{self, line, positive_money, Day};

/// One installment of a contract's payment plan, with what has come in against it (分).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Installment {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub contract_id: i64,
    pub contract_number: String,
    #[ts(type = "number")]
    pub customer_id: i64,
    /// `YYYY-MM-DD`.
    pub due_on: String,
    #[ts(type = "number")]
    pub amount: i64,
    #[ts(type = "number")]
    pub received: i64,
    pub note: Option<String>,
    #[ts(type = "number")]
    pub created_at: i64,
    #[ts(type = "number")]
    pub updated_at: i64,
    #[ts(type = "number | null")]
    pub deleted_at: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct InstallmentInput {
    pub due_on: String,
    #[ts(type = "number")]
    pub amount: i64,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidInstallment {
    pub due_on: String,
    pub amount: i64,
    pub note: Option<String>,
}

impl InstallmentInput {
    pub fn validate(&self) -> Result<ValidInstallment> {
        Ok(ValidInstallment {
            due_on: Day::parse("dueOn", &self.due_on)?.to_text(),
            amount: positive_money("amount", self.amount)?,
            note: line("note", 500, &self.note)?,
        })
    }
}

/// How a payment came in.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS, sqlx::Type,
)]
#[serde(rename_all = "camelCase")]
#[sqlx(rename_all = "lowercase")]
#[ts(export)]
pub enum PaymentMethod {
    #[default]
    Bank,
    Cash,
    Wechat,
    Alipay,
    Cheque,
    Other,
}

/// A payment received against an installment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Receipt {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub installment_id: i64,
    #[ts(type = "number")]
    pub contract_id: i64,
    pub contract_number: String,
    #[ts(type = "number")]
    pub customer_id: i64,
    /// `YYYY-MM-DD`.
    pub received_on: String,
    #[ts(type = "number")]
    pub amount: i64,
    pub method: PaymentMethod,
    pub note: Option<String>,
    #[ts(type = "number")]
    pub created_at: i64,
    #[ts(type = "number")]
    pub updated_at: i64,
    #[ts(type = "number | null")]
    pub deleted_at: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ReceiptInput {
    pub received_on: String,
    #[ts(type = "number")]
    pub amount: i64,
    pub method: PaymentMethod,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidReceipt {
    pub received_on: String,
    pub amount: i64,
    pub method: PaymentMethod,
    pub note: Option<String>,
}

impl ReceiptInput {
    pub fn validate(&self) -> Result<ValidReceipt> {
        Ok(ValidReceipt {
            received_on: Day::parse("receivedOn", &self.received_on)?.to_text(),
            amount: positive_money("amount", self.amount)?,
            method: self.method,
            note: field::line("note", 500, &self.note)?,
        })
    }
}

/// A contract's payment plan: its installments in due order, the receipts, and the totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PaymentPlan {
    pub installments: Vec<Installment>,
    pub receipts: Vec<Receipt>,
    pub money: ContractMoney,
}

/// What is still owed, by how late it is (分): not yet due, 1–30, 31–90 and over 90 days overdue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Aging {
    #[ts(type = "number")]
    pub not_due: i64,
    #[ts(type = "number")]
    pub days_1_to_30: i64,
    #[ts(type = "number")]
    pub days_31_to_90: i64,
    #[ts(type = "number")]
    pub over_90: i64,
}

impl Aging {
    pub fn outstanding(&self) -> i64 {
        self.not_due + self.overdue()
    }
    pub fn overdue(&self) -> i64 {
        self.days_1_to_30 + self.days_31_to_90 + self.over_90
    }
}

/// The receivables of the whole book as of `today`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BookReceivables {
    pub today: String,
    #[ts(type = "number")]
    pub outstanding: i64,
    #[ts(type = "number")]
    pub overdue: i64,
    pub aging: Aging,
    /// Installments not fully paid.
    #[ts(type = "number")]
    pub open_installments: i64,
    /// Customers with anything overdue.
    #[ts(type = "number")]
    pub customers_overdue: i64,
}

/// One customer's receivables as of `today`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CustomerReceivables {
    pub today: String,
    /// The amounts of its contracts that are owed (signed, active or completed).
    #[ts(type = "number")]
    pub contracted: i64,
    #[ts(type = "number")]
    pub planned: i64,
    #[ts(type = "number")]
    pub received: i64,
    #[ts(type = "number")]
    pub outstanding: i64,
    #[ts(type = "number")]
    pub overdue: i64,
    pub aging: Aging,
}

/// The aging buckets, for filtering the list of open installments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum AgingBucket {
    NotDue,
    Days1To30,
    Days31To90,
    Over90,
    /// Every overdue installment.
    Overdue,
}

/// An installment still open, as the receivables list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OpenInstallment {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub contract_id: i64,
    pub contract_number: String,
    pub contract_title: String,
    #[ts(type = "number")]
    pub customer_id: i64,
    pub customer_name: String,
    pub due_on: String,
    #[ts(type = "number")]
    pub amount: i64,
    #[ts(type = "number")]
    pub received: i64,
    #[ts(type = "number")]
    pub outstanding: i64,
}

/// A page of open installments, oldest due first, optionally of one bucket or one customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct OpenInstallmentQuery {
    pub bucket: Option<AgingBucket>,
    #[ts(type = "number | null")]
    pub customer_id: Option<i64>,
    pub after: Option<String>,
    pub limit: u32,
}

impl Default for OpenInstallmentQuery {
    fn default() -> Self {
        OpenInstallmentQuery {
            bucket: None,
            customer_id: None,
            after: None,
            limit: 100,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OpenInstallmentPage {
    pub rows: Vec<OpenInstallment>,
    pub next_cursor: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_installment_needs_a_real_due_date_and_an_amount_above_zero() {
        let e = InstallmentInput {
            due_on: "2026-02-30".into(),
            amount: 100,
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.to_string(), "dueOn: format");
        let e = InstallmentInput {
            due_on: "2026-02-28".into(),
            amount: 0,
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.to_string(), "amount: not_positive");
    }

    #[test]
    fn a_receipt_date_written_the_chinese_way_is_stored_as_iso() {
        let r = ReceiptInput {
            received_on: "2026年3月5日".into(),
            amount: 50_000,
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(r.received_on, "2026-03-05");
        let e = ReceiptInput {
            received_on: "2026-03-05".into(),
            amount: -1,
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.to_string(), "amount: negative");
    }
}
