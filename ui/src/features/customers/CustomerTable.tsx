//! A virtual, keyset-paginated table of customers that fills its container and loads pages as it scrolls.
import { useMemo } from "react";
import { Empty, Space, Spin, Table, Tag, Typography } from "antd";
import type { ColumnsType, TableProps } from "antd/es/table";
import type { SortOrder } from "antd/es/table/interface";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/bindings/AppError";
import type { Customer } from "../../api/bindings/Customer";
import type { CustomerSort } from "../../api/bindings/CustomerSort";
import { formatDateTime } from "../../components/formatDate";
import { useElementHeight } from "../../components/useElementHeight";
import { errorText } from "../../i18n/errorText";
import { LevelTag, StatusTag } from "./CustomerTags";
import { regionPath } from "./regions";
import { isNearEnd, useCustomerPages, type CustomerFilter } from "./useCustomerPages";

const HEADER_HEIGHT = 40;
const ROW_HEIGHT = 40;
const LOAD_MARGIN = ROW_HEIGHT * 30;
const SORTABLE: ReadonlyArray<string> = ["name", "createdAt", "updatedAt"];

type Props = {
  filter: CustomerFilter;
  onSortChange: (sort: CustomerSort, direction: CustomerFilter["direction"]) => void;
  onRowClick?: (customer: Customer) => void;
  nameTestId: string;
  testId: string;
  emptyText: string;
  extraColumns?: ColumnsType<Customer>;
};

export function CustomerTable({ filter, onSortChange, onRowClick, nameTestId, testId, emptyText, extraColumns = [] }: Props) {
  const { t, i18n } = useTranslation();
  const [boxRef, boxHeight] = useElementHeight<HTMLDivElement>();
  const pages = useCustomerPages(filter);
  const { rows, hasNextPage, isFetchingNextPage, fetchNextPage } = pages;

  const columns = useMemo<ColumnsType<Customer>>(() => {
    const order = (key: CustomerSort): SortOrder =>
      filter.sort === key ? (filter.direction === "asc" ? "ascend" : "descend") : null;
    const base: ColumnsType<Customer> = [
      {
        key: "name",
        dataIndex: "name",
        title: t("fields.name"),
        width: 240,
        fixed: "left",
        ellipsis: true,
        sorter: true,
        sortOrder: order("name"),
        render: (name: string) => (
          <span data-testid={nameTestId} className="row-name">
            {name}
          </span>
        ),
      },
      { key: "kind", dataIndex: "kind", title: t("fields.kind"), width: 80, render: (k: Customer["kind"]) => t(`kind.${k}`) },
      {
        key: "status",
        dataIndex: "status",
        title: t("fields.status"),
        width: 90,
        render: (s: Customer["status"]) => <StatusTag status={s} />,
      },
      { key: "level", dataIndex: "level", title: t("fields.level"), width: 130, render: (l: Customer["level"]) => <LevelTag level={l} /> },
      { key: "region", title: t("fields.region"), width: 210, ellipsis: true, render: (_, c) => regionPath(c).join(" ") },
      { key: "mobile", dataIndex: "mobile", title: t("fields.mobile"), width: 140 },
      { key: "phone", dataIndex: "phone", title: t("fields.phone"), width: 150, ellipsis: true },
      {
        key: "tags",
        dataIndex: "tags",
        title: t("fields.tags"),
        width: 220,
        ellipsis: true,
        render: (tags: string[]) => (
          <span className="tag-cell">
            {tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </span>
        ),
      },
      {
        key: "createdAt",
        dataIndex: "createdAt",
        title: t("fields.createdAt"),
        width: 170,
        sorter: true,
        sortOrder: order("createdAt"),
        render: (v: number) => formatDateTime(v, i18n.language),
      },
      {
        key: "updatedAt",
        dataIndex: "updatedAt",
        title: t("fields.updatedAt"),
        width: 170,
        sorter: true,
        sortOrder: order("updatedAt"),
        render: (v: number) => formatDateTime(v, i18n.language),
      },
    ];
    return [...base, ...extraColumns];
  }, [t, i18n.language, filter.sort, filter.direction, nameTestId, extraColumns]);

  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === "number" ? c.width : 120), 0);

  const onChange: TableProps<Customer>["onChange"] = (_pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = String(s?.columnKey ?? "");
    if (!s?.order || !SORTABLE.includes(key)) onSortChange("updatedAt", "desc");
    else onSortChange(key as CustomerSort, s.order === "ascend" ? "asc" : "desc");
  };

  const onScroll = (e: React.UIEvent<HTMLDivElement>) => {
    if (hasNextPage && !isFetchingNextPage && isNearEnd(e.currentTarget, LOAD_MARGIN)) void fetchNextPage();
  };

  const empty = pages.isPending ? (
    <Spin />
  ) : pages.isError ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorText(t, pages.error as unknown as AppError)} />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
  );

  return (
    <div className="table-box" ref={boxRef} data-testid={testId}>
      <Table<Customer>
        virtual
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        pagination={false}
        showSorterTooltip={false}
        scroll={{ x: scrollX, y: Math.max(boxHeight - HEADER_HEIGHT - 28, 160) }}
        onChange={onChange}
        onScroll={onScroll}
        locale={{ emptyText: empty }}
        rowClassName={onRowClick ? "clickable-row" : undefined}
        onRow={(record) => ({ onClick: onRowClick ? () => onRowClick(record) : undefined })}
      />
      <div className="table-status">
        {isFetchingNextPage && (
          <Space size="small">
            <Spin size="small" />
            <Typography.Text type="secondary">{t("customers.loadingMore")}</Typography.Text>
          </Space>
        )}
      </div>
    </div>
  );
}
