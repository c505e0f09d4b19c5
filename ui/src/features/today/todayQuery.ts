//! What Today asks the core: the user's day and UTC offset, and how far each list looks, from the
//! reminder settings. Shared by the Today page and the desktop notifications so both see the same lists.
import dayjs from "dayjs";
import type { ReminderSettings } from "../../api/bindings/ReminderSettings";
import type { TodayQuery } from "../../api/bindings/TodayQuery";

/** The user's day and UTC offset, as the core wants them. */
export function localToday(now = new Date()) {
  return { today: dayjs(now).format("YYYY-MM-DD"), utcOffsetMinutes: -now.getTimezoneOffset() };
}

export function todayQuery(reminders: ReminderSettings, now = new Date()): TodayQuery {
  const { aheadDays, dormantDays, installmentDaysBefore, contractEndDaysBefore } = reminders;
  return { ...localToday(now), aheadDays, dormantDays, installmentDaysBefore, contractEndDaysBefore };
}
