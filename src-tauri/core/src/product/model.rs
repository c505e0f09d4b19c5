//! What a product is, what its form sends, and what a product list asks for.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::field::{self, line, Text};

/// A stored product. Prices are 分.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Product {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub code: Option<String>,
    pub unit: Option<String>,
    pub category: Option<String>,
    #[ts(type = "number")]
    pub list_price: i64,
    #[ts(type = "number | null")]
    pub cost: Option<i64>,
    pub active: bool,
    pub notes: Option<String>,
    #[ts(type = "number")]
    pub created_at: i64,
    #[ts(type = "number")]
    pub updated_at: i64,
    #[ts(type = "number | null")]
    pub deleted_at: Option<i64>,
}

/// What the form sends, unvalidated. Prices in 分.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ProductInput {
    pub name: String,
    pub code: Option<String>,
    pub unit: Option<String>,
    pub category: Option<String>,
    #[ts(type = "number")]
    pub list_price: i64,
    #[ts(type = "number | null")]
    pub cost: Option<i64>,
    pub active: bool,
    pub notes: Option<String>,
}

impl Default for ProductInput {
    fn default() -> Self {
        ProductInput {
            name: String::new(),
            code: None,
            unit: None,
            category: None,
            list_price: 0,
            cost: None,
            active: true,
            notes: None,
        }
    }
}

/// A product whose fields passed the rules.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidProduct {
    pub name: String,
    pub code: Option<String>,
    pub unit: Option<String>,
    pub category: Option<String>,
    pub list_price: i64,
    pub cost: Option<i64>,
    pub active: bool,
    pub notes: Option<String>,
}

impl ProductInput {
    pub fn validate(&self) -> Result<ValidProduct> {
        let code = line("code", 50, &self.code)?.map(|c| field::half_width(&c));
        Ok(ValidProduct {
            name: field::required_text(Text::line("name", 200), &self.name)?,
            code,
            unit: line("unit", 20, &self.unit)?,
            category: line("category", 50, &self.category)?,
            list_price: field::money("listPrice", self.list_price)?,
            cost: self.cost.map(|c| field::money("cost", c)).transpose()?,
            active: self.active,
            notes: field::optional_text(Text::block("notes", 5000), self.notes.as_deref())?,
        })
    }
}

impl From<&Product> for ValidProduct {
    /// A stored product was valid when it was saved.
    fn from(p: &Product) -> Self {
        ValidProduct {
            name: p.name.clone(),
            code: p.code.clone(),
            unit: p.unit.clone(),
            category: p.category.clone(),
            list_price: p.list_price,
            cost: p.cost,
            active: p.active,
            notes: p.notes.clone(),
        }
    }
}

impl From<&ValidProduct> for ProductInput {
    fn from(p: &ValidProduct) -> Self {
        ProductInput {
            name: p.name.clone(),
            code: p.code.clone(),
            unit: p.unit.clone(),
            category: p.category.clone(),
            list_price: p.list_price,
            cost: p.cost,
            active: p.active,
            notes: p.notes.clone(),
        }
    }
}

impl From<&Product> for ProductInput {
    fn from(p: &Product) -> Self {
        ProductInput::from(&ValidProduct::from(p))
    }
}

/// One page of products, by name. `text` narrows to names or codes containing it (the contract form's
/// product picker); a catalogue is small, so that filter reads the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ProductQuery {
    pub text: Option<String>,
    pub active_only: bool,
    pub trashed: bool,
    pub after: Option<String>,
    pub limit: u32,
}

impl Default for ProductQuery {
    fn default() -> Self {
        ProductQuery {
            text: None,
            active_only: false,
            trashed: false,
            after: None,
            limit: 100,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProductPage {
    pub rows: Vec<Product>,
    pub next_cursor: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_product_needs_a_name_and_prices_that_are_not_negative() {
        let e = ProductInput::default().validate().unwrap_err();
        assert_eq!(e.to_string(), "name: required");
        let e = ProductInput {
            name: "云服务器".into(),
            list_price: -100,
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.to_string(), "listPrice: negative");
        let e = ProductInput {
            name: "云服务器".into(),
            cost: Some(-1),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.to_string(), "cost: negative");
    }

    #[test]
    fn a_full_width_code_is_stored_half_width() {
        let p = ProductInput {
            name: "打印纸".into(),
            code: Some("ＰＺ－００１".into()),
            ..Default::default()
        };
        assert_eq!(p.validate().unwrap().code.as_deref(), Some("PZ-001"));
    }
}
