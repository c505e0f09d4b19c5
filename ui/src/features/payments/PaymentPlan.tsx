//! A contract's payment plan: its installments (due date, amount, received, outstanding, note) with
//! add / edit / record a receipt / trash, and the receipts that came in against them.
import { useState } from "react";
import { Alert, App, Button, Card, Empty, Popconfirm, Space, Table, Tag, Tooltip, Typography } from "antd";
import { DeleteOutlined, EditOutlined, PlusOutlined, TransactionOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Contract } from "../../api/bindings/Contract";
import type { ContractStatus } from "../../api/bindings/ContractStatus";
import type { Installment } from "../../api/bindings/Installment";
import { daysLate, DAY_FORMAT } from "../../components/day";
import { Money } from "../../components/Money";
import { queryKeys } from "../../api/queryKeys";
import { errorText } from "../../i18n/errorText";
import { InstallmentForm } from "./InstallmentForm";
import { ReceiptForm } from "./ReceiptForm";
import { ReceiptList } from "./ReceiptList";
import { useTrashInstallment } from "./usePlanMutations";

type FormState = { open: boolean; installment: Installment | null };

/** The statuses whose plan the customer owes (the core's `ContractStatus::is_owed`). */
const OWED: ContractStatus[] = ["signed", "active", "completed"];

export function PaymentPlan({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form, setForm] = useState<FormState>({ open: false, installment: null });
  const [receiving, setReceiving] = useState<Installment | null>(null);
  const plan = useQuery({ queryKey: queryKeys.paymentPlan(contract.id), queryFn: () => api.getPaymentPlan(contract.id) });
  const trash = useTrashInstallment();
  const installments = plan.data?.installments ?? [];
  const planned = plan.data?.money.planned ?? contract.money.planned;
  const unplanned = contract.amount - planned;
  const today = dayjs().format(DAY_FORMAT);
  const openNew = () => setForm({ open: true, installment: null });

  const moveToTrash = (i: Installment) =>
    trash.mutate(i.id, {
      onSuccess: () => void message.success(t("plan.trashed")),
      onError: (err: AppError) => void message.error(errorText(t, err, "installments")),
    });

  const addButton = (
    <Button size="small" icon={<PlusOutlined />} onClick={openNew} data-testid="installment-add">
      {t("plan.add")}
    </Button>
  );

  return (
    <Card size="small" title={t("plan.title")} extra={installments.length > 0 && addButton} data-testid="payment-plan">
      <Table<Installment>
        size="small"
        rowKey="id"
        loading={plan.isPending}
        dataSource={installments}
        pagination={false}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("plan.empty")}>
              {addButton}
            </Empty>
          ),
        }}
        onRow={() => ({ "data-testid": "installment-row" }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: "dueOn",
            title: t("installmentFields.dueOn"),
            width: 170,
            render: (_, i) => {
              const late = daysLate(i.dueOn, today);
              const open = i.amount - i.received;
              return (
                <Space size={4}>
                  <span>{i.dueOn}</span>
                  {open <= 0 ? (
                    <Tag color="green">{t("plan.paid")}</Tag>
                  ) : late > 0 ? (
                    <Tag color="red">{t("receivables.daysLate", { count: late })}</Tag>
                  ) : null}
                </Space>
              );
            },
          },
          { key: "amount", title: t("installmentFields.amount"), align: "right", render: (_, i) => <Money fen={i.amount} /> },
          { key: "received", title: t("installmentFields.received"), align: "right", render: (_, i) => <Money fen={i.received} /> },
          {
            key: "outstanding",
            title: t("installmentFields.outstanding"),
            align: "right",
            render: (_, i) => <Money fen={i.amount - i.received} testId="installment-outstanding" />,
          },
          { key: "note", title: t("installmentFields.note"), ellipsis: true, render: (_, i) => i.note ?? <Typography.Text type="secondary">{t("common.none")}</Typography.Text> },
          {
            key: "actions",
            title: t("trash.actions"),
            width: 170,
            render: (_, i) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<TransactionOutlined />}
                  disabled={i.amount - i.received <= 0}
                  onClick={() => setReceiving(i)}
                  data-testid="installment-receive"
                >
                  {t("plan.receive")}
                </Button>
                <Tooltip title={t("plan.edit")}>
                  <Button type="text" size="small" icon={<EditOutlined />} aria-label={t("plan.edit")} onClick={() => setForm({ open: true, installment: i })} data-testid="installment-edit" />
                </Tooltip>
                <Popconfirm title={t("plan.trashConfirm")} okText={t("common.ok")} cancelText={t("common.cancel")} onConfirm={() => moveToTrash(i)}>
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t("plan.trash")} data-testid="installment-trash" />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {installments.length > 0 && !OWED.includes(contract.status) && (
        <Alert type="info" showIcon className="plan-note" message={t("plan.notOwed")} data-testid="plan-not-owed" />
      )}
      {installments.length > 0 && unplanned > 0 && (
        <Typography.Text type="secondary" className="plan-unplanned" data-testid="plan-unplanned">
          {t("plan.unplannedNote")} <Money fen={unplanned} />
        </Typography.Text>
      )}
      <ReceiptList receipts={plan.data?.receipts ?? []} installments={installments} />
      <InstallmentForm
        open={form.open}
        contractId={contract.id}
        installment={form.installment}
        unplanned={unplanned}
        onClose={() => setForm((f) => ({ ...f, open: false }))}
      />
      <ReceiptForm installment={receiving} onClose={() => setReceiving(null)} />
    </Card>
  );
}
