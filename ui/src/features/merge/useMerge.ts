//! Merge and undo, each followed by the cache refresh that shows both customers as they now are.
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Merge } from "../../api/bindings/Merge";
import type { MergeInput } from "../../api/bindings/MergeInput";
import type { MergeOutcome } from "../../api/bindings/MergeOutcome";
import { queryKeys } from "../../components/queryKeys";
import { refreshMoney } from "../contracts/moneyRefresh";

function refresh(queryClient: QueryClient, ids: number[]) {
  void queryClient.resetQueries({ queryKey: queryKeys.customers });
  for (const id of ids) {
    void queryClient.invalidateQueries({ queryKey: queryKeys.customer(id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.timeline(id) });
  }
  void queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
  void queryClient.invalidateQueries({ queryKey: queryKeys.today });
  void queryClient.invalidateQueries({ queryKey: ["search"] });
  // Contracts and documents move to the survivor, and back on undo.
  refreshMoney(queryClient);
}

export function useMergeCustomers() {
  const queryClient = useQueryClient();
  return useMutation<MergeOutcome, AppError, MergeInput>({
    mutationFn: api.mergeCustomers,
    onSuccess: (_, input) => refresh(queryClient, [input.survivorId, input.mergedId]),
  });
}

export function useUndoMerge() {
  const queryClient = useQueryClient();
  return useMutation<Merge, AppError, number>({
    mutationFn: api.undoMerge,
    onSuccess: (m) => refresh(queryClient, [m.survivorId, m.mergedId]),
  });
}
