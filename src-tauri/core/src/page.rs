//! Keyset pagination every list shares: the cursor the UI hands back (the last row's sort value and id)
//! and the `(column, id) > (…)` condition that continues a walk along an index from it.

use serde::{Deserialize, Serialize};
use sqlx::{QueryBuilder, Sqlite};

use crate::error::{CoreError, Result};

/// The sort key of the last row of a page. Sort columns are never empty (a nullable one is sorted as
/// `coalesce(column, '')`), so that the condition below is one range of an index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub(crate) enum SortValue {
    Int(i64),
    Text(String),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cursor {
    pub value: SortValue,
    pub id: i64,
}

impl Cursor {
    pub fn new(value: SortValue, id: i64) -> Self {
        Cursor { value, id }
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(&(&self.value, self.id)).expect("a cursor always serializes")
    }

    pub fn decode(s: &str) -> Result<Self> {
        let (value, id): (SortValue, i64) =
            serde_json::from_str(s).map_err(|_| CoreError::invalid("cursor", "format"))?;
        Ok(Cursor { value, id })
    }

    /// Appends ` AND (column, id) > (cursor)` (or `<` walking down) to continue a walk along an index;
    /// `id` is the id column as the query names it (`ct.id` in a join).
    pub fn push_after(
        &self,
        b: &mut QueryBuilder<'_, Sqlite>,
        column: &str,
        id: &str,
        descending: bool,
    ) {
        let op = if descending { "<" } else { ">" };
        b.push(format!(" AND ({column}, {id}) {op} ("));
        match &self.value {
            SortValue::Int(v) => b.push_bind(*v),
            SortValue::Text(v) => b.push_bind(v.clone()),
        };
        b.push(", ").push_bind(self.id).push(")");
    }
}

/// Pages hold 1 to 500 rows.
pub(crate) fn page_size(limit: u32) -> u32 {
    limit.clamp(1, 500)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_survives_the_round_trip_through_the_ui() {
        for value in [
            SortValue::Int(1_700_000_000_000),
            SortValue::Text("北京\"华远\"".into()),
        ] {
            let c = Cursor { value, id: 42 };
            assert_eq!(Cursor::decode(&c.encode()).unwrap(), c);
        }
    }

    #[test]
    fn a_forged_cursor_is_a_validation_error_not_a_crash() {
        assert_eq!(
            Cursor::decode("'); DROP TABLE customers;--")
                .unwrap_err()
                .to_string(),
            "cursor: format"
        );
    }
}
