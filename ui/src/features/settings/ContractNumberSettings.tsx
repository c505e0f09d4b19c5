//! The contract numbering rule: the tokens it may use, a live preview of the next number's shape, and
//! saving it with the rest of the settings.
import { useEffect } from "react";
import { App, Button, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/bindings/AppError";
import { errorText } from "../../i18n/errorText";
import { checkNumberRule } from "../contracts/numberRule";
import { useSaveSettings, useSettings } from "./useSettings";

type Values = { contractNumberRule: string };

const FIELD = "contractNumberRule";

export function ContractNumberSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { settings, isSuccess } = useSettings();
  const save = useSaveSettings();
  const [form] = Form.useForm<Values>();
  const rule = (Form.useWatch(FIELD, form) as string | undefined) ?? settings.contractNumberRule;
  const checked = checkNumberRule(rule);
  const say = (reason: string) => errorText(t, { code: "validation", message: "", field: FIELD, reason });

  useEffect(() => {
    if (isSuccess) form.setFieldsValue({ contractNumberRule: settings.contractNumberRule });
  }, [isSuccess, settings, form]);

  const submit = ({ contractNumberRule }: Values) =>
    save.mutate((current) => ({ ...current, contractNumberRule: contractNumberRule.trim() }), {
      onSuccess: () => void message.success(t("settings.saved")),
      onError: (err: AppError) => {
        const text = errorText(t, err);
        if (err.code === "validation" && err.field === FIELD) form.setFields([{ name: FIELD, errors: [text] }]);
        else void message.error(text);
      },
    });

  return (
    <Form form={form} layout="horizontal" labelCol={{ span: 6 }} onFinish={submit} data-testid="contract-number-settings">
      <Form.Item
        label={t("contractNumbering.rule")}
        name={FIELD}
        extra={t("contractNumbering.hint")}
        rules={[
          {
            validator: (_, v: string | undefined) => {
              const c = checkNumberRule(v ?? "");
              return c.ok ? Promise.resolve() : Promise.reject(new Error(say(c.reason)));
            },
          },
        ]}
      >
        <Input className="mono" maxLength={40} data-testid="settings-contract-number-rule" />
      </Form.Item>
      <Form.Item label={t("contractNumbering.preview")}>
        <Typography.Text className="mono" data-testid="settings-contract-number-preview">
          {checked.ok ? t("contractNumbering.previewValue", { first: checked.preview(new Date(), 1), second: checked.preview(new Date(), 2) }) : t("common.none")}
        </Typography.Text>
      </Form.Item>
      <Form.Item wrapperCol={{ offset: 6 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-contract-number-save">
          {t("common.save")}
        </Button>
      </Form.Item>
    </Form>
  );
}
