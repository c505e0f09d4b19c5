//! TanStack Query keys shared by screens, so a change in one place refreshes the others.
import type { CustomerQuery } from "../api/bindings/CustomerQuery";

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
};
