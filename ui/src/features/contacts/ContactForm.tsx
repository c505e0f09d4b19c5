//! The dialog that adds or edits a contact of a customer; server validation errors show on their field.
import { useEffect } from "react";
import { App, Checkbox, Col, Form, Input, Modal, Radio, Row, type ButtonProps } from "antd";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/bindings/AppError";
import type { Contact } from "../../api/bindings/Contact";
import { errorText } from "../../i18n/errorText";
import { CONTACT_FIELDS, emptyContactValues, toContactInput, toContactValues, type ContactFormValues } from "./contactInput";
import { useSaveContact } from "./useContactMutations";

// antd's ButtonProps has no data-* index signature; the attribute still reaches the button.
const SAVE_BUTTON = { "data-testid": "contact-save" } as unknown as ButtonProps;

type Props = {
  open: boolean;
  customerId: number;
  /** The contact being edited, or null to add one. */
  contact: Contact | null;
  onClose: () => void;
};

export function ContactForm({ open, customerId, contact, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ContactFormValues>();
  const save = useSaveContact();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(contact ? toContactValues(contact) : emptyContactValues());
  }, [open, contact, form]);

  const showError = (err: AppError) => {
    const text = errorText(t, err, "contacts");
    const field = CONTACT_FIELDS.find((f) => f === err.field);
    if (err.code === "validation" && field) form.setFields([{ name: field, errors: [text] }]);
    else void message.error(text);
  };

  const submit = (values: ContactFormValues) =>
    save.mutate(
      { customerId, id: contact?.id ?? null, input: toContactInput(values) },
      {
        onSuccess: () => {
          void message.success(t(contact ? "contacts.updated" : "contacts.created"));
          onClose();
        },
        onError: showError,
      },
    );

  const field = (name: (typeof CONTACT_FIELDS)[number], input = <Input data-testid={`contact-field-${name}`} />) => (
    <Form.Item name={name} label={t(`contactFields.${name}`)}>
      {input}
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      title={t(contact ? "contacts.edit" : "contacts.add")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={save.isPending}
      okButtonProps={SAVE_BUTTON}
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="contact-form">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t("contactFields.name")} required>
              <Input autoFocus data-testid="contact-field-name" />
            </Form.Item>
          </Col>
          <Col span={12}>{field("title")}</Col>
          <Col span={12}>{field("mobile")}</Col>
          <Col span={12}>{field("phone")}</Col>
          <Col span={12}>{field("email")}</Col>
          <Col span={12}>{field("wechat")}</Col>
          <Col span={12}>{field("department")}</Col>
          <Col span={12}>
            {field("gender", (
              <Radio.Group>
                <Radio value="male">{t("gender.male")}</Radio>
                <Radio value="female">{t("gender.female")}</Radio>
              </Radio.Group>
            ))}
          </Col>
          <Col span={12}>{field("birthday", <Input placeholder={t("contacts.birthdayPlaceholder")} data-testid="contact-field-birthday" />)}</Col>
          <Col span={12}>
            <Form.Item name="birthdayLunar" valuePropName="checked" label=" ">
              <Checkbox>{t("contacts.lunar")}</Checkbox>
            </Form.Item>
          </Col>
          <Col span={24}>{field("notes", <Input.TextArea rows={2} />)}</Col>
          <Col span={24}>
            <Form.Item name="isPrimary" valuePropName="checked" noStyle>
              <Checkbox data-testid="contact-field-primary">{t("contactFields.isPrimary")}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
