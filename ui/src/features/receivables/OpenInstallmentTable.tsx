//! The installments still open, oldest due first: customer, contract, due date, how late, outstanding.
//! A row opens its contract.
import { useMemo } from "react";
import { Empty, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { AgingBucket } from "../../api/bindings/AgingBucket";
import type { OpenInstallment } from "../../api/bindings/OpenInstallment";
import { daysLate, DAY_FORMAT } from "../../components/day";
import { Money } from "../../components/Money";
import { PagedTable } from "../../components/PagedTable";
import { useOpenInstallments } from "./useOpenInstallments";

type Props = {
  bucket: AgingBucket | null;
  customerId: number | null;
  /** The day the amounts are "as of" (the server's today); the local today until it is known. */
  today?: string;
  onOpenContract: (contractId: number) => void;
  /** A fixed height inside a drawer; otherwise the table fills the page. */
  height?: number;
};

export function OpenInstallmentTable({ bucket, customerId, today, onOpenContract, height }: Props) {
  const { t } = useTranslation();
  const pages = useOpenInstallments(bucket, customerId);
  const asOf = today ?? dayjs().format(DAY_FORMAT);

  const columns = useMemo<ColumnsType<OpenInstallment>>(() => {
    const all: ColumnsType<OpenInstallment> = [
      { key: "customer", dataIndex: "customerName", title: t("receivables.customer"), width: 200, ellipsis: true },
      {
        key: "contract",
        title: t("receivables.contract"),
        width: 280,
        ellipsis: true,
        render: (_, r) => (
          <span>
            <span className="mono">{r.contractNumber}</span> {r.contractTitle}
          </span>
        ),
      },
      { key: "dueOn", dataIndex: "dueOn", title: t("installmentFields.dueOn"), width: 120 },
      {
        key: "late",
        title: t("receivables.late"),
        width: 110,
        render: (_, r) => {
          const late = daysLate(r.dueOn, asOf);
          return late > 0 ? <Tag color={late > 90 ? "red" : late > 30 ? "volcano" : "orange"}>{t("receivables.daysLate", { count: late })}</Tag> : <Tag>{t("receivables.notDueYet")}</Tag>;
        },
      },
      { key: "amount", title: t("installmentFields.amount"), width: 140, align: "right", render: (_, r) => <Money fen={r.amount} /> },
      { key: "outstanding", title: t("installmentFields.outstanding"), width: 140, align: "right", render: (_, r) => <Money fen={r.outstanding} className="money-strong" /> },
    ];
    return customerId === null ? all : all.filter((c) => c.key !== "customer");
  }, [t, asOf, customerId]);

  return (
    <PagedTable<OpenInstallment>
      rows={pages.rows}
      pages={pages}
      columns={columns}
      empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(bucket ? "receivables.emptyBucket" : "receivables.empty")} />}
      testId="receivable-list"
      rowTestId="receivable-row"
      onRowClick={(r) => onOpenContract(r.contractId)}
      height={height}
    />
  );
}
