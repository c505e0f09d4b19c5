//! Trashed contacts and follow-ups, each restorable onto its customer or deletable for good.
import { App, Button, Popconfirm, Space, Table } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import { formatDateTime } from "../../components/formatDate";
import { queryKeys } from "../../components/queryKeys";
import { errorText } from "../../i18n/errorText";

type Row = { id: number; name: string; owner: string | null; deletedAt: number | null };
type Kind = "contacts" | "followUps";

const COMMANDS = {
  contacts: { restore: api.restoreContact, remove: api.deleteContact, entity: "contact" as const },
  followUps: { restore: api.restoreFollowUp, remove: api.deleteFollowUp, entity: "customer" as const },
};

async function load(kind: Kind): Promise<Row[]> {
  if (kind === "contacts") {
    const page = await api.listContacts({ after: null, trashed: true, limit: 500 });
    return page.rows.map((r) => ({ id: r.contact.id, name: r.contact.name, owner: r.customerName, deletedAt: r.contact.deletedAt }));
  }
  const list = await api.listTrashedFollowUps();
  return list.map((f) => ({ id: f.id, name: f.content.slice(0, 60), owner: f.contactName, deletedAt: f.deletedAt }));
}

export function TrashedRecords({ kind }: { kind: Kind }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const rows = useQuery({ queryKey: ["trash", kind], queryFn: () => load(kind) });
  const done = (text: string) => () => {
    void message.success(text);
    void queryClient.invalidateQueries({ queryKey: ["trash", kind] });
    void queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
    void queryClient.invalidateQueries({ queryKey: ["timeline"] });
    void queryClient.invalidateQueries({ queryKey: ["search"] });
  };
  const fail = (err: AppError) => void message.error(errorText(t, err, COMMANDS[kind].entity));
  const restore = useMutation<null, AppError, number>({ mutationFn: COMMANDS[kind].restore, onSuccess: done(t("trash.restored")), onError: fail });
  const remove = useMutation<null, AppError, number>({ mutationFn: COMMANDS[kind].remove, onSuccess: done(t("trash.deleted")), onError: fail });

  return (
    <Table<Row>
      size="small"
      rowKey="id"
      loading={rows.isPending}
      dataSource={rows.data ?? []}
      pagination={false}
      locale={{ emptyText: t("trash.empty") }}
      columns={[
        { key: "name", title: t(kind === "contacts" ? "contactFields.name" : "followUps.content"), render: (_, r) => <span data-testid={`trash-${kind}-name`}>{r.name}</span> },
        { key: "owner", title: t(kind === "contacts" ? "contactFields.customer" : "followUps.contact"), render: (_, r) => r.owner ?? t("common.none") },
        { key: "deletedAt", title: t("fields.deletedAt"), width: 170, render: (_, r) => formatDateTime(r.deletedAt, i18n.language) },
        {
          key: "actions",
          title: t("trash.actions"),
          width: 200,
          render: (_, r) => (
            <Space size="small">
              <Button size="small" onClick={() => restore.mutate(r.id)} data-testid={`trash-${kind}-restore`}>
                {t("trash.restore")}
              </Button>
              <Popconfirm title={t("trash.deleteConfirm")} okText={t("common.delete")} cancelText={t("common.cancel")} okButtonProps={{ danger: true }} onConfirm={() => remove.mutate(r.id)}>
                <Button size="small" danger>
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
