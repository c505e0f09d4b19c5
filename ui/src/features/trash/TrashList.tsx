//! The trash: trashed customers, contacts, follow-ups, documents, products, contracts, installments and
//! receipts, each restorable or deletable for good after a confirmation.
import { useMemo, useState } from "react";
import { App, Button, Popconfirm, Segmented, Space, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/bindings/AppError";
import type { Customer } from "../../api/bindings/Customer";
import { formatDateTime } from "../../components/formatDate";
import { PageTitle } from "../../components/PageTitle";
import { errorText } from "../../i18n/errorText";
import { CustomerTable } from "../customers/CustomerTable";
import { useDeleteCustomer, useRestoreCustomer } from "../customers/useCustomerMutations";
import { DEFAULT_FILTER, type CustomerFilter } from "../customers/useCustomerPages";
import type { RecordKind } from "../../api/bindings/RecordKind";
import { TrashedRecords } from "./TrashedRecords";

export function TrashList() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<CustomerFilter>({ ...DEFAULT_FILTER, trashed: true });
  const [kind, setKind] = useState<RecordKind>("customers");
  const restore = useRestoreCustomer();
  const remove = useDeleteCustomer();

  const columns = useMemo<ColumnsType<Customer>>(() => {
    const fail = (err: AppError) => void message.error(errorText(t, err));
    return [
      {
        key: "deletedAt",
        dataIndex: "deletedAt",
        title: t("fields.deletedAt"),
        width: 170,
        render: (v: number | null) => formatDateTime(v, i18n.language),
      },
      {
        key: "actions",
        title: t("trash.actions"),
        width: 200,
        fixed: "right",
        render: (_, c) => (
          <Space size="small" onClick={(e) => e.stopPropagation()}>
            <Button
              size="small"
              data-testid="trash-restore"
              onClick={() =>
                restore.mutate(c.id, { onSuccess: () => void message.success(t("trash.restored")), onError: fail })
              }
            >
              {t("trash.restore")}
            </Button>
            <Popconfirm
              title={t("trash.deleteConfirm")}
              okText={t("common.delete")}
              cancelText={t("common.cancel")}
              okButtonProps={{ danger: true }}
              onConfirm={() =>
                remove.mutate(c.id, { onSuccess: () => void message.success(t("trash.deleted")), onError: fail })
              }
            >
              <Button size="small" danger data-testid="trash-delete">
                {t("trash.delete")}
              </Button>
            </Popconfirm>
          </Space>
        ),
      },
    ];
  }, [t, i18n.language, message, restore, remove]);

  return (
    <div className="page page-fill">
      <div className="page-header">
        <PageTitle>{t("trash.title")}</PageTitle>
      </div>
      <Typography.Paragraph type="secondary">{t("trash.hint")}</Typography.Paragraph>
      <Segmented
        className="trash-kinds"
        value={kind}
        onChange={(v) => setKind(v as typeof kind)}
        options={[
          { value: "customers", label: t("trash.customers") },
          { value: "contacts", label: <span data-testid="trash-tab-contacts">{t("trash.contacts")}</span> },
          { value: "followUps", label: t("followUps.title") },
          { value: "documents", label: <span data-testid="trash-tab-documents">{t("documents.tab")}</span> },
          { value: "products", label: <span data-testid="trash-tab-products">{t("moneyTrash.products")}</span> },
          { value: "contracts", label: <span data-testid="trash-tab-contracts">{t("moneyTrash.contracts")}</span> },
          { value: "installments", label: <span data-testid="trash-tab-installments">{t("moneyTrash.installments")}</span> },
          { value: "receipts", label: <span data-testid="trash-tab-receipts">{t("moneyTrash.receipts")}</span> },
        ]}
      />
      {kind !== "customers" && <TrashedRecords key={kind} kind={kind} />}
      {kind === "customers" && <CustomerTable
        filter={filter}
        onSortChange={(sort, direction) => setFilter((f) => ({ ...f, sort, direction }))}
        nameTestId="trash-row-name"
        testId="trash-list"
        emptyText={t("trash.empty")}
        extraColumns={columns}
      />}
    </div>
  );
}
