//! An amount of 分 shown as ¥1,234.56 in the current language, in tabular figures.
import { useTranslation } from "react-i18next";
import { formatMoney } from "./money";
import "./money.css";

type Props = { fen: number; testId?: string; className?: string };

export function Money({ fen, testId, className }: Props) {
  const { i18n } = useTranslation();
  return (
    <span className={className ? `money ${className}` : "money"} data-testid={testId}>
      {formatMoney(fen, i18n.language)}
    </span>
  );
}
