import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { OpenInstallmentQuery } from "../../api/bindings/OpenInstallmentQuery";
import { renderInChinese } from "../../test/render";
import { ReceivablesPage } from "./ReceivablesPage";

/** The machine may be busy (a Rust build beside the tests): give antd time to render. */
const SLOW = { timeout: 5000 };

const row = {
  id: 11,
  contractId: 1,
  contractNumber: "HT-2026-0001",
  contractTitle: "年度云服务合同",
  customerId: 7,
  customerName: "北京华远科技有限公司",
  dueOn: "2026-11-20",
  amount: 200_000,
  received: 50_000,
  outstanding: 150_000,
};

describe("ReceivablesPage", () => {
  it("shows the book's totals and narrows the open installments to an aging bucket", async () => {
    const queries: OpenInstallmentQuery[] = [];
    mockIPC((cmd, args) => {
      switch (cmd) {
        case "book_receivables":
          return {
            today: "2026-12-02",
            outstanding: 270_000,
            overdue: 150_000,
            aging: { notDue: 120_000, days1To30: 150_000, days31To90: 0, over90: 0 },
            openInstallments: 2,
            customersOverdue: 1,
          };
        case "list_open_installments":
          queries.push((args as { query: OpenInstallmentQuery }).query);
          return { rows: [row], nextCursor: null };
      }
      return [];
    });
    await renderInChinese(<ReceivablesPage onOpenCustomer={() => undefined} />);
    expect(await screen.findByTestId("receivables-outstanding", {}, SLOW)).toHaveTextContent("¥2,700.00");
    expect(screen.getByTestId("receivables-overdue")).toHaveTextContent("¥1,500.00");
    const listed = await screen.findByTestId("receivable-row", {}, SLOW);
    expect(listed).toHaveTextContent("HT-2026-0001");
    expect(listed).toHaveTextContent("逾期 12 天");
    expect(listed).toHaveTextContent("¥1,500.00");
    expect(queries[0]).toMatchObject({ bucket: null, customerId: null, after: null });

    fireEvent.click(screen.getByTestId("aging-days1To30"));
    await waitFor(() => expect(queries.at(-1)).toMatchObject({ bucket: "days1To30" }), SLOW);
    expect(screen.getByTestId("receivables-filter")).toHaveTextContent("逾期 1–30 天");
  }, 40_000);
});
