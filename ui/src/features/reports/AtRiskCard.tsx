//! Valuable customers at risk (流失预警, most valuable first): on the dashboard and on Today, so the owner
//! calls the ones that matter before they are gone. Computed off the window's thread; a click opens one.
import { Button, Card, List, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../api/bindings/Language";
import { Money } from "../../components/Money";
import { initialQuery } from "./ReportPage";
import { useReport } from "./useReport";

type Props = { onOpenCustomer: (id: number) => void; onOpenReport?: () => void; limit?: number };

export function AtRiskCard({ onOpenCustomer, onOpenReport, limit = 5 }: Props) {
  const { t, i18n } = useTranslation();
  const query = useMemo(
    () => ({ ...initialQuery({ period: false, compare: false }, "year"), limit, language: i18n.language as Language }),
    [limit, i18n.language],
  );
  const churn = useReport("churn", query);
  const customers = churn.data?.customers ?? [];
  const levels = churn.data?.sections.find((s) => s.key === "atRiskCustomers");
  return (
    <Card
      size="small"
      title={t("reports.dashboard.atRisk")}
      loading={churn.isPending}
      extra={onOpenReport && <Button type="link" size="small" onClick={onOpenReport}>{t("reports.dashboard.openReport")}</Button>}
      data-testid="at-risk-card"
    >
      {churn.data?.notes.map((n) => (
        <Typography.Paragraph key={n} type="secondary" className="section-more">
          {n}
        </Typography.Paragraph>
      ))}
      <List
        size="small"
        dataSource={customers}
        locale={{ emptyText: t("reports.dashboard.atRiskEmpty") }}
        renderItem={(c, i) => (
          <List.Item
            actions={[c.predicted_value_365 !== null ? <Money key="v" fen={c.predicted_value_365} /> : <Money key="v" fen={c.historical_value} />]}
            data-testid={`at-risk-${c.id}`}
          >
            <a onClick={() => onOpenCustomer(c.id)}>{c.name}</a>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {String(levels?.rows[i]?.cells[5] ?? "")}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
