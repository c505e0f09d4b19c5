//! Commands that change a payment plan (installments) and what came in against it (receipts); the command
//! table says what each refreshes (plan, contract rows, receivables, timeline, Today, trash).
import { useMutation } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Installment } from "../../api/bindings/Installment";
import type { InstallmentInput } from "../../api/bindings/InstallmentInput";
import type { Receipt } from "../../api/bindings/Receipt";
import type { ReceiptInput } from "../../api/bindings/ReceiptInput";
import { useRecordMutation } from "../records/useRecordMutations";

export function useSaveInstallment() {
  return useMutation<Installment, AppError, { contractId: number; id: number | null; input: InstallmentInput }>({
    mutationFn: ({ contractId, id, input }) => (id === null ? api.addInstallment(contractId, input) : api.updateInstallment(id, input)),
  });
}

/** Records a receipt against an installment (`installmentId`), or edits a recorded one (`id`). */
export function useSaveReceipt() {
  return useMutation<Receipt, AppError, { installmentId: number; id: number | null; input: ReceiptInput }>({
    mutationFn: ({ installmentId, id, input }) => (id === null ? api.recordReceipt(installmentId, input) : api.updateReceipt(id, input)),
  });
}

export const useTrashInstallment = () => useRecordMutation("installments", "trash");
export const useRestoreInstallment = () => useRecordMutation("installments", "restore");
export const useDeleteInstallment = () => useRecordMutation("installments", "delete");
export const useTrashReceipt = () => useRecordMutation("receipts", "trash");
export const useRestoreReceipt = () => useRecordMutation("receipts", "restore");
export const useDeleteReceipt = () => useRecordMutation("receipts", "delete");
