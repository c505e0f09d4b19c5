//! What a record owns, decided once for every kind: which records belong to a customer (or a contract, or
//! an installment), what deleting it for good takes along, what a merge moves and its undo puts back, and
//! what a customer's timeline shows. Above the nouns: it calls into them, they never call into it.
//!
//! Every decision is a `match` on [`RecordKind`] without a `_` arm, so a new kind does not compile until
//! each place has said what becomes of it.

mod cascade;
mod moves;
pub mod timeline;

pub(crate) use cascade::{forget, forget_owned_history};
pub(crate) use moves::{move_back, move_records, Moved};

use crate::record::RecordKind;

/// The column by which records of `kind` belong to a record of `owner`, if they do. A customer owns its
/// contacts, follow-ups, contracts (with their plans and receipts) and documents; a contract its plan,
/// receipts and documents; an installment its receipts. Products belong to the book, not to a customer.
pub fn owner_column(owner: RecordKind, kind: RecordKind) -> Option<&'static str> {
    use RecordKind::*;
    match kind {
        Customers | Products => None,
        Contacts | FollowUps | Contracts => (owner == Customers).then_some("customer_id"),
        Installments => match owner {
            Customers => Some("customer_id"),
            Contracts => Some("contract_id"),
            _ => None,
        },
        Receipts => match owner {
            Customers => Some("customer_id"),
            Contracts => Some("contract_id"),
            Installments => Some("installment_id"),
            _ => None,
        },
        Documents => match owner {
            Customers => Some("customer_id"),
            Contracts => Some("contract_id"),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_customer_owns_everything_but_products_and_other_customers() {
        let owned: Vec<_> = RecordKind::ALL
            .into_iter()
            .filter(|k| owner_column(RecordKind::Customers, *k).is_some())
            .collect();
        use RecordKind::*;
        assert_eq!(
            owned,
            [
                Contacts,
                FollowUps,
                Contracts,
                Installments,
                Receipts,
                Documents
            ]
        );
        let of_contract: Vec<_> = RecordKind::ALL
            .into_iter()
            .filter(|k| owner_column(Contracts, *k).is_some())
            .collect();
        assert_eq!(of_contract, [Installments, Receipts, Documents]);
        assert!(RecordKind::ALL
            .into_iter()
            .all(|k| owner_column(Products, k).is_none()));
    }
}
