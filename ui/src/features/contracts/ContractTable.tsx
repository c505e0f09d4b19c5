//! The virtual, keyset-paginated list of contracts with their money: number, title, customer, amount,
//! received, outstanding, status and dates; sortable by number, sign date and last change.
import { useMemo } from "react";
import type { ColumnsType, TableProps } from "antd/es/table";
import type { SortOrder } from "antd/es/table/interface";
import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ContractRow } from "../../api/bindings/ContractRow";
import type { ContractSort } from "../../api/bindings/ContractSort";
import { formatDateTime } from "../../components/formatDate";
import { Money } from "../../components/Money";
import { PagedTable } from "../../components/PagedTable";
import { ContractStatusTag } from "./ContractStatusTag";
import { useContractPages, type ContractFilter } from "./useContractPages";

const SORTABLE: ReadonlyArray<string> = ["number", "signedOn", "updatedAt"];

type Props = {
  filter: ContractFilter;
  onSortChange: (sort: ContractSort, direction: ContractFilter["direction"]) => void;
  onRowClick: (row: ContractRow) => void;
  empty: React.ReactNode;
};

export function ContractTable({ filter, onSortChange, onRowClick, empty }: Props) {
  const { t, i18n } = useTranslation();
  const pages = useContractPages(filter);

  const columns = useMemo<ColumnsType<ContractRow>>(() => {
    const order = (key: ContractSort): SortOrder => (filter.sort === key ? (filter.direction === "asc" ? "ascend" : "descend") : null);
    const day = (v: string | null) => v ?? <Typography.Text type="secondary">{t("common.none")}</Typography.Text>;
    return [
      {
        key: "number",
        title: t("contractFields.number"),
        width: 150,
        fixed: "left",
        sorter: true,
        sortOrder: order("number"),
        render: (_, c) => (
          <span className="mono row-name" data-testid="contract-row-number">
            {c.number}
          </span>
        ),
      },
      { key: "title", dataIndex: "title", title: t("contractFields.title"), width: 220, ellipsis: true },
      { key: "customer", dataIndex: "customerName", title: t("contractFields.customerId"), width: 200, ellipsis: true },
      { key: "amount", title: t("contractFields.amount"), width: 140, align: "right", render: (_, c) => <Money fen={c.amount} /> },
      { key: "received", title: t("contracts.received"), width: 140, align: "right", render: (_, c) => <Money fen={c.money.received} /> },
      {
        key: "outstanding",
        title: t("contracts.outstanding"),
        width: 140,
        align: "right",
        render: (_, c) => <Money fen={c.money.outstanding} className={c.money.overdue > 0 ? "money-overdue" : undefined} />,
      },
      { key: "status", title: t("contractFields.status"), width: 100, render: (_, c) => <ContractStatusTag status={c.status} /> },
      { key: "signedOn", title: t("contractFields.signedOn"), width: 120, sorter: true, sortOrder: order("signedOn"), render: (_, c) => day(c.signedOn) },
      { key: "endsOn", title: t("contractFields.endsOn"), width: 120, render: (_, c) => day(c.endsOn) },
      {
        key: "updatedAt",
        title: t("fields.updatedAt"),
        width: 170,
        sorter: true,
        sortOrder: order("updatedAt"),
        render: (_, c) => formatDateTime(c.updatedAt, i18n.language),
      },
    ];
  }, [t, i18n.language, filter.sort, filter.direction]);

  const onChange: TableProps<ContractRow>["onChange"] = (_pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = String(s?.columnKey ?? "");
    if (!s?.order || !SORTABLE.includes(key)) onSortChange("updatedAt", "desc");
    else onSortChange(key as ContractSort, s.order === "ascend" ? "asc" : "desc");
  };

  return (
    <PagedTable<ContractRow>
      rows={pages.rows}
      pages={pages}
      columns={columns}
      empty={empty}
      testId="contract-list"
      rowTestId="contract-row"
      onRowClick={onRowClick}
      onChange={onChange}
    />
  );
}
