//! The user's preferences that must be readable before the store is unlocked (the language of the unlock
//! screen), kept as `settings.json` in the data directory.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;

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

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct Settings {
    /// `None` follows the OS language.
    pub language: Option<Language>,
}

impl Settings {
    /// The saved settings; defaults when none were saved or the file cannot be read.
    pub fn read(dir: &Path) -> Settings {
        std::fs::read(dir.join("settings.json"))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    pub fn write(&self, dir: &Path) -> Result<()> {
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
        }
        .write(dir.path())
        .unwrap();
        assert_eq!(Settings::read(dir.path()).language, Some(Language::ZhTw));
    }

    #[test]
    fn a_damaged_settings_file_falls_back_to_defaults() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("settings.json"), b"{not json").unwrap();
        assert_eq!(Settings::read(dir.path()), Settings::default());
    }
}
