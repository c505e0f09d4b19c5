//! Trashed documents, each restorable onto its customer (or contract) or deletable for good.
import { App, Button, Popconfirm, Space, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/bindings/AppError";
import type { Document } from "../../api/bindings/Document";
import { formatDateTime } from "../../components/formatDate";
import { errorText } from "../../i18n/errorText";
import { DocumentIcon } from "../documents/DocumentIcon";
import { sizeText } from "../documents/documentFormat";
import { useDeleteDocument, useRestoreDocument, useTrashedDocuments } from "../documents/useDocuments";
import "../documents/documents.css";

export function TrashedDocuments() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const rows = useTrashedDocuments();
  const restore = useRestoreDocument();
  const remove = useDeleteDocument();
  const fail = (err: AppError) => void message.error(errorText(t, err));

  return (
    <Table<Document>
      size="small"
      rowKey="id"
      loading={rows.isPending}
      dataSource={rows.data ?? []}
      pagination={false}
      locale={{ emptyText: t("trash.empty") }}
      columns={[
        {
          key: "name",
          title: t("documents.name"),
          render: (_, d) => (
            <Space>
              <DocumentIcon kind={d.kind} label={t(`documents.kinds.${d.kind}`)} />
              <span data-testid="trash-documents-name">{d.name}</span>
            </Space>
          ),
        },
        { key: "kind", title: t("documents.kind"), width: 120, render: (_, d) => t(`documents.kinds.${d.kind}`) },
        {
          key: "contract",
          title: t("documents.contractNumber"),
          render: (_, d) => (d.contractNumber ? <span className="mono">{d.contractNumber}</span> : t("common.none")),
        },
        { key: "size", title: t("documents.size"), width: 110, render: (_, d) => sizeText(t, d.size, i18n.language) },
        { key: "deletedAt", title: t("fields.deletedAt"), width: 170, render: (_, d) => formatDateTime(d.deletedAt, i18n.language) },
        {
          key: "actions",
          title: t("trash.actions"),
          width: 200,
          render: (_, d) => (
            <Space size="small">
              <Button
                size="small"
                onClick={() => restore.mutate(d.id, { onSuccess: () => void message.success(t("documents.restored")), onError: fail })}
                data-testid="trash-documents-restore"
              >
                {t("trash.restore")}
              </Button>
              <Popconfirm
                title={t("trash.deleteConfirm")}
                okText={t("common.delete")}
                cancelText={t("common.cancel")}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutate(d.id, { onSuccess: () => void message.success(t("trash.deleted")), onError: fail })}
              >
                <Button size="small" danger data-testid="trash-documents-delete">
                  {t("trash.delete")}
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );
}
