//! Which reminders a desktop notification announces, and its words: each reminder once, on the day it
//! falls due (or at the first start that day for overdue ones), however often Today is read.
import type { TFunction } from "i18next";
import type { Reminder } from "../../api/bindings/Reminder";
import type { TodayView } from "../../api/bindings/TodayView";

/** A reminder occurrence's identity: the same follow-up due on another day is another reminder. */
export const noticeKey = (r: Reminder) => `${r.kind}:${r.entityId}:${r.due}`;

/** The due reminders not announced yet. */
export function newlyDue(view: TodayView, announced: ReadonlySet<string>): Reminder[] {
  return [...view.overdue, ...view.today].filter((r) => !announced.has(noticeKey(r)));
}

/** At most this many names in one notification; the rest are counted. */
const NAMES_SHOWN = 3;

export function noticeOf(t: TFunction, due: Reminder[]): { title: string; body: string } | null {
  if (due.length === 0) return null;
  const names = due.slice(0, NAMES_SHOWN).map((r) => `${t(`today.kinds.${r.kind}`)}：${r.name}`);
  const more = due.length > NAMES_SHOWN ? [t("notify.more", { count: due.length - NAMES_SHOWN })] : [];
  return { title: t("notify.title", { count: due.length }), body: [...names, ...more].join("\n") };
}
