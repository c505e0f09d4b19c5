//! What a customer list asks for (filters, sort, keyset cursor) and what one page returns.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{Customer, CustomerLevel, LifecycleStatus};
pub(super) use crate::page::{Cursor, SortValue};

/// Columns a list can be sorted by; each has an index so every page is a short index walk.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum CustomerSort {
    #[default]
    UpdatedAt,
    CreatedAt,
    Name,
    /// The order customers were entered in (the table's own order: whole-book exports read it fastest).
    Id,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum SortDirection {
    Asc,
    #[default]
    Desc,
}

/// One page request. `after` is the `nextCursor` of the previous page; it only fits the same filters and sort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct CustomerQuery {
    pub status: Option<LifecycleStatus>,
    pub level: Option<CustomerLevel>,
    pub tag: Option<String>,
    pub province: Option<String>,
    pub city: Option<String>,
    pub district: Option<String>,
    /// The trash instead of the live book; always newest-trashed first.
    pub trashed: bool,
    pub sort: CustomerSort,
    pub direction: SortDirection,
    pub after: Option<String>,
    pub limit: u32,
}

impl Default for CustomerQuery {
    fn default() -> Self {
        CustomerQuery {
            status: None,
            level: None,
            tag: None,
            province: None,
            city: None,
            district: None,
            trashed: false,
            sort: CustomerSort::default(),
            direction: SortDirection::default(),
            after: None,
            limit: 100,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CustomerPage {
    pub rows: Vec<Customer>,
    pub next_cursor: Option<String>,
}

impl Cursor {
    pub(super) fn after_row(query: &CustomerQuery, row: &Customer) -> Self {
        let value = if query.trashed {
            SortValue::Int(row.deleted_at.unwrap_or_default())
        } else {
            match query.sort {
                CustomerSort::UpdatedAt => SortValue::Int(row.updated_at),
                CustomerSort::CreatedAt => SortValue::Int(row.created_at),
                CustomerSort::Name => SortValue::Text(row.name.clone()),
                CustomerSort::Id => SortValue::Int(row.id),
            }
        };
        Cursor::new(value, row.id)
    }
}

impl CustomerQuery {
    /// The column the list walks, and whether it walks backwards.
    pub(super) fn order(&self) -> (&'static str, bool) {
        if self.trashed {
            return ("deleted_at", true);
        }
        let column = match self.sort {
            CustomerSort::UpdatedAt => "updated_at",
            CustomerSort::CreatedAt => "created_at",
            CustomerSort::Name => "name",
            CustomerSort::Id => "id",
        };
        (column, self.direction == SortDirection::Desc)
    }

    /// Pages hold 1 to 500 rows.
    pub(super) fn page_size(&self) -> u32 {
        crate::page::page_size(self.limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_from_the_ui_may_leave_out_every_field() {
        let q: CustomerQuery = serde_json::from_str("{}").unwrap();
        assert_eq!(q, CustomerQuery::default());
    }
}
