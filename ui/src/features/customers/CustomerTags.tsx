//! Small colored tags for a customer's status and level.
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { CustomerLevel } from "../../api/bindings/CustomerLevel";
import type { LifecycleStatus } from "../../api/bindings/LifecycleStatus";
import { LEVEL_COLOR, STATUS_COLOR } from "./options";

export function StatusTag({ status }: { status: LifecycleStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`status.${status}`)}</Tag>;
}

export function LevelTag({ level }: { level: CustomerLevel | null }) {
  const { t } = useTranslation();
  if (!level) return null;
  return <Tag color={LEVEL_COLOR[level]}>{t(`level.${level}`)}</Tag>;
}
