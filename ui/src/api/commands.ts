// Written by `cargo test` from the command list in src-tauri/src/commands/mod.rs. Do not edit.
import type { Channel } from "@tauri-apps/api/core";
import type { BookReceivables } from "./bindings/BookReceivables";
import type { Contact } from "./bindings/Contact";
import type { ContactInput } from "./bindings/ContactInput";
import type { ContactPage } from "./bindings/ContactPage";
import type { ContactQuery } from "./bindings/ContactQuery";
import type { Contract } from "./bindings/Contract";
import type { ContractInput } from "./bindings/ContractInput";
import type { ContractPage } from "./bindings/ContractPage";
import type { ContractQuery } from "./bindings/ContractQuery";
import type { ContractRow } from "./bindings/ContractRow";
import type { Customer } from "./bindings/Customer";
import type { CustomerInput } from "./bindings/CustomerInput";
import type { CustomerPage } from "./bindings/CustomerPage";
import type { CustomerQuery } from "./bindings/CustomerQuery";
import type { CustomerReceivables } from "./bindings/CustomerReceivables";
import type { Document } from "./bindings/Document";
import type { DrillList } from "./bindings/DrillList";
import type { DrillRequest } from "./bindings/DrillRequest";
import type { DuplicateHint } from "./bindings/DuplicateHint";
import type { DuplicateScan } from "./bindings/DuplicateScan";
import type { ExportProgress } from "./bindings/ExportProgress";
import type { ExportRequest } from "./bindings/ExportRequest";
import type { ExportSummary } from "./bindings/ExportSummary";
import type { FollowUp } from "./bindings/FollowUp";
import type { FollowUpInput } from "./bindings/FollowUpInput";
import type { HistoryEntry } from "./bindings/HistoryEntry";
import type { ImportPreview } from "./bindings/ImportPreview";
import type { ImportRecord } from "./bindings/ImportRecord";
import type { ImportReport } from "./bindings/ImportReport";
import type { ImportRequest } from "./bindings/ImportRequest";
import type { Installment } from "./bindings/Installment";
import type { InstallmentInput } from "./bindings/InstallmentInput";
import type { Language } from "./bindings/Language";
import type { Merge } from "./bindings/Merge";
import type { MergeInput } from "./bindings/MergeInput";
import type { MergeOutcome } from "./bindings/MergeOutcome";
import type { OpenInstallmentPage } from "./bindings/OpenInstallmentPage";
import type { OpenInstallmentQuery } from "./bindings/OpenInstallmentQuery";
import type { PaymentPlan } from "./bindings/PaymentPlan";
import type { Product } from "./bindings/Product";
import type { ProductInput } from "./bindings/ProductInput";
import type { ProductPage } from "./bindings/ProductPage";
import type { ProductQuery } from "./bindings/ProductQuery";
import type { Receipt } from "./bindings/Receipt";
import type { ReceiptInput } from "./bindings/ReceiptInput";
import type { RecordKind } from "./bindings/RecordKind";
import type { ReminderKind } from "./bindings/ReminderKind";
import type { Report } from "./bindings/Report";
import type { ReportName } from "./bindings/ReportName";
import type { ReportQuery } from "./bindings/ReportQuery";
import type { SearchHit } from "./bindings/SearchHit";
import type { Settings } from "./bindings/Settings";
import type { StoreCheck } from "./bindings/StoreCheck";
import type { StoreStatus } from "./bindings/StoreStatus";
import type { TimelineEntry } from "./bindings/TimelineEntry";
import type { TodayQuery } from "./bindings/TodayQuery";
import type { TodayView } from "./bindings/TodayView";
import type { TrashedRows } from "./bindings/TrashedRows";

/** What the window caches, named by the start of its query keys (parts joined by dots). */
export type Cache = "storeStatus" | "settings" | "customers" | "customers.count" | "customer" | "tags" | "contacts" | "timeline" | "today" | "search" | "duplicates" | "duplicateScan" | "imports" | "documents" | "products" | "contracts" | "contract" | "receivables" | "trash" | "reports";

/** Every command the window may call: its arguments and its result. */
export interface Commands {
  store_status: { args: Record<never, never>; result: StoreStatus };
  retry_open_store: { args: Record<never, never>; result: StoreStatus };
  set_passphrase: { args: { passphrase: string }; result: StoreStatus };
  unlock_with_passphrase: { args: { passphrase: string }; result: StoreStatus };
  unlock_with_recovery_key: { args: { recoveryKey: string }; result: StoreStatus };
  export_recovery_key: { args: Record<never, never>; result: string };
  check_store: { args: Record<never, never>; result: StoreCheck };
  get_settings: { args: Record<never, never>; result: Settings };
  set_settings: { args: { settings: Settings }; result: Settings };
  trash_record: { args: { kind: RecordKind; id: number }; result: null };
  restore_record: { args: { kind: RecordKind; id: number }; result: null };
  delete_record: { args: { kind: RecordKind; id: number }; result: null };
  list_trash: { args: { kind: RecordKind }; result: TrashedRows };
  list_history: { args: { kind: RecordKind; id: number }; result: HistoryEntry[] };
  list_customers: { args: { query: CustomerQuery }; result: CustomerPage };
  count_customers: { args: { query: CustomerQuery }; result: number };
  list_tags: { args: Record<never, never>; result: string[] };
  get_customer: { args: { id: number }; result: Customer };
  create_customer: { args: { input: CustomerInput }; result: Customer };
  update_customer: { args: { id: number; input: CustomerInput }; result: Customer };
  check_customer_duplicates: { args: { input: CustomerInput; exclude: number | null }; result: DuplicateHint[] };
  list_customer_contacts: { args: { customerId: number }; result: Contact[] };
  list_contacts: { args: { query: ContactQuery }; result: ContactPage };
  create_contact: { args: { customerId: number; input: ContactInput }; result: Contact };
  update_contact: { args: { id: number; input: ContactInput }; result: Contact };
  search: { args: { query: string; limit: number | null }; result: SearchHit[] };
  create_follow_up: { args: { customerId: number; input: FollowUpInput }; result: FollowUp };
  update_follow_up: { args: { id: number; input: FollowUpInput }; result: FollowUp };
  customer_timeline: { args: { customerId: number }; result: TimelineEntry[] };
  today_view: { args: { query: TodayQuery }; result: TodayView };
  act_on_reminder: { args: { kind: ReminderKind; entityId: number; due: string; snoozeUntil: string | null }; result: null };
  scan_duplicates: { args: Record<never, never>; result: DuplicateScan };
  merge_customers: { args: { input: MergeInput }; result: MergeOutcome };
  undo_merge: { args: { id: number }; result: Merge };
  pick_import_file: { args: Record<never, never>; result: string | null };
  pick_save_path: { args: { defaultName: string }; result: string | null };
  export_records: { args: { request: ExportRequest; onProgress: Channel<ExportProgress> }; result: ExportSummary };
  cancel_export: { args: Record<never, never>; result: null };
  inspect_import: { args: { path: string; entity: RecordKind; language: Language }; result: ImportPreview };
  run_import: { args: { request: ImportRequest; onProgress: Channel<ExportProgress> }; result: ImportReport };
  list_imports: { args: Record<never, never>; result: ImportRecord[] };
  revert_import: { args: { id: number }; result: ImportRecord };
  save_import_rejects: { args: { id: number; path: string; language: Language }; result: null };
  save_import_template: { args: { entity: RecordKind; path: string; language: Language }; result: null };
  list_products: { args: { query: ProductQuery }; result: ProductPage };
  get_product: { args: { id: number }; result: Product };
  create_product: { args: { input: ProductInput }; result: Product };
  update_product: { args: { id: number; input: ProductInput }; result: Product };
  list_contracts: { args: { query: ContractQuery }; result: ContractPage };
  count_contracts: { args: { query: ContractQuery }; result: number };
  list_customer_contracts: { args: { customerId: number }; result: ContractRow[] };
  get_contract: { args: { id: number }; result: Contract };
  create_contract: { args: { input: ContractInput }; result: Contract };
  update_contract: { args: { id: number; input: ContractInput }; result: Contract };
  get_payment_plan: { args: { contractId: number }; result: PaymentPlan };
  add_installment: { args: { contractId: number; input: InstallmentInput }; result: Installment };
  update_installment: { args: { id: number; input: InstallmentInput }; result: Installment };
  record_receipt: { args: { installmentId: number; input: ReceiptInput }; result: Receipt };
  update_receipt: { args: { id: number; input: ReceiptInput }; result: Receipt };
  book_receivables: { args: Record<never, never>; result: BookReceivables };
  customer_receivables: { args: { customerId: number }; result: CustomerReceivables };
  list_open_installments: { args: { query: OpenInstallmentQuery }; result: OpenInstallmentPage };
  pick_document_file: { args: Record<never, never>; result: string | null };
  attach_document: { args: { path: string; customerId: number; contractId: number | null }; result: Document };
  list_customer_documents: { args: { customerId: number }; result: Document[] };
  list_contract_documents: { args: { contractId: number }; result: Document[] };
  document_contents: { args: { id: number }; result: ArrayBuffer };
  open_document: { args: { id: number }; result: string };
  save_document_as: { args: { id: number; path: string }; result: null };
  rename_document: { args: { id: number; name: string }; result: Document };
  run_report: { args: { name: ReportName; query: ReportQuery; onProgress: Channel<ExportProgress> }; result: Report };
  cancel_reports: { args: Record<never, never>; result: null };
  drill_report: { args: { request: DrillRequest; limit: number }; result: DrillList };
  tag_drilled_customers: { args: { request: DrillRequest; tag: string }; result: number };
  plan_drilled_follow_ups: { args: { request: DrillRequest; day: string }; result: number };
  export_report: { args: { name: ReportName; query: ReportQuery; path: string; onProgress: Channel<ExportProgress> }; result: null };
  export_report_pack: { args: { month: string; language: Language; path: string; onProgress: Channel<ExportProgress> }; result: null };
  export_drill: { args: { request: DrillRequest; path: string }; result: number };
}

export type CommandName = keyof Commands;

/** The caches each command makes stale when it succeeds. */
export const INVALIDATES: { readonly [K in CommandName]: readonly Cache[] } = {
  store_status: [],
  retry_open_store: ["customers", "today", "reports"],
  set_passphrase: ["customers", "today", "reports"],
  unlock_with_passphrase: ["customers", "today", "reports"],
  unlock_with_recovery_key: ["customers", "today", "reports"],
  export_recovery_key: [],
  check_store: [],
  get_settings: [],
  set_settings: ["settings", "today", "reports"],
  trash_record: ["customers", "customer", "tags", "contacts", "timeline", "today", "search", "duplicates", "duplicateScan", "documents", "products", "contracts", "contract", "receivables", "trash", "reports"],
  restore_record: ["customers", "customer", "tags", "contacts", "timeline", "today", "search", "duplicates", "duplicateScan", "documents", "products", "contracts", "contract", "receivables", "trash", "reports"],
  delete_record: ["customers", "customer", "tags", "contacts", "timeline", "today", "search", "duplicates", "duplicateScan", "documents", "products", "contracts", "contract", "receivables", "trash", "reports"],
  list_trash: [],
  list_history: [],
  list_customers: [],
  count_customers: [],
  list_tags: [],
  get_customer: [],
  create_customer: ["customers", "customer", "tags", "search", "duplicates", "duplicateScan", "timeline", "today", "reports"],
  update_customer: ["customers.count", "customer", "tags", "search", "duplicates", "duplicateScan", "timeline", "today", "reports"],
  check_customer_duplicates: [],
  list_customer_contacts: [],
  list_contacts: [],
  create_contact: ["contacts", "customer", "timeline", "search", "duplicates", "duplicateScan"],
  update_contact: ["contacts", "customer", "timeline", "search", "duplicates", "duplicateScan"],
  search: [],
  create_follow_up: ["timeline", "customer", "customers", "today", "reports"],
  update_follow_up: ["timeline", "customer", "customers", "today", "reports"],
  customer_timeline: [],
  today_view: [],
  act_on_reminder: ["today"],
  scan_duplicates: [],
  merge_customers: ["customers", "customer", "tags", "contacts", "timeline", "today", "search", "duplicates", "duplicateScan", "documents", "products", "contracts", "contract", "receivables", "trash", "reports"],
  undo_merge: ["customers", "customer", "tags", "contacts", "timeline", "today", "search", "duplicates", "duplicateScan", "documents", "products", "contracts", "contract", "receivables", "trash", "reports"],
  pick_import_file: [],
  pick_save_path: [],
  export_records: [],
  cancel_export: [],
  inspect_import: [],
  run_import: ["customers", "customer", "tags", "contacts", "timeline", "today", "search", "duplicates", "duplicateScan", "documents", "products", "contracts", "contract", "receivables", "trash", "reports", "imports"],
  list_imports: [],
  revert_import: ["customers", "customer", "tags", "contacts", "timeline", "today", "search", "duplicates", "duplicateScan", "documents", "products", "contracts", "contract", "receivables", "trash", "reports", "imports"],
  save_import_rejects: [],
  save_import_template: [],
  list_products: [],
  get_product: [],
  create_product: ["products", "trash", "reports"],
  update_product: ["products", "contract", "trash", "reports"],
  list_contracts: [],
  count_contracts: [],
  list_customer_contracts: [],
  get_contract: [],
  create_contract: ["contracts", "contract", "receivables", "documents", "timeline", "today", "trash", "reports", "customers", "customer"],
  update_contract: ["contracts", "contract", "receivables", "documents", "timeline", "today", "trash", "reports", "customers", "customer"],
  get_payment_plan: [],
  add_installment: ["contracts", "contract", "receivables", "documents", "timeline", "today", "trash", "reports"],
  update_installment: ["contracts", "contract", "receivables", "documents", "timeline", "today", "trash", "reports"],
  record_receipt: ["contracts", "contract", "receivables", "documents", "timeline", "today", "trash", "reports"],
  update_receipt: ["contracts", "contract", "receivables", "documents", "timeline", "today", "trash", "reports"],
  book_receivables: [],
  customer_receivables: [],
  list_open_installments: [],
  pick_document_file: [],
  attach_document: ["documents", "trash"],
  list_customer_documents: [],
  list_contract_documents: [],
  document_contents: [],
  open_document: [],
  save_document_as: [],
  rename_document: ["documents", "trash"],
  run_report: [],
  cancel_reports: [],
  drill_report: [],
  tag_drilled_customers: ["customers", "customer", "tags", "search", "reports"],
  plan_drilled_follow_ups: ["customers", "customer", "today", "timeline", "reports"],
  export_report: [],
  export_report_pack: [],
  export_drill: [],
};
