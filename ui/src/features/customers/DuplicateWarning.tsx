//! While a customer is typed in, the customers it may duplicate (same code, mobile, email, or a name that
//! normalizes the same); a warning, never a block.
import { Alert, Form, type FormInstance } from "antd";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { useDebounced } from "../search/useSearch";
import { toInput, type CustomerFormValues } from "./customerInput";

type Props = { form: FormInstance<CustomerFormValues>; excludeId: number | null };

export function DuplicateWarning({ form, excludeId }: Props) {
  const { t } = useTranslation();
  const name = Form.useWatch("name", form);
  const uscc = Form.useWatch("uscc", form);
  const mobile = Form.useWatch("mobile", form);
  const email = Form.useWatch("email", form);
  const probe = useDebounced({ name: name ?? "", uscc: uscc ?? "", mobile: mobile ?? "", email: email ?? "" }, 300);
  const any = Object.values(probe).some((v) => v.trim().length > 0);
  const hints = useQuery({
    queryKey: ["duplicates", probe, excludeId],
    queryFn: () => api.checkCustomerDuplicates({ ...toInput(form.getFieldsValue(true)), ...probe }, excludeId),
    enabled: any,
    placeholderData: keepPreviousData,
  });
  if (!any || !hints.data || hints.data.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="duplicate-warning"
      data-testid="duplicate-warning"
      message={t("duplicates.title")}
      description={
        <>
          <ul>
            {hints.data.map((h) => (
              <li key={h.id}>
                <span data-testid="duplicate-name">{h.name}</span>（{h.reasons.map((r) => t(`duplicates.reasons.${r}`)).join("、")}）
              </li>
            ))}
          </ul>
          {t("duplicates.hint")}
        </>
      }
    />
  );
}
