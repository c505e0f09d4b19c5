//! One data row of a customer import: the mapped cells as field texts, put onto a form's input (a blank
//! one to create, the stored customer's to update) and validated by the form's rules.

use std::collections::HashMap;

use super::grid::Raw;
use super::value::field_text;
use crate::contact::{ContactInput, ValidContact};
use crate::customer::CustomerInput;
use crate::error::{CoreError, Result};
use crate::field::{Mobile, Uscc};
use crate::sheet::Column;

/// A row of the file with what its mapped cells say.
#[derive(Debug, Clone)]
pub struct SheetRow {
    /// The row number in the sheet (1-based).
    pub number: u32,
    /// Where the row is in the grid it was read from.
    pub index: usize,
    /// The mapped, non-blank cells as field texts, or the first cell that cannot be its field's value.
    pub fields: Result<Vec<(&'static str, String)>, Refusal>,
}

impl SheetRow {
    pub fn read(
        number: u32,
        index: usize,
        raw: &[Raw],
        mapping: &[Option<&'static Column>],
    ) -> Self {
        let mut fields = Vec::new();
        for (i, column) in mapping.iter().enumerate() {
            let (Some(column), Some(cell)) = (column, raw.get(i)) else {
                continue;
            };
            match field_text(column, cell) {
                Ok(Some(text)) => fields.push((column.key, text)),
                Ok(None) => {}
                Err(e) => {
                    return SheetRow {
                        number,
                        index,
                        fields: Err(Refusal::of(&e)),
                    }
                }
            }
        }
        SheetRow {
            number,
            index,
            fields: Ok(fields),
        }
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .as_ref()
            .ok()?
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    /// A required amount in 分 (the cell was read as money already).
    pub fn fen(&self, key: &'static str) -> Result<i64> {
        let text = self.get(key).ok_or(CoreError::invalid(key, "required"))?;
        text.parse().map_err(|_| CoreError::invalid(key, "format"))
    }

    /// A fixed value (状态, 回款方式 …), or none when the cell is empty.
    pub fn choice<T: serde::de::DeserializeOwned>(&self, key: &'static str) -> Result<Option<T>> {
        self.get(key).map(|k| choice(key, k)).transpose()
    }
}

/// Why a row is refused, as the report and the error workbook name it: the field at fault (none for the
/// row as a whole) and the reason key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub field: Option<String>,
    pub reason: String,
}

impl Refusal {
    /// A refusal of `field` (empty: the whole row) for `reason`.
    pub fn new(field: &str, reason: &str) -> Self {
        Refusal {
            field: Some(field.to_string()).filter(|f| !f.is_empty()),
            reason: reason.to_string(),
        }
    }

    /// The refusal for a rule the row broke.
    pub fn of(e: &CoreError) -> Self {
        match e {
            CoreError::Validation { field, reason } => Refusal::new(field, reason),
            other => Refusal::new("", other.reason().unwrap_or("invalid")),
        }
    }
}

/// Puts one field's text on a customer input. Contact fields are left for [`contact_of`].
pub fn apply(input: &mut CustomerInput, key: &str, text: &str) -> Result<()> {
    let some = || Some(text.to_string());
    match key {
        "name" => input.name = text.to_string(),
        "kind" => input.kind = choice("kind", text)?,
        "status" => input.status = choice("status", text)?,
        "level" => input.level = Some(choice("level", text)?),
        "uscc" => input.uscc = some(),
        "industry" => input.industry = some(),
        "source" => input.source = some(),
        "province" => input.province = some(),
        "city" => input.city = some(),
        "district" => input.district = some(),
        "address" => input.address = some(),
        "phone" => input.phone = some(),
        "mobile" => input.mobile = some(),
        "email" => input.email = some(),
        "website" => input.website = some(),
        "tags" => {
            input.tags = text
                .split([',', '，', ';', '；', '、', '|'])
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect()
        }
        "notes" => input.notes = some(),
        "invoiceTitle" => input.invoice_title = some(),
        "taxNumber" => input.tax_number = some(),
        "bankName" => input.bank_name = some(),
        "bankAccount" => input.bank_account = some(),
        "touchEveryDays" => {
            input.touch_every_days = Some(
                text.parse()
                    .map_err(|_| CoreError::invalid("touchEveryDays", "format"))?,
            )
        }
        "preference" => {
            input.preference = Some(
                text.parse()
                    .map_err(|_| CoreError::invalid("preference", "format"))?,
            )
        }
        _ => {}
    }
    Ok(())
}

/// A fixed value from its stored key (the cell's word was turned into the key already).
pub(super) fn choice<T: serde::de::DeserializeOwned>(field: &'static str, key: &str) -> Result<T> {
    serde_json::from_value(serde_json::Value::String(key.to_string()))
        .map_err(|_| CoreError::invalid(field, "unknown_choice"))
}

/// The row's fields on `base`.
pub fn customer_input(
    base: CustomerInput,
    fields: &[(&'static str, String)],
) -> Result<CustomerInput> {
    let mut input = base;
    for (k, v) in fields {
        apply(&mut input, k, v)?;
    }
    Ok(input)
}

/// The contact a customer row brings (its first contact's columns), validated; none without a name.
pub fn contact_of(fields: &[(&'static str, String)]) -> Result<Option<ValidContact>> {
    let get: HashMap<&str, &String> = fields.iter().map(|(k, v)| (*k, v)).collect();
    let Some(name) = get.get("contactName") else {
        return Ok(None);
    };
    let input = ContactInput {
        name: name.to_string(),
        title: get.get("contactTitle").map(|s| s.to_string()),
        mobile: get.get("contactMobile").map(|s| s.to_string()),
        email: get.get("contactEmail").map(|s| s.to_string()),
        is_primary: true,
        ..Default::default()
    };
    input.validate().map(Some).map_err(|e| match e {
        // The contact's own fields are reported under the import's column keys.
        CoreError::Validation { field, reason } => CoreError::invalid(contact_field(field), reason),
        other => other,
    })
}

fn contact_field(field: &'static str) -> &'static str {
    match field {
        "name" => "contactName",
        "title" => "contactTitle",
        "mobile" => "contactMobile",
        "email" => "contactEmail",
        other => other,
    }
}

/// The row's value of each key, in the form the store keeps (so 9111… and 9111… typed in lower case meet).
pub fn key_values(row: &SheetRow) -> Result<(Option<String>, Option<String>, Option<String>)> {
    let uscc = row
        .get("uscc")
        .map(|u| Uscc::parse(u).map(Uscc::into_string))
        .transpose()?;
    let name = row
        .get("name")
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    let mobile = row
        .get("mobile")
        .map(|m| Mobile::parse(m).map(Mobile::into_string))
        .transpose()?;
    Ok((uscc, name, mobile))
}
