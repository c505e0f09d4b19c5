//! Trashed products, contracts, installments and receipts, each restorable or deletable for good after a
//! confirmation.
import { App, Button, Popconfirm, Space, Table } from "antd";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import { formatDateTime } from "../../components/formatDate";
import { Money } from "../../components/Money";
import { queryKeys } from "../../components/queryKeys";
import { errorText, type Entity } from "../../i18n/errorText";
import { refreshMoney } from "../contracts/moneyRefresh";

export type MoneyKind = "products" | "contracts" | "installments" | "receipts";

type Row = { id: number; name: string; owner: string | null; amount: number; deletedAt: number | null };

const COMMANDS: Record<MoneyKind, { restore: (id: number) => Promise<null>; remove: (id: number) => Promise<null>; entity: Entity }> = {
  products: { restore: api.restoreProduct, remove: api.deleteProduct, entity: "product" },
  contracts: { restore: api.restoreContract, remove: api.deleteContract, entity: "contract" },
  installments: { restore: api.restoreInstallment, remove: api.deleteInstallment, entity: "installment" },
  receipts: { restore: api.restoreReceipt, remove: api.deleteReceipt, entity: "receipt" },
};

const TRASH_LIMIT = 500;

async function load(kind: MoneyKind): Promise<Row[]> {
  if (kind === "products") {
    const page = await api.listProducts({ text: null, activeOnly: false, trashed: true, after: null, limit: TRASH_LIMIT });
    return page.rows.map((p) => ({ id: p.id, name: p.name, owner: p.code, amount: p.listPrice, deletedAt: p.deletedAt }));
  }
  if (kind === "contracts") {
    const page = await api.listContracts({
      status: null,
      customerId: null,
      trashed: true,
      sort: "updatedAt",
      direction: "desc",
      after: null,
      limit: TRASH_LIMIT,
    });
    return page.rows.map((c) => ({ id: c.id, name: `${c.number} ${c.title}`, owner: c.customerName, amount: c.amount, deletedAt: c.deletedAt }));
  }
  if (kind === "installments") {
    const list = await api.listTrashedInstallments();
    return list.map((i) => ({ id: i.id, name: i.dueOn, owner: i.contractNumber, amount: i.amount, deletedAt: i.deletedAt }));
  }
  const list = await api.listTrashedReceipts();
  return list.map((r) => ({ id: r.id, name: r.receivedOn, owner: r.contractNumber, amount: r.amount, deletedAt: r.deletedAt }));
}

const COLUMNS: Record<MoneyKind, { name: string; owner: string; amount: string }> = {
  products: { name: "productFields.name", owner: "productFields.code", amount: "productFields.listPrice" },
  contracts: { name: "contractFields.title", owner: "contractFields.customerId", amount: "contractFields.amount" },
  installments: { name: "installmentFields.dueOn", owner: "receivables.contract", amount: "installmentFields.amount" },
  receipts: { name: "receiptFields.receivedOn", owner: "receivables.contract", amount: "receiptFields.amount" },
};

export function TrashedMoney({ kind }: { kind: MoneyKind }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const rows = useQuery({ queryKey: queryKeys.trash(kind), queryFn: () => load(kind) });
  const done = (text: string) => () => {
    void message.success(text);
    refreshMoney(queryClient);
    void queryClient.invalidateQueries({ queryKey: queryKeys.products });
  };
  const fail = (err: AppError) => void message.error(errorText(t, err, COMMANDS[kind].entity));
  const restore = useMutation<null, AppError, number>({ mutationFn: COMMANDS[kind].restore, onSuccess: done(t("moneyTrash.restored")), onError: fail });
  const remove = useMutation<null, AppError, number>({ mutationFn: COMMANDS[kind].remove, onSuccess: done(t("trash.deleted")), onError: fail });
  const labels = COLUMNS[kind];

  return (
    <Table<Row>
      size="small"
      rowKey="id"
      loading={rows.isPending}
      dataSource={rows.data ?? []}
      pagination={false}
      locale={{ emptyText: rows.isError ? errorText(t, rows.error as unknown as AppError) : t("trash.empty") }}
      columns={[
        { key: "name", title: t(labels.name), render: (_, r) => <span data-testid={`trash-${kind}-name`}>{r.name}</span> },
        { key: "owner", title: t(labels.owner), render: (_, r) => r.owner ?? t("common.none") },
        { key: "amount", title: t(labels.amount), align: "right", width: 140, render: (_, r) => <Money fen={r.amount} /> },
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
              <Popconfirm
                title={t("trash.deleteConfirm")}
                okText={t("common.delete")}
                cancelText={t("common.cancel")}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutate(r.id)}
              >
                <Button size="small" danger data-testid={`trash-${kind}-delete`}>
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
