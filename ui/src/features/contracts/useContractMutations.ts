//! Commands that change contracts, each followed by the refresh that keeps lists, receivables, the
//! customer's timeline and Today correct.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Contract } from "../../api/bindings/Contract";
import type { ContractInput } from "../../api/bindings/ContractInput";
import { queryKeys } from "../../components/queryKeys";
import { refreshMoney } from "./moneyRefresh";

export function useSaveContract() {
  const queryClient = useQueryClient();
  return useMutation<Contract, AppError, { id: number | null; input: ContractInput }>({
    mutationFn: ({ id, input }) => (id === null ? api.createContract(input) : api.updateContract(id, input)),
    onSuccess: (contract) => {
      queryClient.setQueryData(queryKeys.contract(contract.id), contract);
      refreshMoney(queryClient);
    },
  });
}

function useContractCommand(command: (id: number) => Promise<null>) {
  const queryClient = useQueryClient();
  return useMutation<null, AppError, number>({ mutationFn: command, onSuccess: () => refreshMoney(queryClient) });
}

export const useTrashContract = () => useContractCommand(api.trashContract);
export const useRestoreContract = () => useContractCommand(api.restoreContract);
export const useDeleteContract = () => useContractCommand(api.deleteContract);
