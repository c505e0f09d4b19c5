//! Exports the recovery key and shows it once in a modal, with a copy button and a warning.
import { useState } from "react";
import { Alert, App, Button, Modal, Typography } from "antd";
import { KeyOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import { errorText } from "../../i18n/errorText";

export function RecoveryKeyExport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [key, setKey] = useState<string | null>(null);
  const exportKey = useMutation<string, AppError>({
    mutationFn: api.exportRecoveryKey,
    onSuccess: setKey,
    onError: (err) => void message.error(errorText(t, err)),
  });

  return (
    <>
      <Typography.Paragraph type="secondary">{t("settings.recoveryKeyHint")}</Typography.Paragraph>
      <Button icon={<KeyOutlined />} loading={exportKey.isPending} onClick={() => exportKey.mutate()} data-testid="settings-recovery-key">
        {t("settings.recoveryKey")}
      </Button>
      <Modal
        open={key !== null}
        title={t("settings.recoveryKeyTitle")}
        onCancel={() => setKey(null)}
        onOk={() => setKey(null)}
        cancelButtonProps={{ style: { display: "none" } }}
        okText={t("common.close")}
        destroyOnHidden
      >
        <Alert type="warning" showIcon message={t("settings.recoveryKeyWarning")} className="modal-alert" />
        <Typography.Paragraph
          className="recovery-key mono"
          copyable={{ text: key ?? "", tooltips: [t("common.copy"), t("common.copied")] }}
          data-testid="recovery-key-value"
        >
          {key}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
