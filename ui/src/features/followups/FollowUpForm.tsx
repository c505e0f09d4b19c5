//! Logging a follow-up on the customer page: how, with whom, what was said, and when to follow up next.
import { App, Button, Card, Col, DatePicker, Form, Input, Rate, Row, Select } from "antd";
import { useMutation, useQuery } from "@tanstack/react-query";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { FollowUpKind } from "../../api/bindings/FollowUpKind";
import { queryKeys } from "../../api/queryKeys";
import { errorText } from "../../i18n/errorText";

const KINDS: FollowUpKind[] = ["call", "visit", "wechat", "email", "meeting", "other"];
const FIELDS = ["kind", "contactId", "content", "outcome", "nextDate", "satisfaction"] as const;

type Values = { kind: FollowUpKind; contactId?: number; content: string; outcome?: string; nextDate?: Dayjs; happenedAt?: Dayjs; satisfaction?: number };

export function FollowUpForm({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const contacts = useQuery({ queryKey: queryKeys.customerContacts(customerId), queryFn: () => api.listCustomerContacts(customerId) });
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.createFollowUp(customerId, {
        kind: v.kind,
        contactId: v.contactId ?? null,
        content: v.content ?? "",
        outcome: v.outcome?.trim() || null,
        nextDate: v.nextDate ? v.nextDate.format("YYYY-MM-DD") : null,
        happenedAt: v.happenedAt ? v.happenedAt.valueOf() : null,
        satisfaction: v.satisfaction ? v.satisfaction : null,
      }),
    onSuccess: () => {
      void message.success(t("followUps.saved"));
      form.resetFields();
    },
    onError: (err: AppError) => {
      const field = FIELDS.find((f) => f === err.field);
      if (err.code === "validation" && field) form.setFields([{ name: field, errors: [errorText(t, err)] }]);
      else void message.error(errorText(t, err));
    },
  });

  return (
    <Card size="small" title={t("followUps.add")} data-testid="follow-up-form">
      <Form<Values> form={form} layout="vertical" initialValues={{ kind: "call" }} onFinish={(v) => save.mutate(v)}>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="kind" label={t("followUps.kind")}>
              <Select options={KINDS.map((k) => ({ value: k, label: t(`followUps.kinds.${k}`) }))} data-testid="follow-up-kind" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="contactId" label={t("followUps.contact")}>
              <Select allowClear options={(contacts.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="happenedAt" label={t("followUps.happenedAt")}>
              <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" placeholder={dayjs().format("YYYY-MM-DD HH:mm")} className="full-width" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="nextDate" label={t("followUps.nextDate")}>
              <DatePicker className="full-width" data-testid="follow-up-next" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="content" label={t("followUps.content")} rules={[{ required: true, whitespace: true, message: t("errors.validation.fields.content.required") }]}>
              <Input.TextArea rows={3} placeholder={t("followUps.contentPlaceholder")} data-testid="follow-up-content" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="outcome" label={t("followUps.outcome")}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="satisfaction" label={t("followUps.satisfaction")} tooltip={t("followUps.satisfactionHint")}>
              <Rate allowClear data-testid="follow-up-satisfaction" />
            </Form.Item>
          </Col>
          <Col span={6} className="follow-up-submit">
            <Button type="primary" htmlType="submit" loading={save.isPending} block data-testid="follow-up-save">
              {t("common.save")}
            </Button>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
