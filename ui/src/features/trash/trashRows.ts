//! The rows of the trash screen for each kind of record: what names it, what it belongs to, its amount.
import type { DocumentKind } from "../../api/bindings/DocumentKind";
import type { RecordKind } from "../../api/bindings/RecordKind";
import type { TrashedRows } from "../../api/bindings/TrashedRows";

export type TrashKind = Exclude<RecordKind, "customers">;

export type TrashRow = {
  id: number;
  name: string;
  /** A document's kind, shown as its icon. */
  icon: DocumentKind | null;
  owner: string | null;
  amount: number | null;
  deletedAt: number | null;
};

/** The trashed records as rows (customers have their own filterable table). */
export function trashRows(trashed: TrashedRows): TrashRow[] {
  const row = (r: Omit<TrashRow, "icon" | "amount"> & Partial<TrashRow>): TrashRow => ({ icon: null, amount: null, ...r });
  switch (trashed.kind) {
    case "customers":
      return trashed.rows.map((c) => row({ id: c.id, name: c.name, owner: c.city, deletedAt: c.deletedAt }));
    case "contacts":
      return trashed.rows.map((r) => row({ id: r.contact.id, name: r.contact.name, owner: r.customerName, deletedAt: r.contact.deletedAt }));
    case "followUps":
      return trashed.rows.map((f) => row({ id: f.id, name: f.content.slice(0, 60), owner: f.contactName, deletedAt: f.deletedAt }));
    case "products":
      return trashed.rows.map((p) => row({ id: p.id, name: p.name, owner: p.code, amount: p.listPrice, deletedAt: p.deletedAt }));
    case "contracts":
      return trashed.rows.map((c) => row({ id: c.id, name: `${c.number} ${c.title}`, owner: c.customerName, amount: c.amount, deletedAt: c.deletedAt }));
    case "installments":
      return trashed.rows.map((i) => row({ id: i.id, name: i.dueOn, owner: i.contractNumber, amount: i.amount, deletedAt: i.deletedAt }));
    case "receipts":
      return trashed.rows.map((r) => row({ id: r.id, name: r.receivedOn, owner: r.contractNumber, amount: r.amount, deletedAt: r.deletedAt }));
    case "documents":
      return trashed.rows.map((d) => row({ id: d.id, name: d.name, icon: d.kind, owner: d.contractNumber, deletedAt: d.deletedAt }));
  }
}

/** The column titles (message keys) of each kind's trash; no amount column where `amount` is null. */
export const TRASH_COLUMNS: Record<TrashKind, { name: string; owner: string; amount: string | null; restored: string }> = {
  contacts: { name: "contactFields.name", owner: "contactFields.customer", amount: null, restored: "trash.restored" },
  followUps: { name: "followUps.content", owner: "followUps.contact", amount: null, restored: "trash.restored" },
  documents: { name: "documents.name", owner: "documents.contractNumber", amount: null, restored: "documents.restored" },
  products: { name: "productFields.name", owner: "productFields.code", amount: "productFields.listPrice", restored: "moneyTrash.restored" },
  contracts: { name: "contractFields.title", owner: "contractFields.customerId", amount: "contractFields.amount", restored: "moneyTrash.restored" },
  installments: { name: "installmentFields.dueOn", owner: "receivables.contract", amount: "installmentFields.amount", restored: "moneyTrash.restored" },
  receipts: { name: "receiptFields.receivedOn", owner: "receivables.contract", amount: "receiptFields.amount", restored: "moneyTrash.restored" },
};
