//! Maps an AppError (code, field, reason) to a localized sentence; the English `message` is the last resort.
import type { TFunction } from "i18next";
import type { AppError } from "../api/bindings/AppError";

const MISSING = "\u0000missing";

function lookup(t: TFunction, keys: string[], options: Record<string, unknown> = {}): string | null {
  const translate = t as unknown as (k: string[], o: Record<string, unknown>) => string;
  const text = translate(keys, { ...options, defaultValue: MISSING });
  return text === MISSING ? null : text;
}

/** Whose fields an error names: a customer's (the default) or a contact's. */
export type Entity = "customer" | "contact";

/** The localized label of a field name such as `uscc`, or the name itself when unknown. */
export function fieldLabel(t: TFunction, field: string, entity: Entity = "customer"): string {
  const keys = entity === "contact" ? [`contactFields.${field}`, `fields.${field}`] : [`fields.${field}`];
  return lookup(t, keys) ?? field;
}

/** `label` names the field when the caller knows it better than the form labels do (an import's column). */
export function errorText(t: TFunction, err: AppError, entity: Entity = "customer", label?: string): string {
  const { code, field, reason } = err;
  const keys: string[] = [];
  if (field && reason && entity === "contact") keys.push(`errors.${code}.contactFields.${field}.${reason}`);
  if (field && reason) keys.push(`errors.${code}.fields.${field}.${reason}`);
  if (reason) keys.push(`errors.${code}.reasons.${reason}`);
  if (field) keys.push(`errors.${code}.field`);
  keys.push(`errors.${code}.default`);
  const text = lookup(t, keys, { field: field ? (label ?? fieldLabel(t, field, entity)) : "" });
  if (text !== null) return text;
  return err.message || (lookup(t, ["errors.internal.default"]) ?? "");
}
