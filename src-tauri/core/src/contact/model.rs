//! What a contact (联系人) is, what the form sends, and the validated form the store writes.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::field::{self, line, parsed, Birthday, Email, Mobile, Phone, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, sqlx::Type)]
#[serde(rename_all = "camelCase")]
#[sqlx(rename_all = "lowercase")]
#[ts(export)]
pub enum Gender {
    Male,
    Female,
}

/// A stored contact as the UI shows it. Times are epoch milliseconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Contact {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub customer_id: i64,
    pub name: String,
    pub title: Option<String>,
    pub department: Option<String>,
    pub mobile: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub wechat: Option<String>,
    /// `YYYY-MM-DD`, or `--MM-DD` without the year.
    pub birthday: Option<String>,
    pub birthday_lunar: bool,
    pub gender: Option<Gender>,
    pub notes: Option<String>,
    pub is_primary: bool,
    #[ts(type = "number")]
    pub created_at: i64,
    #[ts(type = "number")]
    pub updated_at: i64,
    #[ts(type = "number | null")]
    pub deleted_at: Option<i64>,
}

/// What the form sends to create or edit a contact, unvalidated.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContactInput {
    pub name: String,
    pub title: Option<String>,
    pub department: Option<String>,
    pub mobile: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub wechat: Option<String>,
    pub birthday: Option<String>,
    #[serde(default)]
    pub birthday_lunar: bool,
    pub gender: Option<Gender>,
    pub notes: Option<String>,
    #[serde(default)]
    pub is_primary: bool,
}

/// A contact whose every field passed the rules; the only form the store writes.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidContact {
    pub name: String,
    pub title: Option<String>,
    pub department: Option<String>,
    pub mobile: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub wechat: Option<String>,
    pub birthday: Option<String>,
    pub birthday_lunar: bool,
    pub gender: Option<Gender>,
    pub notes: Option<String>,
    pub is_primary: bool,
}

impl Gender {
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }
}

impl From<&Contact> for ValidContact {
    /// A stored contact passed the rules when it was saved; this is its validated form again.
    fn from(c: &Contact) -> Self {
        ValidContact {
            name: c.name.clone(),
            title: c.title.clone(),
            department: c.department.clone(),
            mobile: c.mobile.clone(),
            phone: c.phone.clone(),
            email: c.email.clone(),
            wechat: c.wechat.clone(),
            birthday: c.birthday.clone(),
            birthday_lunar: c.birthday_lunar,
            gender: c.gender,
            notes: c.notes.clone(),
            is_primary: c.is_primary,
        }
    }
}

impl From<&ValidContact> for ContactInput {
    /// The input that validates to this contact again (imports lay a row's cells over it).
    fn from(c: &ValidContact) -> Self {
        ContactInput {
            name: c.name.clone(),
            title: c.title.clone(),
            department: c.department.clone(),
            mobile: c.mobile.clone(),
            phone: c.phone.clone(),
            email: c.email.clone(),
            wechat: c.wechat.clone(),
            birthday: c.birthday.clone(),
            birthday_lunar: c.birthday_lunar,
            gender: c.gender,
            notes: c.notes.clone(),
            is_primary: c.is_primary,
        }
    }
}

impl ContactInput {
    /// Checks every field with the same rules the form, the import and crmctl use.
    pub fn validate(&self) -> Result<ValidContact> {
        let lunar = self.birthday_lunar;
        Ok(ValidContact {
            name: field::required_text(Text::line("name", 100), &self.name)?,
            title: line("title", 50, &self.title)?,
            department: line("department", 50, &self.department)?,
            mobile: parsed(&self.mobile, Mobile::parse, Mobile::into_string)?,
            phone: parsed(&self.phone, Phone::parse, Phone::into_string)?,
            email: parsed(&self.email, Email::parse, Email::into_string)?,
            wechat: line("wechat", 50, &self.wechat)?,
            birthday: parsed(
                &self.birthday,
                |b| Birthday::parse(b, lunar),
                Birthday::into_string,
            )?,
            birthday_lunar: lunar
                && self
                    .birthday
                    .as_deref()
                    .is_some_and(|b| !b.trim().is_empty()),
            gender: self.gender,
            notes: field::optional_text(Text::block("notes", 10_000), self.notes.as_deref())?,
            is_primary: self.is_primary,
        })
    }
}

/// The fields of a contact as named text, for the history.
pub(crate) fn fields_of(c: &ValidContact) -> Vec<(&'static str, Option<String>)> {
    vec![
        ("name", Some(c.name.clone())),
        ("title", c.title.clone()),
        ("department", c.department.clone()),
        ("mobile", c.mobile.clone()),
        ("phone", c.phone.clone()),
        ("email", c.email.clone()),
        ("wechat", c.wechat.clone()),
        ("birthday", c.birthday.clone()),
        ("birthdayLunar", Some(c.birthday_lunar.to_string())),
        ("gender", c.gender.map(|g| g.as_str().into())),
        ("notes", c.notes.clone()),
        ("isPrimary", Some(c.is_primary.to_string())),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contact_needs_a_name_and_valid_numbers() {
        assert_eq!(
            ContactInput::default().validate().unwrap_err().to_string(),
            "name: required"
        );
        let bad = ContactInput {
            name: "张三".into(),
            mobile: Some("12345".into()),
            ..Default::default()
        };
        assert_eq!(bad.validate().unwrap_err().to_string(), "mobile: format");
    }

    #[test]
    fn a_lunar_flag_without_a_birthday_is_dropped() {
        let c = ContactInput {
            name: "张三".into(),
            birthday_lunar: true,
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert!(!c.birthday_lunar);
    }
}
