//! Past imports, newest first, each revertible once.
import { App, Button, Popconfirm, Table, Typography, type ButtonProps } from "antd";
import { UndoOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/bindings/AppError";
import type { ImportRecord } from "../../api/bindings/ImportRecord";
import { formatDateTime } from "../../components/formatDate";
import { errorText } from "../../i18n/errorText";
import { useImportHistory, useRevertImport } from "./useImport";

// antd's ButtonProps has no data-* index signature; the attribute still reaches the button.
const CONFIRM_BUTTON = { "data-testid": "revert-confirm" } as unknown as ButtonProps;

export function ImportHistory() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const history = useImportHistory();
  const revert = useRevertImport();

  const onRevert = (id: number) =>
    revert.mutateAsync(id).then(
      () => void message.success(t("import.reverted")),
      (err: AppError) =>
        // A merge since the import keeps it from being reverted: say which merge, not the customer's own text.
        void message.error(err.code === "conflict" && err.reason === "merged" ? t("import.revertMerged") : errorText(t, err)),
    );

  return (
    <>
      <Typography.Title level={5} className="import-section">
        {t("import.history")}
      </Typography.Title>
      {history.isError && <Typography.Text type="danger">{errorText(t, history.error)}</Typography.Text>}
      <Table<ImportRecord>
        size="small"
        rowKey="id"
        loading={history.isPending}
        dataSource={history.data ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: t("import.historyEmpty") }}
        data-testid="import-history"
        columns={[
          { key: "file", title: t("import.file"), dataIndex: "fileName", ellipsis: true },
          {
            key: "time",
            title: t("import.time"),
            width: 160,
            render: (_, r) => formatDateTime(r.createdAt, i18n.language),
          },
          { key: "mode", title: t("import.mode"), width: 120, render: (_, r) => t(`import.modes.${r.mode}`, { defaultValue: r.mode }) },
          {
            key: "counts",
            render: (_, r) => (
              <span data-testid={`import-summary-${r.id}`}>
                {t("import.summary", { created: r.created, updated: r.updated, rejected: r.rejected })}
              </span>
            ),
          },
          {
            key: "revert",
            width: 180,
            render: (_, r) =>
              r.revertedAt !== null ? (
                <Typography.Text type="secondary" data-testid={`reverted-${r.id}`}>
                  {t("import.revertedAt", { at: formatDateTime(r.revertedAt, i18n.language) })}
                </Typography.Text>
              ) : (
                <Popconfirm
                  title={t("import.revert")}
                  description={<div className="import-revert-confirm">{t("import.revertConfirm")}</div>}
                  okText={t("import.revert")}
                  okButtonProps={CONFIRM_BUTTON}
                  onConfirm={() => onRevert(r.id)}
                  destroyOnHidden
                >
                  <Button size="small" icon={<UndoOutlined />} data-testid={`revert-${r.id}`}>
                    {t("import.revert")}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </>
  );
}
