//! The dialog that records a payment received against an installment (date defaulting to today, amount to
//! what the installment still asks for) or edits a recorded one.
import { useEffect } from "react";
import { App, Form, Input, InputNumber, Modal, Select, type ButtonProps } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/bindings/AppError";
import type { Installment } from "../../api/bindings/Installment";
import type { PaymentMethod } from "../../api/bindings/PaymentMethod";
import type { Receipt } from "../../api/bindings/Receipt";
import { toDayjs, toDayText } from "../../components/day";
import { DayPicker } from "../../components/DayPicker";
import { fenToYuan, formatMoney, yuanToFen } from "../../components/money";
import { errorText } from "../../i18n/errorText";
import { PAYMENT_METHODS } from "./methods";
import { useSaveReceipt } from "./usePlanMutations";

const SAVE_BUTTON = { "data-testid": "receipt-save" } as unknown as ButtonProps;
const FIELDS = ["receivedOn", "amount", "method", "note"] as const;

type Values = { receivedOn?: Dayjs | null; amount?: number | null; method: PaymentMethod; note?: string };

type Props = {
  /** The installment the payment is for; null closes the dialog. */
  installment: Installment | null;
  /** The receipt being edited, or null to record a new one. */
  receipt?: Receipt | null;
  onClose: () => void;
};

export function ReceiptForm({ installment, receipt = null, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveReceipt();
  const open = installment !== null;
  const outstanding = installment ? installment.amount - installment.received : 0;
  const say = (field: string, reason: string) => errorText(t, { code: "validation", message: "", field, reason }, "receipts");

  useEffect(() => {
    if (!installment) return;
    form.resetFields();
    form.setFieldsValue(
      receipt
        ? { receivedOn: toDayjs(receipt.receivedOn), amount: fenToYuan(receipt.amount), method: receipt.method, note: receipt.note ?? undefined }
        : { receivedOn: dayjs(), amount: outstanding > 0 ? fenToYuan(outstanding) : null, method: "bank", note: undefined },
    );
  }, [installment, receipt, outstanding, form]);

  const submit = (v: Values) => {
    if (!installment) return;
    save.mutate(
      {
        installmentId: installment.id,
        id: receipt?.id ?? null,
        input: { receivedOn: toDayText(v.receivedOn) ?? "", amount: yuanToFen(v.amount ?? 0), method: v.method, note: v.note?.trim() || null },
      },
      {
        onSuccess: () => {
          void message.success(t(receipt ? "plan.receiptUpdated" : "plan.receiptRecorded"));
          onClose();
        },
        onError: (err: AppError) => {
          const text = errorText(t, err, "receipts");
          const field = FIELDS.find((f) => f === err.field);
          if (err.code === "validation" && field) form.setFields([{ name: field, errors: [text] }]);
          else void message.error(text);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t(receipt ? "plan.editReceipt" : "plan.receive")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={save.isPending}
      okButtonProps={SAVE_BUTTON}
      width={480}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="receipt-form">
        <Form.Item name="receivedOn" label={t("receiptFields.receivedOn")} rules={[{ required: true, message: say("receivedOn", "required") }]}>
          <DayPicker data-testid="receipt-field-receivedOn" />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t("receiptFields.amount")}
          extra={installment && t("plan.stillDue", { due: installment.dueOn, amount: formatMoney(outstanding, i18n.language) })}
          rules={[
            {
              validator: (_, v: number | null | undefined) => {
                if (v === null || v === undefined || yuanToFen(v) <= 0) return Promise.reject(new Error(say("amount", "not_positive")));
                if (yuanToFen(v) > outstanding) return Promise.reject(new Error(say("amount", "exceeds_due")));
                return Promise.resolve();
              },
            },
          ]}
        >
          <InputNumber min={0} precision={2} prefix="¥" className="full-width" data-testid="receipt-field-amount" />
        </Form.Item>
        <Form.Item name="method" label={t("receiptFields.method")}>
          <Select options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`paymentMethods.${m}`) }))} data-testid="receipt-field-method" />
        </Form.Item>
        <Form.Item name="note" label={t("receiptFields.note")}>
          <Input data-testid="receipt-field-note" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
