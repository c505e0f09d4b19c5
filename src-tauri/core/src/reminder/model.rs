//! What the Today view is made of: the kinds of reminder, one reminder, the view, and the query that asks
//! for it (with the user's windows: days ahead, dormant after, installments and contracts coming due).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a reminder is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, sqlx::Type)]
#[serde(rename_all = "camelCase")]
#[sqlx(rename_all = "camelCase")]
#[ts(export)]
pub enum ReminderKind {
    FollowUp,
    Birthday,
    KeepInTouch,
    Dormant,
    /// An installment of a payment plan coming due or overdue (the entity is the installment).
    InstallmentDue,
    /// A contract coming to its end date (the entity is the contract).
    ContractEnding,
}

/// One thing to do, on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Reminder {
    pub kind: ReminderKind,
    /// The customer (follow-ups, keeping in touch, dormant) or the contact (birthdays).
    #[ts(type = "number")]
    pub entity_id: i64,
    #[ts(type = "number")]
    pub customer_id: i64,
    pub name: String,
    /// The contact's customer for a birthday.
    pub detail: Option<String>,
    /// `YYYY-MM-DD`: the day it falls due (for a dormant customer, the day of the last contact).
    pub due: String,
    /// What is still owed on an installment (分).
    #[ts(type = "number | null")]
    pub amount: Option<i64>,
}

/// The Today view, each list at most [`LIST_LIMIT`] long, with how many there are in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TodayView {
    pub overdue: Vec<Reminder>,
    pub today: Vec<Reminder>,
    pub upcoming: Vec<Reminder>,
    pub dormant: Vec<Reminder>,
    /// Up to [`COUNT_CAP`]; the UI shows "10000+" beyond.
    #[ts(type = "number")]
    pub overdue_total: i64,
    #[ts(type = "number")]
    pub dormant_total: i64,
    /// Installments past due and not fully paid, the most recently late first.
    pub payments_overdue: Vec<Reminder>,
    #[ts(type = "number")]
    pub payments_overdue_total: i64,
    /// Installments due from today to `installment_days_before` days ahead.
    pub payments_due: Vec<Reminder>,
    /// Signed or active contracts ending from today to `contract_end_days_before` days ahead.
    pub contracts_ending: Vec<Reminder>,
}

/// Which day it is for the user, and the horizon of the view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TodayQuery {
    /// `YYYY-MM-DD` in the user's calendar.
    pub today: String,
    /// The user's offset from UTC in minutes (east positive), to turn stored times into days.
    #[serde(default)]
    pub utc_offset_minutes: i32,
    /// How many days ahead "upcoming" reaches.
    #[serde(default = "default_ahead")]
    pub ahead_days: u32,
    /// After how many days without a follow-up a customer counts as dormant.
    #[serde(default = "default_dormant")]
    pub dormant_days: u32,
    /// How many days ahead installments coming due are shown.
    #[serde(default = "default_installment_days")]
    pub installment_days_before: u32,
    /// How many days ahead contracts ending are shown.
    #[serde(default = "default_contract_end_days")]
    pub contract_end_days_before: u32,
}

impl TodayQuery {
    /// The view for `today` with the default horizons, for a user at `utc_offset_minutes`.
    pub fn on(today: impl Into<String>, utc_offset_minutes: i32) -> Self {
        TodayQuery {
            today: today.into(),
            utc_offset_minutes,
            ahead_days: default_ahead(),
            dormant_days: default_dormant(),
            installment_days_before: default_installment_days(),
            contract_end_days_before: default_contract_end_days(),
        }
    }
}

fn default_ahead() -> u32 {
    7
}
fn default_dormant() -> u32 {
    90
}
fn default_installment_days() -> u32 {
    7
}
fn default_contract_end_days() -> u32 {
    30
}

pub const LIST_LIMIT: i64 = 200;
pub const COUNT_CAP: i64 = 10_000;
