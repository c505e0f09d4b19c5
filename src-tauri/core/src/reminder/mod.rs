//! Reminders (提醒) and the Today view (今日). No UI, no tauri.

mod birthday_days;
mod model;
mod money;
mod today;

pub use birthday_days::{birthday_days, BirthdayDay};

pub use model::{Reminder, ReminderKind, TodayQuery, TodayView, COUNT_CAP, LIST_LIMIT};
pub use today::{act, today};
