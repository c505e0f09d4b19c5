//! Exporting a list to a file: ask where, run with progress, allow cancelling, then say what was written.
import { createElement, useCallback, useState } from "react";
import { App } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { ContractQuery } from "../../api/bindings/ContractQuery";
import type { CustomerQuery } from "../../api/bindings/CustomerQuery";
import type { ExportProgress } from "../../api/bindings/ExportProgress";
import { errorText } from "../../i18n/errorText";
import { asLanguage } from "../../i18n/language";
import { defaultFileName, exportFileKind, exportFormat, exportRequest, isCancelled, type ExportChoice, type ListEntity } from "./exportPlan";

export type ExportState = {
  /** Progress of the running export; null when none runs. */
  progress: ExportProgress | null;
  cancelling: boolean;
  start: (choice: ExportChoice) => Promise<void>;
  cancel: () => void;
};

/** `query` (customers) or `contracts` is the list's current filter and sort, read when an export starts
 * (null: the list has none). */
export function useExport(entity: ListEntity, query: CustomerQuery | null, contracts: ContractQuery | null = null): ExportState {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const running = progress !== null;

  const start = useCallback(
    async (choice: ExportChoice) => {
      if (running) return;
      const fail = (err: AppError) => void message.error(errorText(t, err));
      let path: string | null;
      try {
        path = await api.pickSavePath(defaultFileName(t, exportFileKind(choice, entity), exportFormat(choice)));
      } catch (err) {
        fail(err as AppError);
        return;
      }
      if (!path) return;
      setProgress({ done: 0, total: 0 });
      try {
        const request = exportRequest(choice, entity, query, path, asLanguage(i18n.language), contracts);
        const summary = await api.exportRecords(request, setProgress);
        const text = t("export.done", { rows: summary.rows.toLocaleString(i18n.language), path: summary.path });
        void message.success({ content: createElement("span", { "data-testid": "export-done" }, text), duration: 8 });
      } catch (err) {
        if (isCancelled(err as AppError)) {
          void message.info(createElement("span", { "data-testid": "export-cancelled" }, t("export.cancelled")));
        } else {
          fail(err as AppError);
        }
      } finally {
        setProgress(null);
        setCancelling(false);
      }
    },
    [running, entity, query, t, i18n.language, message],
  );

  const cancel = useCallback(() => {
    setCancelling(true);
    api.cancelExport().catch((err: AppError) => {
      setCancelling(false);
      void message.error(errorText(t, err));
    });
  }, [t, message]);

  return { progress, cancelling, start, cancel };
}
