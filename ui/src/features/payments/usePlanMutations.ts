//! Commands that change a payment plan (installments) and what came in against it (receipts); each is
//! followed by the money refresh (plan, contract rows, receivables, timeline, Today, trash).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Installment } from "../../api/bindings/Installment";
import type { InstallmentInput } from "../../api/bindings/InstallmentInput";
import type { Receipt } from "../../api/bindings/Receipt";
import type { ReceiptInput } from "../../api/bindings/ReceiptInput";
import { refreshMoney } from "../contracts/moneyRefresh";

export function useSaveInstallment() {
  const queryClient = useQueryClient();
  return useMutation<Installment, AppError, { contractId: number; id: number | null; input: InstallmentInput }>({
    mutationFn: ({ contractId, id, input }) => (id === null ? api.addInstallment(contractId, input) : api.updateInstallment(id, input)),
    onSuccess: () => refreshMoney(queryClient),
  });
}

/** Records a receipt against an installment (`installmentId`), or edits a recorded one (`id`). */
export function useSaveReceipt() {
  const queryClient = useQueryClient();
  return useMutation<Receipt, AppError, { installmentId: number; id: number | null; input: ReceiptInput }>({
    mutationFn: ({ installmentId, id, input }) => (id === null ? api.recordReceipt(installmentId, input) : api.updateReceipt(id, input)),
    onSuccess: () => refreshMoney(queryClient),
  });
}

function useMoneyCommand(command: (id: number) => Promise<null>) {
  const queryClient = useQueryClient();
  return useMutation<null, AppError, number>({ mutationFn: command, onSuccess: () => refreshMoney(queryClient) });
}

export const useTrashInstallment = () => useMoneyCommand(api.trashInstallment);
export const useRestoreInstallment = () => useMoneyCommand(api.restoreInstallment);
export const useDeleteInstallment = () => useMoneyCommand(api.deleteInstallment);
export const useTrashReceipt = () => useMoneyCommand(api.trashReceipt);
export const useRestoreReceipt = () => useMoneyCommand(api.restoreReceipt);
export const useDeleteReceipt = () => useMoneyCommand(api.deleteReceipt);
