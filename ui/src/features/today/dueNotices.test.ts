import { describe, expect, it } from "vitest";
import i18n from "../../i18n";
import type { Reminder } from "../../api/bindings/Reminder";
import type { TodayView } from "../../api/bindings/TodayView";
import { newlyDue, noticeKey, noticeOf } from "./dueNotices";

const TODAY = "2026-11-23";

const reminder = (entityId: number, name: string, due = TODAY): Reminder => ({
  kind: "followUp",
  entityId,
  customerId: entityId,
  name,
  detail: null,
  due,
  amount: null,
});

const payment = (entityId: number, name: string, due: string, amount: number): Reminder => ({
  kind: "installmentDue",
  entityId,
  customerId: entityId + 100,
  name,
  detail: `HT-2026-${String(entityId).padStart(4, "0")}`,
  due,
  amount,
});

const ending = (entityId: number, name: string, due: string): Reminder => ({
  kind: "contractEnding",
  entityId,
  customerId: entityId + 100,
  name,
  detail: `HT-2026-${String(entityId).padStart(4, "0")}`,
  due,
  amount: null,
});

const view = (overdue: Reminder[], today: Reminder[], money: Partial<TodayView> = {}): TodayView => ({
  overdue,
  today,
  upcoming: [reminder(9, "下周的客户", "2026-11-30")],
  dormant: [],
  overdueTotal: overdue.length,
  dormantTotal: 0,
  paymentsOverdue: [],
  paymentsOverdueTotal: 0,
  paymentsDue: [],
  contractsEnding: [],
  ...money,
});

describe("due notifications", () => {
  it("announce overdue and today's reminders once, never the upcoming ones", () => {
    const v = view([reminder(1, "华远科技", "2026-11-20")], [reminder(2, "金腾机械")]);
    const first = newlyDue(v, new Set(), TODAY);
    expect(first.map((r) => r.name)).toEqual(["华远科技", "金腾机械"]);
    expect(newlyDue(v, new Set(first.map(noticeKey)), TODAY)).toEqual([]);
  });

  it("announce payments overdue or due today and contracts ending today, not those coming later", () => {
    const v = view([], [], {
      paymentsOverdue: [payment(1, "华远科技", "2026-11-01", 500_000)],
      paymentsOverdueTotal: 1,
      paymentsDue: [payment(2, "金腾机械", TODAY, 123_456), payment(3, "下周付款", "2026-11-27", 100)],
      contractsEnding: [ending(4, "东方物流", TODAY), ending(5, "月底到期", "2026-11-30")],
    });
    const first = newlyDue(v, new Set(), TODAY);
    expect(first.map((r) => `${r.kind}:${r.entityId}`)).toEqual(["installmentDue:1", "installmentDue:2", "contractEnding:4"]);
    expect(newlyDue(v, new Set(first.map(noticeKey)), TODAY)).toEqual([]);
    // An installment and a contract with the same id are different reminders.
    expect(noticeKey(payment(4, "x", TODAY, 1))).not.toBe(noticeKey(ending(4, "x", TODAY)));
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

  it("say which contract a payment or an ending is of, and what is still owed", async () => {
    await i18n.changeLanguage("zh-CN");
    const notice = noticeOf(i18n.t, [payment(2, "金腾机械", TODAY, 123_456), ending(4, "东方物流", TODAY)], "zh-CN");
    expect(notice?.body.split("\n")).toEqual(["回款：金腾机械 HT-2026-0002 ¥1,234.56", "合同到期：东方物流 HT-2026-0004"]);
  });
});
