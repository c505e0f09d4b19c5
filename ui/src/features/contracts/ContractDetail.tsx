//! The contract drawer: number, title, status, customer and amount; the money summary, the lines, the
//! payment plan with its receipts, the documents, and the history; Edit and Move to trash.
import { useState } from "react";
import { App, Button, Descriptions, Drawer, Popconfirm, Result, Skeleton, Space, Tabs, Typography } from "antd";
import { DeleteOutlined, EditOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Contract } from "../../api/bindings/Contract";
import { Money } from "../../components/Money";
import { queryKeys } from "../../api/queryKeys";
import { errorText } from "../../i18n/errorText";
import { DocumentList } from "../documents/DocumentList";
import { PaymentPlan } from "../payments/PaymentPlan";
import { ContractForm } from "./ContractForm";
import { ContractHistory } from "./ContractHistory";
import { ContractLineTable } from "./ContractLineTable";
import { ContractMoneySummary } from "./ContractMoneySummary";
import { ContractStatusTag } from "./ContractStatusTag";
import { useTrashContract } from "./useContractMutations";

type Props = {
  id: number | null;
  onClose: () => void;
  /** Shows the contract's customer; leave out where the customer is already on screen. */
  onOpenCustomer?: (customerId: number) => void;
};

export function ContractDetail({ id, onClose, onOpenCustomer }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const trash = useTrashContract();
  const contract = useQuery({
    queryKey: queryKeys.contract(id ?? -1),
    queryFn: () => api.getContract(id as number),
    enabled: id !== null,
  });
  const c = contract.data;

  const moveToTrash = () => {
    if (!c) return;
    trash.mutate(c.id, {
      onSuccess: () => {
        void message.success(t("contracts.trashed"));
        onClose();
      },
      onError: (err) => void message.error(errorText(t, err, "contracts")),
    });
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={960}
      title={c ? `${c.number} ${c.title}` : t("contracts.detailTitle")}
      extra={
        c && (
          <Space>
            <Popconfirm title={t("contracts.trashConfirm")} onConfirm={moveToTrash} okText={t("common.ok")} cancelText={t("common.cancel")}>
              <Button danger icon={<DeleteOutlined />} loading={trash.isPending} data-testid="contract-trash">
                {t("contracts.trash")}
              </Button>
            </Popconfirm>
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="contract-edit">
              {t("contracts.edit")}
            </Button>
          </Space>
        )
      }
    >
      <div data-testid="contract-detail">
        {contract.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
        {contract.isError && (
          <Result status="warning" title={t("contracts.loadFailed")} subTitle={errorText(t, contract.error as unknown as AppError)} />
        )}
        {c && (
          <Tabs
            items={[
              { key: "overview", label: t("contracts.overview"), children: overview(c) },
              {
                key: "history",
                label: <span data-testid="contract-tab-history">{t("contracts.history")}</span>,
                children: <ContractHistory contract={c} />,
              },
            ]}
          />
        )}
      </div>
      {c && <ContractForm open={editing} contract={c} onClose={() => setEditing(false)} />}
    </Drawer>
  );

  function overview(c: Contract) {
    const text = (v: string | null) => v || <Typography.Text type="secondary">{t("common.none")}</Typography.Text>;
    return (
      <Space direction="vertical" size="large" className="full-width">
        <Descriptions column={3} size="small" bordered>
          <Descriptions.Item label={t("contractFields.number")}>
            <span className="mono" data-testid="contract-number">
              {c.number}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t("contractFields.status")}>
            <ContractStatusTag status={c.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t("contractFields.amount")}>
            <Money fen={c.amount} testId="contract-amount" className="money-strong" />
          </Descriptions.Item>
          <Descriptions.Item label={t("contractFields.title")} span={3}>
            <span data-testid="contract-title">{c.title}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("contractFields.customerId")} span={2}>
            {onOpenCustomer ? (
              <Typography.Link onClick={() => onOpenCustomer(c.customerId)} data-testid="contract-customer">
                {c.customerName}
              </Typography.Link>
            ) : (
              <span data-testid="contract-customer">{c.customerName}</span>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t("contractFields.contactId")}>{text(c.contactName)}</Descriptions.Item>
          <Descriptions.Item label={t("contractFields.signedOn")}>{text(c.signedOn)}</Descriptions.Item>
          <Descriptions.Item label={t("contractFields.startsOn")}>{text(c.startsOn)}</Descriptions.Item>
          <Descriptions.Item label={t("contractFields.endsOn")}>{text(c.endsOn)}</Descriptions.Item>
          <Descriptions.Item label={t("contractFields.paymentTerms")} span={3}>
            <span className="pre-wrap">{text(c.paymentTerms)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("contractFields.notes")} span={3}>
            <span className="pre-wrap">{text(c.notes)}</span>
          </Descriptions.Item>
        </Descriptions>
        <ContractMoneySummary money={c.money} />
        <div>
          <Typography.Title level={5}>{t("contracts.lines")}</Typography.Title>
          <ContractLineTable contract={c} />
        </div>
        <PaymentPlan contract={c} />
        <DocumentList customerId={c.customerId} contractId={c.id} />
      </Space>
    );
  }
}
