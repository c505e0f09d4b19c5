//! The period presets of the report screens, as `YYYY-MM-DD` ends both included.
import dayjs, { type Dayjs } from "dayjs";

export type Preset = "month" | "quarter" | "year" | "last12" | "custom";

const day = (d: Dayjs) => d.format("YYYY-MM-DD");

/** The days of a preset around `today`. */
export function presetRange(preset: Exclude<Preset, "custom">, today: Dayjs = dayjs()): [string, string] {
  switch (preset) {
    case "month":
      return [day(today.startOf("month")), day(today.endOf("month"))];
    case "quarter": {
      const first = today.startOf("month").month(Math.floor(today.month() / 3) * 3);
      return [day(first), day(first.add(2, "month").endOf("month"))];
    }
    case "year":
      return [day(today.startOf("year")), day(today.endOf("year"))];
    case "last12":
      return [day(today.startOf("month").subtract(11, "month")), day(today.endOf("month"))];
  }
}

/** The next Monday after `today` (a sensible day to plan calls for). */
export function nextMonday(today: Dayjs = dayjs()): string {
  const ahead = ((8 - today.day()) % 7) || 7;
  return day(today.add(ahead, "day"));
}
