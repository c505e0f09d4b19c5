//! Which reminders a desktop notification announces, and its words: each reminder once, on the day it
//! falls due (or at the first start that day for overdue ones), however often Today is read. Payments
//! are announced when overdue or due today, contracts on the day they end.
import type { TFunction } from "i18next";
import type { Reminder } from "../../api/bindings/Reminder";
import type { TodayView } from "../../api/bindings/TodayView";
import { formatMoney } from "../../components/money";
import { localToday } from "./todayQuery";

/** A reminder occurrence's identity: the same follow-up due on another day is another reminder. */
export const noticeKey = (r: Reminder) => `${r.kind}:${r.entityId}:${r.due}`;

/** The due reminders not announced yet; `today` is the user's day (`YYYY-MM-DD`). */
export function newlyDue(view: TodayView, announced: ReadonlySet<string>, today = localToday().today): Reminder[] {
  const dueToday = (r: Reminder) => r.due === today;
  return [
    ...view.overdue,
    ...view.today,
    ...view.paymentsOverdue,
    ...view.paymentsDue.filter(dueToday),
    ...view.contractsEnding.filter(dueToday),
  ].filter((r) => !announced.has(noticeKey(r)));
}

/** At most this many names in one notification; the rest are counted. */
const NAMES_SHOWN = 3;

/** One line of the notice: the kind and whose, with the contract and what is owed for the money kinds. */
function line(t: TFunction, r: Reminder, language: string): string {
  const money = r.kind === "installmentDue" || r.kind === "contractEnding";
  const parts = [r.name, money ? r.detail : null, r.amount !== null ? formatMoney(r.amount, language) : null];
  return `${t(`today.kinds.${r.kind}`)}：${parts.filter(Boolean).join(" ")}`;
}

export function noticeOf(t: TFunction, due: Reminder[], language = "zh-CN"): { title: string; body: string } | null {
  if (due.length === 0) return null;
  const names = due.slice(0, NAMES_SHOWN).map((r) => line(t, r, language));
  const more = due.length > NAMES_SHOWN ? [t("notify.more", { count: due.length - NAMES_SHOWN })] : [];
  return { title: t("notify.title", { count: due.length }), body: [...names, ...more].join("\n") };
}
