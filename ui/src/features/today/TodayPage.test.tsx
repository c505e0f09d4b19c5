import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { Reminder } from "../../api/bindings/Reminder";
import type { TodayView } from "../../api/bindings/TodayView";
import { renderInChinese } from "../../test/render";
import { DEFAULT_SETTINGS } from "../settings/useSettings";
import { TodayPage } from "./TodayPage";
import { localToday } from "./todayQuery";

const money = (kind: Reminder["kind"], entityId: number, name: string, due: string, amount: number | null): Reminder => ({
  kind,
  entityId,
  customerId: entityId + 100,
  name,
  detail: `HT-2026-000${entityId}`,
  due,
  amount,
});

describe("TodayPage", () => {
  it("shows payments overdue and due and contracts ending, with contract, amount and day, and acts on them", async () => {
    const { today } = localToday();
    const view: TodayView = {
      overdue: [],
      today: [],
      upcoming: [],
      dormant: [],
      overdueTotal: 0,
      dormantTotal: 0,
      paymentsOverdue: [money("installmentDue", 1, "华远科技", "2020-01-31", 123_456)],
      paymentsOverdueTotal: 3,
      paymentsDue: [money("installmentDue", 2, "金腾机械", today, 50_000)],
      contractsEnding: [money("contractEnding", 3, "东方物流", "2099-12-31", null)],
    };
    const queries: unknown[] = [];
    const acted: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "get_settings") return { ...DEFAULT_SETTINGS, reminders: { ...DEFAULT_SETTINGS.reminders, installmentDaysBefore: 10, contractEndDaysBefore: 60 } };
      if (cmd === "today_view") {
        queries.push((args as { query: unknown }).query);
        return view;
      }
      if (cmd === "act_on_reminder") {
        acted.push(args);
        return null;
      }
      throw new Error(`unexpected ${cmd}`);
    });
    const opened: number[] = [];
    await renderInChinese(<TodayPage onOpenCustomer={(id) => opened.push(id)} />);

    const overdue = await screen.findByTestId("today-payments-overdue");
    expect(overdue).toHaveTextContent("回款逾期");
    expect(overdue).toHaveTextContent("共 3 笔");
    expect(overdue).toHaveTextContent("华远科技");
    expect(overdue).toHaveTextContent("HT-2026-0001");
    expect(within(overdue).getByTestId("reminder-amount")).toHaveTextContent("¥1,234.56");
    expect(overdue).toHaveTextContent("应收日 2020-01-31");
    expect(screen.getByTestId("today-payments-due")).toHaveTextContent("即将到期的回款（10 天内）");
    expect(screen.getByTestId("today-payments-due")).toHaveTextContent("¥500.00");
    const ending = screen.getByTestId("today-contracts-ending");
    expect(ending).toHaveTextContent("即将到期的合同（60 天内）");
    expect(ending).toHaveTextContent("结束日 2099-12-31");
    expect(within(ending).queryByTestId("reminder-amount")).toBeNull();
    // Snoozing past a day this far ahead makes no sense: only done is offered.
    expect(within(ending).queryByTestId("reminder-snooze")).toBeNull();
    expect(queries[0]).toMatchObject({ installmentDaysBefore: 10, contractEndDaysBefore: 60, today });

    fireEvent.click(within(overdue).getByTestId("reminder-name"));
    expect(opened).toEqual([101]);
    fireEvent.click(within(overdue).getByTestId("reminder-done"));
    await waitFor(() => expect(acted).toEqual([{ kind: "installmentDue", entityId: 1, due: "2020-01-31", snoozeUntil: null }]));
    expect(await screen.findByText("已完成")).toBeInTheDocument();
  });
});
