//! Which value of each field the survivor of a merge keeps: the pure part of the merge dialog.
import type { Customer } from "../../api/bindings/Customer";
import type { CustomerInput } from "../../api/bindings/CustomerInput";

/** The fields a user picks between; the region (省/市/区) goes as one. */
export const MERGE_FIELDS = [
  "name",
  "kind",
  "uscc",
  "status",
  "level",
  "industry",
  "source",
  "region",
  "address",
  "mobile",
  "phone",
  "email",
  "website",
  "tags",
  "touchEveryDays",
  "preference",
  "invoiceTitle",
  "taxNumber",
  "bankName",
  "bankAccount",
  "notes",
] as const;

export type MergeField = (typeof MERGE_FIELDS)[number];

/** The survivor's value, the other customer's, or (tags and notes) both. */
export type Pick = "survivor" | "other" | "both";
export type Picks = Record<MergeField, Pick>;

/** Fields whose two values can be combined. */
export const COMBINABLE: ReadonlySet<MergeField> = new Set(["tags", "notes"]);

/** A field's value as comparable, showable text ("" when empty). */
export function shown(c: Customer, field: MergeField): string {
  switch (field) {
    case "region":
      return [c.province, c.city, c.district].filter(Boolean).join(" / ");
    case "tags":
      return c.tags.join("、");
    case "touchEveryDays":
      return c.touchEveryDays === null ? "" : String(c.touchEveryDays);
    case "preference":
      return c.preference === null ? "" : String(c.preference);
    default:
      return c[field] ?? "";
  }
}

/** The fields on which the two customers differ: the only ones worth asking about. */
export function differing(survivor: Customer, other: Customer): MergeField[] {
  return MERGE_FIELDS.filter((f) => shown(survivor, f) !== shown(other, f));
}

/** What a user most often wants: the survivor's value, unless it is empty; tags of both. */
export function initialPicks(survivor: Customer, other: Customer): Picks {
  const picks = {} as Picks;
  for (const f of MERGE_FIELDS) {
    const mine = shown(survivor, f);
    const theirs = shown(other, f);
    if (f === "tags" && mine !== "" && theirs !== "" && mine !== theirs) picks[f] = "both";
    else picks[f] = mine === "" && theirs !== "" ? "other" : "survivor";
  }
  return picks;
}

/** The survivor's fields after the merge. */
export function mergedInput(survivor: Customer, other: Customer, picks: Picks): CustomerInput {
  const from = (f: MergeField) => (picks[f] === "other" ? other : survivor);
  const region = from("region");
  const tags =
    picks.tags === "both" ? [...new Set([...survivor.tags, ...other.tags])] : from("tags").tags;
  const notes =
    picks.notes === "both"
      ? [survivor.notes, other.notes].filter((n): n is string => !!n).join("\n") || null
      : from("notes").notes;
  return {
    name: from("name").name,
    kind: from("kind").kind,
    uscc: from("uscc").uscc,
    industry: from("industry").industry,
    source: from("source").source,
    province: region.province,
    city: region.city,
    district: region.district,
    address: from("address").address,
    phone: from("phone").phone,
    mobile: from("mobile").mobile,
    email: from("email").email,
    website: from("website").website,
    level: from("level").level,
    status: from("status").status,
    tags,
    notes,
    invoiceTitle: from("invoiceTitle").invoiceTitle,
    taxNumber: from("taxNumber").taxNumber,
    bankName: from("bankName").bankName,
    bankAccount: from("bankAccount").bankAccount,
    touchEveryDays: from("touchEveryDays").touchEveryDays,
    preference: from("preference").preference,
  };
}
