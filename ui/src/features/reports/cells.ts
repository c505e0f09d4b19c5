//! How a report's cells read on screen: money as ¥1,234.56, shares as 12.3%, counts with grouping, days
//! as they are. One formatter for tables, KPI cards and chart tooltips.
import type { Cell } from "../../api/bindings/Cell";
import type { ColumnKind } from "../../api/bindings/ColumnKind";
import { formatMoney } from "../../components/money";

/** The number in a cell, if it holds one. */
export function cellNumber(cell: Cell | undefined): number | null {
  return typeof cell === "number" ? cell : null;
}

/** A cell as text in `language`; an empty cell reads "—". */
export function cellText(cell: Cell | undefined, kind: ColumnKind, language: string): string {
  if (cell === undefined || cell === null || (typeof cell === "object" && cell !== null)) return "—";
  if (typeof cell === "string") return cell;
  switch (kind) {
    case "money":
      return formatMoney(Math.round(cell), language);
    case "percent":
      return `${new Intl.NumberFormat(language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(cell * 100)}%`;
    case "count":
      return new Intl.NumberFormat(language).format(cell);
    case "number":
      return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(cell);
    default:
      return String(cell);
  }
}

/** A money amount (分) short enough for an axis: ¥1.2万 / ¥3.4亿 in Chinese, ¥12k / ¥3.4M in English. */
export function shortMoney(fen: number, language: string): string {
  const yuan = fen / 100;
  const abs = Math.abs(yuan);
  const fmt = (v: number, unit: string) => `¥${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(v)}${unit}`;
  if (language.startsWith("zh")) {
    if (abs >= 1e8) return fmt(yuan / 1e8, language === "zh-TW" ? "億" : "亿");
    if (abs >= 1e4) return fmt(yuan / 1e4, language === "zh-TW" ? "萬" : "万");
    return fmt(yuan, "");
  }
  if (abs >= 1e6) return fmt(yuan / 1e6, "M");
  if (abs >= 1e3) return fmt(yuan / 1e3, "k");
  return fmt(yuan, "");
}
