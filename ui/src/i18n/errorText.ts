//! Maps an AppError (code, field, reason) to a localized sentence; the English `message` is the last resort.
import type { TFunction } from "i18next";
import type { AppError } from "../api/bindings/AppError";

const MISSING = "\u0000missing";

function lookup(t: TFunction, keys: string[], options: Record<string, unknown> = {}): string | null {
  const translate = t as unknown as (k: string[], o: Record<string, unknown>) => string;
  const text = translate(keys, { ...options, defaultValue: MISSING });
  return text === MISSING ? null : text;
}

/** Whose fields an error names: a customer's (the default), a contact's, or one of the money side's. */
export type Entity = "customer" | "contact" | "product" | "contract" | "installment" | "receipt";

/** The message block of an entity's own field labels and field errors (`contactFields`, …); a customer's are `fields`. */
function ownFields(entity: Entity): string | null {
  return entity === "customer" ? null : `${entity}Fields`;
}

/** The localized label of a field name such as `uscc`, or the name itself when unknown. */
export function fieldLabel(t: TFunction, field: string, entity: Entity = "customer"): string {
  const own = ownFields(entity);
  const keys = own ? [`${own}.${field}`, `fields.${field}`] : [`fields.${field}`];
  return lookup(t, keys) ?? field;
}

/** `label` names the field when the caller knows it better than the form labels do (an import's column). */
export function errorText(t: TFunction, err: AppError, entity: Entity = "customer", label?: string): string {
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
