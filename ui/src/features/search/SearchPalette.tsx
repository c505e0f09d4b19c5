//! The global search (Ctrl+K anywhere): results while typing, arrows to choose, Enter to open the customer.
import { useEffect, useState, type KeyboardEvent } from "react";
import { Empty, Input, Modal, Spin, Typography } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { SearchHit } from "../../api/bindings/SearchHit";
import { SearchHitRow } from "./SearchHitRow";
import { useSearch } from "./useSearch";

type Props = { open: boolean; onClose: () => void; onOpenCustomer: (customerId: number) => void };

/** Opens the palette on Ctrl+K (⌘K on macOS) from anywhere in the window. */
export function useSearchShortcut(open: () => void) {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
}

export function SearchPalette({ open, onClose, onOpenCustomer }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const results = useSearch(text);
  const hits: SearchHit[] = text.trim() ? (results.data ?? []) : [];

  useEffect(() => {
    if (open) {
      setText("");
      setActive(0);
    }
  }, [open]);
  useEffect(() => setActive(0), [results.data]);

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onOpenCustomer(hit.customerId);
    onClose();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, hits.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === "Enter") {
      e.preventDefault();
      choose(hits[active]);
    }
  };

  return (
    <Modal open={open} onCancel={onClose} footer={null} closable={false} width={640} destroyOnHidden className="search-palette">
      <Input
        autoFocus
        size="large"
        prefix={<SearchOutlined />}
        suffix={results.isFetching ? <Spin size="small" /> : null}
        placeholder={t("search.placeholder")}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid="search-input"
        aria-label={t("search.title")}
      />
      <div className="search-results" role="listbox" data-testid="search-results">
        {!text.trim() && <Typography.Text type="secondary">{t("search.hint")}</Typography.Text>}
        {text.trim() && results.isSuccess && hits.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("search.empty")} />
        )}
        {hits.map((hit, i) => (
          <div
            key={`${hit.kind}-${hit.id}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? "search-row active" : "search-row"}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(hit)}
            data-testid="search-hit"
          >
            <SearchHitRow hit={hit} />
          </div>
        ))}
      </div>
      <Typography.Text type="secondary" className="search-keys">
        {t("search.keys")}
      </Typography.Text>
    </Modal>
  );
}
