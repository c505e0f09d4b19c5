//! The trashed records of one kind (every kind but customers, which have their own filterable table), each
//! restorable or deletable for good after a confirmation.
import { App, Button, Popconfirm, Space, Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import { queryKeys } from "../../api/queryKeys";
import { formatDateTime } from "../../components/formatDate";
import { Money } from "../../components/Money";
import { errorText } from "../../i18n/errorText";
import { DocumentIcon } from "../documents/DocumentIcon";
import { useRecordMutation } from "../records/useRecordMutations";
import { TRASH_COLUMNS, trashRows, type TrashKind, type TrashRow } from "./trashRows";
import "../documents/documents.css";

export function TrashedRecords({ kind }: { kind: TrashKind }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const rows = useQuery({ queryKey: queryKeys.trash(kind), queryFn: async () => trashRows(await api.listTrash(kind)) });
  const fail = (err: AppError) => void message.error(errorText(t, err, kind));
  const restore = useRecordMutation(kind, "restore");
  const remove = useRecordMutation(kind, "delete");
  const labels = TRASH_COLUMNS[kind];

  const columns: ColumnsType<TrashRow> = [
    {
      key: "name",
      title: t(labels.name),
      render: (_, r) => (
        <Space>
          {r.icon && <DocumentIcon kind={r.icon} label={t(`documents.kinds.${r.icon}`)} />}
          <span data-testid={`trash-${kind}-name`}>{r.name}</span>
        </Space>
      ),
    },
    { key: "owner", title: t(labels.owner), render: (_, r) => r.owner ?? t("common.none") },
    ...(labels.amount
      ? [{ key: "amount", title: t(labels.amount), align: "right" as const, width: 140, render: (_: unknown, r: TrashRow) => <Money fen={r.amount ?? 0} /> }]
      : []),
    { key: "deletedAt", title: t("fields.deletedAt"), width: 170, render: (_, r) => formatDateTime(r.deletedAt, i18n.language) },
    {
      key: "actions",
      title: t("trash.actions"),
      width: 200,
      render: (_, r) => (
        <Space size="small">
          <Button
            size="small"
            onClick={() => restore.mutate(r.id, { onSuccess: () => void message.success(t(labels.restored)), onError: fail })}
            data-testid={`trash-${kind}-restore`}
          >
            {t("trash.restore")}
          </Button>
          <Popconfirm
            title={t("trash.deleteConfirm")}
            okText={t("common.delete")}
            cancelText={t("common.cancel")}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutate(r.id, { onSuccess: () => void message.success(t("trash.deleted")), onError: fail })}
          >
            <Button size="small" danger data-testid={`trash-${kind}-delete`}>
              {t("trash.delete")}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Table<TrashRow>
      size="small"
      rowKey="id"
      loading={rows.isPending}
      dataSource={rows.data ?? []}
      pagination={false}
      locale={{ emptyText: rows.isError ? errorText(t, rows.error as unknown as AppError) : t("trash.empty") }}
      columns={columns}
    />
  );
}
