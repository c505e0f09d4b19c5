//! 经营概览, the screen the app opens on: the period's 签约额, 回款额, new customers and follow-ups against the
//! period before, what is owed and overdue, twelve months of 签约额 and 回款额, the year's best customers,
//! valuable customers at risk and what is due today.
import { useMemo, useState } from "react";
import { Alert, Button, Card, Space, Statistic, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { DrillRequest } from "../../api/bindings/DrillRequest";
import type { Language } from "../../api/bindings/Language";
import type { ReportQuery } from "../../api/bindings/ReportQuery";
import type { Row } from "../../api/bindings/Row";
import { PageTitle } from "../../components/PageTitle";
import { queryKeys } from "../../api/queryKeys";
import { errorText } from "../../i18n/errorText";
import { useSettings } from "../settings/useSettings";
import { todayQuery } from "../today/todayQuery";
import { AtRiskCard } from "./AtRiskCard";
import { DrillDrawer } from "./DrillDrawer";
import { KpiCards } from "./KpiCards";
import type { Preset } from "./period";
import { ReportControls } from "./ReportControls";
import { PackExport } from "./ReportExport";
import { initialQuery } from "./ReportPage";
import { SectionCard } from "./SectionCard";
import { useReport } from "./useReport";
import "./reports.css";

type Props = { onOpenCustomer: (id: number) => void; onNavigate: (screen: string) => void };

export function DashboardPage({ onOpenCustomer, onNavigate }: Props) {
  const { t, i18n } = useTranslation();
  const [preset, setPreset] = useState<Preset>("month");
  const [base, setBase] = useState<ReportQuery>(() => ({ ...initialQuery({ period: true, compare: false }, "month"), compare: "previousPeriod" }));
  const query = useMemo(() => ({ ...base, language: i18n.language as Language }), [base, i18n.language]);
  const report = useReport("dashboard", query);
  const { settings, isPending: settingsPending } = useSettings();
  const tq = todayQuery(settings.reminders);
  const today = useQuery({ queryKey: [...queryKeys.today, tq], queryFn: () => api.todayView(tq), enabled: !settingsPending });
  // Follow-ups due today and overdue ones still open: what Today asks to deal with now.
  const due = today.data ? today.data.today.length + today.data.overdueTotal : null;
  const [drill, setDrill] = useState<{ request: DrillRequest; label: string } | null>(null);
  const r = report.data;
  const onDrill = (row: Row) => {
    if (!row.key) return;
    if (row.key.startsWith("customer:")) onOpenCustomer(Number(row.key.slice("customer:".length)));
    else setDrill({ request: { report: "dashboard", key: row.key, query }, label: String(row.cells[0] ?? "") });
  };
  const [trend, top] = [r?.sections.find((s) => s.key === "trend"), r?.sections.find((s) => s.key === "topCustomers")];

  return (
    <div className="page page-scroll report-page" data-testid="report-dashboard">
      <div className="page-header">
        <PageTitle>{t("nav.dashboard")}</PageTitle>
        <Space>
          <PackExport />
        </Space>
      </div>
      <ReportControls
        screen={{ period: true, compare: false, grain: false, measure: false, asOf: false }}
        query={base}
        preset={preset}
        filters={false}
        onChange={(q, p) => {
          setBase(q);
          setPreset(p);
        }}
      />
      {report.isError && <Alert type="error" showIcon message={errorText(t, report.error)} />}
      {r && (
        <>
          <KpiCards kpis={r.kpis} onPick={(key) => (key === "outstanding" || key === "overdue" ? onNavigate("receivables") : undefined)} />
          {r.empty && (
            <Alert type="info" showIcon message={t("reports.empty")} description={t("reports.emptyHint")} data-testid="report-empty" />
          )}
          <div className="dashboard-grid">
            <div className="report-sections-column">
              {trend && <SectionCard section={trend} onDrill={onDrill} />}
              {top && <SectionCard section={top} onDrill={onDrill} />}
            </div>
            <Space direction="vertical" className="full-width" size={12}>
              <Card size="small" title={t("reports.dashboard.reminders")} extra={<Button type="link" size="small" onClick={() => onNavigate("today")}>{t("reports.dashboard.toToday")}</Button>}>
                <Statistic value={due ?? 0} loading={today.isPending} valueRender={(v) => <span data-testid="dashboard-due-today">{v}</span>} />
              </Card>
              <AtRiskCard onOpenCustomer={onOpenCustomer} onOpenReport={() => onNavigate("churn")} />
              <Typography.Text type="secondary" className="section-more">
                {r.definition}
              </Typography.Text>
            </Space>
          </div>
        </>
      )}
      <DrillDrawer request={drill?.request ?? null} label={drill?.label ?? ""} onClose={() => setDrill(null)} onOpenCustomer={onOpenCustomer} />
    </div>
  );
}
