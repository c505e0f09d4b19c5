//! The column mapping the user edits before an import: which field each column of the file fills.
import type { ImportMode } from "../../api/bindings/ImportMode";
import type { MatchKey } from "../../api/bindings/MatchKey";

/** One entry per column of the file: the field key it fills, or null for "不导入". */
export type Mapping = ReadonlyArray<string | null>;

/**
 * The mapping after the user picks `field` (null = leave out) for column `index`. A field is filled by one
 * column only: picking a field that another column already fills takes it away from that column.
 */
export function applyMapping(mapping: Mapping, index: number, field: string | null): Array<string | null> {
  return mapping.map((current, i) => {
    if (i === index) return field;
    return field !== null && current === field ? null : current;
  });
}

export type MappingWarning = "noName" | "noMatchKey" | "unmappedMatchKey" | "noContactNames" | "noProductKey";

/**
 * What the import would refuse the settings for: new customers need a column for their name; updates need
 * match keys, each with a column. While any is left, the import cannot run.
 */
export function mappingWarnings(
  mapping: Mapping,
  mode: ImportMode,
  matchKeys: ReadonlyArray<MatchKey>,
  entity: "customers" | "contacts" | "products" = "customers",
): MappingWarning[] {
  const warnings: MappingWarning[] = [];
  // A product is found by its code, or its name when it has none.
  if (entity === "products") {
    if (!mapping.includes("name") && !mapping.includes("code")) warnings.push("noProductKey");
    return warnings;
  }
  // A contact is found by its customer's name and its own; both columns are needed in every mode.
  if (entity === "contacts") {
    if (!mapping.includes("customerName") || !mapping.includes("name")) warnings.push("noContactNames");
    return warnings;
  }
  if (mode !== "update" && !mapping.includes("name")) warnings.push("noName");
  if (mode !== "create" && matchKeys.length === 0) warnings.push("noMatchKey");
  if (mode !== "create" && matchKeys.some((key) => !mapping.includes(key))) warnings.push("unmappedMatchKey");
  return warnings;
}
