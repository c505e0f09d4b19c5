//! Import commands as queries and mutations, each followed by the refresh that shows the changed customers.
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { ExportProgress } from "../../api/bindings/ExportProgress";
import type { ImportRecord } from "../../api/bindings/ImportRecord";
import type { ImportReport } from "../../api/bindings/ImportReport";
import type { ImportRequest } from "../../api/bindings/ImportRequest";
import { queryKeys } from "../../components/queryKeys";

/** An import or its revert changed many customers: every list restarts, every open customer reloads. */
function refreshAfterImport(queryClient: QueryClient) {
  void queryClient.resetQueries({ queryKey: queryKeys.customers });
  void queryClient.invalidateQueries({ queryKey: ["customer"] });
  void queryClient.invalidateQueries({ queryKey: ["timeline"] });
  void queryClient.invalidateQueries({ queryKey: queryKeys.tags });
  void queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
  void queryClient.invalidateQueries({ queryKey: queryKeys.today });
  void queryClient.invalidateQueries({ queryKey: ["search"] });
  void queryClient.invalidateQueries({ queryKey: queryKeys.duplicateScan });
  void queryClient.invalidateQueries({ queryKey: queryKeys.imports });
}

export function useImportHistory() {
  return useQuery<ImportRecord[], AppError>({ queryKey: queryKeys.imports, queryFn: api.listImports });
}

export function useRunImport(onProgress: (progress: ExportProgress) => void) {
  const queryClient = useQueryClient();
  return useMutation<ImportReport, AppError, ImportRequest>({
    mutationFn: (request) => api.runImport(request, onProgress),
    onSuccess: (report) => {
      if (!report.dryRun) refreshAfterImport(queryClient);
    },
  });
}

export function useRevertImport() {
  const queryClient = useQueryClient();
  return useMutation<ImportRecord, AppError, number>({
    mutationFn: api.revertImport,
    onSuccess: (record) => {
      queryClient.setQueryData<ImportRecord[]>(queryKeys.imports, (list) => list?.map((r) => (r.id === record.id ? record : r)));
      refreshAfterImport(queryClient);
    },
  });
}
