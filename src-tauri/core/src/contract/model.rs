//! What a contract (合同) and its lines are, what the form sends, and the rules they pass.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::field::{self, line, line_amount, Day, Discount, Quantity, Text};

/// 草稿 / 已签订 / 执行中 / 已完成 / 已终止.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS, sqlx::Type,
)]
#[serde(rename_all = "camelCase")]
#[sqlx(rename_all = "lowercase")]
#[ts(export)]
pub enum ContractStatus {
    #[default]
    Draft,
    Signed,
    Active,
    Completed,
    Terminated,
}

impl ContractStatus {
    /// Whether the customer owes its payment plan: signed, being carried out, or done.
    pub fn is_owed(self) -> bool {
        matches!(
            self,
            ContractStatus::Signed | ContractStatus::Active | ContractStatus::Completed
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ContractStatus::Draft => "draft",
            ContractStatus::Signed => "signed",
            ContractStatus::Active => "active",
            ContractStatus::Completed => "completed",
            ContractStatus::Terminated => "terminated",
        }
    }
}

/// One line of a contract as stored. `quantity` is in units (up to three decimals), `discountPercent`
/// 0–100; money in 分.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContractLine {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number | null")]
    pub product_id: Option<i64>,
    pub description: String,
    pub unit: Option<String>,
    pub quantity: f64,
    #[ts(type = "number")]
    pub unit_price: i64,
    pub discount_percent: f64,
    #[ts(type = "number")]
    pub amount: i64,
}

/// What the contract has planned and received, what is still owed of it (its amount less what came in),
/// and how much of its plan is overdue, as of today (分).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContractMoney {
    #[ts(type = "number")]
    pub planned: i64,
    #[ts(type = "number")]
    pub received: i64,
    #[ts(type = "number")]
    pub outstanding: i64,
    #[ts(type = "number")]
    pub overdue: i64,
}

/// A stored contract with its lines and money.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Contract {
    #[ts(type = "number")]
    pub id: i64,
    pub number: String,
    pub title: String,
    #[ts(type = "number")]
    pub customer_id: i64,
    pub customer_name: String,
    #[ts(type = "number | null")]
    pub contact_id: Option<i64>,
    pub contact_name: Option<String>,
    #[ts(type = "number")]
    pub amount: i64,
    pub currency: String,
    pub signed_on: Option<String>,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub status: ContractStatus,
    pub payment_terms: Option<String>,
    pub notes: Option<String>,
    pub lines: Vec<ContractLine>,
    pub money: ContractMoney,
    #[ts(type = "number")]
    pub created_at: i64,
    #[ts(type = "number")]
    pub updated_at: i64,
    #[ts(type = "number | null")]
    pub deleted_at: Option<i64>,
}

/// A contract as a list shows it: no lines, with its money.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContractRow {
    #[ts(type = "number")]
    pub id: i64,
    pub number: String,
    pub title: String,
    #[ts(type = "number")]
    pub customer_id: i64,
    pub customer_name: String,
    #[ts(type = "number")]
    pub amount: i64,
    pub signed_on: Option<String>,
    pub ends_on: Option<String>,
    pub status: ContractStatus,
    pub money: ContractMoney,
    #[ts(type = "number")]
    pub updated_at: i64,
    #[ts(type = "number | null")]
    pub deleted_at: Option<i64>,
}

/// One line as the form sends it. Without a product the description is required.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ContractLineInput {
    #[ts(type = "number | null")]
    pub product_id: Option<i64>,
    pub description: Option<String>,
    pub quantity: f64,
    #[ts(type = "number")]
    pub unit_price: i64,
    pub discount_percent: f64,
}

/// What the contract form sends, unvalidated. An empty number is made from the numbering rule; `amount`
/// counts only when there are no lines.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ContractInput {
    pub number: Option<String>,
    pub title: String,
    #[ts(type = "number")]
    pub customer_id: i64,
    #[ts(type = "number | null")]
    pub contact_id: Option<i64>,
    #[ts(type = "number | null")]
    pub amount: Option<i64>,
    pub signed_on: Option<String>,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub status: ContractStatus,
    pub payment_terms: Option<String>,
    pub notes: Option<String>,
    pub lines: Vec<ContractLineInput>,
}

/// A line that passed the rules, its amount computed. An empty description is filled from the product.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidLine {
    pub product_id: Option<i64>,
    pub description: Option<String>,
    pub quantity: Quantity,
    pub unit_price: i64,
    pub discount: Discount,
    pub amount: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidContract {
    pub number: Option<String>,
    pub title: String,
    pub customer_id: i64,
    pub contact_id: Option<i64>,
    pub amount: i64,
    pub signed_on: Option<String>,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub status: ContractStatus,
    pub payment_terms: Option<String>,
    pub notes: Option<String>,
    pub lines: Vec<ValidLine>,
}

/// The most lines one contract holds.
pub const MAX_LINES: usize = 500;

impl ContractLineInput {
    pub fn validate(&self) -> Result<ValidLine> {
        let description = line("lineDescription", 200, &self.description)?;
        if description.is_none() && self.product_id.is_none() {
            return Err(CoreError::invalid("lineDescription", "required"));
        }
        let quantity = Quantity::parse("lineQuantity", self.quantity)?;
        let unit_price = field::money("lineUnitPrice", self.unit_price)?;
        let discount = Discount::parse("lineDiscount", self.discount_percent)?;
        Ok(ValidLine {
            product_id: self.product_id,
            description,
            quantity,
            unit_price,
            discount,
            amount: line_amount("lineAmount", quantity, unit_price, discount)?,
        })
    }
}

impl ContractInput {
    pub fn validate(&self) -> Result<ValidContract> {
        let day = |field: &'static str, raw: &Option<String>| {
            field::parsed(raw, |d| Day::parse(field, d), Day::to_text)
        };
        let starts_on = day("startsOn", &self.starts_on)?;
        let ends_on = day("endsOn", &self.ends_on)?;
        if let (Some(s), Some(e)) = (&starts_on, &ends_on) {
            if e < s {
                return Err(CoreError::invalid("endsOn", "before_start"));
            }
        }
        if self.lines.len() > MAX_LINES {
            return Err(CoreError::invalid("lines", "too_many"));
        }
        let lines = self
            .lines
            .iter()
            .map(ContractLineInput::validate)
            .collect::<Result<Vec<_>>>()?;
        let amount = if lines.is_empty() {
            field::money("amount", self.amount.unwrap_or(0))?
        } else {
            field::money("amount", lines.iter().map(|l| l.amount).sum())?
        };
        let number = line("number", 50, &self.number)?.map(|n| field::half_width(&n));
        if self.customer_id <= 0 {
            return Err(CoreError::invalid("customerId", "required"));
        }
        Ok(ValidContract {
            number,
            title: field::required_text(Text::line("title", 200), &self.title)?,
            customer_id: self.customer_id,
            contact_id: self.contact_id,
            amount,
            signed_on: day("signedOn", &self.signed_on)?,
            starts_on,
            ends_on,
            status: self.status,
            payment_terms: field::optional_text(
                Text::block("paymentTerms", 2000),
                self.payment_terms.as_deref(),
            )?,
            notes: field::optional_text(Text::block("notes", 5000), self.notes.as_deref())?,
            lines,
        })
    }
}

impl From<&Contract> for ContractInput {
    fn from(c: &Contract) -> Self {
        ContractInput {
            number: Some(c.number.clone()),
            title: c.title.clone(),
            customer_id: c.customer_id,
            contact_id: c.contact_id,
            amount: Some(c.amount),
            signed_on: c.signed_on.clone(),
            starts_on: c.starts_on.clone(),
            ends_on: c.ends_on.clone(),
            status: c.status,
            payment_terms: c.payment_terms.clone(),
            notes: c.notes.clone(),
            lines: c
                .lines
                .iter()
                .map(|l| ContractLineInput {
                    product_id: l.product_id,
                    description: Some(l.description.clone()),
                    quantity: l.quantity,
                    unit_price: l.unit_price,
                    discount_percent: l.discount_percent,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_lines() -> ContractInput {
        ContractInput {
            title: "年度服务合同".into(),
            customer_id: 1,
            amount: Some(1),
            lines: vec![
                ContractLineInput {
                    description: Some("云服务器".into()),
                    quantity: 2.0,
                    unit_price: 150_000,
                    discount_percent: 10.0,
                    ..Default::default()
                },
                ContractLineInput {
                    description: Some("安装调试".into()),
                    quantity: 1.0,
                    unit_price: 50_000,
                    ..Default::default()
                },
            ],
            ..Default::default()
        }
    }

    #[test]
    fn the_amount_of_a_contract_with_lines_is_the_sum_of_its_lines() {
        let c = two_lines().validate().unwrap();
        assert_eq!(c.lines[0].amount, 270_000, "2 × ¥1,500 at 10% off");
        assert_eq!(
            c.amount, 320_000,
            "the entered amount is ignored when there are lines"
        );
    }

    #[test]
    fn a_contract_without_lines_keeps_the_amount_entered() {
        let c = ContractInput {
            lines: vec![],
            amount: Some(888_800),
            ..two_lines()
        }
        .validate()
        .unwrap();
        assert_eq!(c.amount, 888_800);
    }

    #[test]
    fn an_end_before_the_start_is_refused() {
        let e = ContractInput {
            starts_on: Some("2026-12-01".into()),
            ends_on: Some("2026-11-30".into()),
            ..two_lines()
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.to_string(), "endsOn: before_start");
    }

    #[test]
    fn bad_lines_are_refused_with_the_field_that_is_wrong() {
        let mut c = two_lines();
        c.lines[1].quantity = 0.0;
        assert_eq!(
            c.validate().unwrap_err().to_string(),
            "lineQuantity: not_positive"
        );
        let mut c = two_lines();
        c.lines[1].unit_price = -1;
        assert_eq!(
            c.validate().unwrap_err().to_string(),
            "lineUnitPrice: negative"
        );
        let mut c = two_lines();
        c.lines[0].discount_percent = 120.0;
        assert_eq!(
            c.validate().unwrap_err().to_string(),
            "lineDiscount: over_100"
        );
        let mut c = two_lines();
        c.lines[0].description = None;
        assert_eq!(
            c.validate().unwrap_err().to_string(),
            "lineDescription: required",
            "a line names a product or says what it is"
        );
    }
}
