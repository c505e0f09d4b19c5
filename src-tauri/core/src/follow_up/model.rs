//! What a follow-up (跟进记录) is and what the form sends.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::field::{self, line, Day, Text};

/// How the customer was reached: 电话 / 拜访 / 微信 / 邮件 / 会议 / 其他.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS, sqlx::Type)]
#[serde(rename_all = "camelCase")]
#[sqlx(rename_all = "lowercase")]
#[ts(export)]
pub enum FollowUpKind {
    #[default]
    Call,
    Visit,
    Wechat,
    Email,
    Meeting,
    Other,
}

/// A stored follow-up, with the name of the contact spoken to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, sqlx::FromRow)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FollowUp {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub customer_id: i64,
    #[ts(type = "number | null")]
    pub contact_id: Option<i64>,
    pub contact_name: Option<String>,
    pub kind: FollowUpKind,
    #[ts(type = "number")]
    pub happened_at: i64,
    pub content: String,
    pub outcome: Option<String>,
    /// `YYYY-MM-DD`: the next follow-up it asks for.
    pub next_date: Option<String>,
    /// 满意度: how satisfied the customer said it was, 1–5.
    #[ts(type = "number | null")]
    pub satisfaction: Option<i64>,
    #[ts(type = "number")]
    pub created_at: i64,
    #[ts(type = "number")]
    pub updated_at: i64,
    #[ts(type = "number | null")]
    pub deleted_at: Option<i64>,
}

/// What the form sends, unvalidated.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FollowUpInput {
    #[serde(default)]
    pub kind: FollowUpKind,
    /// Epoch milliseconds; the time of saving when absent.
    #[ts(type = "number | null")]
    pub happened_at: Option<i64>,
    #[ts(type = "number | null")]
    pub contact_id: Option<i64>,
    pub content: String,
    pub outcome: Option<String>,
    pub next_date: Option<String>,
    /// 满意度 1–5.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub satisfaction: Option<i64>,
}

/// A follow-up whose fields passed the rules.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidFollowUp {
    pub kind: FollowUpKind,
    pub happened_at: Option<i64>,
    pub contact_id: Option<i64>,
    pub content: String,
    pub outcome: Option<String>,
    pub next_date: Option<String>,
    pub satisfaction: Option<i64>,
}

impl FollowUpInput {
    pub fn validate(&self) -> Result<ValidFollowUp> {
        Ok(ValidFollowUp {
            kind: self.kind,
            happened_at: self.happened_at,
            contact_id: self.contact_id,
            content: field::required_text(Text::block("content", 10_000), &self.content)?,
            outcome: line("outcome", 500, &self.outcome)?,
            next_date: field::parsed(&self.next_date, |d| Day::parse("nextDate", d), Day::to_text)?,
            satisfaction: field::rating("satisfaction", self.satisfaction)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_follow_up_needs_content_and_a_real_next_date() {
        let e = FollowUpInput::default().validate().unwrap_err();
        assert_eq!(e.to_string(), "content: required");
        let e = FollowUpInput {
            content: "电话沟通".into(),
            next_date: Some("2026-13-01".into()),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.to_string(), "nextDate: format");
        let ok = FollowUpInput {
            content: "电话沟通".into(),
            next_date: Some("2026/12/1".into()),
            ..Default::default()
        };
        assert_eq!(
            ok.validate().unwrap().next_date.as_deref(),
            Some("2026-12-01")
        );
    }
}
