//! The buttons of one document: preview (PDFs and images), open with the system's app, save a copy
//! elsewhere, rename, and move to the trash.
import { useState, type ReactNode } from "react";
import { App, Button, Popconfirm, Space, Tooltip } from "antd";
import { DeleteOutlined, DownloadOutlined, EditOutlined, EyeOutlined, FolderOpenOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Document } from "../../api/bindings/Document";
import { errorText } from "../../i18n/errorText";
import { previewable } from "./documentFormat";
import { useTrashDocument } from "./useDocuments";

type Props = {
  document: Document;
  onPreview: (doc: Document) => void;
  onRename: (doc: Document) => void;
};

export function DocumentActions({ document: doc, onPreview, onRename }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const trash = useTrashDocument();
  const [busy, setBusy] = useState<"open" | "save" | null>(null);
  const fail = (err: unknown) => void message.error(errorText(t, err as AppError));

  const open = async () => {
    setBusy("open");
    try {
      await api.openDocument(doc.id);
      void message.success(t("documents.opened", { name: doc.name }));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  const saveAs = async () => {
    setBusy("save");
    try {
      const path = await api.pickSavePath(doc.name);
      if (path === null) return;
      await api.saveDocumentAs(doc.id, path);
      void message.success(t("documents.saved", { path }));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  const button = (key: string, label: string, icon: ReactNode, onClick: () => void, testId: string, loading = false) => (
    <Tooltip key={key} title={label}>
      <Button type="text" size="small" icon={icon} aria-label={label} onClick={onClick} loading={loading} data-testid={testId} />
    </Tooltip>
  );

  return (
    <Space size={2}>
      {previewable(doc.kind) && button("preview", t("documents.preview"), <EyeOutlined />, () => onPreview(doc), "document-preview")}
      {button("open", t("documents.open"), <FolderOpenOutlined />, () => void open(), "document-open", busy === "open")}
      {button("save", t("documents.saveAs"), <DownloadOutlined />, () => void saveAs(), "document-save-as", busy === "save")}
      {button("rename", t("documents.rename"), <EditOutlined />, () => onRename(doc), "document-rename")}
      <Popconfirm
        title={t("documents.trashConfirm")}
        okText={t("common.ok")}
        cancelText={t("common.cancel")}
        onConfirm={() => trash.mutate(doc.id, { onSuccess: () => void message.success(t("documents.trashed")), onError: fail })}
      >
        <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t("documents.trash")} loading={trash.isPending} data-testid="document-trash" />
      </Popconfirm>
    </Space>
  );
}
