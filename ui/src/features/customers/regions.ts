//! The 省 → 市 → 区 tree for the region Cascader, from the vendored regions.json (see scripts/regions.mjs).
import data from "./regions.json";

export type RegionOption = { value: string; label: string; children?: RegionOption[] };

type Tree = Record<string, Record<string, string[]>>;

export const REGION_OPTIONS: RegionOption[] = Object.entries(data as Tree).map(([province, cities]) => ({
  value: province,
  label: province,
  children: Object.entries(cities).map(([city, districts]) => ({
    value: city,
    label: city,
    children: districts.length > 0 ? districts.map((d) => ({ value: d, label: d })) : undefined,
  })),
}));

/** [province, city, district] → the three query/input fields, missing levels as null. */
export function regionFields(path: ReadonlyArray<string> | null | undefined) {
  return { province: path?.[0] ?? null, city: path?.[1] ?? null, district: path?.[2] ?? null };
}

export function regionPath(r: { province: string | null; city: string | null; district: string | null }): string[] {
  return [r.province, r.city, r.district].filter((x): x is string => !!x);
}
