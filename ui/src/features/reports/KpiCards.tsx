//! A report's headline figures as cards: the value, the compared value and the change, an arrow that
//! says up or down in words too (colour alone does not survive greyscale printing).
import { Card, Col, Row, Typography } from "antd";
import { ArrowDownOutlined, ArrowUpOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Kpi } from "../../api/bindings/Kpi";
import { cellNumber, cellText } from "./cells";

export function KpiCards({ kpis, onPick }: { kpis: Kpi[]; onPick?: (key: string) => void }) {
  const { t, i18n } = useTranslation();
  if (kpis.length === 0) return null;
  const span = Math.max(4, Math.floor(24 / Math.min(kpis.length, 6)));
  return (
    <Row gutter={[12, 12]} className="kpi-row">
      {kpis.map((k) => {
        const change = cellNumber(k.change);
        return (
          <Col span={span} key={k.key}>
            <Card size="small" className="kpi-card" hoverable={!!onPick} onClick={() => onPick?.(k.key)} data-testid={`kpi-${k.key}`}>
              <Typography.Text type="secondary">{k.label}</Typography.Text>
              <div className="kpi-value" data-testid={`kpi-${k.key}-value`}>
                {cellText(k.value, k.kind, i18n.language)}
              </div>
              <div className="kpi-meta">
                {change !== null && (
                  <span className={change >= 0 ? "kpi-up" : "kpi-down"} data-testid={`kpi-${k.key}-change`}>
                    {change >= 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {cellText(Math.abs(change), "percent", i18n.language)}
                  </span>
                )}
                {k.previous !== null && (
                  <Typography.Text type="secondary" className="kpi-previous">
                    {t("reports.previous", { value: cellText(k.previous, k.kind, i18n.language) })}
                  </Typography.Text>
                )}
              </div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
