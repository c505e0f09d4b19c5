//! Attaching files to a customer (or one of its contracts) one after another, from the file dialog or
//! dropped on the window: progress while it runs, one message for each file that could not be attached.
import { useState } from "react";
import { App } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import { errorText } from "../../i18n/errorText";
import { fileName } from "./documentFormat";

export type AttachProgress = { done: number; total: number };

export function useAttach(customerId: number, contractId: number | null) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<AttachProgress | null>(null);

  /** Attaches each path in turn; a file that fails does not stop the others. */
  const attach = async (paths: string[]) => {
    if (paths.length === 0) return;
    setProgress({ done: 0, total: paths.length });
    const attached: string[] = [];
    for (const [i, path] of paths.entries()) {
      try {
        const doc = await api.attachDocument(path, customerId, contractId);
        attached.push(doc.name);
      } catch (err) {
        void message.error(t("documents.attachFailed", { name: fileName(path), reason: errorText(t, err as AppError) }));
      }
      setProgress({ done: i + 1, total: paths.length });
    }
    setProgress(null);
    if (attached.length === 1) void message.success(t("documents.attached", { name: attached[0] }));
    if (attached.length > 1) void message.success(t("documents.attachedMany", { count: attached.length }));
  };

  /** The OS file dialog, then attach; a cancelled dialog does nothing. */
  const pickAndAttach = async () => {
    try {
      const path = await api.pickDocumentFile();
      if (path !== null) await attach([path]);
    } catch (err) {
      void message.error(errorText(t, err as AppError));
    }
  };

  return { attach, pickAndAttach, progress, busy: progress !== null };
}
