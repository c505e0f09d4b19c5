//! Unlock with the passphrase; a wrong one shows the error and lets the user try again.
import { Button, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { StoreStatus } from "../../api/bindings/StoreStatus";
import { UnlockCard } from "./UnlockCard";
import { useUnlock } from "./useUnlock";

type Props = { status: StoreStatus; onUseRecoveryKey: () => void };

export function EnterPassphrase({ status, onUseRecoveryKey }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ passphrase: string }>();
  const unlock = useUnlock(api.unlockWithPassphrase);

  const submit = ({ passphrase }: { passphrase: string }) =>
    unlock.mutate(passphrase, { onError: () => form.setFieldValue("passphrase", "") });

  return (
    <UnlockCard title={t("store.unlockTitle")} intro={t("store.unlockIntro")} error={unlock.error ?? status.problem}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item name="passphrase" label={t("store.passphrase")} rules={[{ required: true, message: t("store.required") }]}>
          <Input.Password autoFocus data-testid="passphrase-input" autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={unlock.isPending} data-testid="passphrase-submit">
          {t("store.submitUnlock")}
        </Button>
      </Form>
      <Button type="link" block className="unlock-switch" onClick={onUseRecoveryKey} data-testid="use-recovery-key">
        {t("store.useRecoveryKey")}
      </Button>
    </UnlockCard>
  );
}
