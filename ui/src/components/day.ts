//! Calendar days as the API holds them (`YYYY-MM-DD`) and as antd's DatePicker holds them (dayjs).
import dayjs, { type Dayjs } from "dayjs";

export const DAY_FORMAT = "YYYY-MM-DD";

export function toDayText(value: Dayjs | null | undefined): string | null {
  return value ? value.format(DAY_FORMAT) : null;
}

export function toDayjs(text: string | null | undefined): Dayjs | undefined {
  if (!text) return undefined;
  const d = dayjs(text);
  return d.isValid() ? d : undefined;
}

/** Whole days from `dueOn` to `today` (both `YYYY-MM-DD`); zero or less when not yet due. */
export function daysLate(dueOn: string, today: string): number {
  return dayjs(today).diff(dayjs(dueOn), "day");
}
