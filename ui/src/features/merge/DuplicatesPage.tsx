//! 查重: scan the whole book for customers that look like one, and merge them group by group.
import { useState } from "react";
import { Button, Card, Empty, List, Result, Space, Table, Tag, Typography } from "antd";
import { MergeCellsOutlined, ScanOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { DuplicateGroup } from "../../api/bindings/DuplicateGroup";
import type { DuplicateScan } from "../../api/bindings/DuplicateScan";
import type { GroupMember } from "../../api/bindings/GroupMember";
import { formatDateTime } from "../../components/formatDate";
import { PageTitle } from "../../components/PageTitle";
import { queryKeys } from "../../api/queryKeys";
import { errorText } from "../../i18n/errorText";
import { MergeDialog } from "./MergeDialog";

/** The scan as shown after `mergedId` left its group (a group of one is no group). */
export function withoutMerged(scan: DuplicateScan, mergedId: number): DuplicateScan {
  const groups: DuplicateGroup[] = [];
  for (const g of scan.groups) {
    const members = g.members.filter((m) => m.id !== mergedId);
    const size = members.length < g.members.length ? g.size - 1 : g.size;
    if (size > 1) groups.push({ ...g, members, size });
  }
  const left = (list: DuplicateGroup[]) => list.reduce((n, g) => n + g.size, 0);
  return {
    ...scan,
    groups,
    totalGroups: scan.totalGroups - (scan.groups.length - groups.length),
    customersInGroups: scan.customersInGroups - (left(scan.groups) - left(groups)),
  };
}

export function DuplicatesPage({ onOpenCustomer }: { onOpenCustomer: (id: number) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [pair, setPair] = useState<[number, number] | null>(null);
  // Scanned only when asked (a million customers take seconds); kept while the user merges group by group.
  const scan = useQuery<DuplicateScan, AppError>({
    queryKey: queryKeys.duplicateScan,
    queryFn: api.scanDuplicates,
    enabled: false,
    staleTime: Infinity,
  });
  const result = scan.data;

  const columns = (g: DuplicateGroup) => [
    {
      key: "name",
      title: t("fields.name"),
      render: (_: unknown, m: GroupMember) => (
        <Typography.Link onClick={() => onOpenCustomer(m.id)} data-testid="duplicate-member">
          {m.name}
        </Typography.Link>
      ),
    },
    { key: "uscc", title: t("fields.uscc"), dataIndex: "uscc", render: (v: string | null) => <span className="mono">{v}</span> },
    { key: "mobile", title: t("fields.mobile"), dataIndex: "mobile" },
    { key: "email", title: t("fields.email"), dataIndex: "email" },
    { key: "city", title: t("fields.city"), dataIndex: "city" },
    {
      key: "createdAt",
      title: t("fields.createdAt"),
      dataIndex: "createdAt",
      width: 160,
      render: (v: number) => formatDateTime(v, i18n.language),
    },
    {
      key: "merge",
      width: 120,
      render: (_: unknown, m: GroupMember, i: number) =>
        i === 0 ? (
          <Tag color="blue">{t("merge.oldest")}</Tag>
        ) : (
          <Button size="small" icon={<MergeCellsOutlined />} onClick={() => setPair([g.members[0].id, m.id])} data-testid="duplicate-merge">
            {t("merge.action")}
          </Button>
        ),
    },
  ];

  return (
    <div className="page">
      <div className="page-header">
        <PageTitle>{t("merge.scanTitle")}</PageTitle>
        <Button type="primary" icon={<ScanOutlined />} loading={scan.isFetching} onClick={() => void scan.refetch()} data-testid="duplicate-scan">
          {t(result ? "merge.rescan" : "merge.scan")}
        </Button>
      </div>
      {scan.isError && <Result status="warning" title={t("merge.scanFailed")} subTitle={errorText(t, scan.error)} />}
      {!result && !scan.isFetching && !scan.isError && (
        <Result icon={<ScanOutlined />} title={t("merge.scanIntro")} subTitle={t("merge.scanHint")} />
      )}
      {result && (
        <Space direction="vertical" size="middle" className="full-width">
          <Typography.Text type="secondary" data-testid="duplicate-summary">
            {t("merge.summary", {
              scanned: result.scanned.toLocaleString(i18n.language),
              groups: result.totalGroups.toLocaleString(i18n.language),
              customers: result.customersInGroups.toLocaleString(i18n.language),
              seconds: (result.tookMs / 1000).toFixed(1),
            })}
            {result.totalGroups > result.groups.length && ` ${t("merge.firstGroups", { shown: result.groups.length })}`}
          </Typography.Text>
          {result.groups.length === 0 ? (
            <Empty description={t("merge.none")} />
          ) : (
            <List
              dataSource={result.groups}
              pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
              renderItem={(g) => (
                <Card
                  size="small"
                  className="duplicate-group"
                  data-testid="duplicate-group"
                  title={
                    <Space wrap>
                      {g.reasons.map((r) => (
                        <Tag key={r} color={r === "name" ? "gold" : "red"}>
                          {t(`duplicates.reasons.${r}`)}
                        </Tag>
                      ))}
                      <Typography.Text type="secondary">{t("merge.groupSize", { count: g.size })}</Typography.Text>
                    </Space>
                  }
                >
                  <Table size="small" pagination={false} rowKey="id" dataSource={g.members} columns={columns(g)} />
                </Card>
              )}
            />
          )}
        </Space>
      )}
      <MergeDialog
        pair={pair}
        onClose={() => setPair(null)}
        onMerged={(outcome) => {
          const current = queryClient.getQueryData<DuplicateScan>(queryKeys.duplicateScan);
          if (current) queryClient.setQueryData(queryKeys.duplicateScan, withoutMerged(current, outcome.merge.mergedId));
        }}
      />
    </div>
  );
}
