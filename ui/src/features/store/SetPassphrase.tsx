//! First run without a keychain: choose a passphrase (twice, at least 8 characters).
import { Button, Form, Input, Progress, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { StoreStatus } from "../../api/bindings/StoreStatus";
import { passphraseStrength } from "./passphraseStrength";
import { UnlockCard } from "./UnlockCard";
import { useUnlock } from "./useUnlock";

const STRENGTH_PERCENT = { weak: 25, medium: 60, strong: 100 } as const;
const STRENGTH_COLOR = { weak: "#dc2626", medium: "#d97706", strong: "#16a34a" } as const;

type Values = { passphrase: string; confirm: string };

export function SetPassphrase({ status }: { status: StoreStatus }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const passphrase = Form.useWatch("passphrase", form) ?? "";
  const unlock = useUnlock(api.setPassphrase);
  const strength = passphraseStrength(passphrase);

  return (
    <UnlockCard title={t("store.setTitle")} intro={t("store.setIntro")} error={unlock.error ?? status.problem}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => unlock.mutate(v.passphrase)}>
        <Form.Item
          name="passphrase"
          label={t("store.passphrase")}
          rules={[{ required: true, min: 8, message: t("store.tooShort") }]}
          extra={
            passphrase.length > 0 && (
              <div className="strength">
                <Progress
                  percent={STRENGTH_PERCENT[strength]}
                  showInfo={false}
                  size="small"
                  strokeColor={STRENGTH_COLOR[strength]}
                />
                <Typography.Text type="secondary">
                  {t("store.strength", { level: t(`store.strengthLevels.${strength}`) })}
                </Typography.Text>
              </div>
            )
          }
        >
          <Input.Password autoFocus data-testid="passphrase-input" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t("store.confirm")}
          dependencies={["passphrase"]}
          rules={[
            { required: true, message: t("store.mismatch") },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue("passphrase")
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("store.mismatch"))),
            }),
          ]}
        >
          <Input.Password data-testid="passphrase-confirm" autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={unlock.isPending} data-testid="passphrase-submit">
          {t("store.submitSet")}
        </Button>
      </Form>
    </UnlockCard>
  );
}
