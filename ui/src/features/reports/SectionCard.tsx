//! One table of a report: its chart (click a bar or slice to drill), the typed table with its totals row
//! (click a row to drill), and a word when only the first rows are shown.
import { Card, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import type { Row as ReportRow } from "../../api/bindings/Row";
import type { Section } from "../../api/bindings/Section";
import { ReportChart } from "../../components/ReportChart";
import { cellText } from "./cells";

type Props = { section: Section; onDrill?: (row: ReportRow) => void };

export function SectionCard({ section, onDrill }: Props) {
  const { t, i18n } = useTranslation();
  const drillable = !!section.drill && !!onDrill;
  const pick = (row: ReportRow | undefined) => {
    if (drillable && row?.key) onDrill?.(row);
  };
  const columns: ColumnsType<ReportRow & { index: number }> = section.columns.map((c, i) => ({
    key: c.key,
    title: c.label,
    align: c.kind === "text" || c.kind === "day" ? "left" : "right",
    render: (_, row) => <span className={c.kind === "text" ? undefined : "num"}>{cellText(row.cells[i], c.kind, i18n.language)}</span>,
    ellipsis: c.kind === "text",
  }));
  const rows = section.rows.map((r, index) => ({ ...r, index }));
  const chart = section.chart && section.rows.length > 0;
  return (
    <Card
      size="small"
      title={section.title}
      className={section.columns.length > 5 ? "section-card wide" : "section-card"}
      data-testid={`section-${section.key}`}
    >
      {chart && <ReportChart section={section} onPick={(i) => pick(section.rows[i])} />}
      <Table
        size="small"
        rowKey="index"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 12 ? { pageSize: 12, size: "small", showSizeChanger: false } : false}
        scroll={{ x: "max-content" }}
        onRow={(row) => ({
          onClick: () => pick(row),
          className: drillable && row.key ? "drillable" : undefined,
          "data-testid": `section-${section.key}-row-${row.index}`,
        })}
        summary={() =>
          section.totals ? (
            <Table.Summary fixed>
              <Table.Summary.Row className="totals-row">
                {section.columns.map((c, i) => (
                  <Table.Summary.Cell key={c.key} index={i} align={c.kind === "text" || c.kind === "day" ? "left" : "right"}>
                    <strong data-testid={i === 0 ? undefined : `section-${section.key}-total-${c.key}`}>
                      {cellText(section.totals?.[i], i === 0 ? "text" : c.kind, i18n.language)}
                    </strong>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
      {section.total_rows !== null && (
        <Typography.Text type="secondary" className="section-more">
          {t("reports.more", { count: section.total_rows, shown: section.rows.length })}
        </Typography.Text>
      )}
    </Card>
  );
}
