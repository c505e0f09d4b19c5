//! The drawer that creates or edits a customer; server validation errors show on the field they name.
import { useEffect, type KeyboardEvent } from "react";
import { App, AutoComplete, Button, Cascader, Col, Divider, Drawer, Form, Input, InputNumber, Radio, Rate, Row, Select, Space } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Customer } from "../../api/bindings/Customer";
import { queryKeys } from "../../api/queryKeys";
import { errorText } from "../../i18n/errorText";
import { DuplicateWarning } from "./DuplicateWarning";
import { emptyFormValues, formFieldOf, toFormValues, toInput, type CustomerFormValues } from "./customerInput";
import { INDUSTRY_KEYS, KINDS, LEVELS, SOURCE_KEYS, STATUSES } from "./options";
import { REGION_OPTIONS } from "./regions";
import { useCreateCustomer, useUpdateCustomer } from "./useCustomerMutations";

type Props = {
  open: boolean;
  /** The customer being edited, or null to create one. */
  customer: Customer | null;
  onClose: () => void;
  onSaved?: (customer: Customer) => void;
};

const USCC_LENGTH = 18;

export function CustomerForm({ open, customer, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CustomerFormValues>();
  const create = useCreateCustomer();
  const update = useUpdateCustomer();
  const saving = create.isPending || update.isPending;
  const tags = useQuery({ queryKey: queryKeys.tags, queryFn: api.listTags, enabled: open });

  // One form instance serves every opening: start each from the customer (or blank), never from the last edit.
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(customer ? toFormValues(customer) : emptyFormValues());
  }, [open, customer, form]);

  const showError = (err: AppError) => {
    const text = errorText(t, err);
    const item = err.code === "validation" && err.field ? formFieldOf(err.field) : null;
    if (item) {
      form.setFields([{ name: item, errors: [text] }]);
      void form.scrollToField(item);
    } else if (err.code === "conflict" && err.reason === "uscc_taken") {
      form.setFields([{ name: "uscc", errors: [text] }]);
      void form.scrollToField("uscc");
    } else {
      void message.error(text);
    }
  };

  const submit = (values: CustomerFormValues) => {
    const input = toInput(values);
    const done = (saved: Customer) => {
      void message.success(t(customer ? "form.updated" : "form.created"));
      onSaved?.(saved);
      onClose();
    };
    if (customer) update.mutate({ id: customer.id, input }, { onSuccess: done, onError: showError });
    else create.mutate(input, { onSuccess: done, onError: showError });
  };

  // Enter in a plain input saves; not in text areas, dropdowns, or while an IME is composing.
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement;
    if (e.key !== "Enter" || e.nativeEvent.isComposing || e.shiftKey) return;
    if (target.tagName !== "INPUT" || target.closest(".ant-select, .ant-cascader, .ant-picker")) return;
    e.preventDefault();
    form.submit();
  };

  const suggestions = (group: "industries" | "sources", keys: ReadonlyArray<string>) =>
    keys.map((k) => ({ value: t(`${group}.${k}`) }));
  const filterOption = (input: string, option?: { value: string }) =>
    !!option && option.value.toLowerCase().includes(input.trim().toLowerCase());

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={760}
      destroyOnHidden
      title={t(customer ? "form.editTitle" : "form.createTitle")}
      extra={
        <Space>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="customer-save">
            {t("common.save")}
          </Button>
        </Space>
      }
    >
      <Form<CustomerFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onKeyDown={onKeyDown}
        data-testid="customer-form"
        className="customer-form"
        scrollToFirstError
      >
        <DuplicateWarning form={form} excludeId={customer?.id ?? null} />
        <Divider orientation="left">{t("form.basic")}</Divider>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item
              name="name"
              label={t("fields.name")}
              rules={[{ required: true, whitespace: true, message: t("errors.validation.fields.name.required") }]}
            >
              <Input autoFocus maxLength={200} data-testid="field-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="kind" label={t("fields.kind")}>
              <Radio.Group optionType="button" options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <div data-testid="item-uscc">
              <Form.Item
                name="uscc"
                label={t("fields.uscc")}
                normalize={(v?: string) => v?.toUpperCase()}
                rules={[
                  {
                    len: USCC_LENGTH,
                    message: t("errors.validation.fields.uscc.length"),
                    transform: (v?: string) => v?.trim() || undefined,
                  },
                ]}
              >
                <Input placeholder={t("form.usccPlaceholder")} className="mono" maxLength={USCC_LENGTH} data-testid="field-uscc" />
              </Form.Item>
            </div>
          </Col>
          <Col span={8}>
            <Form.Item name="status" label={t("fields.status")}>
              <Select options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="level" label={t("fields.level")}>
              <Select allowClear placeholder={t("form.levelPlaceholder")} options={LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="industry" label={t("fields.industry")}>
              <AutoComplete options={suggestions("industries", INDUSTRY_KEYS)} filterOption={filterOption} placeholder={t("form.industryPlaceholder")} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="source" label={t("fields.source")}>
              <AutoComplete options={suggestions("sources", SOURCE_KEYS)} filterOption={filterOption} placeholder={t("form.sourcePlaceholder")} />
            </Form.Item>
          </Col>
        </Row>

        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="touchEveryDays" label={t("fields.touchEveryDays")}>
              <InputNumber min={1} max={3650} precision={0} addonAfter={t("units.days")} className="full-width" data-testid="field-touchEveryDays" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="preference" label={t("fields.preference")} tooltip={t("fields.preferenceHint")}>
              <Rate allowClear data-testid="field-preference" />
            </Form.Item>
          </Col>
        </Row>
        <Divider orientation="left">{t("form.contact")}</Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="mobile" label={t("fields.mobile")}>
              <Input inputMode="tel" data-testid="field-mobile" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t("fields.phone")}>
              <Input inputMode="tel" data-testid="field-phone" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="email" label={t("fields.email")}>
              <Input inputMode="email" data-testid="field-email" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="website" label={t("fields.website")}>
              <Input inputMode="url" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="region" label={t("fields.region")}>
              <Cascader options={REGION_OPTIONS} changeOnSelect showSearch placeholder={t("form.regionPlaceholder")} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="address" label={t("fields.address")}>
              <Input />
            </Form.Item>
          </Col>
        </Row>

        <Divider orientation="left">{t("form.invoice")}</Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="invoiceTitle" label={t("fields.invoiceTitle")}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="taxNumber" label={t("fields.taxNumber")} normalize={(v?: string) => v?.toUpperCase()}>
              <Input className="mono" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="bankName" label={t("fields.bankName")}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="bankAccount" label={t("fields.bankAccount")}>
              <Input className="mono" />
            </Form.Item>
          </Col>
        </Row>

        <Divider orientation="left">{t("form.other")}</Divider>
        <Form.Item name="tags" label={t("fields.tags")}>
          <Select
            mode="tags"
            tokenSeparators={[",", "，"]}
            placeholder={t("form.tagsPlaceholder")}
            options={(tags.data ?? []).map((tag) => ({ value: tag, label: tag }))}
          />
        </Form.Item>
        <Form.Item name="notes" label={t("fields.notes")}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
