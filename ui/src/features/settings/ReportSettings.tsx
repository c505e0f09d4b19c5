//! Settings of the analysis reports: the ABC cut-offs, the window of RFM and the loyalty matrix, what
//! counts as high preference and repeat purchases, the churn threshold, the discount rate of predicted
//! value, the value matrix's split and when a customer counts as not followed up.
import { useEffect } from "react";
import { App, Button, Form, InputNumber } from "antd";
import { useTranslation } from "react-i18next";
import type { ReportSettings as Values } from "../../api/bindings/ReportSettings";
import { errorText } from "../../i18n/errorText";
import { useSaveSettings, useSettings } from "./useSettings";

/** Each setting, its range and unit, in the order the form shows them. */
const FIELDS: ReadonlyArray<[keyof Values, number, number, "%" | "days" | "stars" | "times"]> = [
  ["paretoAPercent", 50, 95, "%"],
  ["paretoBPercent", 51, 99, "%"],
  ["windowDays", 30, 3650, "days"],
  ["loyaltyPreference", 1, 5, "stars"],
  ["loyaltyRepeats", 2, 50, "times"],
  ["churnPAlivePercent", 1, 99, "%"],
  ["discountRatePercent", 0, 50, "%"],
  ["valueSplitPercent", 10, 90, "%"],
  ["quietDays", 1, 3650, "days"],
];

export function ReportSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { settings, isSuccess } = useSettings();
  const save = useSaveSettings();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (isSuccess) form.setFieldsValue(settings.reports);
  }, [isSuccess, settings, form]);
  const submit = (reports: Values) =>
    save.mutate((current) => ({ ...current, reports }), {
      onSuccess: () => void message.success(t("settings.saved")),
      onError: (err) => {
        if (err.code === "validation" && err.field) form.setFields([{ name: err.field as keyof Values, errors: [errorText(t, err)] }]);
        else void message.error(errorText(t, err));
      },
    });
  const unit = (u: string) => (u === "%" ? "%" : u === "days" ? t("units.days") : u === "stars" ? "★" : "×");
  return (
    <Form form={form} layout="horizontal" labelCol={{ span: 9 }} onFinish={submit} data-testid="report-settings">
      {FIELDS.map(([name, min, max, u]) => (
        <Form.Item key={name} label={t(`settings.${name}`)} name={name} rules={[{ required: true }]}>
          <InputNumber min={min} max={max} precision={0} addonAfter={unit(u)} data-testid={`settings-${name}`} />
        </Form.Item>
      ))}
      <Form.Item wrapperCol={{ offset: 9 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="report-settings-save">
          {t("common.save")}
        </Button>
      </Form.Item>
    </Form>
  );
}
