//! What the search index holds of each record: the rows read for a customer's or a contact's document
//! and the documents made of them.

use super::tokens::{Doc, DocKind};

pub(super) type DocRow = (i64, String, Option<String>, Option<String>, Option<String>);

pub(super) const CUSTOMER_DOC: &str =
    "SELECT id, name, phone, mobile, email FROM customers WHERE deleted_at IS NULL";
pub(super) const CONTACT_DOC: &str = "SELECT ct.id, ct.name, ct.mobile, ct.phone, ct.email FROM contacts ct \
     JOIN customers cu ON cu.id = ct.customer_id WHERE ct.deleted_at IS NULL AND cu.deleted_at IS NULL";

pub(super) fn docs(kind: DocKind, rows: &[DocRow]) -> Vec<Doc<'_>> {
    rows.iter()
        .map(|(id, name, a, b, email)| Doc::of(kind, *id, name, [a, b], email))
        .collect()
}
