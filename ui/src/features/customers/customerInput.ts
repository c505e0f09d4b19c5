//! Converts between a Customer, the form's values and the CustomerInput the commands take.
import type { Customer } from "../../api/bindings/Customer";
import type { CustomerInput } from "../../api/bindings/CustomerInput";
import { regionFields, regionPath } from "./regions";

type Text = string | null | undefined;

export type CustomerFormValues = Omit<CustomerInput, "province" | "city" | "district" | "level"> & {
  level: CustomerInput["level"] | undefined;
  region: string[] | undefined;
};

const TEXT_FIELDS = [
  "uscc",
  "industry",
  "source",
  "address",
  "phone",
  "mobile",
  "email",
  "website",
  "notes",
  "invoiceTitle",
  "taxNumber",
  "bankName",
  "bankAccount",
] as const;

function clean(value: Text): string | null {
  const trimmed = (value ?? "").trim();
  return trimmed === "" ? null : trimmed;
}

export function emptyFormValues(): Partial<CustomerFormValues> {
  return { kind: "company", status: "potential", tags: [], region: [] };
}

export function toFormValues(c: Customer): CustomerFormValues {
  const {
    id: _id,
    createdAt: _c,
    updatedAt: _u,
    deletedAt: _d,
    nextFollowUp: _n,
    lastFollowUpAt: _l,
    province,
    city,
    district,
    ...rest
  } = c;
  return { ...rest, level: c.level ?? undefined, region: regionPath({ province, city, district }) };
}

export function toInput(values: Partial<CustomerFormValues>): CustomerInput {
  const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, clean(values[f])])) as Record<
    (typeof TEXT_FIELDS)[number],
    string | null
  >;
  return {
    ...text,
    name: (values.name ?? "").trim(),
    kind: values.kind ?? "company",
    uscc: text.uscc?.toUpperCase() ?? null,
    status: values.status ?? "potential",
    level: values.level ?? null,
    tags: (values.tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== ""),
    touchEveryDays: values.touchEveryDays ?? null,
    preference: values.preference ?? null,
    ...regionFields(values.region),
  };
}

/** The form item a server-side field error belongs to. */
export function formFieldOf(field: string): keyof CustomerFormValues | null {
  if (field === "province" || field === "city" || field === "district") return "region";
  const known: ReadonlyArray<string> = [...TEXT_FIELDS, "name", "kind", "status", "level", "tags", "touchEveryDays", "preference"];
  return known.includes(field) ? (field as keyof CustomerFormValues) : null;
}
