//! What each export menu item writes, and the file name the save dialog proposes for it.
import type { TFunction } from "i18next";
import type { AppError } from "../../api/bindings/AppError";
import type { ContractQuery } from "../../api/bindings/ContractQuery";
import type { CustomerQuery } from "../../api/bindings/CustomerQuery";
import type { ExportFormat } from "../../api/bindings/ExportFormat";
import type { ExportRequest } from "../../api/bindings/ExportRequest";
import type { Language } from "../../api/bindings/Language";

/** The menu items: the list as filtered and sorted, every record of the list's kind, or the whole book. */
export type ExportChoice = "view-xlsx" | "view-csv" | "all-xlsx" | "book";

/** The lists that export. */
export type ListEntity = "customers" | "contacts" | "products" | "contracts" | "installments" | "receipts";

/** Default names of the files the app writes (without extension). */
export type FileKind =
  | ListEntity
  | "book"
  | "template"
  | "contactTemplate"
  | "productTemplate"
  | "contractTemplate"
  | "installmentTemplate"
  | "receiptTemplate"
  | "followUpTemplate"
  | "rejects";

/** A local calendar day as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** E.g. 客户-2026-11-23.xlsx, 客户资料-2026-11-23.xlsx, 客户导入模板.xlsx, in the UI language. */
export function defaultFileName(t: TFunction, kind: FileKind, format: ExportFormat, date: Date = new Date()): string {
  return `${t(`files.${kind}`, { date: isoDay(date) })}.${format}`;
}

export function exportFormat(choice: ExportChoice): ExportFormat {
  return choice === "view-csv" ? "csv" : "xlsx";
}

export function exportFileKind(choice: ExportChoice, entity: ListEntity): FileKind {
  return choice === "book" ? "book" : entity;
}

/** The request for a menu item; `query` is the customer list's current filter and sort, `contracts` the
 * contract list's (null: the list has none). */
export function exportRequest(
  choice: ExportChoice,
  entity: ListEntity,
  query: CustomerQuery | null,
  path: string,
  language: Language,
  contracts: ContractQuery | null = null,
): ExportRequest {
  const format = exportFormat(choice);
  switch (choice) {
    case "view-xlsx":
    case "view-csv":
      return {
        entity,
        query: query ? { ...query, after: null } : null,
        ...(contracts ? { contracts: { ...contracts, after: null } } : {}),
        format,
        path,
        language,
      };
    case "all-xlsx":
      return { entity, query: null, format, path, language };
    case "book":
      return { entity: null, query: null, format, path, language };
  }
}

/** A stopped export is the user's wish, not an error. */
export function isCancelled(err: AppError): boolean {
  return err.code === "conflict" && err.reason === "cancelled";
}
