//! The dialog that adds an installment to a contract's payment plan or edits one: due date, amount (yuan,
//! a new one defaulting to what the contract has not planned yet) and a note.
import { useEffect } from "react";
import { App, Form, Input, InputNumber, Modal, type ButtonProps } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/bindings/AppError";
import type { Installment } from "../../api/bindings/Installment";
import { toDayjs, toDayText } from "../../components/day";
import { DayPicker } from "../../components/DayPicker";
import { fenToYuan, formatMoney, yuanToFen } from "../../components/money";
import { errorText } from "../../i18n/errorText";
import { useSaveInstallment } from "./usePlanMutations";

const SAVE_BUTTON = { "data-testid": "installment-save" } as unknown as ButtonProps;
const FIELDS = ["dueOn", "amount", "note"] as const;

type Values = { dueOn?: Dayjs | null; amount?: number | null; note?: string };

type Props = {
  open: boolean;
  contractId: number;
  /** The installment being edited, or null to add one. */
  installment: Installment | null;
  /** What the contract has not planned yet (分): a new installment's amount. */
  unplanned: number;
  onClose: () => void;
};

export function InstallmentForm({ open, contractId, installment, unplanned, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveInstallment();
  const say = (field: string, reason: string) => errorText(t, { code: "validation", message: "", field, reason }, "installments");

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      installment
        ? { dueOn: toDayjs(installment.dueOn), amount: fenToYuan(installment.amount), note: installment.note ?? undefined }
        : { dueOn: undefined, amount: unplanned > 0 ? fenToYuan(unplanned) : null, note: undefined },
    );
  }, [open, installment, unplanned, form]);

  const submit = (v: Values) =>
    save.mutate(
      {
        contractId,
        id: installment?.id ?? null,
        input: { dueOn: toDayText(v.dueOn) ?? "", amount: yuanToFen(v.amount ?? 0), note: v.note?.trim() || null },
      },
      {
        onSuccess: () => {
          void message.success(t(installment ? "plan.updated" : "plan.added"));
          onClose();
        },
        onError: (err: AppError) => {
          const text = errorText(t, err, "installments");
          const field = FIELDS.find((f) => f === err.field);
          if (err.code === "validation" && field) form.setFields([{ name: field, errors: [text] }]);
          else void message.error(text);
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t(installment ? "plan.edit" : "plan.add")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={save.isPending}
      okButtonProps={SAVE_BUTTON}
      width={480}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="installment-form">
        <Form.Item name="dueOn" label={t("installmentFields.dueOn")} rules={[{ required: true, message: say("dueOn", "required") }]}>
          <DayPicker data-testid="installment-field-dueOn" />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t("installmentFields.amount")}
          extra={installment ? undefined : t("plan.unplanned", { amount: formatMoney(Math.max(unplanned, 0), i18n.language) })}
          rules={[
            {
              validator: (_, v: number | null | undefined) =>
                v !== null && v !== undefined && yuanToFen(v) > 0 ? Promise.resolve() : Promise.reject(new Error(say("amount", "not_positive"))),
            },
          ]}
        >
          <InputNumber min={0} precision={2} prefix="¥" className="full-width" data-testid="installment-field-amount" />
        </Form.Item>
        <Form.Item name="note" label={t("installmentFields.note")}>
          <Input data-testid="installment-field-note" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
