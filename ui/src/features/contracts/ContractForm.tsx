//! The dialog that creates or edits a contract: its header fields, the signing contact, dates, terms and
//! the lines. Server validation errors show on their field (line errors under the lines).
import { useEffect, useState } from "react";
import { App, Col, Form, Input, Modal, Row, Select, type ButtonProps } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Contract } from "../../api/bindings/Contract";
import { DayPicker } from "../../components/DayPicker";
import { queryKeys } from "../../api/queryKeys";
import { errorText } from "../../i18n/errorText";
import { useSettings } from "../settings/useSettings";
import { CONTRACT_FIELDS, emptyContractValues, toContractInput, toContractValues, type ContractFormValues } from "./contractInput";
import { ContractLines } from "./ContractLines";
import { CONTRACT_STATUSES } from "./ContractStatusTag";
import { CustomerPicker } from "./CustomerPicker";
import { checkNumberRule } from "./numberRule";
import { useSaveContract } from "./useContractMutations";

// antd's ButtonProps has no data-* index signature; the attribute still reaches the button.
const SAVE_BUTTON = { "data-testid": "contract-save" } as unknown as ButtonProps;

type Props = {
  open: boolean;
  /** The contract being edited, or null to create one. */
  contract: Contract | null;
  /** The customer a new contract is for, when the form is opened from that customer. */
  customer?: { id: number; name: string } | null;
  onClose: () => void;
  onSaved?: (contract: Contract) => void;
};

export function ContractForm({ open, contract, customer = null, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ContractFormValues>();
  const [linesError, setLinesError] = useState<string | null>(null);
  const save = useSaveContract();
  const { settings } = useSettings();
  const customerId = Form.useWatch("customerId", form) as number | undefined;
  const contacts = useQuery({
    queryKey: queryKeys.customerContacts(customerId ?? -1),
    queryFn: () => api.listCustomerContacts(customerId as number),
    enabled: open && !!customerId,
  });
  const fixed = contract ? { id: contract.customerId, name: contract.customerName } : customer;
  const rule = checkNumberRule(settings.contractNumberRule);
  const example = rule.ok ? rule.preview(new Date(), 1) : settings.contractNumberRule;

  // Filled when the dialog opens (or turns to another contract), not when a refetch hands in a new object.
  const contractId = contract?.id ?? null;
  const presetId = customer?.id ?? null;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setLinesError(null);
    form.setFieldsValue(contract ? toContractValues(contract) : emptyContractValues(presetId));
  }, [open, contractId, presetId, form]);

  const say = (field: string, reason: string) => errorText(t, { code: "validation", message: "", field, reason }, "contracts");

  const showError = (err: AppError) => {
    const text = errorText(t, err, "contracts");
    const field = err.reason === "number_taken" ? "number" : CONTRACT_FIELDS.find((f) => f === err.field);
    const hasLines = (form.getFieldValue("lines") as unknown[] | undefined)?.length;
    // The amount is typed only without lines; with lines it is their total, shown under them.
    if (err.reason === "below_plan" && !hasLines) form.setFields([{ name: "amount", errors: [text] }]);
    else if (err.reason === "below_plan" || (err.field === "amount" && hasLines)) setLinesError(text);
    else if (field && (err.code === "validation" || err.reason === "number_taken")) form.setFields([{ name: field, errors: [text] }]);
    else if (err.code === "validation" && err.field?.startsWith("line")) setLinesError(text);
    else void message.error(text);
  };

  const submit = (values: ContractFormValues) => {
    setLinesError(null);
    const id = fixed?.id ?? values.customerId;
    if (!id) return form.setFields([{ name: "customerId", errors: [say("customerId", "required")] }]);
    save.mutate(
      { id: contract?.id ?? null, input: toContractInput(values, id) },
      {
        onSuccess: (saved) => {
          void message.success(t(contract ? "contracts.updated" : "contracts.created", { number: saved.number }));
          onSaved?.(saved);
          onClose();
        },
        onError: showError,
      },
    );
  };

  const date = (name: "signedOn" | "startsOn" | "endsOn", extra: object = {}) => (
    <Form.Item name={name} label={t(`contractFields.${name}`)} {...extra}>
      <DayPicker data-testid={`contract-field-${name}`} />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      title={contract ? t("contracts.editTitle", { number: contract.number }) : t("contracts.new")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={save.isPending}
      okButtonProps={SAVE_BUTTON}
      width={1040}
      destroyOnHidden
    >
      <Form<ContractFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed: Partial<ContractFormValues>) => {
          if ("customerId" in changed) form.setFieldValue("contactId", null);
          if ("lines" in changed || "amount" in changed) setLinesError(null);
        }}
        data-testid="contract-form"
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="title"
              label={t("contractFields.title")}
              rules={[{ required: true, whitespace: true, message: say("title", "required") }]}
            >
              <Input autoFocus data-testid="contract-field-title" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="number" label={t("contractFields.number")}>
              <Input placeholder={t("contracts.numberPlaceholder", { example })} className="mono" data-testid="contract-field-number" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="status" label={t("contractFields.status")}>
              <Select
                showSearch
                optionFilterProp="label"
                options={CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`contractStatus.${s}`) }))}
                data-testid="contract-field-status"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="customerId"
              label={t("contractFields.customerId")}
              rules={fixed ? [] : [{ required: true, message: say("customerId", "required") }]}
            >
              <CustomerPicker fixed={fixed} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="contactId" label={t("contractFields.contactId")}>
              <Select
                allowClear
                disabled={!customerId && !fixed}
                placeholder={t("contracts.contactPlaceholder")}
                options={(contacts.data ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }))}
                data-testid="contract-field-contact"
              />
            </Form.Item>
          </Col>
          <Col span={8}>{date("signedOn")}</Col>
          <Col span={8}>{date("startsOn")}</Col>
          <Col span={8}>
            {date("endsOn", {
              dependencies: ["startsOn"],
              rules: [
                ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
                  validator: (_: unknown, end: ContractFormValues["endsOn"]) => {
                    const start = getFieldValue("startsOn") as ContractFormValues["startsOn"];
                    return !end || !start || !end.isBefore(start, "day")
                      ? Promise.resolve()
                      : Promise.reject(new Error(say("endsOn", "before_start")));
                  },
                }),
              ],
            })}
          </Col>
        </Row>
        <ContractLines serverError={linesError} />
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="paymentTerms" label={t("contractFields.paymentTerms")}>
              <Input.TextArea rows={2} placeholder={t("contracts.paymentTermsPlaceholder")} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="notes" label={t("contractFields.notes")}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
