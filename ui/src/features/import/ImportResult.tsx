//! What an import (or its dry run) did: the four counts, the rejected rows and why, and the error workbook.
import { Alert, Button, Col, Row, Space, Statistic, Table, Typography } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ImportField } from "../../api/bindings/ImportField";
import type { ImportReport } from "../../api/bindings/ImportReport";
import type { RejectedRow } from "../../api/bindings/RejectedRow";
import { rejectFieldLabel, rejectText } from "./rejectText";

type Props = {
  report: ImportReport;
  fields: ReadonlyArray<ImportField>;
  onSaveRejects: (importId: number) => void;
  saving: boolean;
};

const COUNTS = ["created", "updated", "unchanged", "rejected"] as const;

export function ImportResult({ report, fields, onSaveRejects, saving }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  // The result appears under the mapping and the preview: bring it into view, as the user waits for it.
  useEffect(() => {
    box.current?.scrollIntoView?.({ behavior: "smooth", block: "start" });
  }, [report]);

  return (
    <div ref={box}>
      <Space direction="vertical" size="middle" className="full-width" data-testid="import-result">
        {report.dryRun ? (
          <Alert type="info" showIcon message={t("import.dryRunNote")} data-testid="import-dry-run-note" />
        ) : (
          <Alert type="success" showIcon message={t("import.doneNote", { total: report.total })} data-testid="import-done-note" />
        )}
        <Row gutter={16}>
          {COUNTS.map((key) => (
            <Col key={key} span={6}>
              <Statistic
                title={t(`import.counts.${key}`)}
                value={report[key]}
                formatter={(value) => <span data-testid={`count-${key}`}>{value}</span>}
                valueStyle={key === "rejected" && report.rejected > 0 ? { color: "#cf1322" } : undefined}
              />
            </Col>
          ))}
        </Row>
        {report.rejects.length > 0 && (
          <>
            <div className="import-rejects-header">
              <Typography.Title level={5}>{t("import.rejects")}</Typography.Title>
              {!report.dryRun && report.importId !== null && (
                <Button icon={<DownloadOutlined />} loading={saving} onClick={() => onSaveRejects(report.importId as number)} data-testid="import-save-rejects">
                  {t("import.saveRejects")}
                </Button>
              )}
            </div>
            <Table<RejectedRow & { key: number }>
              size="small"
              rowKey="key"
              dataSource={report.rejects.map((r, key) => ({ ...r, key }))}
              pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
              data-testid="import-rejects"
              columns={[
                { key: "row", title: t("import.row"), dataIndex: "row", width: 80 },
                { key: "field", title: t("import.field"), width: 180, render: (_, r) => rejectFieldLabel(t, r.field, fields) },
                { key: "reason", title: t("import.reason"), render: (_, r) => <span data-testid="reject-reason">{rejectText(t, r, fields)}</span> },
                {
                  key: "values",
                  title: t("import.values"),
                  ellipsis: true,
                  render: (_, r) => <Typography.Text type="secondary">{r.values.filter((v) => v !== "").join(" | ")}</Typography.Text>,
                },
              ]}
            />
            {report.rejected > report.rejects.length && (
              <Typography.Text type="secondary">{t("import.rejectsMore", { shown: report.rejects.length, total: report.rejected })}</Typography.Text>
            )}
          </>
        )}
      </Space>
    </div>
  );
}
