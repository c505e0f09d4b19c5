//! The contracts tab of a customer: its contracts with their money, newest signed first; "new contract"
//! opens the form with the customer fixed, and a row opens the contract drawer.
import { useMemo, useState } from "react";
import { Button, Empty, Space, Table, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { ContractRow } from "../../api/bindings/ContractRow";
import { Money } from "../../components/Money";
import { queryKeys } from "../../api/queryKeys";
import { ContractDetail } from "./ContractDetail";
import { ContractForm } from "./ContractForm";
import { ContractStatusTag } from "./ContractStatusTag";

export function CustomerContracts({ customerId, customerName }: { customerId: number; customerName: string }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [detailId, setDetailId] = useState<number | null>(null);
  const contracts = useQuery({ queryKey: queryKeys.customerContracts(customerId), queryFn: () => api.listCustomerContracts(customerId) });
  const customer = useMemo(() => ({ id: customerId, name: customerName }), [customerId, customerName]);
  const rows = contracts.data ?? [];
  const none = <Typography.Text type="secondary">{t("common.none")}</Typography.Text>;
  const newButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="contract-new">
      {t("contracts.new")}
    </Button>
  );

  return (
    <Space direction="vertical" className="full-width" data-testid="customer-contracts">
      {rows.length > 0 && <div className="tab-toolbar">{newButton}</div>}
      <Table<ContractRow>
        size="small"
        rowKey="id"
        loading={contracts.isPending}
        dataSource={rows}
        pagination={false}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("contracts.emptyCustomer")}>
              {newButton}
            </Empty>
          ),
        }}
        onRow={(c) => ({ onClick: () => setDetailId(c.id), className: "clickable", "data-testid": "contract-row" }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: "number", title: t("contractFields.number"), width: 130, render: (_, c) => <span className="mono">{c.number}</span> },
          { key: "title", title: t("contractFields.title"), ellipsis: true, render: (_, c) => c.title },
          { key: "status", title: t("contractFields.status"), width: 90, render: (_, c) => <ContractStatusTag status={c.status} /> },
          { key: "amount", title: t("contractFields.amount"), width: 120, align: "right", render: (_, c) => <Money fen={c.amount} /> },
          { key: "received", title: t("contracts.received"), width: 120, align: "right", render: (_, c) => <Money fen={c.money.received} /> },
          {
            key: "outstanding",
            title: t("contracts.outstanding"),
            width: 120,
            align: "right",
            render: (_, c) => <Money fen={c.money.outstanding} className={c.money.overdue > 0 ? "money-overdue" : undefined} />,
          },
          { key: "signedOn", title: t("contractFields.signedOn"), width: 110, render: (_, c) => c.signedOn ?? none },
        ]}
      />
      <ContractForm open={creating} contract={null} customer={customer} onClose={() => setCreating(false)} />
      <ContractDetail id={detailId} onClose={() => setDetailId(null)} />
    </Space>
  );
}
