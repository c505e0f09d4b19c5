//! One analysis screen: the controls, how its figures are counted, the headline figures, and each of its
//! tables with its chart; a click on a bar, a slice or a row lists what is behind it.
import { useMemo, useState } from "react";
import { Alert, Button, Empty, Progress, Space, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { DrillRequest } from "../../api/bindings/DrillRequest";
import type { Language } from "../../api/bindings/Language";
import type { ReportQuery } from "../../api/bindings/ReportQuery";
import type { Row } from "../../api/bindings/Row";
import { PageTitle } from "../../components/PageTitle";
import { errorText } from "../../i18n/errorText";
import { DrillDrawer } from "./DrillDrawer";
import { KpiCards } from "./KpiCards";
import { presetRange, type Preset } from "./period";
import { ReportControls } from "./ReportControls";
import { ReportExport } from "./ReportExport";
import { SCREEN_ROWS, type ReportScreen } from "./reportScreens";
import { SectionCard } from "./SectionCard";
import { useReport } from "./useReport";
import "./reports.css";

export function initialQuery(screen: Pick<ReportScreen, "period" | "compare">, preset: Exclude<Preset, "custom">): ReportQuery {
  const [from, to] = screen.period ? presetRange(preset) : [null, null];
  return {
    from,
    to,
    compare: screen.compare ? "previousYear" : "none",
    grain: "month",
    measure: "signed",
    asOf: null,
    filters: { province: null, city: null, industry: null, source: null, level: null, tag: null, category: null },
    quietDays: null,
    limit: SCREEN_ROWS,
    language: null,
  };
}

type Props = { screen: ReportScreen; onOpenCustomer: (id: number) => void };

export function ReportPage({ screen, onOpenCustomer }: Props) {
  const { t, i18n } = useTranslation();
  const [preset, setPreset] = useState<Preset>("year");
  const [base, setBase] = useState<ReportQuery>(() => initialQuery(screen, "year"));
  const query = useMemo(() => ({ ...base, language: i18n.language as Language }), [base, i18n.language]);
  const report = useReport(screen.name, query);
  const [drill, setDrill] = useState<{ request: DrillRequest; label: string } | null>(null);
  const r = report.data;
  const onDrill = (row: Row) =>
    row.key && setDrill({ request: { report: screen.name, key: row.key, query }, label: typeof row.cells[0] === "string" ? row.cells[0] : String(row.cells[1] ?? "") });
  const cancelled = report.error?.code === "conflict" && report.error.reason === "cancelled";
  const progress = report.progress;

  return (
    <div className="page page-scroll report-page" data-testid={`report-${screen.name}`}>
      <div className="page-header">
        <PageTitle>{r?.title ?? t(`nav.${screen.key}`)}</PageTitle>
        {r && <ReportExport name={screen.name} query={query} title={r.title} />}
      </div>
      <ReportControls screen={screen} query={base} preset={preset} onChange={(q, p) => (setBase(q), setPreset(p))} />
      {r && (
        <Typography.Paragraph type="secondary" className="report-definition" data-testid="report-definition">
          <strong>{t("reports.howCounted")}：</strong>
          {r.definition}
        </Typography.Paragraph>
      )}
      {report.isFetching && (
        <Space className="report-busy" data-testid="report-busy">
          <Spin size="small" />
          <span>{t("reports.computing")}</span>
          {progress && progress.total > 0 && <Progress percent={Math.round((progress.done / progress.total) * 100)} size="small" style={{ width: 160 }} />}
          <Button size="small" onClick={() => void api.cancelReports()} data-testid="report-cancel">
            {t("reports.cancel")}
          </Button>
        </Space>
      )}
      {report.isError && !cancelled && <Alert type="error" showIcon message={errorText(t, report.error)} />}
      {cancelled && (
        <Alert type="info" showIcon message={t("errors.conflict.default")} action={<Button onClick={() => void report.refetch()}>{t("common.retry")}</Button>} />
      )}
      {r?.notes.map((n) => <Alert key={n} type="warning" showIcon message={n} className="report-note" data-testid="report-note" />)}
      {r && r.empty && !report.isFetching && (
        <Empty className="report-empty" description={<span data-testid="report-empty">{t("reports.empty")}</span>}>
          <Typography.Text type="secondary">{t("reports.emptyHint")}</Typography.Text>
        </Empty>
      )}
      {r && !r.empty && (
        <>
          <KpiCards kpis={r.kpis} />
          <Typography.Text type="secondary" className="report-hint">
            {t("reports.clickHint")}
          </Typography.Text>
          <div className="report-sections">
            {r.sections.map((s) => (
              <SectionCard key={s.key} section={s} onDrill={onDrill} />
            ))}
          </div>
        </>
      )}
      <DrillDrawer request={drill?.request ?? null} label={drill?.label ?? ""} onClose={() => setDrill(null)} onOpenCustomer={onOpenCustomer} />
    </div>
  );
}
