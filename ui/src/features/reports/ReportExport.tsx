//! Writing a report as an Excel workbook (every row of its lists, its charts), and the monthly pack.
import { useState } from "react";
import { App, Button, DatePicker, Popover, Space } from "antd";
import { FileExcelOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Language } from "../../api/bindings/Language";
import type { ReportName } from "../../api/bindings/ReportName";
import type { ReportQuery } from "../../api/bindings/ReportQuery";
import { errorText } from "../../i18n/errorText";

export function ReportExport({ name, query, title }: { name: ReportName; query: ReportQuery; title: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: async () => {
      const path = await api.pickSavePath(`${title}.xlsx`);
      if (!path) return null;
      await api.exportReport(name, query, path);
      return path;
    },
    onSuccess: (path) => path && void message.success(t("reports.exported", { path })),
    onError: (err: AppError) => void message.error(errorText(t, err)),
  });
  return (
    <Button icon={<FileExcelOutlined />} onClick={() => save.mutate()} loading={save.isPending} data-testid="report-export">
      {t("reports.export")}
    </Button>
  );
}

/** The monthly pack (经营月报): every report for a month on its own sheet. */
export function PackExport() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [month, setMonth] = useState(dayjs().subtract(1, "month"));
  const save = useMutation({
    mutationFn: async () => {
      const m = month.format("YYYY-MM");
      const path = await api.pickSavePath(`${t("nav.dashboard")}-${m}.xlsx`);
      if (!path) return null;
      await api.exportReportPack(m, i18n.language as Language, path);
      return path;
    },
    onSuccess: (path) => path && void message.success(t("reports.exported", { path })),
    onError: (err: AppError) => void message.error(errorText(t, err)),
  });
  const content = (
    <Space>
      <DatePicker picker="month" allowClear={false} value={month} onChange={(m) => m && setMonth(m)} aria-label={t("reports.packMonth")} />
      <Button type="primary" onClick={() => save.mutate()} loading={save.isPending} data-testid="pack-export-go">
        {t("reports.export")}
      </Button>
    </Space>
  );
  return (
    <Popover content={content} title={t("reports.packMonth")} trigger="click">
      <Button icon={<FileExcelOutlined />} data-testid="pack-export">
        {t("reports.pack")}
      </Button>
    </Popover>
  );
}
