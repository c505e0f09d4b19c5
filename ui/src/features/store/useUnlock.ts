//! A mutation over one unlock command whose resulting StoreStatus replaces the cached one (the command
//! table refreshes what an opened store shows).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AppError } from "../../api/bindings/AppError";
import type { StoreStatus } from "../../api/bindings/StoreStatus";
import { queryKeys } from "../../api/queryKeys";

export function useUnlock(command: (secret: string) => Promise<StoreStatus>) {
  const queryClient = useQueryClient();
  return useMutation<StoreStatus, AppError, string>({
    mutationFn: command,
    onSuccess: (status) => {
      queryClient.setQueryData(queryKeys.storeStatus, status);
    },
  });
}
