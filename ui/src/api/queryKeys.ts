//! TanStack Query keys shared by screens, so a change in one place refreshes the others.
import type { CustomerQuery } from "../api/bindings/CustomerQuery";
import type { AgingBucket } from "../api/bindings/AgingBucket";
import type { ContractQuery } from "../api/bindings/ContractQuery";
import type { ProductQuery } from "../api/bindings/ProductQuery";

type ProductFilter = Omit<ProductQuery, "after" | "limit">;
type ContractFilter = Omit<ContractQuery, "after" | "limit">;

export const queryKeys = {
  storeStatus: ["storeStatus"] as const,
  customers: ["customers"] as const,
  customerPages: (query: CustomerQuery) => ["customers", "pages", { ...query, after: null }] as const,
  customerCount: (query: CustomerQuery) => ["customers", "count", { ...query, after: null, limit: 0 }] as const,
  customer: (id: number) => ["customer", id] as const,
  tags: ["tags"] as const,
  contacts: ["contacts"] as const,
  customerContacts: (customerId: number) => ["contacts", "of", customerId] as const,
  contactPages: (trashed: boolean) => ["contacts", "pages", trashed] as const,
  timeline: (customerId: number) => ["timeline", customerId] as const,
  today: ["today"] as const,
  search: (query: string) => ["search", query] as const,
  duplicateScan: ["duplicateScan"] as const,
  imports: ["imports"] as const,
  settings: ["settings"] as const,
  /** Every list of documents (a customer's, a contract's, the trash's) lives under this. */
  documents: ["documents"] as const,
  customerDocuments: (customerId: number) => ["documents", "customer", customerId] as const,
  contractDocuments: (contractId: number) => ["documents", "contract", contractId] as const,
  trashedDocuments: ["documents", "trash"] as const,
  products: ["products"] as const,
  productPages: (filter: ProductFilter) => ["products", "pages", filter] as const,
  productPicker: (text: string) => ["products", "pick", text] as const,
  contracts: ["contracts"] as const,
  contractPages: (filter: ContractFilter) => ["contracts", "pages", filter] as const,
  contractCount: (filter: ContractFilter) => ["contracts", "count", filter] as const,
  customerContracts: (customerId: number) => ["contracts", "of", customerId] as const,
  /** One contract; its history and payment plan live under it, so refreshing it refreshes them. */
  contract: (id: number) => ["contract", id] as const,
  contractHistory: (id: number) => ["contract", id, "history"] as const,
  paymentPlan: (contractId: number) => ["contract", contractId, "plan"] as const,
  receivables: ["receivables"] as const,
  bookReceivables: ["receivables", "book"] as const,
  customerReceivables: (customerId: number) => ["receivables", "customer", customerId] as const,
  openInstallments: (bucket: AgingBucket | null, customerId: number | null) => ["receivables", "open", bucket, customerId] as const,
  trash: (kind: string) => ["trash", kind] as const,
  /** Every report and drill-down lives under this: any change of a record refreshes them (see App). */
  reports: ["reports"] as const,
  report: (name: string, query: object) => ["reports", name, query] as const,
  drill: (request: object) => ["reports", "drill", request] as const,
};
