//! The contracts screen: status filter, total count, the virtual list, the contract drawer and the form.
import { useState } from "react";
import { Button, Empty, Select, Space, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { ContractStatus } from "../../api/bindings/ContractStatus";
import { ExportMenu } from "../export/ExportMenu";
import { PageTitle } from "../../components/PageTitle";
import { ContractDetail } from "./ContractDetail";
import { ContractForm } from "./ContractForm";
import { CONTRACT_STATUSES } from "./ContractStatusTag";
import { ContractTable } from "./ContractTable";
import { DEFAULT_CONTRACT_FILTER, useContractCount, type ContractFilter } from "./useContractPages";

export function ContractList({ onOpenCustomer }: { onOpenCustomer: (customerId: number) => void }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<ContractFilter>(DEFAULT_CONTRACT_FILTER);
  const [detailId, setDetailId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const count = useContractCount(filter);

  const empty = (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(filter.status ? "contracts.emptyFiltered" : "contracts.empty")}>
      {!filter.status && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t("contracts.new")}
        </Button>
      )}
    </Empty>
  );

  return (
    <div className="page page-fill">
      <div className="page-header">
        <PageTitle>{t("contracts.title")}</PageTitle>
        <Space>
          <Select<ContractStatus>
            className="filter-select"
            value={filter.status ?? undefined}
            onChange={(status) => setFilter((f) => ({ ...f, status: status ?? null }))}
            allowClear
            placeholder={t("contracts.filterStatus")}
            options={CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`contractStatus.${s}`) }))}
            data-testid="contract-filter-status"
          />
          <Typography.Text type="secondary" data-testid="contract-count">
            {count.data !== undefined ? t("contracts.count", { count: count.data }) : "\u00a0"}
          </Typography.Text>
          <ExportMenu entity="contracts" query={null} contracts={{ ...filter, after: null, limit: 100 }} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="contract-new">
            {t("contracts.new")}
          </Button>
        </Space>
      </div>
      <ContractTable
        filter={filter}
        onSortChange={(sort, direction) => setFilter((f) => ({ ...f, sort, direction }))}
        onRowClick={(c) => setDetailId(c.id)}
        empty={empty}
      />
      <ContractDetail id={detailId} onClose={() => setDetailId(null)} onOpenCustomer={onOpenCustomer} />
      <ContractForm open={creating} contract={null} onClose={() => setCreating(false)} />
    </div>
  );
}
