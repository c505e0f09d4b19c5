//! Reminders (提醒) and the Today view (今日). No UI, no tauri.

mod today;

pub use today::{act, today, Reminder, ReminderKind, TodayQuery, TodayView, COUNT_CAP, LIST_LIMIT};
