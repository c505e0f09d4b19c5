//! Every recorded change of a contract: when, which field, from what to what; amounts read as money,
//! statuses and contacts by name.
import { Empty, Timeline, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { Contract } from "../../api/bindings/Contract";
import type { HistoryEntry } from "../../api/bindings/HistoryEntry";
import { formatDateTime } from "../../components/formatDate";
import { formatMoney } from "../../components/money";
import { queryKeys } from "../../api/queryKeys";
import { fieldLabel } from "../../i18n/errorText";

function valueText(t: TFunction, language: string, field: string, value: string | null, contactName: (id: number) => string | null) {
  if (value === null || value === "") return t("common.none");
  if (field === "amount") return formatMoney(Number(value), language);
  if (field === "status") return t(`contractStatus.${value}`);
  if (field === "contactId") return contactName(Number(value)) ?? `#${value}`;
  return value;
}

export function changeText(t: TFunction, language: string, e: HistoryEntry, contactName: (id: number) => string | null = () => null) {
  if (e.field === "created") return t("contracts.historyCreated");
  if (e.field === "deletedAt") return t(e.newValue ? "timeline.trashed" : "timeline.restored");
  const show = (v: string | null) => valueText(t, language, e.field, v, contactName);
  return `${fieldLabel(t, e.field, "contracts")}：${show(e.oldValue)} → ${show(e.newValue)}`;
}

export function ContractHistory({ contract }: { contract: Contract }) {
  const { t, i18n } = useTranslation();
  const history = useQuery({ queryKey: queryKeys.contractHistory(contract.id), queryFn: () => api.listHistory("contracts", contract.id) });
  const contacts = useQuery({ queryKey: queryKeys.customerContacts(contract.customerId), queryFn: () => api.listCustomerContacts(contract.customerId) });
  const contactName = (id: number) => (id === contract.contactId ? contract.contactName : null) ?? contacts.data?.find((c) => c.id === id)?.name ?? null;
  const entries = [...(history.data ?? [])].sort((a, b) => b.changedAt - a.changedAt);

  if (history.isSuccess && entries.length === 0) return <Empty description={t("contracts.historyEmpty")} />;
  return (
    <Timeline
      data-testid="contract-history"
      items={entries.map((e, i) => ({
        key: `${e.changedAt}-${e.field}-${i}`,
        color: "gray",
        children: (
          <Typography.Text data-testid="contract-history-entry">
            <Typography.Text type="secondary">{formatDateTime(e.changedAt, i18n.language)}</Typography.Text> · {changeText(t, i18n.language, e, contactName)}
          </Typography.Text>
        ),
      }))}
    />
  );
}
