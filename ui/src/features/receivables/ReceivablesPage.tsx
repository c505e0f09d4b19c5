//! The receivables screen: what the whole book is owed and how much is overdue, the aging buckets (which
//! filter the list), and the open installments, oldest due first; a row opens its contract.
import { useState } from "react";
import { Card, Col, Row, Space, Statistic, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AgingBucket } from "../../api/bindings/AgingBucket";
import type { AppError } from "../../api/bindings/AppError";
import { Money } from "../../components/Money";
import { ExportMenu } from "../export/ExportMenu";
import { PageTitle } from "../../components/PageTitle";
import { queryKeys } from "../../api/queryKeys";
import { errorText } from "../../i18n/errorText";
import { ContractDetail } from "../contracts/ContractDetail";
import { AgingBar } from "./AgingBar";
import { OpenInstallmentTable } from "./OpenInstallmentTable";

export function ReceivablesPage({ onOpenCustomer }: { onOpenCustomer: (customerId: number) => void }) {
  const { t } = useTranslation();
  const [bucket, setBucket] = useState<AgingBucket | null>(null);
  const [contractId, setContractId] = useState<number | null>(null);
  const book = useQuery({ queryKey: queryKeys.bookReceivables, queryFn: api.bookReceivables });
  const b = book.data;
  const money = (fen: number | undefined, testId: string) => (
    <Statistic value={fen ?? 0} loading={book.isPending} formatter={(v) => <Money fen={Number(v)} testId={testId} />} />
  );

  return (
    <div className="page page-fill">
      <div className="page-header">
        <PageTitle>{t("receivables.title")}</PageTitle>
        <Space>
          {b && <Typography.Text type="secondary">{t("receivables.asOf", { date: b.today })}</Typography.Text>}
          <ExportMenu entity="installments" query={null} label={t("export.planMenu")} testId="export-plans" />
          <ExportMenu entity="receipts" query={null} label={t("export.receiptMenu")} testId="export-receipts" />
        </Space>
      </div>
      {book.isError && <Typography.Text type="danger">{errorText(t, book.error as unknown as AppError)}</Typography.Text>}
      <Row gutter={12} className="receivables-figures">
        <Col span={6}>
          <Card size="small" title={t("receivables.outstanding")} className={bucket === null ? "figure-card selected" : "figure-card"} onClick={() => setBucket(null)}>
            {money(b?.outstanding, "receivables-outstanding")}
          </Card>
        </Col>
        <Col span={6}>
          <Card
            size="small"
            title={t("receivables.overdue")}
            className={bucket === "overdue" ? "figure-card figure-overdue selected" : "figure-card figure-overdue"}
            onClick={() => setBucket(bucket === "overdue" ? null : "overdue")}
            data-testid="receivables-overdue-card"
          >
            {money(b?.overdue, "receivables-overdue")}
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small" title={t("receivables.customersOverdue")}>
            <Statistic value={b?.customersOverdue ?? 0} loading={book.isPending} valueRender={(v) => <span data-testid="receivables-customers-overdue">{v}</span>} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small" title={t("receivables.openInstallments")}>
            <Statistic value={b?.openInstallments ?? 0} loading={book.isPending} valueRender={(v) => <span data-testid="receivables-open-count">{v}</span>} />
          </Card>
        </Col>
      </Row>
      {b && <AgingBar aging={b.aging} selected={bucket} onSelect={setBucket} />}
      <div className="receivables-filter">
        {bucket ? (
          <Tag closable onClose={() => setBucket(null)} color="blue" data-testid="receivables-filter">
            {t("receivables.only", { bucket: t(`receivables.buckets.${bucket}`) })}
          </Tag>
        ) : (
          <Typography.Text type="secondary">{t("receivables.listHint")}</Typography.Text>
        )}
      </div>
      <OpenInstallmentTable bucket={bucket} customerId={null} today={b?.today} onOpenContract={setContractId} />
      <ContractDetail id={contractId} onClose={() => setContractId(null)} onOpenCustomer={onOpenCustomer} />
    </div>
  );
}
