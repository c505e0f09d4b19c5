//! Runs the store's integrity check and shows what it found.
import { Alert, App, Button, Descriptions, Space } from "antd";
import { SafetyCertificateOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { StoreCheck } from "../../api/bindings/StoreCheck";
import { errorText } from "../../i18n/errorText";

export function IntegrityCheck() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const check = useMutation<StoreCheck, AppError>({
    mutationFn: api.checkStore,
    onError: (err) => void message.error(errorText(t, err)),
  });
  const result = check.data;

  return (
    <Space direction="vertical" className="full-width">
      <Button icon={<SafetyCertificateOutlined />} loading={check.isPending} onClick={() => check.mutate()} data-testid="settings-check">
        {t("settings.check")}
      </Button>
      {result && (
        <div data-testid="settings-check-result">
          <Alert
            type={result.ok ? "success" : "error"}
            showIcon
            message={t(result.ok ? "settings.checkOk" : "settings.checkFailed")}
            description={result.messages.length > 0 ? result.messages.map((m) => <div key={m}>{m}</div>) : undefined}
          />
          <Descriptions column={3} size="small" className="check-numbers">
            <Descriptions.Item label={t("settings.schemaVersion")}>{result.schemaVersion}</Descriptions.Item>
            <Descriptions.Item label={t("settings.customersCount")}>{result.customers}</Descriptions.Item>
            <Descriptions.Item label={t("settings.trashedCount")}>{result.trashed}</Descriptions.Item>
          </Descriptions>
        </div>
      )}
    </Space>
  );
}
