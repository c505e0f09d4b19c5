//! Unlock with the exported recovery key, e.g. after the keychain entry was deleted.
import { Button, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { StoreStatus } from "../../api/bindings/StoreStatus";
import { UnlockCard } from "./UnlockCard";
import { useUnlock } from "./useUnlock";

type Props = { status: StoreStatus; onUsePassphrase: (() => void) | null };

export function EnterRecoveryKey({ status, onUsePassphrase }: Props) {
  const { t } = useTranslation();
  const unlock = useUnlock(api.unlockWithRecoveryKey);

  return (
    <UnlockCard title={t("store.recoveryTitle")} intro={t("store.recoveryIntro")} error={unlock.error ?? status.problem}>
      <Form
        layout="vertical"
        requiredMark={false}
        onFinish={({ recoveryKey }: { recoveryKey: string }) => unlock.mutate(recoveryKey.trim())}
      >
        <Form.Item name="recoveryKey" label={t("store.recoveryKey")} rules={[{ required: true, message: t("store.required") }]}>
          <Input autoFocus spellCheck={false} autoComplete="off" className="mono" data-testid="recovery-key-input" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={unlock.isPending} data-testid="recovery-key-submit">
          {t("store.submitRecovery")}
        </Button>
      </Form>
      {onUsePassphrase && (
        <Button type="link" block className="unlock-switch" onClick={onUsePassphrase}>
          {t("store.usePassphrase")}
        </Button>
      )}
    </UnlockCard>
  );
}
