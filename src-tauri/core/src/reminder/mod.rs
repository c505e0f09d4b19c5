//! Reminders (提醒) and the Today view (今日). No UI, no tauri.

mod birthday_days;
mod money;
mod today;

pub use birthday_days::{birthday_days, BirthdayDay};

pub use today::{act, today, Reminder, ReminderKind, TodayQuery, TodayView, COUNT_CAP, LIST_LIMIT};
