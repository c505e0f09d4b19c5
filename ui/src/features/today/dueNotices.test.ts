import { describe, expect, it } from "vitest";
import i18n from "../../i18n";
import type { Reminder } from "../../api/bindings/Reminder";
import type { TodayView } from "../../api/bindings/TodayView";
import { newlyDue, noticeKey, noticeOf } from "./dueNotices";

const reminder = (entityId: number, name: string, due = "2026-11-23"): Reminder => ({
  kind: "followUp",
  entityId,
  customerId: entityId,
  name,
  detail: null,
  due,
});

const view = (overdue: Reminder[], today: Reminder[]): TodayView => ({
  overdue,
  today,
  upcoming: [reminder(9, "下周的客户", "2026-11-30")],
  dormant: [],
  overdueTotal: overdue.length,
  dormantTotal: 0,
});

describe("due notifications", () => {
  it("announce overdue and today's reminders once, never the upcoming ones", () => {
    const v = view([reminder(1, "华远科技", "2026-11-20")], [reminder(2, "金腾机械")]);
    const first = newlyDue(v, new Set());
    expect(first.map((r) => r.name)).toEqual(["华远科技", "金腾机械"]);
    expect(newlyDue(v, new Set(first.map(noticeKey)))).toEqual([]);
  });

  it("name the first three and count the rest, in the user's language", async () => {
    await i18n.changeLanguage("zh-CN");
    const due = [1, 2, 3, 4, 5].map((i) => reminder(i, `客户${i}`));
    const notice = noticeOf(i18n.t, due);
    expect(notice?.title).toBe("今天有 5 项提醒到期");
    expect(notice?.body.split("\n")).toEqual(["跟进：客户1", "跟进：客户2", "跟进：客户3", "还有 2 项"]);
    await i18n.changeLanguage("en");
    expect(noticeOf(i18n.t, due.slice(0, 1))?.title).toBe("Reminders due today: 1");
    expect(noticeOf(i18n.t, [])).toBeNull();
  });
});
