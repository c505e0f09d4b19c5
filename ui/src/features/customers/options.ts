//! The fixed choices of a customer (status, level, kind) and the suggestion lists of the form.
import type { CustomerKind } from "../../api/bindings/CustomerKind";
import type { CustomerLevel } from "../../api/bindings/CustomerLevel";
import type { LifecycleStatus } from "../../api/bindings/LifecycleStatus";

export const STATUSES: ReadonlyArray<LifecycleStatus> = ["potential", "intent", "deal", "lost"];
export const LEVELS: ReadonlyArray<CustomerLevel> = ["a", "b", "c"];
export const KINDS: ReadonlyArray<CustomerKind> = ["company", "individual"];

export const STATUS_COLOR: Record<LifecycleStatus, string> = {
  potential: "blue",
  intent: "gold",
  deal: "green",
  lost: "default",
};

export const LEVEL_COLOR: Record<CustomerLevel, string> = { a: "volcano", b: "geekblue", c: "default" };

export const INDUSTRY_KEYS = [
  "manufacturing",
  "wholesale",
  "retail",
  "catering",
  "it",
  "construction",
  "logistics",
  "education",
  "healthcare",
  "finance",
  "realEstate",
  "agriculture",
  "services",
  "other",
] as const;

export const SOURCE_KEYS = [
  "referral",
  "exhibition",
  "website",
  "search",
  "wechat",
  "douyin",
  "coldCall",
  "walkIn",
  "partner",
  "other",
] as const;
