//! What the trash screen lists: each kind's trashed records, most recently trashed first, read through
//! the kind's own store (which owns its queries).

use serde::Serialize;
use ts_rs::TS;

use crate::contact::{ContactListRow, ContactQuery};
use crate::contract::{ContractQuery, ContractRow, ContractSort};
use crate::customer::SortDirection;
use crate::customer::{Customer, CustomerQuery};
use crate::document::Document;
use crate::error::Result;
use crate::follow_up::FollowUp;
use crate::product::{Product, ProductQuery};
use crate::receivable::{Installment, Receipt};
use crate::record::RecordKind;
use crate::store::Store;

/// The most records one kind's trash lists.
pub const LIMIT: u32 = 500;

/// The trashed records of one kind (`kind` names it, `rows` holds them).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", content = "rows", rename_all = "camelCase")]
#[ts(export)]
pub enum TrashedRows {
    Customers(Vec<Customer>),
    Contacts(Vec<ContactListRow>),
    FollowUps(Vec<FollowUp>),
    Products(Vec<Product>),
    Contracts(Vec<ContractRow>),
    Installments(Vec<Installment>),
    Receipts(Vec<Receipt>),
    Documents(Vec<Document>),
}

pub(super) async fn of(store: &Store, kind: RecordKind) -> Result<TrashedRows> {
    Ok(match kind {
        RecordKind::Customers => {
            let query = CustomerQuery {
                trashed: true,
                limit: LIMIT,
                ..CustomerQuery::default()
            };
            TrashedRows::Customers(store.customers().list(&query).await?.rows)
        }
        RecordKind::Contacts => {
            let query = ContactQuery {
                trashed: true,
                limit: Some(LIMIT),
                after: None,
            };
            TrashedRows::Contacts(store.contacts().list(&query).await?.rows)
        }
        RecordKind::FollowUps => TrashedRows::FollowUps(store.follow_ups().trashed().await?),
        RecordKind::Products => {
            let query = ProductQuery {
                trashed: true,
                limit: LIMIT,
                ..ProductQuery::default()
            };
            TrashedRows::Products(store.products().list(&query).await?.rows)
        }
        RecordKind::Contracts => {
            let query = ContractQuery {
                trashed: true,
                sort: ContractSort::UpdatedAt,
                direction: SortDirection::Desc,
                limit: LIMIT,
                ..ContractQuery::default()
            };
            TrashedRows::Contracts(store.contracts().list(&query).await?.rows)
        }
        RecordKind::Installments => TrashedRows::Installments(store.plans().trashed().await?),
        RecordKind::Receipts => TrashedRows::Receipts(store.receipts().trashed().await?),
        RecordKind::Documents => TrashedRows::Documents(store.documents().trashed().await?),
    })
}
