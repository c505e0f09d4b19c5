//! The analysis screens: which report each shows, and which of the controls it offers.
import type { ReportName } from "../../api/bindings/ReportName";

export type ReportScreen = {
  /** The menu key (nav.<key>). */
  key: string;
  name: ReportName;
  /** A period of the calendar, and what it is compared with. */
  period: boolean;
  compare: boolean;
  /** Month, quarter or year buckets (sales). */
  grain: boolean;
  /** 签约额 or 回款额 (Pareto). */
  measure: boolean;
  /** Computed as of a day (models and windows). */
  asOf: boolean;
};

const screen = (key: string, name: ReportName, on: Partial<ReportScreen>): ReportScreen => ({
  key,
  name,
  period: false,
  compare: false,
  grain: false,
  measure: false,
  asOf: false,
  ...on,
});

export const REPORT_SCREENS: ReadonlyArray<ReportScreen> = [
  screen("salesReport", "sales", { period: true, compare: true, grain: true }),
  screen("receivablesReport", "receivables", { period: true }),
  screen("customersReport", "customers", { period: true, compare: true }),
  screen("followUpsReport", "follow-ups", { period: true, compare: true }),
  screen("pareto", "pareto", { period: true, measure: true }),
  screen("rfm", "rfm", { asOf: true }),
  screen("loyalty", "loyalty", { asOf: true }),
  screen("clv", "clv", { asOf: true }),
  screen("churn", "churn", { asOf: true }),
  screen("valueMatrix", "value-matrix", { asOf: true }),
];

/** How many rows of a customer list a screen asks for (the export writes every one). */
export const SCREEN_ROWS = 100;
