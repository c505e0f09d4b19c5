//! Commands that change contracts; the command table says what each refreshes (lists, receivables, the
//! customer's timeline, Today).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Contract } from "../../api/bindings/Contract";
import type { ContractInput } from "../../api/bindings/ContractInput";
import { queryKeys } from "../../api/queryKeys";
import { useRecordMutation } from "../records/useRecordMutations";

export function useSaveContract() {
  const queryClient = useQueryClient();
  return useMutation<Contract, AppError, { id: number | null; input: ContractInput }>({
    mutationFn: ({ id, input }) => (id === null ? api.createContract(input) : api.updateContract(id, input)),
    onSuccess: (contract) => queryClient.setQueryData(queryKeys.contract(contract.id), contract),
  });
}

export const useTrashContract = () => useRecordMutation("contracts", "trash");
export const useRestoreContract = () => useRecordMutation("contracts", "restore");
export const useDeleteContract = () => useRecordMutation("contracts", "delete");
