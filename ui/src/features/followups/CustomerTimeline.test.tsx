import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import { renderInChinese } from "../../test/render";
import { sampleContract, sampleRow } from "../../test/sampleMoney";
import { CustomerTimeline } from "./CustomerTimeline";

/** The machine may be busy (a Rust build beside the tests): give antd time to render. */
const SLOW = { timeout: 5000 };

describe("CustomerTimeline", () => {
  it("shows a contract signed and a payment received", async () => {
    mockIPC((cmd) => {
      if (cmd === "customer_timeline")
        return [
          {
            type: "receipt",
            at: 2,
            receipt: { id: 21, installmentId: 11, contractId: 1, contractNumber: "HT-2026-0001", customerId: 7, receivedOn: "2026-03-10", amount: 50_000, method: "wechat", note: null, createdAt: 0, updatedAt: 0, deletedAt: null },
          },
          { type: "contract", at: 1, contract: sampleRow(sampleContract(1)) },
        ];
      return [];
    });
    await renderInChinese(<CustomerTimeline customerId={7} />);
    expect(await screen.findByTestId("timeline-contract", {}, SLOW)).toHaveTextContent("签订合同 HT-2026-0001 年度云服务合同 ¥3,200.00");
    expect(screen.getByTestId("timeline-receipt")).toHaveTextContent("收到回款 ¥500.00（微信）· HT-2026-0001");
  });
});
