//! A virtual antd table over keyset pages: it fills its container (or a given height) and asks for the
//! next page when scrolled near the end.
import type { ReactNode } from "react";
import { Empty, Space, Spin, Table, Typography } from "antd";
import type { ColumnsType, TableProps } from "antd/es/table";
import { useTranslation } from "react-i18next";
import type { AppError } from "../api/bindings/AppError";
import { errorText } from "../i18n/errorText";
import { useElementHeight } from "./useElementHeight";

const HEADER_HEIGHT = 40;
const ROW_HEIGHT = 40;
const LOAD_MARGIN = ROW_HEIGHT * 30;

type Pages = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  isPending: boolean;
  isError: boolean;
  error: unknown;
};

type Props<T> = {
  rows: T[];
  pages: Pages;
  columns: ColumnsType<T>;
  empty: ReactNode;
  testId: string;
  /** The test id of every row, for the end-to-end tests. */
  rowTestId?: string;
  onRowClick?: (row: T) => void;
  onChange?: TableProps<T>["onChange"];
  /** A fixed body height (inside a drawer); without it the table fills its flex container. */
  height?: number;
};

export function PagedTable<T extends { id: number }>({ rows, pages, columns, empty, testId, rowTestId, onRowClick, onChange, height }: Props<T>) {
  const { t } = useTranslation();
  const [boxRef, boxHeight] = useElementHeight<HTMLDivElement>();
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === "number" ? c.width : 120), 0);
  const scrollY = height ?? Math.max(boxHeight - HEADER_HEIGHT - 28, 160);

  const onScroll = (e: React.UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    const nearEnd = el.scrollHeight - el.scrollTop - el.clientHeight <= LOAD_MARGIN;
    if (nearEnd && pages.hasNextPage && !pages.isFetchingNextPage) void pages.fetchNextPage();
  };

  const emptyText = pages.isPending ? (
    <Spin />
  ) : pages.isError ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorText(t, pages.error as AppError)} />
  ) : (
    empty
  );

  return (
    <div className={height ? "table-box table-box-fixed" : "table-box"} ref={boxRef} data-testid={testId}>
      <Table<T>
        virtual
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        pagination={false}
        showSorterTooltip={false}
        scroll={{ x: scrollX, y: scrollY }}
        onChange={onChange}
        onScroll={onScroll}
        locale={{ emptyText }}
        rowClassName={onRowClick ? "clickable-row" : undefined}
        onRow={(record) =>
          ({ onClick: onRowClick ? () => onRowClick(record) : undefined, "data-testid": rowTestId }) as React.HTMLAttributes<HTMLElement>
        }
      />
      <div className="table-status">
        {pages.isFetchingNextPage && (
          <Space size="small">
            <Spin size="small" />
            <Typography.Text type="secondary">{t("customers.loadingMore")}</Typography.Text>
          </Space>
        )}
      </div>
    </div>
  );
}
