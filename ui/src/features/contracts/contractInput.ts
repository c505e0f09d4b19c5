//! Between the contract form's values (yuan, dayjs, lines as typed) and the ContractInput the command
//! takes (分, `YYYY-MM-DD`), and the rules a line passes before it is sent — the same as the core's.
import type { Dayjs } from "dayjs";
import type { Contract } from "../../api/bindings/Contract";
import type { ContractInput } from "../../api/bindings/ContractInput";
import type { ContractStatus } from "../../api/bindings/ContractStatus";
import { fenToYuan, lineAmount, yuanToFen } from "../../components/money";
import { toDayjs, toDayText } from "../../components/day";

export type LineValues = {
  productId?: number | null;
  description?: string;
  quantity?: number | null;
  /** Yuan. */
  unitPrice?: number | null;
  discountPercent?: number | null;
};

export type ContractFormValues = {
  number?: string;
  title: string;
  customerId?: number;
  contactId?: number | null;
  status: ContractStatus;
  signedOn?: Dayjs | null;
  startsOn?: Dayjs | null;
  endsOn?: Dayjs | null;
  paymentTerms?: string;
  notes?: string;
  /** Yuan; counts only when there are no lines. */
  amount?: number | null;
  lines?: LineValues[];
};

/** Server fields that sit on one input of the form; the `line…` ones belong to the lines editor. */
export const CONTRACT_FIELDS = [
  "number",
  "title",
  "customerId",
  "contactId",
  "amount",
  "signedOn",
  "startsOn",
  "endsOn",
  "status",
  "paymentTerms",
  "notes",
] as const;

export function emptyLine(): LineValues {
  return { productId: null, description: "", quantity: 1, unitPrice: 0, discountPercent: 0 };
}

export function emptyContractValues(customerId: number | null): ContractFormValues {
  return { title: "", customerId: customerId ?? undefined, contactId: null, status: "draft", amount: 0, lines: [] };
}

export function toContractValues(c: Contract): ContractFormValues {
  return {
    number: c.number,
    title: c.title,
    customerId: c.customerId,
    contactId: c.contactId,
    status: c.status,
    signedOn: toDayjs(c.signedOn),
    startsOn: toDayjs(c.startsOn),
    endsOn: toDayjs(c.endsOn),
    paymentTerms: c.paymentTerms ?? undefined,
    notes: c.notes ?? undefined,
    amount: fenToYuan(c.amount),
    lines: c.lines.map((l) => ({
      productId: l.productId,
      description: l.description,
      quantity: l.quantity,
      unitPrice: fenToYuan(l.unitPrice),
      discountPercent: l.discountPercent,
    })),
  };
}

/** Why a line's quantity, price or discount would be refused, as the core's field and reason. */
export function lineProblem(l: LineValues): { field: string; reason: string } | null {
  const q = l.quantity;
  if (q === null || q === undefined || !(q > 0) || Math.round(q * 1000) < 1) return { field: "lineQuantity", reason: "not_positive" };
  if (q > 1e9) return { field: "lineQuantity", reason: "too_large" };
  if (l.unitPrice !== null && l.unitPrice !== undefined && l.unitPrice < 0) return { field: "lineUnitPrice", reason: "negative" };
  const d = l.discountPercent ?? 0;
  if (d < 0) return { field: "lineDiscount", reason: "negative" };
  if (d > 100) return { field: "lineDiscount", reason: "over_100" };
  if (!l.productId && !l.description?.trim()) return { field: "lineDescription", reason: "required" };
  return null;
}

/** A line's amount in 分 as the core will compute it, or null while the line cannot be priced. */
export function lineFen(l: LineValues | undefined): number | null {
  if (!l) return null;
  const problem = lineProblem(l);
  if (problem && problem.field !== "lineDescription") return null;
  return lineAmount(l.quantity as number, yuanToFen(l.unitPrice ?? 0), l.discountPercent ?? 0);
}

export function linesTotal(lines: LineValues[] | undefined): number {
  return (lines ?? []).reduce((sum, l) => sum + (lineFen(l) ?? 0), 0);
}

const opt = (v: string | undefined | null) => (v && v.trim() ? v : null);

export function toContractInput(v: ContractFormValues, customerId: number): ContractInput {
  const lines = v.lines ?? [];
  return {
    number: opt(v.number),
    title: v.title ?? "",
    customerId,
    contactId: v.contactId ?? null,
    amount: lines.length > 0 ? null : yuanToFen(v.amount ?? 0),
    signedOn: toDayText(v.signedOn),
    startsOn: toDayText(v.startsOn),
    endsOn: toDayText(v.endsOn),
    status: v.status,
    paymentTerms: opt(v.paymentTerms),
    notes: opt(v.notes),
    lines: lines.map((l) => ({
      productId: l.productId ?? null,
      description: opt(l.description),
      quantity: l.quantity ?? 0,
      unitPrice: yuanToFen(l.unitPrice ?? 0),
      discountPercent: l.discountPercent ?? 0,
    })),
  };
}
