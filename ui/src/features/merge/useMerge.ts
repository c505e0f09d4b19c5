//! Merge and undo; the command table says what each refreshes (both customers, their records, the lists).
import { useMutation } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Merge } from "../../api/bindings/Merge";
import type { MergeInput } from "../../api/bindings/MergeInput";
import type { MergeOutcome } from "../../api/bindings/MergeOutcome";

export function useMergeCustomers() {
  return useMutation<MergeOutcome, AppError, MergeInput>({ mutationFn: api.mergeCustomers });
}

export function useUndoMerge() {
  return useMutation<Merge, AppError, number>({ mutationFn: api.undoMerge });
}
