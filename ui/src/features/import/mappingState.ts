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

export type MappingWarning = "noName" | "noMatchKey" | "unmappedMatchKey" | "noNeededColumns";

/** The needed fields (the preview's `needed`: in each entry, one of the fields needs a column) the mapping
 * leaves without a column. */
export function missingNeeded(mapping: Mapping, needed: ReadonlyArray<ReadonlyArray<string>>): string[][] {
  return needed.filter((anyOf) => !anyOf.some((key) => mapping.includes(key))).map((anyOf) => [...anyOf]);
}

/**
 * What the import would refuse the settings for. Record types other than customers need the columns the
 * core names in the preview (`needed`), in every mode. New customers need a column for their name; updates
 * need match keys, each with a column. While any is left, the import cannot run.
 */
export function mappingWarnings(
  mapping: Mapping,
  mode: ImportMode,
  matchKeys: ReadonlyArray<MatchKey>,
  needed: ReadonlyArray<ReadonlyArray<string>> = [],
): MappingWarning[] {
  if (needed.length > 0) return missingNeeded(mapping, needed).length > 0 ? ["noNeededColumns"] : [];
  const warnings: MappingWarning[] = [];
  if (mode !== "update" && !mapping.includes("name")) warnings.push("noName");
  if (mode !== "create" && matchKeys.length === 0) warnings.push("noMatchKey");
  if (mode !== "create" && matchKeys.some((key) => !mapping.includes(key))) warnings.push("unmappedMatchKey");
  return warnings;
}
