//! The 导出 button of a list: the list as shown (xlsx or csv), every record, or the whole book; a dialog
//! shows the progress and can cancel.
import { Button, Dropdown, Modal, Progress, Typography, type MenuProps } from "antd";
import { DownOutlined, ExportOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { ContractQuery } from "../../api/bindings/ContractQuery";
import type { CustomerQuery } from "../../api/bindings/CustomerQuery";
import type { ExportChoice, ListEntity } from "./exportPlan";
import { useExport } from "./useExport";

type Props = {
  entity: ListEntity;
  /** The list's current filter and sort; null when the list has none. */
  query: CustomerQuery | null;
  /** The contract list's filter and sort, for the contract list's menu. */
  contracts?: ContractQuery | null;
  /** Offer the whole book (a sheet per record type) too. */
  book?: boolean;
  /** The button's words, when a screen has more than one menu (the default: 导出). */
  label?: string;
  testId?: string;
};

const ALL_LABEL: Record<ListEntity, string> = {
  customers: "export.allCustomers",
  contacts: "export.allContacts",
  products: "export.allProducts",
  contracts: "export.allContracts",
  installments: "export.allInstallments",
  receipts: "export.allReceipts",
};

export function ExportMenu({ entity, query, contracts = null, book = false, label, testId = "export-menu" }: Props) {
  const { t, i18n } = useTranslation();
  const { progress, cancelling, start, cancel } = useExport(entity, query, contracts);

  const item = (key: ExportChoice, label: string) => ({ key, label: <span data-testid={`export-${key}`}>{label}</span> });
  const items: MenuProps["items"] = [
    item("view-xlsx", t("export.viewXlsx")),
    item("view-csv", t("export.viewCsv")),
    item("all-xlsx", t(ALL_LABEL[entity])),
    ...(book ? [item("book", t("export.book"))] : []),
  ];
  const percent = progress && progress.total > 0 ? Math.min(100, Math.floor((progress.done * 100) / progress.total)) : 0;
  const number = (n: number) => n.toLocaleString(i18n.language);

  return (
    <>
      <Dropdown
        trigger={["click"]}
        disabled={progress !== null}
        menu={{ items, onClick: ({ key }) => void start(key as ExportChoice) }}
      >
        <Button icon={<ExportOutlined />} data-testid={testId}>
          {label ?? t("export.menu")} <DownOutlined />
        </Button>
      </Dropdown>
      <Modal
        open={progress !== null}
        title={t("export.title")}
        closable={false}
        maskClosable={false}
        keyboard={false}
        footer={
          <Button onClick={cancel} loading={cancelling} data-testid="export-cancel">
            {t("export.cancel")}
          </Button>
        }
      >
        <div data-testid="export-progress">
          <Progress percent={percent} status="active" />
          {progress && progress.total > 0 && (
            <Typography.Text type="secondary">
              {t("export.progress", { done: number(progress.done), total: number(progress.total) })}
            </Typography.Text>
          )}
        </div>
      </Modal>
    </>
  );
}
