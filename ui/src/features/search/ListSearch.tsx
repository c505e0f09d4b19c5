//! The customer list's search box: the same search as Ctrl+K, its results in a dropdown while typing.
import { useState } from "react";
import { AutoComplete, Input } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { SearchHitRow } from "./SearchHitRow";
import { useSearch } from "./useSearch";

export function ListSearch({ onOpenCustomer }: { onOpenCustomer: (customerId: number) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const results = useSearch(text);
  const hits = text.trim() ? (results.data ?? []) : [];
  const options = hits.map((hit) => ({ value: `${hit.kind}-${hit.id}`, label: <SearchHitRow hit={hit} />, hit }));

  return (
    <AutoComplete
      className="list-search"
      options={options}
      value={text}
      onChange={setText}
      onSelect={(_: string, option: (typeof options)[number]) => {
        onOpenCustomer(option.hit.customerId);
        setText("");
      }}
      notFoundContent={text.trim() && results.isSuccess ? t("search.empty") : null}
      popupMatchSelectWidth={480}
    >
      <Input allowClear prefix={<SearchOutlined />} placeholder={t("search.placeholder")} data-testid="list-search" />
    </AutoComplete>
  );
}
