//! The receivables tab of a customer: what its contracts are worth, planned, received, still owed and
//! overdue, the aging, and its open installments; a row opens the contract.
import { useState } from "react";
import { Col, Result, Row, Skeleton, Space, Statistic, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { CustomerReceivables as Receivables } from "../../api/bindings/CustomerReceivables";
import { Money } from "../../components/Money";
import { queryKeys } from "../../api/queryKeys";
import { errorText } from "../../i18n/errorText";
import { ContractDetail } from "../contracts/ContractDetail";
import { AgingBar } from "./AgingBar";
import { OpenInstallmentTable } from "./OpenInstallmentTable";

export function CustomerReceivables({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [contractId, setContractId] = useState<number | null>(null);
  const summary = useQuery({ queryKey: queryKeys.customerReceivables(customerId), queryFn: () => api.customerReceivables(customerId) });
  const r = summary.data;
  const figure = (key: keyof Omit<Receivables, "today" | "aging">, span: number) => (
    <Col span={span}>
      <Statistic title={t(`receivables.${key}`)} value={r?.[key] ?? 0} formatter={(v) => <Money fen={Number(v)} testId={`customer-receivables-${key}`} />} />
    </Col>
  );

  if (summary.isPending) return <Skeleton active />;
  if (summary.isError) return <Result status="warning" subTitle={errorText(t, summary.error as unknown as AppError)} />;
  return (
    <Space direction="vertical" size="large" className="full-width" data-testid="customer-receivables">
      <Row gutter={16}>
        {figure("contracted", 5)}
        {figure("planned", 5)}
        {figure("received", 5)}
        {figure("outstanding", 5)}
        {figure("overdue", 4)}
      </Row>
      {r && <AgingBar aging={r.aging} />}
      {r && <Typography.Text type="secondary">{t("receivables.asOf", { date: r.today })}</Typography.Text>}
      <div>
        <Typography.Title level={5}>{t("receivables.openOfCustomer")}</Typography.Title>
        <OpenInstallmentTable bucket={null} customerId={customerId} today={r?.today} onOpenContract={setContractId} height={320} />
      </div>
      <ContractDetail id={contractId} onClose={() => setContractId(null)} />
    </Space>
  );
}
