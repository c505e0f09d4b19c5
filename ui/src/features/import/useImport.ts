//! Import commands as queries and mutations; the command table says what an import or its revert refreshes.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { ExportProgress } from "../../api/bindings/ExportProgress";
import type { ImportRecord } from "../../api/bindings/ImportRecord";
import type { ImportReport } from "../../api/bindings/ImportReport";
import type { ImportRequest } from "../../api/bindings/ImportRequest";
import { queryKeys } from "../../api/queryKeys";

export function useImportHistory() {
  return useQuery<ImportRecord[], AppError>({ queryKey: queryKeys.imports, queryFn: api.listImports });
}

export function useRunImport(onProgress: (progress: ExportProgress) => void) {
  return useMutation<ImportReport, AppError, ImportRequest>({
    mutationFn: (request) => api.runImport(request, onProgress),
  });
}

export function useRevertImport() {
  const queryClient = useQueryClient();
  return useMutation<ImportRecord, AppError, number>({
    mutationFn: api.revertImport,
    onSuccess: (record) => {
      queryClient.setQueryData<ImportRecord[]>(queryKeys.imports, (list) => list?.map((r) => (r.id === record.id ? record : r)));
    },
  });
}
