//! The kinds of record the app keeps, and each kind's names: on the wire and in `imports.entity` (plural,
//! `customers`), in the history (`customer`, `followUp`) and its table. Ground floor: uses nothing above it.
//!
//! A new record type starts here; every `match` on [`RecordKind`] that has no `_` arm then refuses to
//! compile until the new kind is decided there (ARCHITECTURE.md lists the places).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A kind of record the owner keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum RecordKind {
    Customers,
    Contacts,
    FollowUps,
    Products,
    Contracts,
    Installments,
    Receipts,
    Documents,
}

impl RecordKind {
    /// Every kind, owners before what they own.
    pub const ALL: [RecordKind; 8] = [
        RecordKind::Customers,
        RecordKind::Contacts,
        RecordKind::FollowUps,
        RecordKind::Products,
        RecordKind::Contracts,
        RecordKind::Installments,
        RecordKind::Receipts,
        RecordKind::Documents,
    ];

    /// The kinds with a spreadsheet of their own (imported and exported), in the order exports write them.
    pub const SHEETS: [RecordKind; 7] = [
        RecordKind::Customers,
        RecordKind::Contacts,
        RecordKind::FollowUps,
        RecordKind::Products,
        RecordKind::Contracts,
        RecordKind::Installments,
        RecordKind::Receipts,
    ];

    /// The kind's name on the wire and in `imports.entity`: `customers`, `followUps`.
    pub fn plural(self) -> &'static str {
        match self {
            RecordKind::Customers => "customers",
            RecordKind::Contacts => "contacts",
            RecordKind::FollowUps => "followUps",
            RecordKind::Products => "products",
            RecordKind::Contracts => "contracts",
            RecordKind::Installments => "installments",
            RecordKind::Receipts => "receipts",
            RecordKind::Documents => "documents",
        }
    }

    /// The name a history entry gives its record's kind (`history.entity`, stored as it always was).
    pub fn history_name(self) -> &'static str {
        match self {
            RecordKind::Customers => "customer",
            RecordKind::Contacts => "contact",
            RecordKind::FollowUps => "followUp",
            RecordKind::Products => "product",
            RecordKind::Contracts => "contract",
            RecordKind::Installments => "installment",
            RecordKind::Receipts => "receipt",
            RecordKind::Documents => "document",
        }
    }

    /// The table its records live in.
    pub fn table(self) -> &'static str {
        match self {
            RecordKind::Customers => "customers",
            RecordKind::Contacts => "contacts",
            RecordKind::FollowUps => "follow_ups",
            RecordKind::Products => "products",
            RecordKind::Contracts => "contracts",
            RecordKind::Installments => "installments",
            RecordKind::Receipts => "receipts",
            RecordKind::Documents => "documents",
        }
    }

    /// A kind from any of its names (a command line's `follow-ups`, a stored `followUps`, a history's
    /// `followUp`, `plans` for installments).
    pub fn parse(s: &str) -> Option<RecordKind> {
        let s = s.trim();
        RecordKind::ALL
            .into_iter()
            .find(|k| {
                s == k.plural()
                    || s == k.history_name()
                    || s == k.table()
                    || s == k.plural().replace("Ups", "-ups")
            })
            .or_else(|| (s == "plans").then_some(RecordKind::Installments))
    }

    /// Whether files of this kind can be imported and exported as a sheet.
    pub fn has_sheet(self) -> bool {
        RecordKind::SHEETS.contains(&self)
    }
}

impl std::fmt::Display for RecordKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.plural())
    }
}

impl TryFrom<String> for RecordKind {
    type Error = String;
    fn try_from(s: String) -> std::result::Result<Self, Self::Error> {
        RecordKind::parse(&s).ok_or_else(|| format!("unknown record kind {s:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_of_a_kind_reads_back_as_that_kind() {
        for k in RecordKind::ALL {
            for name in [k.plural(), k.history_name(), k.table()] {
                assert_eq!(RecordKind::parse(name), Some(k), "{name}");
            }
            let wire = serde_json::to_string(&k).unwrap();
            assert_eq!(wire, format!("\"{}\"", k.plural()));
            assert_eq!(serde_json::from_str::<RecordKind>(&wire).unwrap(), k);
        }
        assert_eq!(RecordKind::parse("follow-ups"), Some(RecordKind::FollowUps));
        assert_eq!(RecordKind::parse("plans"), Some(RecordKind::Installments));
        assert_eq!(RecordKind::parse("tickets"), None);
    }

    #[test]
    fn the_names_stored_on_disk_stay_what_earlier_releases_wrote() {
        let history: Vec<_> = RecordKind::ALL.iter().map(|k| k.history_name()).collect();
        assert_eq!(
            history,
            [
                "customer",
                "contact",
                "followUp",
                "product",
                "contract",
                "installment",
                "receipt",
                "document"
            ]
        );
        let imports: Vec<_> = RecordKind::SHEETS.iter().map(|k| k.plural()).collect();
        assert_eq!(
            imports,
            [
                "customers",
                "contacts",
                "followUps",
                "products",
                "contracts",
                "installments",
                "receipts"
            ]
        );
    }
}
