//! Settings of reminders: how far Today looks ahead, when a customer counts as dormant, how early
//! installments and contract ends are announced, desktop notifications, and whether closing the window
//! keeps the app in the tray.
import { useEffect } from "react";
import { App, Button, Checkbox, Form, InputNumber } from "antd";
import { useTranslation } from "react-i18next";
import type { ReminderSettings as Values } from "../../api/bindings/ReminderSettings";
import { errorText } from "../../i18n/errorText";
import { useSaveSettings, useSettings } from "./useSettings";

type FormValues = Values & { closeToTray: boolean };

export function ReminderSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { settings, isSuccess } = useSettings();
  const save = useSaveSettings();
  const [form] = Form.useForm<FormValues>();
  useEffect(() => {
    if (isSuccess) form.setFieldsValue({ ...settings.reminders, closeToTray: settings.closeToTray });
  }, [isSuccess, settings, form]);

  const submit = ({ closeToTray, ...reminders }: FormValues) =>
    save.mutate((current) => ({ ...current, reminders, closeToTray }), {
      onSuccess: () => void message.success(t("settings.saved")),
      onError: (err) => void message.error(errorText(t, err)),
    });

  return (
    <Form form={form} layout="horizontal" labelCol={{ span: 6 }} onFinish={submit} data-testid="reminder-settings">
      <Form.Item label={t("settings.aheadDays")} name="aheadDays" rules={[{ required: true }]}>
        <InputNumber min={1} max={60} precision={0} addonAfter={t("units.days")} data-testid="settings-ahead-days" />
      </Form.Item>
      <Form.Item label={t("settings.dormantDays")} name="dormantDays" rules={[{ required: true }]} extra={t("settings.dormantHint")}>
        <InputNumber min={7} max={3650} precision={0} addonAfter={t("units.days")} data-testid="settings-dormant-days" />
      </Form.Item>
      <Form.Item label={t("settings.installmentDaysBefore")} name="installmentDaysBefore" rules={[{ required: true }]} extra={t("settings.installmentDaysHint")}>
        <InputNumber min={0} max={90} precision={0} addonAfter={t("units.days")} data-testid="settings-installment-days" />
      </Form.Item>
      <Form.Item label={t("settings.contractEndDaysBefore")} name="contractEndDaysBefore" rules={[{ required: true }]} extra={t("settings.contractEndDaysHint")}>
        <InputNumber min={0} max={365} precision={0} addonAfter={t("units.days")} data-testid="settings-contract-end-days" />
      </Form.Item>
      <Form.Item wrapperCol={{ offset: 6 }} name="notify" valuePropName="checked">
        <Checkbox>
          <span data-testid="settings-notify">{t("settings.notify")}</span>
        </Checkbox>
      </Form.Item>
      <Form.Item wrapperCol={{ offset: 6 }} name="closeToTray" valuePropName="checked">
        <Checkbox>
          <span data-testid="settings-close-to-tray">{t("settings.closeToTray")}</span>
        </Checkbox>
      </Form.Item>
      <Form.Item wrapperCol={{ offset: 6 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
          {t("common.save")}
        </Button>
      </Form.Item>
    </Form>
  );
}
