//! A stored customer for unit tests: every field present, overridable per test.
import type { Customer } from "../api/bindings/Customer";

export function sampleCustomer(id: number, overrides: Partial<Customer> = {}): Customer {
  return {
    id,
    name: `客户${id}`,
    kind: "company",
    uscc: null,
    industry: null,
    source: null,
    province: null,
    city: null,
    district: null,
    address: null,
    phone: null,
    mobile: null,
    email: null,
    website: null,
    level: null,
    status: "potential",
    tags: [],
    notes: null,
    invoiceTitle: null,
    taxNumber: null,
    bankName: null,
    bankAccount: null,
    touchEveryDays: null,
    preference: null,
    nextFollowUp: null,
    lastFollowUpAt: null,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    deletedAt: null,
    ...overrides,
  };
}
