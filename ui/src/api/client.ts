//! The one typed wrapper over Tauri commands; nothing else in the UI calls `invoke`.
import { Channel, invoke } from "@tauri-apps/api/core";
import type { AppError } from "./bindings/AppError";
import type { ContractInput } from "./bindings/ContractInput";
import type { ContractQuery } from "./bindings/ContractQuery";
import type { InstallmentInput } from "./bindings/InstallmentInput";
import type { OpenInstallmentQuery } from "./bindings/OpenInstallmentQuery";
import type { ProductInput } from "./bindings/ProductInput";
import type { ProductQuery } from "./bindings/ProductQuery";
import type { ReceiptInput } from "./bindings/ReceiptInput";
import type { ContactInput } from "./bindings/ContactInput";
import type { ContactQuery } from "./bindings/ContactQuery";
import type { MergeInput } from "./bindings/MergeInput";
import type { CustomerInput } from "./bindings/CustomerInput";
import type { CustomerQuery } from "./bindings/CustomerQuery";
import type { RecordKind } from "./bindings/RecordKind";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { ExportProgress } from "./bindings/ExportProgress";
import type { ExportRequest } from "./bindings/ExportRequest";
import type { ImportRequest } from "./bindings/ImportRequest";
import type { Language } from "./bindings/Language";
import type { FollowUpInput } from "./bindings/FollowUpInput";
import type { ReminderKind } from "./bindings/ReminderKind";
import type { TodayQuery } from "./bindings/TodayQuery";
import type { Settings } from "./bindings/Settings";
import type { DrillRequest } from "./bindings/DrillRequest";
import type { ReportName } from "./bindings/ReportName";
import type { ReportQuery } from "./bindings/ReportQuery";
import { INVALIDATES, type Cache, type CommandName, type Commands } from "./commands";

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

type Args<K extends CommandName> = Commands[K]["args"];
type Result<K extends CommandName> = Commands[K]["result"];
/** The arguments of a call: none for a command that takes none. */
type ArgList<K extends CommandName> = keyof Args<K> extends never ? [] : [Args<K>];

let refresh: (caches: readonly Cache[]) => void = () => {};

/** Registers how cached queries are refreshed: after a command succeeds, the caches its entry in the
 * command table names go stale. The app's query client registers itself when it is made. */
export function whenStale(refreshCaches: (caches: readonly Cache[]) => void) {
  refresh = refreshCaches;
}

async function call<K extends CommandName>(command: K, ...[args]: ArgList<K>): Promise<Result<K>> {
  let result: Result<K>;
  try {
    result = await invoke<Result<K>>(command, args as Record<string, unknown> | undefined);
  } catch (err) {
    throw toAppError(err);
  }
  const stale = INVALIDATES[command];
  if (stale.length > 0) refresh(stale);
  return result;
}

/** A command that reports `{done, total}` on a channel passed as its `onProgress` argument. */
type WithProgress = { [K in CommandName]: Args<K> extends { onProgress: Channel<ExportProgress> } ? K : never }[CommandName];

/** Calls a long command, handing what it reports on its progress channel to `onProgress`. */
async function callWithProgress<K extends WithProgress>(
  command: K,
  args: Omit<Args<K>, "onProgress">,
  onProgress: (progress: ExportProgress) => void,
): Promise<Result<K>> {
  let channel: Channel<ExportProgress>;
  try {
    channel = new Channel<ExportProgress>();
  } catch (err) {
    throw toAppError(err);
  }
  channel.onmessage = onProgress;
  return (call as (command: K, args: Args<K>) => Promise<Result<K>>)(command, { ...args, onProgress: channel } as Args<K>);
}

export const api = {
  /** Any kind of record: to the trash, back, for good; the trashed ones of a kind; a record's history. */
  trashRecord: (kind: RecordKind, id: number) => call("trash_record", { kind, id }),
  restoreRecord: (kind: RecordKind, id: number) => call("restore_record", { kind, id }),
  deleteRecord: (kind: RecordKind, id: number) => call("delete_record", { kind, id }),
  listTrash: (kind: RecordKind) => call("list_trash", { kind }),
  listHistory: (kind: RecordKind, id: number) => call("list_history", { kind, id }),

  storeStatus: () => call("store_status"),
  retryOpenStore: () => call("retry_open_store"),
  setPassphrase: (passphrase: string) => call("set_passphrase", { passphrase }),
  unlockWithPassphrase: (passphrase: string) => call("unlock_with_passphrase", { passphrase }),
  unlockWithRecoveryKey: (recoveryKey: string) => call("unlock_with_recovery_key", { recoveryKey }),
  exportRecoveryKey: () => call("export_recovery_key"),
  checkStore: () => call("check_store"),
  getSettings: () => call("get_settings"),
  setSettings: (settings: Settings) => call("set_settings", { settings }),
  listCustomers: (query: CustomerQuery) => call("list_customers", { query }),
  countCustomers: (query: CustomerQuery) => call("count_customers", { query }),
  listTags: () => call("list_tags"),
  getCustomer: (id: number) => call("get_customer", { id }),
  createCustomer: (input: CustomerInput) => call("create_customer", { input }),
  updateCustomer: (id: number, input: CustomerInput) => call("update_customer", { id, input }),
  checkCustomerDuplicates: (input: CustomerInput, exclude: number | null) =>
    call("check_customer_duplicates", { input, exclude }),
  listCustomerContacts: (customerId: number) => call("list_customer_contacts", { customerId }),
  listContacts: (query: ContactQuery) => call("list_contacts", { query }),
  createContact: (customerId: number, input: ContactInput) => call("create_contact", { customerId, input }),
  updateContact: (id: number, input: ContactInput) => call("update_contact", { id, input }),
  createFollowUp: (customerId: number, input: FollowUpInput) => call("create_follow_up", { customerId, input }),
  updateFollowUp: (id: number, input: FollowUpInput) => call("update_follow_up", { id, input }),
  customerTimeline: (customerId: number) => call("customer_timeline", { customerId }),
  todayView: (query: TodayQuery) => call("today_view", { query }),
  actOnReminder: (kind: ReminderKind, entityId: number, due: string, snoozeUntil: string | null) =>
    call("act_on_reminder", { kind, entityId, due, snoozeUntil }),
  scanDuplicates: () => call("scan_duplicates"),
  mergeCustomers: (input: MergeInput) => call("merge_customers", { input }),
  undoMerge: (id: number) => call("undo_merge", { id }),
  search: (query: string, limit?: number) => call("search", { query, limit: limit ?? null }),
  pickImportFile: () => call("pick_import_file"),
  pickSavePath: (defaultName: string) => call("pick_save_path", { defaultName }),
  inspectImport: (path: string, entity: RecordKind, language: Language) =>
    call("inspect_import", { path, entity, language }),
  runImport: (request: ImportRequest, onProgress: (progress: ExportProgress) => void) =>
    callWithProgress("run_import", { request }, onProgress),
  listImports: () => call("list_imports"),
  revertImport: (id: number) => call("revert_import", { id }),
  saveImportRejects: (id: number, path: string, language: Language) =>
    call("save_import_rejects", { id, path, language }),
  saveImportTemplate: (entity: RecordKind, path: string, language: Language) =>
    call("save_import_template", { entity, path, language }),
  exportRecords: (request: ExportRequest, onProgress: (progress: ExportProgress) => void) =>
    callWithProgress("export_records", { request }, onProgress),
  cancelExport: () => call("cancel_export"),

  listProducts: (query: ProductQuery) => call("list_products", { query }),
  getProduct: (id: number) => call("get_product", { id }),
  createProduct: (input: ProductInput) => call("create_product", { input }),
  updateProduct: (id: number, input: ProductInput) => call("update_product", { id, input }),

  listContracts: (query: ContractQuery) => call("list_contracts", { query }),
  countContracts: (query: ContractQuery) => call("count_contracts", { query }),
  listCustomerContracts: (customerId: number) => call("list_customer_contracts", { customerId }),
  getContract: (id: number) => call("get_contract", { id }),
  createContract: (input: ContractInput) => call("create_contract", { input }),
  updateContract: (id: number, input: ContractInput) => call("update_contract", { id, input }),

  getPaymentPlan: (contractId: number) => call("get_payment_plan", { contractId }),
  addInstallment: (contractId: number, input: InstallmentInput) => call("add_installment", { contractId, input }),
  updateInstallment: (id: number, input: InstallmentInput) => call("update_installment", { id, input }),
  recordReceipt: (installmentId: number, input: ReceiptInput) => call("record_receipt", { installmentId, input }),
  updateReceipt: (id: number, input: ReceiptInput) => call("update_receipt", { id, input }),
  bookReceivables: () => call("book_receivables"),
  customerReceivables: (customerId: number) => call("customer_receivables", { customerId }),
  listOpenInstallments: (query: OpenInstallmentQuery) => call("list_open_installments", { query }),

  pickDocumentFile: () => call("pick_document_file"),
  attachDocument: (path: string, customerId: number, contractId: number | null) =>
    call("attach_document", { path, customerId, contractId }),
  listCustomerDocuments: (customerId: number) => call("list_customer_documents", { customerId }),
  listContractDocuments: (contractId: number) => call("list_contract_documents", { contractId }),
  /** The file's bytes (sent raw, not as JSON), for the in-app preview. */
  documentContents: (id: number) => call("document_contents", { id }),
  /** Opens a decrypted copy with the system's app; resolves to the copy's path. */
  openDocument: (id: number) => call("open_document", { id }),
  saveDocumentAs: (id: number, path: string) => call("save_document_as", { id, path }),
  renameDocument: (id: number, name: string) => call("rename_document", { id, name }),

  runReport: (name: ReportName, query: ReportQuery, onProgress: (progress: ExportProgress) => void = () => {}) =>
    callWithProgress("run_report", { name, query }, onProgress),
  cancelReports: () => call("cancel_reports"),
  drillReport: (request: DrillRequest, limit: number) => call("drill_report", { request, limit }),
  tagDrilledCustomers: (request: DrillRequest, tag: string) => call("tag_drilled_customers", { request, tag }),
  planDrilledFollowUps: (request: DrillRequest, day: string) => call("plan_drilled_follow_ups", { request, day }),
  exportReport: (name: ReportName, query: ReportQuery, path: string, onProgress: (progress: ExportProgress) => void = () => {}) =>
    callWithProgress("export_report", { name, query, path }, onProgress),
  exportReportPack: (month: string, language: Language, path: string, onProgress: (progress: ExportProgress) => void = () => {}) =>
    callWithProgress("export_report_pack", { month, language, path }, onProgress),
  exportDrill: (request: DrillRequest, path: string) => call("export_drill", { request, path }),
};
