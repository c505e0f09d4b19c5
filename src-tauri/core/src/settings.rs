//! The user's preferences, kept as `settings.json` in the data directory: readable before the store is
//! unlocked (the language of the unlock screen), and by the shell (closing to the tray).

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum Language {
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "zh-TW")]
    ZhTw,
    #[serde(rename = "en")]
    En,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct Settings {
    /// `None` follows the OS language.
    pub language: Option<Language>,
    pub reminders: ReminderSettings,
    /// Closing the window keeps the app running in the system tray (reminders keep coming).
    pub close_to_tray: bool,
    /// How new contracts are numbered, e.g. `HT-{YYYY}-{0000}` (see `contract::NumberRule`).
    pub contract_number_rule: String,
    /// The thresholds of the analysis reports.
    pub reports: ReportSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: None,
            reminders: ReminderSettings::default(),
            close_to_tray: false,
            contract_number_rule: crate::contract::NumberRule::DEFAULT.to_string(),
            reports: ReportSettings::default(),
        }
    }
}

/// The thresholds of the analysis reports, in whole percent and days so that they read as set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ReportSettings {
    /// ABC classes: A makes this share of the amount (50–95).
    pub pareto_a_percent: u32,
    /// …and B the rest up to this share (A + 1 – 99).
    pub pareto_b_percent: u32,
    /// RFM and the loyalty matrix look at this many days up to the day they are made (30–3650).
    pub window_days: u32,
    /// 满意度 or 偏好 at least this counts as high preference (1–5).
    pub loyalty_preference: u32,
    /// At least this many purchases in the window count as high repeat purchases (2–50).
    pub loyalty_repeats: u32,
    /// A chance of still being a customer below this (in %) counts as at risk (1–99).
    pub churn_p_alive_percent: u32,
    /// The yearly discount rate of predicted value (0–50 %).
    pub discount_rate_percent: u32,
    /// The value matrix splits current and potential value at this percentile (10–90).
    pub value_split_percent: u32,
    /// Customers without a follow-up for this many days count as not followed up (1–3650).
    pub quiet_days: u32,
}

impl Default for ReportSettings {
    fn default() -> Self {
        ReportSettings {
            pareto_a_percent: 80,
            pareto_b_percent: 95,
            window_days: 365,
            loyalty_preference: 4,
            loyalty_repeats: 3,
            churn_p_alive_percent: 50,
            discount_rate_percent: 10,
            value_split_percent: 50,
            quiet_days: 30,
        }
    }
}

impl ReportSettings {
    /// The first setting out of its range, if any: (field, reason).
    pub fn invalid(&self) -> Option<&'static str> {
        let r = self;
        [
            ("paretoAPercent", (50..=95).contains(&r.pareto_a_percent)),
            (
                "paretoBPercent",
                r.pareto_b_percent > r.pareto_a_percent && r.pareto_b_percent <= 99,
            ),
            ("windowDays", (30..=3650).contains(&r.window_days)),
            ("loyaltyPreference", (1..=5).contains(&r.loyalty_preference)),
            ("loyaltyRepeats", (2..=50).contains(&r.loyalty_repeats)),
            (
                "churnPAlivePercent",
                (1..=99).contains(&r.churn_p_alive_percent),
            ),
            ("discountRatePercent", r.discount_rate_percent <= 50),
            (
                "valueSplitPercent",
                (10..=90).contains(&r.value_split_percent),
            ),
            ("quietDays", (1..=3650).contains(&r.quiet_days)),
        ]
        .into_iter()
        .find(|(_, ok)| !ok)
        .map(|(field, _)| field)
    }
}

/// How far Today looks ahead, when a customer counts as dormant, and whether due reminders notify.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ReminderSettings {
    /// Upcoming reminders shown this many days ahead (1–60).
    pub ahead_days: u32,
    /// No follow-up for this many days makes a customer dormant (7–3650).
    pub dormant_days: u32,
    /// Desktop notifications for what falls due while the app runs.
    pub notify: bool,
    /// Installments are announced this many days before they fall due (0–90).
    pub installment_days_before: u32,
    /// Contracts are announced this many days before they end (0–365).
    pub contract_end_days_before: u32,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            ahead_days: 7,
            dormant_days: 90,
            notify: true,
            installment_days_before: 7,
            contract_end_days_before: 30,
        }
    }
}

impl ReminderSettings {
    pub const AHEAD_DAYS: std::ops::RangeInclusive<u32> = 1..=60;
    pub const DORMANT_DAYS: std::ops::RangeInclusive<u32> = 7..=3650;
    pub const INSTALLMENT_DAYS: std::ops::RangeInclusive<u32> = 0..=90;
    pub const CONTRACT_END_DAYS: std::ops::RangeInclusive<u32> = 0..=365;
}

impl Settings {
    /// The saved settings; defaults when none were saved or the file cannot be read.
    pub fn read(dir: &Path) -> Settings {
        std::fs::read(dir.join("settings.json"))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// Saves the settings if every value is in its range; otherwise nothing is written.
    pub fn write(&self, dir: &Path) -> Result<()> {
        if !ReminderSettings::AHEAD_DAYS.contains(&self.reminders.ahead_days) {
            return Err(CoreError::invalid("aheadDays", "range"));
        }
        if !ReminderSettings::DORMANT_DAYS.contains(&self.reminders.dormant_days) {
            return Err(CoreError::invalid("dormantDays", "range"));
        }
        if !ReminderSettings::INSTALLMENT_DAYS.contains(&self.reminders.installment_days_before) {
            return Err(CoreError::invalid("installmentDaysBefore", "range"));
        }
        if !ReminderSettings::CONTRACT_END_DAYS.contains(&self.reminders.contract_end_days_before) {
            return Err(CoreError::invalid("contractEndDaysBefore", "range"));
        }
        crate::contract::NumberRule::parse(&self.contract_number_rule)?;
        if let Some(field) = self.reports.invalid() {
            return Err(CoreError::invalid(field, "range"));
        }
        write_atomically(
            &dir.join("settings.json"),
            &serde_json::to_vec_pretty(self).expect("serializes"),
        )
    }
}

/// Writes a small file through a temporary sibling and a rename, so readers never see half of it.
/// Creates the directory on the way: on a first start the app-data directory does not exist yet.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("tmp");
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    std::fs::rename(&tmp, path)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_language_is_read_back() {
        let dir = tempfile::tempdir().unwrap();
        Settings {
            language: Some(Language::ZhTw),
            ..Default::default()
        }
        .write(dir.path())
        .unwrap();
        assert_eq!(Settings::read(dir.path()).language, Some(Language::ZhTw));
    }

    #[test]
    fn a_settings_file_from_before_the_reminder_settings_reads_with_their_defaults() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("settings.json"), br#"{"language": "en"}"#).unwrap();
        let s = Settings::read(dir.path());
        assert_eq!(
            (s.language, s.reminders, s.close_to_tray),
            (Some(Language::En), ReminderSettings::default(), false)
        );
        assert_eq!(
            (s.reminders.ahead_days, s.reminders.dormant_days),
            (7, 90),
            "the defaults Today used before they were settings"
        );
    }

    #[test]
    fn a_dormant_rule_out_of_range_is_refused_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let bad = Settings {
            reminders: ReminderSettings {
                dormant_days: 0,
                ..Default::default()
            },
            ..Default::default()
        };
        assert!(matches!(
            bad.write(dir.path()),
            Err(CoreError::Validation {
                field: "dormantDays",
                reason: "range"
            })
        ));
        assert!(!dir.path().join("settings.json").exists());
    }

    #[test]
    fn a_numbering_rule_without_a_sequence_is_refused_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let bad = Settings {
            contract_number_rule: "HT-{YYYY}".into(),
            ..Default::default()
        };
        assert_eq!(
            bad.write(dir.path()).unwrap_err().to_string(),
            "contractNumberRule: no_sequence"
        );
        assert!(!dir.path().join("settings.json").exists());
    }

    #[test]
    fn a_damaged_settings_file_falls_back_to_defaults() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("settings.json"), b"{not json").unwrap();
        assert_eq!(Settings::read(dir.path()), Settings::default());
    }
}
