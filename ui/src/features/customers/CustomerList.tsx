//! The customer screen: filters, total count, the virtual list, and the detail and form drawers.
import { useEffect, useState } from "react";
import { Button, Space, Tooltip, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Customer } from "../../api/bindings/Customer";
import { PageTitle } from "../../components/PageTitle";
import { CustomerDetail } from "./CustomerDetail";
import { CustomerFilters } from "./CustomerFilters";
import { CustomerForm } from "./CustomerForm";
import { CustomerTable } from "./CustomerTable";
import { ExportMenu } from "../export/ExportMenu";
import { ListSearch } from "../search/ListSearch";
import { DEFAULT_FILTER, PAGE_SIZE, useCustomerCount, type CustomerFilter } from "./useCustomerPages";

type FormState = { open: boolean; customer: Customer | null };

/** A request from elsewhere (search, contacts) to show one customer; `at` makes a repeat request new. */
export type OpenRequest = { id: number; at: number };

export function CustomerList({ openRequest = null }: { openRequest?: OpenRequest | null }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<CustomerFilter>(DEFAULT_FILTER);
  const [detailId, setDetailId] = useState<number | null>(null);
  const [form, setForm] = useState<FormState>({ open: false, customer: null });
  const count = useCustomerCount(filter);
  const filtered = !!(filter.status || filter.level || filter.tag || filter.province);

  useEffect(() => {
    if (openRequest) setDetailId(openRequest.id);
  }, [openRequest]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "n") {
        e.preventDefault();
        setForm({ open: true, customer: null });
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <div className="page page-fill">
      <div className="page-header">
        <PageTitle>{t("customers.title")}</PageTitle>
        <Space>
          <ListSearch onOpenCustomer={setDetailId} />
          <Typography.Text type="secondary" data-testid="customer-count">
            {count.data !== undefined ? t("customers.count", { count: count.data }) : "\u00a0"}
          </Typography.Text>
          <ExportMenu entity="customers" query={{ ...filter, after: null, limit: PAGE_SIZE }} book />
          <Tooltip title={t("customers.newShortcut")}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true, customer: null })} data-testid="customer-new">
              {t("customers.new")}
            </Button>
          </Tooltip>
        </Space>
      </div>
      <CustomerFilters filter={filter} onChange={setFilter} />
      <CustomerTable
        filter={filter}
        onSortChange={(sort, direction) => setFilter((f) => ({ ...f, sort, direction }))}
        onRowClick={(c) => setDetailId(c.id)}
        nameTestId="customer-row-name"
        testId="customer-list"
        emptyText={t(filtered ? "customers.emptyFiltered" : "customers.empty")}
      />
      <CustomerDetail
        id={detailId}
        onClose={() => setDetailId(null)}
        onEdit={(customer) => setForm({ open: true, customer })}
        onOpen={setDetailId}
      />
      <CustomerForm
        open={form.open}
        customer={form.customer}
        onClose={() => setForm((f) => ({ ...f, open: false }))}
      />
    </div>
  );
}
