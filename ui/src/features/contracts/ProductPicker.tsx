//! A searchable select of active products for a contract line; picking one hands the product to the line
//! so it can take the product's name and list price.
import { useState } from "react";
import { Select } from "antd";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { Product } from "../../api/bindings/Product";
import { queryKeys } from "../../api/queryKeys";
import { useDebounced } from "../search/useSearch";

type Props = {
  /** The id Form.Item hands its control, for the label and the list's ARIA ids. */
  id?: string;
  value?: number | null;
  onChange?: (productId: number | null) => void;
  onPick: (product: Product | null) => void;
  /** What to show for a product that is not among the results (a saved line's description). */
  fallbackLabel?: string;
  testId: string;
};

export function ProductPicker({ id, value, onChange, onPick, fallbackLabel, testId }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const query = useDebounced(text.trim(), 150);
  const products = useQuery({
    queryKey: queryKeys.productPicker(query),
    queryFn: () => api.listProducts({ text: query || null, activeOnly: true, trashed: false, after: null, limit: 30 }),
    placeholderData: keepPreviousData,
  });
  const rows = products.data?.rows ?? [];
  const options = rows.map((p) => ({ value: p.id, label: p.code ? `${p.name} (${p.code})` : p.name }));
  if (value && !rows.some((p) => p.id === value)) options.unshift({ value, label: fallbackLabel || `#${value}` });

  return (
    <Select<number | null>
      id={id}
      showSearch
      allowClear
      value={value ?? null}
      // The server narrows by name or code; narrowing the shown options too keeps stale results (still
      // on screen while the next ones load) from being picked with Enter.
      filterOption={(input, option) => String(option?.label ?? "").toLowerCase().includes(input.trim().toLowerCase())}
      onSearch={setText}
      onChange={(picked) => {
        const productId = picked ?? null;
        onChange?.(productId);
        onPick(rows.find((p) => p.id === productId) ?? null);
        setText("");
      }}
      options={options}
      placeholder={t("contracts.productPlaceholder")}
      notFoundContent={products.isSuccess ? t("contracts.productNotFound") : null}
      popupMatchSelectWidth={320}
      data-testid={testId}
    />
  );
}
