//! The integrity check the user can run from Settings or `crmctl check`.

use serde::Serialize;
use ts_rs::TS;

use super::open::Store;
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StoreCheck {
    pub ok: bool,
    /// What `PRAGMA integrity_check` reported; `["ok"]` when healthy.
    pub messages: Vec<String>,
    #[ts(type = "number")]
    pub schema_version: i64,
    #[ts(type = "number")]
    pub customers: i64,
    #[ts(type = "number")]
    pub trashed: i64,
    /// Live products, contracts, installments, receipts and documents.
    #[ts(type = "number")]
    pub products: i64,
    #[ts(type = "number")]
    pub contracts: i64,
    #[ts(type = "number")]
    pub installments: i64,
    #[ts(type = "number")]
    pub receipts: i64,
    #[ts(type = "number")]
    pub documents: i64,
}

impl Store {
    /// Runs SQLite's full integrity check and counts the records.
    pub async fn check(&self) -> Result<StoreCheck> {
        let messages: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_all(self.read())
            .await?;
        let (customers, trashed): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM customers WHERE deleted_at IS NULL),
                    (SELECT count(*) FROM customers WHERE deleted_at IS NOT NULL)",
        )
        .fetch_one(self.read())
        .await?;
        let live = |table: &str| format!("(SELECT count(*) FROM {table} WHERE deleted_at IS NULL)");
        let (products, contracts, installments, receipts, documents): (i64, i64, i64, i64, i64) =
            sqlx::query_as(&format!(
                "SELECT {}, {}, {}, {}, {}",
                live("products"),
                live("contracts"),
                live("installments"),
                live("receipts"),
                live("documents")
            ))
            .fetch_one(self.read())
            .await?;
        Ok(StoreCheck {
            ok: messages == ["ok"],
            messages,
            schema_version: self.schema_version().await?,
            customers,
            trashed,
            products,
            contracts,
            installments,
            receipts,
            documents,
        })
    }
}
