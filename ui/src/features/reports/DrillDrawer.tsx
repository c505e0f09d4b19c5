//! What is behind a report's row: the customers or contracts, to open one, export them all, tag them all,
//! or plan a follow-up for all of them on a day (next Monday unless changed).
import { useState } from "react";
import { App, Button, DatePicker, Drawer, Input, Space, Table, Typography } from "antd";
import { useMutation, useQuery } from "@tanstack/react-query";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { DrillRequest } from "../../api/bindings/DrillRequest";
import type { DrillRow } from "../../api/bindings/DrillRow";
import { Money } from "../../components/Money";
import { queryKeys } from "../../api/queryKeys";
import { errorText } from "../../i18n/errorText";
import { ContractDetail } from "../contracts/ContractDetail";
import { nextMonday } from "./period";

/** How many of them the drawer lists (the export writes every one). */
const SHOWN = 200;

type Props = {
  request: DrillRequest | null;
  label: string;
  onClose: () => void;
  onOpenCustomer: (id: number) => void;
};

export function DrillDrawer({ request, label, onClose, onOpenCustomer }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [tag, setTag] = useState("");
  const [day, setDay] = useState(nextMonday());
  const [contractId, setContractId] = useState<number | null>(null);
  const list = useQuery({
    queryKey: queryKeys.drill(request ?? {}),
    queryFn: () => api.drillReport(request as DrillRequest, SHOWN),
    enabled: request !== null,
  });
  const fail = (err: AppError) => void message.error(errorText(t, err));
  const tagAll = useMutation({
    mutationFn: () => api.tagDrilledCustomers(request as DrillRequest, tag),
    onSuccess: (n) => {
      void message.success(t("reports.drill.tagged", { count: n }));
      setTag("");
    },
    onError: fail,
  });
  const planAll = useMutation({
    mutationFn: () => api.planDrilledFollowUps(request as DrillRequest, day),
    onSuccess: (n) => {
      void message.success(t("reports.drill.planned", { count: n }));
    },
    onError: fail,
  });
  const exportAll = useMutation({
    mutationFn: async () => {
      const path = await api.pickSavePath(`${label}.xlsx`);
      if (!path) return null;
      await api.exportDrill(request as DrillRequest, path);
      return path;
    },
    onSuccess: (path) => path && void message.success(t("reports.exported", { path })),
    onError: fail,
  });
  const data = list.data;
  const customers = data?.kind === "customers";
  const columns = customers
    ? [
        { key: "name", title: t("reports.drill.customer"), render: (_: unknown, r: DrillRow) => <a onClick={() => onOpenCustomer(r.customerId)}>{r.customerName}</a> },
        { key: "amount", title: t("reports.drill.lifetime"), align: "right" as const, render: (_: unknown, r: DrillRow) => (r.amount === null ? "—" : <Money fen={r.amount} />) },
      ]
    : [
        { key: "number", title: t("reports.drill.number"), render: (_: unknown, r: DrillRow) => <a onClick={() => setContractId(r.id)}>{r.number}</a> },
        { key: "title", title: t("reports.drill.title2"), dataIndex: "title", ellipsis: true },
        { key: "customer", title: t("reports.drill.customer"), render: (_: unknown, r: DrillRow) => <a onClick={() => onOpenCustomer(r.customerId)}>{r.customerName}</a> },
        { key: "amount", title: t("reports.drill.amount"), align: "right" as const, render: (_: unknown, r: DrillRow) => (r.amount === null ? "—" : <Money fen={r.amount} />) },
        { key: "day", title: t("reports.drill.day"), dataIndex: "day" },
      ];
  return (
    <Drawer open={request !== null} onClose={onClose} width={760} title={t("reports.drill.title", { label })} destroyOnHidden data-testid="drill-drawer">
      {list.isError && <Typography.Text type="danger">{errorText(t, list.error as unknown as AppError)}</Typography.Text>}
      <Space direction="vertical" className="full-width" size={12}>
        <Space wrap>
          <Typography.Text strong data-testid="drill-total">
            {data ? t(customers ? "reports.drill.customers" : "reports.drill.contracts", { count: data.total }) : ""}
          </Typography.Text>
          <Button onClick={() => exportAll.mutate()} loading={exportAll.isPending} disabled={!data || data.total === 0} data-testid="drill-export">
            {t("reports.drill.export")}
          </Button>
        </Space>
        <Space wrap>
          <Input placeholder={t("reports.drill.tagPlaceholder")} value={tag} onChange={(e) => setTag(e.target.value)} style={{ width: 160 }} data-testid="drill-tag-input" />
          <Button onClick={() => tagAll.mutate()} loading={tagAll.isPending} disabled={!tag.trim() || !data || data.total === 0} data-testid="drill-tag">
            {t("reports.drill.tag")}
          </Button>
          <DatePicker allowClear={false} value={dayjs(day)} onChange={(d) => d && setDay(d.format("YYYY-MM-DD"))} data-testid="drill-plan-day" />
          <Button onClick={() => planAll.mutate()} loading={planAll.isPending} disabled={!data || data.total === 0} data-testid="drill-plan">
            {t("reports.drill.plan")}
          </Button>
        </Space>
        <Table<DrillRow>
          size="small"
          rowKey="id"
          loading={list.isPending}
          columns={columns}
          dataSource={data?.rows ?? []}
          pagination={{ pageSize: 15, size: "small", showSizeChanger: false }}
          data-testid="drill-list"
        />
        {data && data.total > data.rows.length && <Typography.Text type="secondary">{t("reports.drill.shown", { shown: data.rows.length })}</Typography.Text>}
      </Space>
      <ContractDetail id={contractId} onClose={() => setContractId(null)} onOpenCustomer={onOpenCustomer} />
    </Drawer>
  );
}
