//! The receipts of a contract: when, how much, how, for which installment; edit and move to trash.
import { useMemo, useState } from "react";
import { App, Button, Popconfirm, Space, Table, Typography } from "antd";
import { DeleteOutlined, EditOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/bindings/AppError";
import type { Installment } from "../../api/bindings/Installment";
import type { Receipt } from "../../api/bindings/Receipt";
import { Money } from "../../components/Money";
import { errorText } from "../../i18n/errorText";
import { ReceiptForm } from "./ReceiptForm";
import { useTrashReceipt } from "./usePlanMutations";

type Props = { receipts: Receipt[]; installments: Installment[] };

export function ReceiptList({ receipts, installments }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Receipt | null>(null);
  const trash = useTrashReceipt();
  const installmentOf = (r: Receipt) => installments.find((i) => i.id === r.installmentId) ?? null;
  const none = <Typography.Text type="secondary">{t("common.none")}</Typography.Text>;

  const moveToTrash = (r: Receipt) =>
    trash.mutate(r.id, {
      onSuccess: () => void message.success(t("plan.receiptTrashed")),
      onError: (err: AppError) => void message.error(errorText(t, err, "receipts")),
    });

  // While editing, the installment asks for what it still asks plus this receipt's own amount.
  const editedInstallment = useMemo(() => {
    const i = editing && installments.find((x) => x.id === editing.installmentId);
    return i && editing ? { ...i, received: i.received - editing.amount } : null;
  }, [editing, installments]);

  return (
    <div className="plan-receipts">
      <Typography.Title level={5}>{t("plan.receipts")}</Typography.Title>
      <Table<Receipt>
        size="small"
        rowKey="id"
        dataSource={receipts}
        pagination={false}
        locale={{ emptyText: t("plan.receiptsEmpty") }}
        onRow={() => ({ "data-testid": "receipt-row" }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: "receivedOn", title: t("receiptFields.receivedOn"), width: 120, render: (_, r) => r.receivedOn },
          { key: "amount", title: t("receiptFields.amount"), align: "right", render: (_, r) => <Money fen={r.amount} /> },
          { key: "method", title: t("receiptFields.method"), width: 100, render: (_, r) => t(`paymentMethods.${r.method}`) },
          { key: "installment", title: t("receiptFields.installment"), width: 120, render: (_, r) => installmentOf(r)?.dueOn ?? none },
          { key: "note", title: t("receiptFields.note"), ellipsis: true, render: (_, r) => r.note ?? none },
          {
            key: "actions",
            title: t("trash.actions"),
            width: 90,
            render: (_, r) => (
              <Space size={0}>
                <Button
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t("plan.editReceipt")}
                  disabled={!installmentOf(r)}
                  onClick={() => setEditing(r)}
                  data-testid="receipt-edit"
                />
                <Popconfirm title={t("plan.receiptTrashConfirm")} okText={t("common.ok")} cancelText={t("common.cancel")} onConfirm={() => moveToTrash(r)}>
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t("plan.trashReceipt")} data-testid="receipt-trash" />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <ReceiptForm installment={editedInstallment} receipt={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
