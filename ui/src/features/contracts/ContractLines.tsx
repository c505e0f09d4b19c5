//! The lines editor of the contract form: product, description, quantity, unit price (yuan), discount and
//! the line's amount computed live exactly as the core computes it; with no lines, the amount is typed.
import { Button, Col, Form, Input, InputNumber, Row, Typography } from "antd";
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Product } from "../../api/bindings/Product";
import { Money } from "../../components/Money";
import { fenToYuan, yuanToFen } from "../../components/money";
import { errorText } from "../../i18n/errorText";
import { emptyLine, lineFen, linesTotal, type ContractFormValues, type LineValues } from "./contractInput";
import { ProductPicker } from "./ProductPicker";

type Rule = { validator: (rule: unknown, value: unknown) => Promise<void> };

/** `serverError` is the server's complaint about some line (it does not say which), shown under the lines. */
export function ContractLines({ serverError }: { serverError: string | null }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ContractFormValues>();
  const lines = Form.useWatch("lines", form) as LineValues[] | undefined;
  const amount = Form.useWatch("amount", form) as number | null | undefined;
  const say = (field: string, reason: string) => errorText(t, { code: "validation", message: "", field, reason }, "contracts");
  const check = (ok: (value: unknown) => boolean, field: string, reason: string): Rule => ({
    validator: (_, value) => (ok(value) ? Promise.resolve() : Promise.reject(new Error(say(field, reason)))),
  });
  const hasLines = (lines?.length ?? 0) > 0;
  const total = hasLines ? linesTotal(lines) : yuanToFen(amount ?? 0);

  const pick = (index: number) => (p: Product | null) => {
    if (!p) return;
    form.setFieldValue(["lines", index, "description"], p.name);
    form.setFieldValue(["lines", index, "unitPrice"], fenToYuan(p.listPrice));
    void form.validateFields([["lines", index, "description"]]).catch(() => undefined);
  };

  return (
    <div className="contract-lines" data-testid="contract-lines">
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <>
            {fields.length > 0 && (
              <Row gutter={8} className="contract-lines-head">
                <Col span={6}>{t("contractFields.lineProduct")}</Col>
                <Col span={6}>{t("contractFields.lineDescription")}</Col>
                <Col span={3}>{t("contractFields.lineQuantity")}</Col>
                <Col span={3}>{t("contractFields.lineUnitPrice")}</Col>
                <Col span={2}>{t("contractFields.lineDiscount")}</Col>
                <Col span={3} className="money-col">
                  {t("contractFields.lineAmount")}
                </Col>
              </Row>
            )}
            {fields.map(({ key, name }, i) => {
              const fen = lineFen(lines?.[name]);
              return (
                <Row gutter={8} key={key} className="contract-line" data-testid="contract-line">
                  <Col span={6}>
                    <Form.Item name={[name, "productId"]}>
                      <ProductPicker onPick={pick(name)} fallbackLabel={lines?.[name]?.description} testId={`contract-line-product-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item
                      name={[name, "description"]}
                      dependencies={[["lines", name, "productId"]]}
                      rules={[
                        ({ getFieldValue }) =>
                          check((v) => !!getFieldValue(["lines", name, "productId"]) || !!String(v ?? "").trim(), "lineDescription", "required"),
                      ]}
                    >
                      <Input placeholder={t("contracts.descriptionPlaceholder")} data-testid={`contract-line-description-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Form.Item
                      name={[name, "quantity"]}
                      rules={[check((v) => typeof v === "number" && Math.round(v * 1000) >= 1, "lineQuantity", "not_positive")]}
                    >
                      <InputNumber min={0.001} precision={3} className="full-width" data-testid={`contract-line-quantity-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Form.Item name={[name, "unitPrice"]} rules={[check((v) => v === null || v === undefined || Number(v) >= 0, "lineUnitPrice", "negative")]}>
                      <InputNumber min={0} precision={2} className="full-width" data-testid={`contract-line-price-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Form.Item
                      name={[name, "discountPercent"]}
                      rules={[check((v) => v === null || v === undefined || (Number(v) >= 0 && Number(v) <= 100), "lineDiscount", "over_100")]}
                    >
                      <InputNumber min={0} max={100} precision={2} className="full-width" data-testid={`contract-line-discount-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col span={3} className="money-col contract-line-amount">
                    <span data-testid={`contract-line-amount-${i}`}>{fen === null ? t("common.none") : <Money fen={fen} />}</span>
                  </Col>
                  <Col span={1} className="contract-line-remove">
                    <Button
                      type="text"
                      danger
                      icon={<MinusCircleOutlined />}
                      aria-label={t("contracts.removeLine")}
                      onClick={() => remove(name)}
                      data-testid={`contract-line-remove-${i}`}
                    />
                  </Col>
                </Row>
              );
            })}
            {serverError && (
              <Typography.Text type="danger" className="contract-lines-error" data-testid="contract-lines-error">
                {serverError}
              </Typography.Text>
            )}
            <div className="contract-lines-foot">
              <Button icon={<PlusOutlined />} onClick={() => add(emptyLine())} data-testid="contract-line-add">
                {t("contracts.addLine")}
              </Button>
              <div className="contract-total">
                {!hasLines && (
                  <Form.Item name="amount" label={t("contractFields.amount")} extra={t("contracts.noLinesHint")} className="contract-amount-item">
                    <InputNumber min={0} precision={2} prefix="¥" className="contract-amount-input" data-testid="contract-field-amount" />
                  </Form.Item>
                )}
                <Typography.Text strong>
                  {t("contracts.total")} <Money fen={total} testId="contract-total" />
                </Typography.Text>
              </div>
            </div>
          </>
        )}
      </Form.List>
    </div>
  );
}
