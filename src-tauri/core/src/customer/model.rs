//! What a customer is, what the UI sends to make one, and the validated form the store accepts.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::field::{
    self, line, parsed, BankAccount, Email, Mobile, Phone, TaxNumber, Text, Uscc, Website,
};

/// Company (企业) or individual (个人).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS, sqlx::Type)]
#[serde(rename_all = "camelCase")]
#[sqlx(rename_all = "lowercase")]
#[ts(export)]
pub enum CustomerKind {
    #[default]
    Company,
    Individual,
}

/// Lifecycle status: 潜在 potential, 意向 intent, 成交 deal, 流失 lost.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS, sqlx::Type)]
#[serde(rename_all = "camelCase")]
#[sqlx(rename_all = "lowercase")]
#[ts(export)]
pub enum LifecycleStatus {
    #[default]
    Potential,
    Intent,
    Deal,
    Lost,
}

/// Customer level: A 重要, B 普通, C 一般.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, sqlx::Type)]
#[serde(rename_all = "camelCase")]
#[sqlx(rename_all = "lowercase")]
#[ts(export)]
pub enum CustomerLevel {
    A,
    B,
    C,
}

impl LifecycleStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            LifecycleStatus::Potential => "potential",
            LifecycleStatus::Intent => "intent",
            LifecycleStatus::Deal => "deal",
            LifecycleStatus::Lost => "lost",
        }
    }
}

impl CustomerLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            CustomerLevel::A => "a",
            CustomerLevel::B => "b",
            CustomerLevel::C => "c",
        }
    }
}

impl CustomerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CustomerKind::Company => "company",
            CustomerKind::Individual => "individual",
        }
    }
}

/// A stored customer as the UI shows it. Times are epoch milliseconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Customer {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub kind: CustomerKind,
    pub uscc: Option<String>,
    pub industry: Option<String>,
    pub source: Option<String>,
    pub province: Option<String>,
    pub city: Option<String>,
    pub district: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub mobile: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub level: Option<CustomerLevel>,
    pub status: LifecycleStatus,
    pub tags: Vec<String>,
    pub notes: Option<String>,
    pub invoice_title: Option<String>,
    pub tax_number: Option<String>,
    pub bank_name: Option<String>,
    pub bank_account: Option<String>,
    /// "Stay in touch every N days".
    #[ts(type = "number | null")]
    pub touch_every_days: Option<i64>,
    /// 偏好: how much the customer prefers us, 1–5, where no follow-up recorded a 满意度 (loyalty matrix).
    #[ts(type = "number | null")]
    pub preference: Option<i64>,
    /// 下次跟进时间 (`YYYY-MM-DD`), set by the latest follow-up.
    pub next_follow_up: Option<String>,
    #[ts(type = "number | null")]
    pub last_follow_up_at: Option<i64>,
    #[ts(type = "number")]
    pub created_at: i64,
    #[ts(type = "number")]
    pub updated_at: i64,
    #[ts(type = "number | null")]
    pub deleted_at: Option<i64>,
}

/// What the form sends to create or edit a customer, unvalidated.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CustomerInput {
    pub name: String,
    #[serde(default)]
    pub kind: CustomerKind,
    pub uscc: Option<String>,
    pub industry: Option<String>,
    pub source: Option<String>,
    pub province: Option<String>,
    pub city: Option<String>,
    pub district: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub mobile: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub level: Option<CustomerLevel>,
    #[serde(default)]
    pub status: LifecycleStatus,
    #[serde(default)]
    pub tags: Vec<String>,
    pub notes: Option<String>,
    pub invoice_title: Option<String>,
    pub tax_number: Option<String>,
    pub bank_name: Option<String>,
    pub bank_account: Option<String>,
    #[ts(type = "number | null")]
    pub touch_every_days: Option<i64>,
    /// 偏好 1–5.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub preference: Option<i64>,
}

/// A customer whose every field passed the rules; the only form the store writes.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidCustomer {
    pub name: String,
    pub kind: CustomerKind,
    pub uscc: Option<String>,
    pub industry: Option<String>,
    pub source: Option<String>,
    pub province: Option<String>,
    pub city: Option<String>,
    pub district: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub mobile: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub level: Option<CustomerLevel>,
    pub status: LifecycleStatus,
    pub tags: Vec<String>,
    pub notes: Option<String>,
    pub invoice_title: Option<String>,
    pub tax_number: Option<String>,
    pub bank_name: Option<String>,
    pub bank_account: Option<String>,
    pub touch_every_days: Option<i64>,
    pub preference: Option<i64>,
}

impl From<&Customer> for ValidCustomer {
    /// A stored customer passed the rules when it was saved; this is its validated form again.
    fn from(c: &Customer) -> Self {
        ValidCustomer {
            name: c.name.clone(),
            kind: c.kind,
            uscc: c.uscc.clone(),
            industry: c.industry.clone(),
            source: c.source.clone(),
            province: c.province.clone(),
            city: c.city.clone(),
            district: c.district.clone(),
            address: c.address.clone(),
            phone: c.phone.clone(),
            mobile: c.mobile.clone(),
            email: c.email.clone(),
            website: c.website.clone(),
            level: c.level,
            status: c.status,
            tags: c.tags.clone(),
            notes: c.notes.clone(),
            invoice_title: c.invoice_title.clone(),
            tax_number: c.tax_number.clone(),
            bank_name: c.bank_name.clone(),
            bank_account: c.bank_account.clone(),
            touch_every_days: c.touch_every_days,
            preference: c.preference,
        }
    }
}

impl From<&ValidCustomer> for CustomerInput {
    /// The input that validates to this customer again (demo data checked against the form's rules; imports).
    fn from(c: &ValidCustomer) -> Self {
        CustomerInput {
            name: c.name.clone(),
            kind: c.kind,
            uscc: c.uscc.clone(),
            industry: c.industry.clone(),
            source: c.source.clone(),
            province: c.province.clone(),
            city: c.city.clone(),
            district: c.district.clone(),
            address: c.address.clone(),
            phone: c.phone.clone(),
            mobile: c.mobile.clone(),
            email: c.email.clone(),
            website: c.website.clone(),
            level: c.level,
            status: c.status,
            tags: c.tags.clone(),
            notes: c.notes.clone(),
            invoice_title: c.invoice_title.clone(),
            tax_number: c.tax_number.clone(),
            bank_name: c.bank_name.clone(),
            bank_account: c.bank_account.clone(),
            touch_every_days: c.touch_every_days,
            preference: c.preference,
        }
    }
}

impl CustomerInput {
    /// Checks every field with the same rules the form, the import and crmctl use.
    pub fn validate(&self) -> Result<ValidCustomer> {
        Ok(ValidCustomer {
            name: field::required_text(Text::line("name", 200), &self.name)?,
            kind: self.kind,
            uscc: parsed(&self.uscc, Uscc::parse, Uscc::into_string)?,
            industry: line("industry", 50, &self.industry)?,
            source: line("source", 50, &self.source)?,
            province: line("province", 50, &self.province)?,
            city: line("city", 50, &self.city)?,
            district: line("district", 50, &self.district)?,
            address: line("address", 500, &self.address)?,
            phone: parsed(&self.phone, Phone::parse, Phone::into_string)?,
            mobile: parsed(&self.mobile, Mobile::parse, Mobile::into_string)?,
            email: parsed(&self.email, Email::parse, Email::into_string)?,
            website: parsed(&self.website, Website::parse, Website::into_string)?,
            level: self.level,
            status: self.status,
            tags: field::tags(&self.tags)?,
            notes: field::optional_text(Text::block("notes", 10_000), self.notes.as_deref())?,
            invoice_title: line("invoiceTitle", 200, &self.invoice_title)?,
            tax_number: parsed(&self.tax_number, TaxNumber::parse, TaxNumber::into_string)?,
            bank_name: line("bankName", 100, &self.bank_name)?,
            bank_account: parsed(
                &self.bank_account,
                BankAccount::parse,
                BankAccount::into_string,
            )?,
            touch_every_days: match self.touch_every_days {
                Some(n) if !(1..=3650).contains(&n) => {
                    return Err(CoreError::invalid("touchEveryDays", "range"))
                }
                n => n,
            },
            preference: field::rating("preference", self.preference)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str) -> CustomerInput {
        CustomerInput {
            name: name.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_customer_with_only_a_name_is_a_potential_company() {
        let v = input("北京华远科技有限公司").validate().unwrap();
        assert_eq!(
            (v.kind, v.status),
            (CustomerKind::Company, LifecycleStatus::Potential)
        );
    }

    #[test]
    fn blank_optional_fields_are_stored_as_absent() {
        let v = CustomerInput {
            email: Some("  ".into()),
            uscc: Some("".into()),
            ..input("华远")
        }
        .validate()
        .unwrap();
        assert_eq!((v.email, v.uscc), (None, None));
    }

    #[test]
    fn the_first_invalid_field_is_named_in_the_error() {
        let e = CustomerInput {
            uscc: Some("91110108551385082A".into()),
            ..input("华远")
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.to_string(), "uscc: checksum");
        let e = CustomerInput {
            email: Some("nope".into()),
            ..input("华远")
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.to_string(), "email: format");
    }
}
