//! Stored products, contracts and installments for unit tests, overridable per test.
import type { Contract } from "../api/bindings/Contract";
import type { ContractRow } from "../api/bindings/ContractRow";
import type { Installment } from "../api/bindings/Installment";
import type { Product } from "../api/bindings/Product";

export function sampleProduct(id: number, overrides: Partial<Product> = {}): Product {
  return {
    id,
    name: `产品${id}`,
    code: null,
    unit: "台",
    category: null,
    listPrice: 150_000,
    cost: null,
    active: true,
    notes: null,
    createdAt: 0,
    updatedAt: 0,
    deletedAt: null,
    ...overrides,
  };
}

export function sampleContract(id: number, overrides: Partial<Contract> = {}): Contract {
  return {
    id,
    number: `HT-2026-000${id}`,
    title: "年度云服务合同",
    customerId: 7,
    customerName: "北京华远科技有限公司",
    contactId: null,
    contactName: null,
    amount: 320_000,
    currency: "CNY",
    signedOn: "2026-03-01",
    startsOn: null,
    endsOn: null,
    status: "signed",
    paymentTerms: null,
    notes: null,
    lines: [],
    money: { planned: 0, received: 0, outstanding: 0, overdue: 0 },
    createdAt: 0,
    updatedAt: 0,
    deletedAt: null,
    ...overrides,
  };
}

export function sampleRow(c: Contract): ContractRow {
  const { id, number, title, customerId, customerName, amount, signedOn, endsOn, status, money, updatedAt, deletedAt } = c;
  return { id, number, title, customerId, customerName, amount, signedOn, endsOn, status, money, updatedAt, deletedAt };
}

export function sampleInstallment(id: number, overrides: Partial<Installment> = {}): Installment {
  return {
    id,
    contractId: 1,
    contractNumber: "HT-2026-0001",
    customerId: 7,
    dueOn: "2026-12-31",
    amount: 200_000,
    received: 0,
    note: null,
    createdAt: 0,
    updatedAt: 0,
    deletedAt: null,
    ...overrides,
  };
}
