//! The dialog that adds or edits a product of the catalogue; prices are typed in yuan, server errors show
//! on their field.
import { useEffect } from "react";
import { App, Col, Form, Input, InputNumber, Modal, Row, Switch, type ButtonProps } from "antd";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/bindings/AppError";
import type { Product } from "../../api/bindings/Product";
import { errorText } from "../../i18n/errorText";
import { emptyProductValues, PRODUCT_FIELDS, toProductInput, toProductValues, type ProductFormValues } from "./productInput";
import { useSaveProduct } from "./useProductMutations";

// antd's ButtonProps has no data-* index signature; the attribute still reaches the button.
const SAVE_BUTTON = { "data-testid": "product-save" } as unknown as ButtonProps;

type Props = {
  open: boolean;
  /** The product being edited, or null to add one. */
  product: Product | null;
  onClose: () => void;
};

export function ProductForm({ open, product, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProductFormValues>();
  const save = useSaveProduct();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(product ? toProductValues(product) : emptyProductValues());
  }, [open, product, form]);

  const showError = (err: AppError) => {
    const text = errorText(t, err, "products");
    // A taken code is a conflict, not a validation error, but it still belongs on the code field.
    const field = err.reason === "code_taken" ? "code" : PRODUCT_FIELDS.find((f) => f === err.field);
    if (field && (err.code === "validation" || err.reason === "code_taken")) form.setFields([{ name: field, errors: [text] }]);
    else void message.error(text);
  };

  const submit = (values: ProductFormValues) =>
    save.mutate(
      { id: product?.id ?? null, input: toProductInput(values) },
      {
        onSuccess: () => {
          void message.success(t(product ? "products.updated" : "products.created"));
          onClose();
        },
        onError: showError,
      },
    );

  const text = (name: "code" | "unit" | "category") => (
    <Form.Item name={name} label={t(`productFields.${name}`)}>
      <Input data-testid={`product-field-${name}`} />
    </Form.Item>
  );
  const price = (name: "listPrice" | "cost") => (
    <Form.Item name={name} label={t(`productFields.${name}`)}>
      <InputNumber min={0} precision={2} prefix="¥" className="full-width" data-testid={`product-field-${name}`} />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      title={t(product ? "products.edit" : "products.new")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={save.isPending}
      okButtonProps={SAVE_BUTTON}
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="product-form">
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item
              name="name"
              label={t("productFields.name")}
              rules={[{ required: true, whitespace: true, message: t("errors.validation.productFields.name.required") }]}
            >
              <Input autoFocus data-testid="product-field-name" />
            </Form.Item>
          </Col>
          <Col span={8}>{text("code")}</Col>
          <Col span={8}>{text("unit")}</Col>
          <Col span={16}>{text("category")}</Col>
          <Col span={8}>{price("listPrice")}</Col>
          <Col span={8}>{price("cost")}</Col>
          <Col span={8}>
            <Form.Item name="active" label={t("productFields.active")} valuePropName="checked">
              <Switch data-testid="product-field-active" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t("productFields.notes")}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
