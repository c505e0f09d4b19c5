//! Why a row was not imported, in words: the import's own reasons, or the form's validation text.
import type { TFunction } from "i18next";
import type { ImportField } from "../../api/bindings/ImportField";
import type { RejectedRow } from "../../api/bindings/RejectedRow";
import { errorText, fieldLabel } from "../../i18n/errorText";

/** Reasons the import itself gives (a row's field values may all be fine). */
export const IMPORT_REASONS = ["duplicate_in_file", "exists", "not_found", "ambiguous", "customer_not_found", "contract_not_found", "contact_not_found"] as const;

/** The field's name as the import's column list calls it (the record type's own words), else as the form
 * does. */
export function rejectFieldLabel(t: TFunction, field: string | null, fields: ReadonlyArray<ImportField>): string {
  if (!field) return "";
  return fields.find((f) => f.key === field)?.label ?? fieldLabel(t, field);
}

export function rejectText(t: TFunction, reject: RejectedRow, fields: ReadonlyArray<ImportField>): string {
  if ((IMPORT_REASONS as ReadonlyArray<string>).includes(reject.reason)) return t(`import.reasons.${reject.reason}`);
  const label = reject.field ? rejectFieldLabel(t, reject.field, fields) : undefined;
  return errorText(t, { code: "validation", message: "", field: reject.field, reason: reject.reason }, "customers", label);
}
