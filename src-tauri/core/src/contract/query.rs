//! What a contract list asks for (filters, sort, keyset cursor) and what one page returns.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{ContractRow, ContractStatus};
use crate::customer::SortDirection;

/// Columns a contract list can be sorted by; each has an index.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ContractSort {
    #[default]
    UpdatedAt,
    SignedOn,
    Number,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ContractQuery {
    pub status: Option<ContractStatus>,
    #[ts(type = "number | null")]
    pub customer_id: Option<i64>,
    /// The trash instead of the live contracts; always newest-trashed first.
    pub trashed: bool,
    pub sort: ContractSort,
    pub direction: SortDirection,
    pub after: Option<String>,
    pub limit: u32,
}

impl Default for ContractQuery {
    fn default() -> Self {
        ContractQuery {
            status: None,
            customer_id: None,
            trashed: false,
            sort: ContractSort::default(),
            direction: SortDirection::default(),
            after: None,
            limit: 100,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ContractPage {
    pub rows: Vec<ContractRow>,
    pub next_cursor: Option<String>,
}

impl ContractQuery {
    /// The column the list walks (as its index spells it), and whether it walks backwards.
    pub(crate) fn order(&self) -> (&'static str, bool) {
        if self.trashed {
            return ("ct.deleted_at", true);
        }
        let column = match self.sort {
            ContractSort::UpdatedAt => "ct.updated_at",
            ContractSort::SignedOn => "coalesce(ct.signed_on, '')",
            ContractSort::Number => "ct.number",
        };
        (column, self.direction == SortDirection::Desc)
    }
}
