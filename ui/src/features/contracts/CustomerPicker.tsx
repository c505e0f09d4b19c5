//! A searchable customer select for the contract form, fed by the global search (customers only); fixed
//! to one customer when the form was opened from that customer or edits an existing contract.
import { useState } from "react";
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { useSearch } from "../search/useSearch";

type Props = {
  /** The id Form.Item hands its control, for the label and the list's ARIA ids. */
  id?: string;
  value?: number;
  onChange?: (customerId: number | undefined) => void;
  /** The customer the contract belongs to for good; the select is then read-only. */
  fixed?: { id: number; name: string } | null;
};

export function CustomerPicker({ id, value, onChange, fixed = null }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [picked, setPicked] = useState<{ value: number; label: string } | null>(null);
  const results = useSearch(fixed ? "" : text);

  if (fixed) {
    return <Select id={id} value={fixed.id} disabled options={[{ value: fixed.id, label: fixed.name }]} data-testid="contract-field-customer" />;
  }

  const hits = text.trim() ? (results.data ?? []).filter((h) => h.kind === "customer") : [];
  const options = hits.map((h) => ({ value: h.customerId, label: h.name }));
  // Keep the chosen customer's name on screen after the search text is gone.
  if (picked && picked.value === value && !options.some((o) => o.value === value)) options.unshift(picked);

  return (
    <Select<number>
      id={id}
      showSearch
      allowClear
      value={value}
      filterOption={false}
      onSearch={setText}
      onChange={(customerId, option) => {
        const o = Array.isArray(option) ? option[0] : option;
        setPicked(customerId === undefined || !o ? null : { value: customerId, label: String(o.label) });
        onChange?.(customerId);
      }}
      options={options}
      placeholder={t("contracts.customerPlaceholder")}
      notFoundContent={text.trim() && results.isSuccess ? t("contracts.customerNotFound") : null}
      data-testid="contract-field-customer"
    />
  );
}
