//! A contract's status (草稿 / 已签订 / 执行中 / 已完成 / 已终止) as a coloured tag, and the statuses in order.
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ContractStatus } from "../../api/bindings/ContractStatus";

export const CONTRACT_STATUSES: ContractStatus[] = ["draft", "signed", "active", "completed", "terminated"];

const COLORS: Record<ContractStatus, string> = {
  draft: "default",
  signed: "blue",
  active: "green",
  completed: "cyan",
  terminated: "red",
};

export function ContractStatusTag({ status }: { status: ContractStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="contract-status">
      {t(`contractStatus.${status}`)}
    </Tag>
  );
}
