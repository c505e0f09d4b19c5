//! The one typed wrapper over Tauri commands; nothing else in the UI calls `invoke`.
import { Channel, invoke } from "@tauri-apps/api/core";
import type { AppError } from "./bindings/AppError";
import type { BookReceivables } from "./bindings/BookReceivables";
import type { Contract } from "./bindings/Contract";
import type { ContractInput } from "./bindings/ContractInput";
import type { ContractPage } from "./bindings/ContractPage";
import type { ContractQuery } from "./bindings/ContractQuery";
import type { ContractRow } from "./bindings/ContractRow";
import type { CustomerReceivables } from "./bindings/CustomerReceivables";
import type { Document } from "./bindings/Document";
import type { Installment } from "./bindings/Installment";
import type { InstallmentInput } from "./bindings/InstallmentInput";
import type { OpenInstallmentPage } from "./bindings/OpenInstallmentPage";
import type { OpenInstallmentQuery } from "./bindings/OpenInstallmentQuery";
import type { PaymentPlan } from "./bindings/PaymentPlan";
import type { Product } from "./bindings/Product";
import type { ProductInput } from "./bindings/ProductInput";
import type { ProductPage } from "./bindings/ProductPage";
import type { ProductQuery } from "./bindings/ProductQuery";
import type { Receipt } from "./bindings/Receipt";
import type { ReceiptInput } from "./bindings/ReceiptInput";
import type { Contact } from "./bindings/Contact";
import type { ContactInput } from "./bindings/ContactInput";
import type { ContactPage } from "./bindings/ContactPage";
import type { ContactQuery } from "./bindings/ContactQuery";
import type { HistoryEntry } from "./bindings/HistoryEntry";
import type { DuplicateScan } from "./bindings/DuplicateScan";
import type { Merge } from "./bindings/Merge";
import type { MergeInput } from "./bindings/MergeInput";
import type { MergeOutcome } from "./bindings/MergeOutcome";
import type { SearchHit } from "./bindings/SearchHit";
import type { Customer } from "./bindings/Customer";
import type { DuplicateHint } from "./bindings/DuplicateHint";
import type { CustomerInput } from "./bindings/CustomerInput";
import type { CustomerPage } from "./bindings/CustomerPage";
import type { CustomerQuery } from "./bindings/CustomerQuery";
import type { Entity } from "./bindings/Entity";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { ExportProgress } from "./bindings/ExportProgress";
import type { ExportRequest } from "./bindings/ExportRequest";
import type { ExportSummary } from "./bindings/ExportSummary";
import type { ImportPreview } from "./bindings/ImportPreview";
import type { ImportRecord } from "./bindings/ImportRecord";
import type { ImportReport } from "./bindings/ImportReport";
import type { ImportRequest } from "./bindings/ImportRequest";
import type { Language } from "./bindings/Language";
import type { FollowUp } from "./bindings/FollowUp";
import type { FollowUpInput } from "./bindings/FollowUpInput";
import type { ReminderKind } from "./bindings/ReminderKind";
import type { TimelineEntry } from "./bindings/TimelineEntry";
import type { TodayQuery } from "./bindings/TodayQuery";
import type { TodayView } from "./bindings/TodayView";
import type { Settings } from "./bindings/Settings";
import type { DrillList } from "./bindings/DrillList";
import type { DrillRequest } from "./bindings/DrillRequest";
import type { Report } from "./bindings/Report";
import type { ReportName } from "./bindings/ReportName";
import type { ReportQuery } from "./bindings/ReportQuery";
import type { StoreCheck } from "./bindings/StoreCheck";
import type { StoreStatus } from "./bindings/StoreStatus";

const ERROR_CODES: ReadonlyArray<ErrorCode> = ["validation", "not_found", "conflict", "locked", "io", "internal"];

function isAppError(value: unknown): value is AppError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === "string" && (ERROR_CODES as ReadonlyArray<string>).includes(v.code);
}

/** Turns whatever a command rejected with into an AppError, so screens handle one shape only. */
export function toAppError(value: unknown): AppError {
  if (isAppError(value)) {
    return {
      code: value.code,
      message: typeof value.message === "string" ? value.message : "",
      field: typeof value.field === "string" ? value.field : null,
      reason: typeof value.reason === "string" ? value.reason : null,
    };
  }
  const message = value instanceof Error ? value.message : typeof value === "string" ? value : JSON.stringify(value);
  return { code: "internal", message: message ?? "", field: null, reason: null };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (err) {
    throw toAppError(err);
  }
}

/** Calls a long command that reports `{done, total}` on a channel passed as its `onProgress` argument. */
async function callWithProgress<T>(
  command: string,
  args: Record<string, unknown>,
  onProgress: (progress: ExportProgress) => void,
): Promise<T> {
  let channel: Channel<ExportProgress>;
  try {
    channel = new Channel<ExportProgress>();
  } catch (err) {
    throw toAppError(err);
  }
  channel.onmessage = onProgress;
  return call<T>(command, { ...args, onProgress: channel });
}

export const api = {
  storeStatus: () => call<StoreStatus>("store_status"),
  retryOpenStore: () => call<StoreStatus>("retry_open_store"),
  setPassphrase: (passphrase: string) => call<StoreStatus>("set_passphrase", { passphrase }),
  unlockWithPassphrase: (passphrase: string) => call<StoreStatus>("unlock_with_passphrase", { passphrase }),
  unlockWithRecoveryKey: (recoveryKey: string) => call<StoreStatus>("unlock_with_recovery_key", { recoveryKey }),
  exportRecoveryKey: () => call<string>("export_recovery_key"),
  checkStore: () => call<StoreCheck>("check_store"),
  getSettings: () => call<Settings>("get_settings"),
  setSettings: (settings: Settings) => call<Settings>("set_settings", { settings }),
  listCustomers: (query: CustomerQuery) => call<CustomerPage>("list_customers", { query }),
  countCustomers: (query: CustomerQuery) => call<number>("count_customers", { query }),
  listTags: () => call<string[]>("list_tags"),
  getCustomer: (id: number) => call<Customer>("get_customer", { id }),
  createCustomer: (input: CustomerInput) => call<Customer>("create_customer", { input }),
  updateCustomer: (id: number, input: CustomerInput) => call<Customer>("update_customer", { id, input }),
  trashCustomer: (id: number) => call<null>("trash_customer", { id }),
  restoreCustomer: (id: number) => call<null>("restore_customer", { id }),
  deleteCustomer: (id: number) => call<null>("delete_customer", { id }),
  checkCustomerDuplicates: (input: CustomerInput, exclude: number | null) =>
    call<DuplicateHint[]>("check_customer_duplicates", { input, exclude }),
  listCustomerContacts: (customerId: number) => call<Contact[]>("list_customer_contacts", { customerId }),
  listContacts: (query: ContactQuery) => call<ContactPage>("list_contacts", { query }),
  createContact: (customerId: number, input: ContactInput) => call<Contact>("create_contact", { customerId, input }),
  updateContact: (id: number, input: ContactInput) => call<Contact>("update_contact", { id, input }),
  trashContact: (id: number) => call<null>("trash_contact", { id }),
  restoreContact: (id: number) => call<null>("restore_contact", { id }),
  deleteContact: (id: number) => call<null>("delete_contact", { id }),
  listContactHistory: (id: number) => call<HistoryEntry[]>("list_contact_history", { id }),
  createFollowUp: (customerId: number, input: FollowUpInput) => call<FollowUp>("create_follow_up", { customerId, input }),
  updateFollowUp: (id: number, input: FollowUpInput) => call<FollowUp>("update_follow_up", { id, input }),
  trashFollowUp: (id: number) => call<null>("trash_follow_up", { id }),
  restoreFollowUp: (id: number) => call<null>("restore_follow_up", { id }),
  deleteFollowUp: (id: number) => call<null>("delete_follow_up", { id }),
  listTrashedFollowUps: () => call<FollowUp[]>("list_trashed_follow_ups"),
  customerTimeline: (customerId: number) => call<TimelineEntry[]>("customer_timeline", { customerId }),
  todayView: (query: TodayQuery) => call<TodayView>("today_view", { query }),
  actOnReminder: (kind: ReminderKind, entityId: number, due: string, snoozeUntil: string | null) =>
    call<null>("act_on_reminder", { kind, entityId, due, snoozeUntil }),
  scanDuplicates: () => call<DuplicateScan>("scan_duplicates"),
  mergeCustomers: (input: MergeInput) => call<MergeOutcome>("merge_customers", { input }),
  undoMerge: (id: number) => call<Merge>("undo_merge", { id }),
  search: (query: string, limit?: number) => call<SearchHit[]>("search", { query, limit: limit ?? null }),
  pickImportFile: () => call<string | null>("pick_import_file"),
  pickSavePath: (defaultName: string) => call<string | null>("pick_save_path", { defaultName }),
  inspectImport: (path: string, entity: Entity, language: Language) =>
    call<ImportPreview>("inspect_import", { path, entity, language }),
  runImport: (request: ImportRequest, onProgress: (progress: ExportProgress) => void) =>
    callWithProgress<ImportReport>("run_import", { request }, onProgress),
  listImports: () => call<ImportRecord[]>("list_imports"),
  revertImport: (id: number) => call<ImportRecord>("revert_import", { id }),
  saveImportRejects: (id: number, path: string, language: Language) =>
    call<null>("save_import_rejects", { id, path, language }),
  saveImportTemplate: (entity: Entity, path: string, language: Language) =>
    call<null>("save_import_template", { entity, path, language }),
  exportRecords: (request: ExportRequest, onProgress: (progress: ExportProgress) => void) =>
    callWithProgress<ExportSummary>("export_records", { request }, onProgress),
  cancelExport: () => call<null>("cancel_export"),

  listProducts: (query: ProductQuery) => call<ProductPage>("list_products", { query }),
  getProduct: (id: number) => call<Product>("get_product", { id }),
  createProduct: (input: ProductInput) => call<Product>("create_product", { input }),
  updateProduct: (id: number, input: ProductInput) => call<Product>("update_product", { id, input }),
  trashProduct: (id: number) => call<null>("trash_product", { id }),
  restoreProduct: (id: number) => call<null>("restore_product", { id }),
  deleteProduct: (id: number) => call<null>("delete_product", { id }),
  listProductHistory: (id: number) => call<HistoryEntry[]>("list_product_history", { id }),

  listContracts: (query: ContractQuery) => call<ContractPage>("list_contracts", { query }),
  countContracts: (query: ContractQuery) => call<number>("count_contracts", { query }),
  listCustomerContracts: (customerId: number) => call<ContractRow[]>("list_customer_contracts", { customerId }),
  getContract: (id: number) => call<Contract>("get_contract", { id }),
  createContract: (input: ContractInput) => call<Contract>("create_contract", { input }),
  updateContract: (id: number, input: ContractInput) => call<Contract>("update_contract", { id, input }),
  trashContract: (id: number) => call<null>("trash_contract", { id }),
  restoreContract: (id: number) => call<null>("restore_contract", { id }),
  deleteContract: (id: number) => call<null>("delete_contract", { id }),
  listContractHistory: (id: number) => call<HistoryEntry[]>("list_contract_history", { id }),

  getPaymentPlan: (contractId: number) => call<PaymentPlan>("get_payment_plan", { contractId }),
  addInstallment: (contractId: number, input: InstallmentInput) => call<Installment>("add_installment", { contractId, input }),
  updateInstallment: (id: number, input: InstallmentInput) => call<Installment>("update_installment", { id, input }),
  trashInstallment: (id: number) => call<null>("trash_installment", { id }),
  restoreInstallment: (id: number) => call<null>("restore_installment", { id }),
  deleteInstallment: (id: number) => call<null>("delete_installment", { id }),
  listTrashedInstallments: () => call<Installment[]>("list_trashed_installments"),
  recordReceipt: (installmentId: number, input: ReceiptInput) => call<Receipt>("record_receipt", { installmentId, input }),
  updateReceipt: (id: number, input: ReceiptInput) => call<Receipt>("update_receipt", { id, input }),
  trashReceipt: (id: number) => call<null>("trash_receipt", { id }),
  restoreReceipt: (id: number) => call<null>("restore_receipt", { id }),
  deleteReceipt: (id: number) => call<null>("delete_receipt", { id }),
  listTrashedReceipts: () => call<Receipt[]>("list_trashed_receipts"),
  bookReceivables: () => call<BookReceivables>("book_receivables"),
  customerReceivables: (customerId: number) => call<CustomerReceivables>("customer_receivables", { customerId }),
  listOpenInstallments: (query: OpenInstallmentQuery) => call<OpenInstallmentPage>("list_open_installments", { query }),

  pickDocumentFile: () => call<string | null>("pick_document_file"),
  attachDocument: (path: string, customerId: number, contractId: number | null) =>
    call<Document>("attach_document", { path, customerId, contractId }),
  listCustomerDocuments: (customerId: number) => call<Document[]>("list_customer_documents", { customerId }),
  listContractDocuments: (contractId: number) => call<Document[]>("list_contract_documents", { contractId }),
  /** The file's bytes (sent raw, not as JSON), for the in-app preview. */
  documentContents: (id: number) => call<ArrayBuffer>("document_contents", { id }),
  /** Opens a decrypted copy with the system's app; resolves to the copy's path. */
  openDocument: (id: number) => call<string>("open_document", { id }),
  saveDocumentAs: (id: number, path: string) => call<null>("save_document_as", { id, path }),
  renameDocument: (id: number, name: string) => call<Document>("rename_document", { id, name }),
  trashDocument: (id: number) => call<null>("trash_document", { id }),
  restoreDocument: (id: number) => call<null>("restore_document", { id }),
  deleteDocument: (id: number) => call<null>("delete_document", { id }),
  listTrashedDocuments: () => call<Document[]>("list_trashed_documents"),

  runReport: (name: ReportName, query: ReportQuery, onProgress: (progress: ExportProgress) => void = () => {}) =>
    callWithProgress<Report>("run_report", { name, query }, onProgress),
  cancelReports: () => call<null>("cancel_reports"),
  drillReport: (request: DrillRequest, limit: number) => call<DrillList>("drill_report", { request, limit }),
  tagDrilledCustomers: (request: DrillRequest, tag: string) => call<number>("tag_drilled_customers", { request, tag }),
  planDrilledFollowUps: (request: DrillRequest, day: string) => call<number>("plan_drilled_follow_ups", { request, day }),
  exportReport: (name: ReportName, query: ReportQuery, path: string, onProgress: (progress: ExportProgress) => void = () => {}) =>
    callWithProgress<null>("export_report", { name, query, path }, onProgress),
  exportReportPack: (month: string, language: Language, path: string, onProgress: (progress: ExportProgress) => void = () => {}) =>
    callWithProgress<null>("export_report_pack", { month, language, path }, onProgress),
  exportDrill: (request: DrillRequest, path: string) => call<number>("export_drill", { request, path }),
};
