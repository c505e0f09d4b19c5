//! Maps an AppError (code, field, reason) to a localized sentence; the English `message` is the last resort.
import type { TFunction } from "i18next";
import type { AppError } from "../api/bindings/AppError";
import type { RecordKind } from "../api/bindings/RecordKind";

const MISSING = "\u0000missing";

function lookup(t: TFunction, keys: string[], options: Record<string, unknown> = {}): string | null {
  const translate = t as unknown as (k: string[], o: Record<string, unknown>) => string;
  const text = translate(keys, { ...options, defaultValue: MISSING });
  return text === MISSING ? null : text;
}

/** The message block of each kind's own field labels and field errors; a customer's (and the kinds that
 * have none of their own) are `fields`. */
const OWN_FIELDS: Record<RecordKind, string | null> = {
  customers: null,
  contacts: "contactFields",
  followUps: null,
  products: "productFields",
  contracts: "contractFields",
  installments: "installmentFields",
  receipts: "receiptFields",
  documents: null,
};

function ownFields(kind: RecordKind): string | null {
  return OWN_FIELDS[kind];
}

/** The localized label of a field name such as `uscc`, or the name itself when unknown. */
export function fieldLabel(t: TFunction, field: string, entity: RecordKind = "customers"): string {
  const own = ownFields(entity);
  const keys = own ? [`${own}.${field}`, `fields.${field}`] : [`fields.${field}`];
  return lookup(t, keys) ?? field;
}

/** `label` names the field when the caller knows it better than the form labels do (an import's column). */
export function errorText(t: TFunction, err: AppError, entity: RecordKind = "customers", label?: string): string {
  const { code, field, reason } = err;
  const keys: string[] = [];
  const own = ownFields(entity);
  if (field && reason && own) keys.push(`errors.${code}.${own}.${field}.${reason}`);
  if (field && reason) keys.push(`errors.${code}.fields.${field}.${reason}`);
  if (reason) keys.push(`errors.${code}.reasons.${reason}`);
  if (field) keys.push(`errors.${code}.field`);
  keys.push(`errors.${code}.default`);
  const text = lookup(t, keys, { field: field ? (label ?? fieldLabel(t, field, entity)) : "" });
  if (text !== null) return text;
  return err.message || (lookup(t, ["errors.internal.default"]) ?? "");
}
