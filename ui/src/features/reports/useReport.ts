//! A report as a query: run in the core off the window's thread, with progress, cancellable, refreshed
//! whenever a record changes (every mutation invalidates the reports' keys).
import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { ExportProgress } from "../../api/bindings/ExportProgress";
import type { Report } from "../../api/bindings/Report";
import type { ReportName } from "../../api/bindings/ReportName";
import type { ReportQuery } from "../../api/bindings/ReportQuery";
import { queryKeys } from "../../api/queryKeys";

export function useReport(name: ReportName, query: ReportQuery, enabled = true) {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const q = useQuery<Report, AppError>({
    queryKey: queryKeys.report(name, query),
    queryFn: async () => {
      setProgress(null);
      try {
        return await api.runReport(name, query, setProgress);
      } finally {
        setProgress(null);
      }
    },
    placeholderData: keepPreviousData,
    enabled,
  });
  return { ...q, progress };
}
